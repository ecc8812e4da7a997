"""The study's post-processing in Python: lesion components per slice and the 3-consecutive-slices rule.

Conventions (the same defaults the card states): a component is 8-connected, counted at the slice's own
resolution as the platform counts it (the model's map resized back bilinearly, half-pixel centres:
``to_slice_resolution``), kept when probability >= threshold and it has MORE than ``min_pixels`` pixels; its
quadrant is that of its pixel centroid relative to the image centre (a centroid on a split line goes right
or down, as in the C# SliceDetector); no valid-area (lung field) restriction is applied here; a patient is positive when one
quadrant holds a kept component on three consecutive slices, without gaps.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F

from .preprocess import resize


def label_components(mask: torch.Tensor) -> torch.Tensor:
    """8-connected labels of binary masks [N,H,W]: 0 = background, components share their largest pixel id.

    Each step takes the largest label in the 3 x 3 neighbourhood, then jumps: a label is the 1-based id of a pixel of the
    same component, whose own label is at least as large, so taking it spreads a label over a long component in a
    logarithmic rather than linear number of steps (a large real lesion at 512 x 512 needed hundreds of steps)."""
    n, h, w = mask.shape
    ids = torch.arange(1, h * w + 1, dtype=torch.float32, device=mask.device).view(1, h, w).expand(n, h, w)
    zero = torch.zeros((), device=mask.device)
    labels = torch.where(mask, ids, zero)
    background = torch.zeros(n, 1, device=mask.device)
    while True:
        grown = F.max_pool2d(labels.unsqueeze(1), 3, stride=1, padding=1).squeeze(1)
        grown = torch.where(mask, grown, zero).reshape(n, h * w)
        jumped = torch.gather(torch.cat([background, grown], dim=1), 1, grown.long()).reshape(n, h, w)
        if torch.equal(jumped, labels):
            return labels.long()
        labels = jumped


def to_slice_resolution(probability: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """The model's maps [N,1,h,w] taken back to the slices' size [N,1,height,width], bilinearly with half-pixel centres:
    the platform's resize-back (docs/pipeline.md, step 3) for a slice that fills the input; "more than 25 pixels" then
    means slice pixels, as in the study, not pixels of a 128 x 128 map (16 times the area on a 512 x 512 slice)."""
    return resize(probability, height, width)


def slice_findings(probability: torch.Tensor, threshold: float, min_pixels: int) -> list[set[int]]:
    """For each slice [N,1,H,W] the set of quadrants (0 TL, 1 TR, 2 BL, 3 BR) holding a kept component."""
    labels = label_components(probability[:, 0] >= threshold)
    h, w = labels.shape[-2:]
    findings = []
    for image in labels:
        quadrants = set()
        for value in image.unique():
            if value == 0:
                continue
            ys, xs = (image == value).nonzero(as_tuple=True)
            if len(ys) <= min_pixels:
                continue
            cy = ys.float().mean().item() + 0.5
            cx = xs.float().mean().item() + 0.5
            quadrants.add((2 if cy >= h / 2 else 0) + (1 if cx >= w / 2 else 0))
        findings.append(quadrants)
    return findings


def patient_positive(findings: list[set[int]], run: int = 3) -> bool:
    """True when one quadrant has findings on ``run`` consecutive slices (in slice order)."""
    for quadrant in range(4):
        streak = 0
        for slice_quadrants in findings:
            streak = streak + 1 if quadrant in slice_quadrants else 0
            if streak >= run:
                return True
    return False
