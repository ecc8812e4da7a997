"""Chooses a training run's checkpoint on real held-out slices instead of simulated validation loss (issue #16).

Every ``epoch-NNN.pt`` of a run (``train --save-epochs``) is measured, or its ``epoch-NNN.onnx`` where only that came
back (``train --export-epochs`` on a lent GPU, training/gpu/run.sh; rebuilt from its folded weights), as ``covidct_train.evaluate`` counts (the whole
slice fitted into the input, the map resized back to the slice, components of more than 25 slice pixels at p >= 0.5):

- on real lesion slices (``--images``/``--masks``, 8-bit slices read back to HU with the ``--window`` they were exported
  at): per-image sensitivity, lesion hit rate, false boxes per image and Dice of the boxes' area, mean per slice
  (``covidct_train.lesions``, the platform's lesion-level conventions);
- on real control series (``--control-series``, DICOM folders of patients without COVID-19): per-image specificity;
- on held-out real control series (``--held-out-series``): per-image specificity and the patient call, **reported
  only**: the criterion never reads them, so they are the clean held-out figures the issue asks for ("hold out one of
  the two LIDC-IDRI series from every training cohort"). A held-out series may be neither a ``--control-series`` nor a
  real series of the ``--manifest`` cohort (its cohort card's patients' ``source``), else ``select`` stops with an
  error;
- on the simulated cohort's val split (``--manifest``, every ``--every``-th slice): per-image specificity of the slices
  without lesion, the guard for the procedural controls and confounders that simulated validation loss did not foresee.

**Criterion** (``choose``): a checkpoint is eligible when its real per-image sensitivity is at least ``--min-sensitivity``
(0.85, the issue's target) and both specificities (control series and val split, never the held-out series) are at least
those of the run's starting point, epoch 0 (the shipped model it was fine-tuned from: a fine-tune must not buy hits with
false positives), or at least the values given with ``--min-control-specificity`` / ``--min-val-specificity``. Among
the eligible, the highest lesion hit rate wins, then the higher Dice, then the earlier epoch. Epoch 0 is a candidate,
so "no checkpoint beats the start" is a possible answer.

Writes ``selection.csv`` (one row per checkpoint) into the run folder and copies the chosen one to ``selected.pt``
(``selected.onnx`` when the epochs are ONNX files). The
real slices are for measurement and model selection only: nothing derived from them but these figures is written.

    python3 -m covidct_train.select runs/NAME --images DIR --masks DIR --window 1290/-560 \\
        --control-series LIDC-IDRI-0001 --held-out-series LIDC-IDRI-0003 --manifest cohort/manifest.csv
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import re
import shutil
import sys
from dataclasses import asdict, dataclass, fields

import numpy as np
import torch
from PIL import Image

from . import nifti
from .cohort import load_manifest
from .dicom import read_series
from .evaluate import MIN_PIXELS, THRESHOLD, score_at_slice_resolution
from .lesions import boxes, match
from .parity import load_model
from .postprocess import patient_positive, to_slice_resolution
from .preprocess import slices_to_model_input

_EPOCH = re.compile(r"epoch-(\d+)\.(pt|onnx)$")


@dataclass(frozen=True)
class Measured:
    """One checkpoint's figures; proportions are None when their denominator is 0."""
    epoch: int
    real_images: int
    real_sensitivity: float | None
    lesions: int
    hit_rate: float | None
    false_boxes_per_image: float | None
    dice: float | None
    control_slices: int
    control_specificity: float | None
    control_patients_positive: int
    val_slices: int
    val_specificity: float | None
    held_out_slices: int = 0
    held_out_specificity: float | None = None
    held_out_patients_positive: int = 0


def _ratio(numerator: float, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def read_real_slices(images: str, masks: str, window: str) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(name, HU [H,W], mask [H,W] bool) of every image with a mask of the same name up to the extension."""
    try:
        width, level = (float(v) for v in window.split("/"))
    except ValueError:
        raise ValueError(f"--window: expected WIDTH/LEVEL in HU such as 1290/-560, got '{window}'") from None
    by_stem = {os.path.splitext(f)[0]: os.path.join(masks, f) for f in os.listdir(masks)}
    slices = []
    for name in sorted(os.listdir(images)):
        stem = os.path.splitext(name)[0]
        if stem not in by_stem:
            raise ValueError(f"{os.path.join(images, name)}: no mask named '{stem}.*' in {masks}")
        gray = np.asarray(Image.open(os.path.join(images, name)).convert("L"), dtype=np.float32)
        mask = np.asarray(Image.open(by_stem[stem]).convert("L")) > 127
        if mask.shape != gray.shape:
            raise ValueError(f"{by_stem[stem]}: mask is {mask.shape[1]}x{mask.shape[0]}, its image "
                             f"{gray.shape[1]}x{gray.shape[0]}")
        slices.append((name, level - width / 2 + gray / 255.0 * width, mask))
    if not slices:
        raise ValueError(f"{images}: no images")
    return slices


def read_val_slices(manifest: str, split: str, every: int) -> list[np.ndarray]:
    """HU volumes [Z,H,W] of the split's slices known to be lesion-free, every ``every``-th one of each patient."""
    volumes = []
    for entry in load_manifest(manifest):
        if entry.split != split or (entry.label == "covid" and not entry.masks):
            continue
        hu = nifti.read(entry.images)
        free = np.arange(len(hu)) if not entry.masks else np.flatnonzero(
            ~(nifti.read(entry.masks) != 0).reshape(len(hu), -1).any(axis=1))
        if len(free[::every]):
            volumes.append(hu[free[::every]])
    if not volumes:
        raise ValueError(f"{manifest}: no lesion-free slices in split '{split}'")
    return volumes


def held_out_conflicts(held_out: list[str], controls: list[str], manifest: str) -> list[str]:
    """Why each held-out series is not held out: it is also a choosing control series, or a real series the cohort's
    patients were built from (``cohort-card.json`` beside the manifest, patients' ``source``). Empty when clean."""
    card_path = os.path.join(os.path.dirname(os.path.abspath(manifest)), "cohort-card.json")
    sources = set()
    if held_out and not os.path.exists(card_path):
        print(f"Warning: {card_path} not found: cannot check that no patient of the cohort was built from the held-out "
              "series", file=sys.stderr, flush=True)
    if os.path.exists(card_path):
        with open(card_path) as f:
            card = json.load(f)
        sources = {os.path.basename(os.path.normpath(p["source"])) for p in card.get("patients", [])
                   if p.get("source", "procedural") != "procedural"}
    chosen_on = {os.path.realpath(c) for c in controls}
    problems = []
    for series in held_out:
        name = os.path.basename(os.path.normpath(series))
        if os.path.realpath(series) in chosen_on:
            problems.append(f"--held-out-series {series}: also a --control-series, so the choice would use it")
        if name in sources:
            problems.append(f"--held-out-series {series}: {card_path} has patients built from {name}, "
                            "so the model was trained or validated on it")
    return problems


def _specificity(model, size: int, volumes: list[np.ndarray]) -> tuple[int, int, int]:
    """(lesion-free slices called negative, slices, patients called positive) over control volumes."""
    free, slices, positive = 0, 0, 0
    for volume in volumes:
        findings = score_at_slice_resolution(model, volume, size, THRESHOLD, MIN_PIXELS)
        free += sum(not f for f in findings)
        slices += len(findings)
        positive += int(patient_positive(findings))
    return free, slices, positive


@torch.no_grad()
def measure(checkpoint: str, epoch: int, real: list, controls: list[np.ndarray], val: list[np.ndarray],
            held_out: list[np.ndarray] = ()) -> Measured:
    model, size = load_model(checkpoint)
    found_images, lesions, hits, false_boxes, dice = 0, 0, 0, 0, 0.0
    for _, hu, mask in real:
        probability = to_slice_resolution(model.probability(slices_to_model_input(hu, size, size)), *hu.shape)
        kept = boxes(probability[0, 0], THRESHOLD, MIN_PIXELS)
        counted = match(kept, torch.from_numpy(mask))
        found_images += int(bool(kept))
        lesions += counted.lesions
        hits += counted.lesions_hit
        false_boxes += counted.false_boxes
        dice += counted.dice
    control_free, control_slices, control_positive = _specificity(model, size, controls)
    val_free, val_slices, _ = _specificity(model, size, val)
    held_free, held_slices, held_positive = _specificity(model, size, list(held_out))
    return Measured(epoch, len(real), _ratio(found_images, len(real)), lesions, _ratio(hits, lesions),
                    _ratio(false_boxes, len(real)), _ratio(dice, len(real)), control_slices,
                    _ratio(control_free, control_slices), control_positive, val_slices, _ratio(val_free, val_slices),
                    held_slices, _ratio(held_free, held_slices), held_positive)


def _at_least(value: float | None, floor: float | None) -> bool:
    return floor is None or (value is not None and value >= floor)


def choose(rows: list[Measured], min_sensitivity: float = 0.85, min_control_specificity: float | None = None,
           min_val_specificity: float | None = None) -> Measured | None:
    """The chosen checkpoint under the module's criterion, or None when none is eligible. A specificity floor left None
    is that of epoch 0; without an epoch 0 it must be given."""
    start = next((r for r in rows if r.epoch == 0), None)
    if start is None and (min_control_specificity is None or min_val_specificity is None):
        raise ValueError("no epoch-000.pt (the starting point) among the checkpoints: give --min-control-specificity "
                         "and --min-val-specificity")
    control_floor = min_control_specificity if min_control_specificity is not None else start.control_specificity
    val_floor = min_val_specificity if min_val_specificity is not None else start.val_specificity
    eligible = [r for r in rows if _at_least(r.real_sensitivity, min_sensitivity)
                and _at_least(r.control_specificity, control_floor) and _at_least(r.val_specificity, val_floor)]
    if not eligible:
        return None
    return max(eligible, key=lambda r: (r.hit_rate or 0.0, r.dice or 0.0, -r.epoch))


def checkpoints(run: str) -> list[tuple[int, str]]:
    """The run's (epoch, epoch-NNN.pt) in epoch order; epoch-NNN.onnx for an epoch without its .pt."""
    by_epoch: dict[int, str] = {}
    for path in sorted(glob.glob(os.path.join(run, "epoch-*")), key=lambda p: not p.endswith(".pt")):
        found = _EPOCH.search(path)
        if found:
            by_epoch.setdefault(int(found.group(1)), path)
    if not by_epoch:
        raise ValueError(f"{run}: no epoch-NNN.pt or epoch-NNN.onnx; train with --save-epochs (and --export-epochs)")
    return sorted(by_epoch.items())


def _cell(value) -> str:
    return "" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def main() -> None:
    p = argparse.ArgumentParser(description="Choose a run's checkpoint on real held-out slices (module docstring).")
    p.add_argument("run", help="training output folder holding epoch-NNN.pt or .onnx (train --save-epochs)")
    p.add_argument("--images", required=True, help="folder of real 8-bit lesion slices")
    p.add_argument("--masks", required=True, help="folder of their masks (same names up to the extension)")
    p.add_argument("--window", default="1290/-560", help="W/L in HU the real slices were exported with")
    p.add_argument("--control-series", action="append", default=[], required=True,
                   help="DICOM folder of a real patient without COVID-19 whose specificity the choice guards "
                        "(repeatable)")
    p.add_argument("--held-out-series", action="append", default=[],
                   help="DICOM folder of a real patient without COVID-19 in no training cohort: measured and reported, "
                        "never used to choose (repeatable)")
    p.add_argument("--manifest", required=True, help="simulated cohort manifest whose val split guards specificity")
    p.add_argument("--split", default="val", help="the manifest's split to use (never the test split of a report)")
    p.add_argument("--every", type=int, default=2, help="use every k-th lesion-free slice of each patient")
    p.add_argument("--min-sensitivity", type=float, default=0.85)
    p.add_argument("--min-control-specificity", type=float, help="default: epoch 0's")
    p.add_argument("--min-val-specificity", type=float, help="default: epoch 0's")
    p.add_argument("--threads", type=int, default=2)
    a = p.parse_args()
    if a.every < 1:
        p.error(f"--every must be at least 1, got {a.every}")
    torch.set_num_threads(a.threads)
    problems = held_out_conflicts(a.held_out_series, a.control_series, a.manifest)
    if problems:
        p.error("; ".join(problems))
    paths = checkpoints(a.run)
    real = read_real_slices(a.images, a.masks, a.window)
    controls = [read_series(folder) for folder in a.control_series]
    val = read_val_slices(a.manifest, a.split, a.every)
    held_out = [read_series(folder) for folder in a.held_out_series]
    names = [f.name for f in fields(Measured)]
    rows = []
    with open(os.path.join(a.run, "selection.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(names)
        print(" ".join(names), flush=True)
        for epoch, path in paths:
            row = measure(path, epoch, real, controls, val, held_out)
            rows.append(row)
            out.writerow([_cell(v) for v in asdict(row).values()])
            f.flush()
            print(" ".join(_cell(v) for v in asdict(row).values()), flush=True)
    chosen = choose(rows, a.min_sensitivity, a.min_control_specificity, a.min_val_specificity)
    if chosen is None:
        print("no checkpoint is eligible under the criterion; nothing copied", flush=True)
        return
    source = paths[rows.index(chosen)][1]
    target = os.path.join(a.run, "selected" + os.path.splitext(source)[1])
    shutil.copyfile(source, target)
    print(f"chosen: epoch {chosen.epoch} -> {target}", flush=True)
    if held_out:
        call = "positive" if chosen.held_out_patients_positive else "negative"
        print(f"held out (not used to choose): per-image specificity {_cell(chosen.held_out_specificity)} over "
              f"{chosen.held_out_slices} slices, {chosen.held_out_patients_positive} of {len(held_out)} patients "
              f"positive ({call})", flush=True)


if __name__ == "__main__":
    main()
