"""Writes the parity fixture: two HU slices of a cohort patient, their model input, and PyTorch's outputs.

The slices come from a covid patient of a cohort written by the C# cohort builder (the shipped fixture
uses the embedded default cohort, procedural, not patient data): the slice with the most lesion pixels
and the lesion-free slice with the most lung.

Files (all raw little-endian, C order, no header):
  hu.i16                    int16   [2, H0, W0]    the two HU slices at the cohort's resolution
  image.f32                 float32 [2, 1, S, S]   preprocess.slices_to_model_input(hu), S = model input size
  probability.NAME.f32      float32 [2, 1, S, S]   the PyTorch checkpoint's probability for image.f32
A model given as an .onnx file instead of a checkpoint (a shipped model whose checkpoint is gone, e.g. unetpp-v3) is
rebuilt in PyTorch from its folded weights (warm_start.load_folded): the check is then ONNX Runtime's arithmetic
against PyTorch's on the same weights, not the export. ``--add`` keeps the fixture's other models (the HU slices must
be the same), so one model can join without the checkpoints of the others.
The C# pipeline test checks its preprocessing of hu.i16 against image.f32, and ONNX Runtime's output for
models/NAME.onnx on image.f32 against probability.NAME.f32 (within 1e-4).
"""
from __future__ import annotations

import argparse
import json
import os

import numpy as np
import torch

from . import nifti
from .cohort import load_manifest
from .export import load_checkpoint
from .models import build
from .warm_start import load_folded
from .preprocess import slices_to_model_input

LUNG_HU = (-950, -500)
SHIPPED_FILTERS = (8, 16, 32, 64, 128)


def load_model(path: str) -> tuple[torch.nn.Module, int]:
    """The network in eval mode and its input size, from a best.pt or from a shipped .onnx (filters 8..128)."""
    if not path.endswith(".onnx"):
        model, config = load_checkpoint(path)
        return model, config["size"]
    import onnx
    meta = {p.key: p.value for p in onnx.load(path).metadata_props}
    if "covidct.architecture" not in meta or "covidct.input_height" not in meta:
        raise ValueError(f"{path}: needs covidct.architecture and covidct.input_height metadata")
    model = build(meta["covidct.architecture"], SHIPPED_FILTERS, False)
    load_folded(model, path)
    model.eval()
    return model, int(meta["covidct.input_height"])


def patient_slices(manifest: str, patient_id: str) -> np.ndarray:
    """The patient's slice with the most lesion pixels and its lesion-free slice with the most lung, as int16 HU.

    Raises ValueError when the patient is not in the manifest, has no mask, or has no slice with (or
    without) lesion."""
    entry = next((e for e in load_manifest(manifest) if e.patient_id == patient_id), None)
    if entry is None or entry.masks is None:
        raise ValueError(f"{manifest}: patient '{patient_id}' must be listed and have a lesion mask")
    hu, mask = nifti.read(entry.images), nifti.read(entry.masks)
    lesion = (mask != 0).reshape(len(mask), -1).sum(axis=1)
    lung = ((hu > LUNG_HU[0]) & (hu < LUNG_HU[1])).reshape(len(hu), -1).sum(axis=1)
    if lesion.max() == 0 or lesion.min() > 0:
        raise ValueError(f"{entry.images}: needs a slice with lesion and one without")
    without = int(np.argmax(np.where(lesion == 0, lung, -1)))
    return np.stack([hu[int(np.argmax(lesion))], hu[without]]).astype(np.int16)


def write(folder: str, models: dict[str, str], manifest: str, patient_id: str, add: bool = False) -> None:
    os.makedirs(folder, exist_ok=True)
    hu = patient_slices(manifest, patient_id)
    kept: dict = {}
    if add:
        with open(os.path.join(folder, "fixture.json")) as f:
            kept = json.load(f)
        old = np.fromfile(os.path.join(folder, "hu.i16"), "<i2").reshape(kept["shapes"]["hu.i16"])
        if not np.array_equal(old, hu):
            raise ValueError(f"{folder}: --add needs the same HU slices; {manifest} patient {patient_id} gives others")
    hu.astype("<i2").tofile(os.path.join(folder, "hu.i16"))
    sizes = {n: kept["shapes"]["image.f32"][-1] for n in kept.get("models", {})}
    for name, checkpoint in models.items():
        model, size = load_model(checkpoint)
        if sizes and size not in sizes.values():
            raise ValueError(f"{name}: input size {size} differs from the other models {sizes}; one image.f32 serves all")
        sizes[name] = size
        image = slices_to_model_input(hu, size, size)
        image.numpy().astype("<f4").tofile(os.path.join(folder, "image.f32"))
        with torch.no_grad():
            probability = model.probability(image)
        probability.numpy().astype("<f4").tofile(os.path.join(folder, f"probability.{name}.f32"))
    size = next(iter(sizes.values()))
    names = list(kept.get("models", {})) + [n for n in models if n not in kept.get("models", {})]
    shapes = {"hu.i16": list(hu.shape), "image.f32": [2, 1, size, size]}
    shapes.update({f"probability.{n}.f32": [2, 1, size, size] for n in names})
    with open(os.path.join(folder, "fixture.json"), "w") as f:
        json.dump({"shapes": shapes, "byte_order": "little-endian", "layout": "C order (last index fastest)",
                   "window_width": 1200, "window_level": -700, "tolerance": 1e-4,
                   "source": {"manifest": os.path.basename(os.path.dirname(os.path.abspath(manifest))),
                              "patient_id": patient_id},
                   "models": {n: f"models/{n}.onnx" for n in names}}, f, indent=2)
        f.write("\n")


def main() -> None:
    p = argparse.ArgumentParser(description="Write the PyTorch/ONNX parity fixture.")
    p.add_argument("folder")
    p.add_argument("models", nargs="+", help="NAME=path/to/best.pt (e.g. unetpp-v1=runs/unetpp-v1/best.pt) or "
                   "NAME=path/to/model.onnx (rebuilt from its folded weights)")
    p.add_argument("--add", action="store_true", help="keep the fixture's other models (same HU slices required)")
    p.add_argument("--manifest", required=True, help="cohort manifest holding the source patient")
    p.add_argument("--patient", required=True, help="a covid patient with a mask, e.g. sim-003")
    a = p.parse_args()
    write(a.folder, dict(m.split("=", 1) for m in a.models), a.manifest, a.patient, a.add)


if __name__ == "__main__":
    main()
