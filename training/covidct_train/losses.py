"""BCE + soft Dice, averaged over the deep-supervision heads."""
from __future__ import annotations

import torch
import torch.nn.functional as F


def bce_dice(logits: torch.Tensor, targets: torch.Tensor, smooth: float = 1.0,
             negative_weight: float = 1.0) -> torch.Tensor:
    """Binary cross-entropy plus (1 - soft Dice) over the whole batch.

    Dice is pooled over the batch, not per image: an image without lesion has an undefined Dice, and
    pooling keeps it counted (its false positives enlarge the denominator) instead of dropping it.
    ``negative_weight`` multiplies the cross-entropy of each image without lesion pixels (still divided by the
    batch size): above 1 it makes probability on lesion-free slices (controls, confounders) cost more.
    """
    if negative_weight == 1.0:
        bce = F.binary_cross_entropy_with_logits(logits, targets)
    else:
        per_image = F.binary_cross_entropy_with_logits(logits, targets, reduction="none").flatten(1).mean(dim=1)
        lesion_free = targets.flatten(1).amax(dim=1) == 0
        bce = (per_image * torch.where(lesion_free, negative_weight, 1.0)).mean()
    p = torch.sigmoid(logits)
    dice = (2 * (p * targets).sum() + smooth) / (p.sum() + targets.sum() + smooth)
    return bce + (1 - dice)


def supervised_loss(outputs: list[torch.Tensor], targets: torch.Tensor, negative_weight: float = 1.0) -> torch.Tensor:
    return torch.stack([bce_dice(o, targets, negative_weight=negative_weight) for o in outputs]).mean()
