"""The preprocessing the shipped models expect (models contract in docs/models.md).

Per pixel at the original resolution v = clip((HU - (level - width/2)) / width, 0, 1), then a bilinear
resize with half-pixel centres and no antialiasing (for an exact factor-2 downscale, the mean of each
2x2 block). The C# pipeline reproduces this; the parity fixture checks it.
"""
from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F

WINDOW_WIDTH = 1200.0
WINDOW_LEVEL = -700.0


def window(hounsfield, width: float = WINDOW_WIDTH, level: float = WINDOW_LEVEL) -> torch.Tensor:
    """Lung window to [0, 1] at the original resolution."""
    hu = torch.as_tensor(np.asarray(hounsfield, dtype=np.float32))
    return ((hu - (level - width / 2.0)) / width).clamp(0.0, 1.0)


def resize(images: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """Bilinear, half-pixel centres, no antialias; accepts [H,W], [N,H,W] or [N,C,H,W]."""
    shape = images.shape
    x = images.reshape(-1, 1, shape[-2], shape[-1]).float()
    if shape[-2:] != (height, width):
        x = F.interpolate(x, size=(height, width), mode="bilinear", align_corners=False)
    return x.reshape(*shape[:-2], height, width)


def slices_to_model_input(hounsfield, height: int, width: int) -> torch.Tensor:
    """HU slices [N,H0,W0] -> model input [N,1,height,width]."""
    v = window(hounsfield)
    if v.dim() == 2:
        v = v.unsqueeze(0)
    return resize(v, height, width).unsqueeze(1)


def mask_to_target(mask, height: int, width: int) -> torch.Tensor:
    """Lesion masks [N,H0,W0] (non-zero = lesion) -> 0/1 targets at model size (resized coverage >= 0.5)."""
    m = torch.as_tensor(np.asarray(mask) != 0, dtype=torch.float32)
    if m.dim() == 2:
        m = m.unsqueeze(0)
    return (resize(m, height, width) >= 0.5).float().unsqueeze(1)
