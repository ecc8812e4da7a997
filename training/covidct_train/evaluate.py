"""Per-image and per-patient results of a checkpoint on a cohort split, with the study's post-processing.

Counted at the slice's own resolution, as the platform counts (the model's map is resized back to the slice before
components are formed; see postprocess). Per image: truth = the slice's mask has lesion pixels (slices of covid
patients without masks are left out and counted in ``images_unknown_truth``); prediction = a kept component.
Per patient: truth = the manifest label; prediction = the 3-consecutive-slices rule.
``per_image_reportable_lesions`` repeats the per-image count leaving out slices whose only lesions have at most
``min_pixels`` slice pixels (no detector can report them under the study's rule); how many were left out is stated.
Unlike ``covidct evaluate`` this script fits the whole slice into the input (no body framing) and applies no lung-field
valid area: it is a quick check while training; the figures on a model card come from ``covidct evaluate``.
Proportions come with Wilson 95 % intervals; a zero denominator gives null with a reason, never 0.
"""
from __future__ import annotations

import argparse
import json
import math
import os

import numpy as np
import torch

from . import nifti
from .cohort import load_manifest
from .dicom import read_series
from .export import load_checkpoint

# The study's post-processing defaults for this script's own evaluation. They are not written into models: the operating
# point is the pipeline's (a pipeline.json from `covidct sweep`), never a model's (docs/models.md).
THRESHOLD = 0.5
MIN_PIXELS = 25
from .postprocess import patient_positive, slice_findings, to_slice_resolution
from .preprocess import slices_to_model_input


def proportion(numerator: int, denominator: int, z: float = 1.959964) -> dict:
    """Value and Wilson interval, or value None with the reason when the denominator is 0."""
    if denominator == 0:
        return {"numerator": numerator, "denominator": 0, "value": None, "reason": "denominator is 0"}
    p = numerator / denominator
    centre = (p + z * z / (2 * denominator)) / (1 + z * z / denominator)
    half = z * math.sqrt(p * (1 - p) / denominator + z * z / (4 * denominator ** 2)) / (1 + z * z / denominator)
    return {"numerator": numerator, "denominator": denominator, "value": round(p, 4),
            "ci95": [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]}


def confusion(truth: list[bool], predicted: list[bool]) -> dict:
    tp = sum(t and p for t, p in zip(truth, predicted))
    fn = sum(t and not p for t, p in zip(truth, predicted))
    tn = sum(not t and not p for t, p in zip(truth, predicted))
    fp = sum(not t and p for t, p in zip(truth, predicted))
    return {"true_positives": tp, "false_negatives": fn, "true_negatives": tn, "false_positives": fp,
            "sensitivity": proportion(tp, tp + fn), "specificity": proportion(tn, tn + fp)}


@torch.no_grad()
def score_at_slice_resolution(model, hounsfield: np.ndarray, size: int, threshold: float,
                              min_pixels: int) -> list[set[int]]:
    """Quadrant findings of every slice of a volume [Z,H,W], counted on the slice's own pixels."""
    images = slices_to_model_input(hounsfield, size, size)
    height, width = hounsfield.shape[-2:]
    findings = []
    for i in range(0, len(images), 16):
        probability = to_slice_resolution(model.probability(images[i:i + 16]), height, width)
        findings.extend(slice_findings(probability, threshold, min_pixels))
    return findings


@torch.no_grad()
def evaluate(checkpoint: str, manifest: str, split: str, threshold: float, min_pixels: int, threads: int) -> dict:
    torch.set_num_threads(threads)
    model, config = load_checkpoint(checkpoint)
    size = config["size"]
    entries = [e for e in load_manifest(manifest) if split is None or e.split == split]
    if not entries:
        raise ValueError(f"{manifest}: no patients in split '{split}'")
    image_truth, image_predicted, patient_truth, patient_predicted = [], [], [], []
    large_truth, large_predicted, small_only, unknown = [], [], 0, 0
    patients = []
    for entry in entries:
        if not entry.images.endswith((".nii", ".nii.gz")):
            raise ValueError(f"{entry.patient_id}: images '{entry.images}' is not NIfTI; build the cohort as NIfTI")
        hu = nifti.read(entry.images)
        findings = score_at_slice_resolution(model, hu, size, threshold, min_pixels)
        mask = nifti.read(entry.masks) != 0 if entry.masks else None
        if mask is not None and mask.shape != hu.shape:
            raise ValueError(f"{entry.patient_id}: mask shape {mask.shape} differs from image {hu.shape}")
        lesion = [bool(m.any()) for m in mask] if mask is not None else [False] * len(hu)
        # lesions the post-processing could report at all: a mask component larger than min_pixels slice pixels
        reportable = ([bool(f) for f in slice_findings(torch.from_numpy(mask[:, None].astype(np.float32)), 0.5,
                                                       min_pixels)] if mask is not None else lesion)
        patient_truth.append(entry.label == "covid")
        patient_predicted.append(patient_positive(findings))
        patients.append({"patient_id": entry.patient_id, "label": entry.label, "predicted_positive": patient_predicted[-1],
                         "slices": len(findings), "slices_with_finding": sum(bool(f) for f in findings),
                         "slices_with_lesion": sum(lesion)})
        if mask is None and entry.label == "covid":
            unknown += len(findings)
            continue
        for has_lesion, found, large in zip(lesion, findings, reportable):
            image_truth.append(has_lesion)
            image_predicted.append(bool(found))
            if has_lesion and not large:
                small_only += 1
            else:
                large_truth.append(has_lesion)
                large_predicted.append(bool(found))
    return {"checkpoint": checkpoint, "manifest": manifest, "split": split, "threshold": threshold,
            "min_pixels": min_pixels, "counted_at": "slice resolution", "input_size": size, "patients": len(entries),
            "images": len(image_truth), "images_unknown_truth": unknown,
            "per_image": confusion(image_truth, image_predicted),
            "per_image_reportable_lesions": dict(confusion(large_truth, large_predicted),
                                                 images_left_out_with_only_small_lesions=small_only),
            "per_patient": confusion(patient_truth, patient_predicted), "patient_results": patients}


@torch.no_grad()
def evaluate_control_series(checkpoint: str, folders: list[str], threshold: float, min_pixels: int) -> list[dict]:
    """Runs the model on real DICOM series of patients without COVID-19 (every slice is a true negative)."""
    model, config = load_checkpoint(checkpoint)
    results = []
    for folder in folders:
        findings = score_at_slice_resolution(model, read_series(folder), config["size"], threshold, min_pixels)
        flagged = sum(bool(f) for f in findings)
        results.append({"series": os.path.basename(os.path.normpath(folder)), "slices": len(findings),
                        "slices_with_finding": flagged,
                        "per_image_specificity": proportion(len(findings) - flagged, len(findings)),
                        "patient_positive": patient_positive(findings)})
    return results


def main() -> None:
    p = argparse.ArgumentParser(description="Evaluate a checkpoint per image and per patient on a cohort split.")
    p.add_argument("checkpoint")
    p.add_argument("--manifest", required=True)
    p.add_argument("--split", default="test")
    p.add_argument("--threshold", type=float, default=THRESHOLD)
    p.add_argument("--min-pixels", type=int, default=MIN_PIXELS)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--control-series", action="append", default=[],
                   help="a DICOM folder of a patient without COVID-19 to score too (repeatable)")
    p.add_argument("--out", help="write the results as JSON here too")
    a = p.parse_args()
    result = evaluate(a.checkpoint, a.manifest, a.split, a.threshold, a.min_pixels, a.threads)
    if a.control_series:
        result["real_control_series"] = evaluate_control_series(a.checkpoint, a.control_series, a.threshold,
                                                                a.min_pixels)
    text = json.dumps(result, indent=2)
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
