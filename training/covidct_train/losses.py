"""BCE + soft Dice, averaged over the deep-supervision heads."""
from __future__ import annotations

import torch
import torch.nn.functional as F


def bce_dice(logits: torch.Tensor, targets: torch.Tensor, smooth: float = 1.0) -> torch.Tensor:
    """Binary cross-entropy plus (1 - soft Dice) over the whole batch.

    Dice is pooled over the batch, not per image: an image without lesion has an undefined Dice, and
    pooling keeps it counted (its false positives enlarge the denominator) instead of dropping it.
    """
    bce = F.binary_cross_entropy_with_logits(logits, targets)
    p = torch.sigmoid(logits)
    dice = (2 * (p * targets).sum() + smooth) / (p.sum() + targets.sum() + smooth)
    return bce + (1 - dice)


def supervised_loss(outputs: list[torch.Tensor], targets: torch.Tensor) -> torch.Tensor:
    return torch.stack([bce_dice(o, targets) for o in outputs]).mean()
