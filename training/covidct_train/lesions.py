"""Lesion-level counting of one slice in Python, as the platform's evaluation layer counts it (docs/metrics.md, "Lesion level").

- **Boxes**: one per kept component of the map at slice resolution (8-connected, probability >= threshold, MORE than
  ``min_pixels`` pixels), the component's bounding box in slice pixels.
- **Lesions**: the 8-connected components of the truth mask, every size counted.
- **Hit** (the platform's default ``Overlap`` criterion): a box finds a lesion when the box and one of its pixels share area;
  a box that finds no lesion is a false positive.
- **Dice** compares the truth with the area the boxes cover (no truth and no box = 1; one empty and the other not = 0).

Used by ``covidct_train.select`` to choose a checkpoint on real slices; the figures on a model card come from
``covidct evaluate``.
"""
from __future__ import annotations

from dataclasses import dataclass

import torch

from .postprocess import label_components


@dataclass(frozen=True)
class SliceLesions:
    """What one slice's boxes did against its truth."""
    lesions: int
    lesions_hit: int
    boxes: int
    false_boxes: int
    dice: float


def boxes(probability: torch.Tensor, threshold: float, min_pixels: int) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (top, left, bottom, right; bottom and right exclusive) of the kept components of a map [H,W]."""
    labels = label_components((probability >= threshold).unsqueeze(0))[0]
    found = []
    for value in labels.unique():
        if value == 0:
            continue
        ys, xs = (labels == value).nonzero(as_tuple=True)
        if len(ys) > min_pixels:
            found.append((int(ys.min()), int(xs.min()), int(ys.max()) + 1, int(xs.max()) + 1))
    return found


def match(found: list[tuple[int, int, int, int]], mask: torch.Tensor) -> SliceLesions:
    """Counts the lesions of a truth mask [H,W] (non-zero = lesion) that the boxes reach, the false boxes and the Dice."""
    truth = mask != 0
    labels = label_components(truth.unsqueeze(0))[0]
    hit = set()
    false_boxes = 0
    covered = torch.zeros_like(truth)
    for top, left, bottom, right in found:
        reached = labels[top:bottom, left:right].unique()
        reached = reached[reached != 0]
        hit.update(int(v) for v in reached)
        false_boxes += int(len(reached) == 0)
        covered[top:bottom, left:right] = True
    lesions = int((labels.unique() != 0).sum())
    area = int(truth.sum()) + int(covered.sum())
    dice = 1.0 if area == 0 else 2.0 * int((truth & covered).sum()) / area
    return SliceLesions(lesions, len(hit), len(found), false_boxes, dice)
