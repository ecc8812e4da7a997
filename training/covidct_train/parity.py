"""Writes the parity fixture: phantom HU slices, their preprocessed model input, and PyTorch's outputs.

Files (all raw little-endian, C order, no header):
  hu.i16                    int16   [2, 256, 256]  HU slices (procedural phantom, not patient data)
  image.f32                 float32 [2, 1, S, S]   preprocess.slices_to_model_input(hu), S = model input size
  probability.NAME.f32      float32 [2, 1, S, S]   the PyTorch checkpoint's probability for image.f32
The C# pipeline test checks its preprocessing of hu.i16 against image.f32, and ONNX Runtime's output for
models/NAME.onnx on image.f32 against probability.NAME.f32 (within 1e-4).
"""
from __future__ import annotations

import argparse
import json
import os

import numpy as np
import torch

from .export import load_checkpoint
from .phantoms import Patient
from .preprocess import slices_to_model_input

SOURCE_SIZE = 256


def phantom_slices() -> np.ndarray:
    """Two slices of a seeded covid phantom, one through a lesion and one without, as int16 HU."""
    patient = Patient(np.random.default_rng(20200225), SOURCE_SIZE, 24, covid=True)
    slices = [patient.slice(z) for z in range(24)]
    with_lesion = max(range(24), key=lambda z: slices[z][1].sum())
    without = min(range(24), key=lambda z: (slices[z][1].sum(), abs(z - 12)))
    return np.stack([slices[with_lesion][0], slices[without][0]]).astype(np.int16)


def write(folder: str, models: dict[str, str]) -> None:
    os.makedirs(folder, exist_ok=True)
    hu = phantom_slices()
    hu.astype("<i2").tofile(os.path.join(folder, "hu.i16"))
    sizes = {}
    for name, checkpoint in models.items():
        model, config = load_checkpoint(checkpoint)
        size = config["size"]
        image = slices_to_model_input(hu, size, size)
        if sizes and size not in sizes.values():
            raise ValueError(f"{name}: input size {size} differs from the other models {sizes}; one image.f32 serves all")
        sizes[name] = size
        image.numpy().astype("<f4").tofile(os.path.join(folder, "image.f32"))
        with torch.no_grad():
            probability = model.probability(image)
        probability.numpy().astype("<f4").tofile(os.path.join(folder, f"probability.{name}.f32"))
    shapes = {"hu.i16": [2, SOURCE_SIZE, SOURCE_SIZE]}
    size = next(iter(sizes.values()))
    shapes["image.f32"] = [2, 1, size, size]
    shapes.update({f"probability.{n}.f32": [2, 1, size, size] for n in models})
    with open(os.path.join(folder, "fixture.json"), "w") as f:
        json.dump({"shapes": shapes, "byte_order": "little-endian", "layout": "C order (last index fastest)",
                   "window_width": 1200, "window_level": -700, "tolerance": 1e-4,
                   "models": {n: f"models/{n}.onnx" for n in models}}, f, indent=2)
        f.write("\n")


def main() -> None:
    p = argparse.ArgumentParser(description="Write the PyTorch/ONNX parity fixture.")
    p.add_argument("folder")
    p.add_argument("models", nargs="+", help="NAME=path/to/best.pt, e.g. unetpp-v1=runs/unetpp-v1/best.pt")
    a = p.parse_args()
    write(a.folder, dict(m.split("=", 1) for m in a.models))


if __name__ == "__main__":
    main()
