"""Per-image and per-patient results of a checkpoint on a cohort split, with the study's post-processing.

Per image: truth = the slice's mask has lesion pixels at model size (slices of covid patients without
masks are left out and counted in ``images_unknown_truth``); prediction = a kept component (see
postprocess). Per patient: truth = the manifest label; prediction = the 3-consecutive-slices rule.
``per_image_reportable_lesions`` repeats
the per-image count leaving out slices whose only lesions have at most ``min_pixels`` pixels at model size
(no detector can report them under the study's rule); how many were left out is stated.
Proportions come with Wilson 95 % intervals; a zero denominator gives null with a reason, never 0.
"""
from __future__ import annotations

import argparse
import json
import math
import os

import torch

from .cohort import load_manifest, load_slices
from .dicom import read_series
from .export import load_checkpoint

# The study's post-processing defaults for this script's own evaluation. They are not written into models: the operating
# point is the pipeline's (a pipeline.json from `covidct sweep`), never a model's (docs/models.md).
THRESHOLD = 0.5
MIN_PIXELS = 25
from .postprocess import patient_positive, slice_findings
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
def evaluate(checkpoint: str, manifest: str, split: str, threshold: float, min_pixels: int, threads: int) -> dict:
    torch.set_num_threads(threads)
    model, config = load_checkpoint(checkpoint)
    size = config["size"]
    data = load_slices(load_manifest(manifest), split, size, size)
    probability = torch.cat([model.probability(data.images[i:i + 32]) for i in range(0, len(data.images), 32)])
    findings = slice_findings(probability, threshold, min_pixels)
    # lesions the post-processing could report at all: a mask component larger than min_pixels
    reportable = [bool(f) for f in slice_findings(data.targets, 0.5, min_pixels)]
    image_truth, image_predicted, patient_truth, patient_predicted = [], [], [], []
    large_truth, large_predicted, small_only = [], [], 0
    patients = []
    for p, entry in enumerate(data.entries):
        rows = (data.patient == p).nonzero().squeeze(1).tolist()  # already in slice order
        patient_findings = [findings[r] for r in rows]
        patient_truth.append(entry.label == "covid")
        patient_predicted.append(patient_positive(patient_findings))
        patients.append({"patient_id": entry.patient_id, "label": entry.label, "predicted_positive": patient_predicted[-1],
                         "slices": len(rows), "slices_with_finding": sum(bool(f) for f in patient_findings),
                         "slices_with_lesion": sum(bool(data.targets[r].any()) for r in rows)})
        for r in rows:
            if data.known[r]:
                has_lesion = bool(data.targets[r].any())
                image_truth.append(has_lesion)
                image_predicted.append(bool(findings[r]))
                if has_lesion and not reportable[r]:
                    small_only += 1
                else:
                    large_truth.append(has_lesion)
                    large_predicted.append(bool(findings[r]))
    return {"checkpoint": checkpoint, "manifest": manifest, "split": split, "threshold": threshold,
            "min_pixels": min_pixels, "input_size": size, "patients": len(data.entries),
            "images": len(image_truth), "images_unknown_truth": int((~data.known).sum()),
            "per_image": confusion(image_truth, image_predicted),
            "per_image_reportable_lesions": dict(confusion(large_truth, large_predicted),
                                                 images_left_out_with_only_small_lesions=small_only),
            "per_patient": confusion(patient_truth, patient_predicted), "patient_results": patients}


@torch.no_grad()
def evaluate_control_series(checkpoint: str, folders: list[str], threshold: float, min_pixels: int) -> list[dict]:
    """Runs the model on real DICOM series of patients without COVID-19 (every slice is a true negative)."""
    model, config = load_checkpoint(checkpoint)
    size = config["size"]
    results = []
    for folder in folders:
        hu = read_series(folder)
        images = slices_to_model_input(hu, size, size)
        probability = torch.cat([model.probability(images[i:i + 32]) for i in range(0, len(images), 32)])
        findings = slice_findings(probability, threshold, min_pixels)
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
