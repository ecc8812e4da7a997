"""Batch augmentations applied on the fly to windowed slices in [0,1] and their 0/1 targets.

They attack the shortcuts a phantom offers: intensity (window gain/offset, gamma) so that a lesion is
not recognised by one exact gray value, noise and blur so that edge sharpness and texture differ from
scanner to scanner, and geometry (left-right flip, rotation, scale, shift) so position and size are not
memorised. Image and target go through the same geometric transform.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F


def _gaussian_blur(x: torch.Tensor, sigma: torch.Tensor) -> torch.Tensor:
    """Per-image separable Gaussian blur, sigma [N] in pixels (0 = none)."""
    radius = 3
    t = torch.arange(-radius, radius + 1, dtype=x.dtype)
    k = torch.exp(-0.5 * (t[None, :] / sigma.clamp_min(1e-3)[:, None]) ** 2)
    k = k / k.sum(dim=1, keepdim=True)  # [N, 7]
    n = x.shape[0]
    y = x.reshape(1, n, *x.shape[-2:])
    y = F.conv2d(F.pad(y, (radius, radius, 0, 0), mode="replicate"), k.view(n, 1, 1, -1), groups=n)
    y = F.conv2d(F.pad(y, (0, 0, radius, radius), mode="replicate"), k.view(n, 1, -1, 1), groups=n)
    return y.reshape_as(x)


def augment(images: torch.Tensor, targets: torch.Tensor, generator: torch.Generator):
    """Returns augmented copies of images [N,1,H,W] and targets [N,1,H,W]."""
    n = images.shape[0]

    def uniform(lo, hi):
        return lo + (hi - lo) * torch.rand(n, generator=generator)

    # geometry: flip, rotate +-12 degrees, scale 0.85-1.15, shift +-6 %
    angle = uniform(-12, 12) * math.pi / 180
    scale = uniform(0.85, 1.15)
    flip = torch.where(torch.rand(n, generator=generator) < 0.5, -1.0, 1.0)
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.zeros(n, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1] = cos * flip, -sin
    theta[:, 1, 0], theta[:, 1, 1] = sin * flip, cos
    theta[:, :, 2] = (torch.rand(n, 2, generator=generator) - 0.5) * 0.12
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    x = F.grid_sample(images, grid, mode="bilinear", padding_mode="border", align_corners=False)
    y = (F.grid_sample(targets, grid, mode="bilinear", padding_mode="zeros", align_corners=False) >= 0.5).float()

    # blur (scanner kernels and slice thickness), then intensity, then noise
    blurred = torch.rand(n, generator=generator) < 0.4
    if blurred.any():
        x[blurred] = _gaussian_blur(x[blurred], uniform(0.3, 1.2)[blurred])
    gain = uniform(0.85, 1.15).view(n, 1, 1, 1)
    offset = uniform(-0.06, 0.06).view(n, 1, 1, 1)
    gamma = uniform(0.8, 1.25).view(n, 1, 1, 1)
    x = (x.clamp(0, 1) ** gamma) * gain + offset
    noise = uniform(0.0, 0.04).view(n, 1, 1, 1)
    x = x + noise * torch.randn(x.shape, generator=generator)
    return x.clamp(0.0, 1.0), y
