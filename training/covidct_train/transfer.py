"""Augmentations for the inputs researchers actually have (issue #16, item 2), on top of ``augment.augment``.

Real slices reach the model after a detour the phantoms never take: exported at some display window as 8-bit
(often JPEG) images, cropped around the chest, turned, re-imported with a guessed window, from scanners with
other reconstruction kernels and noise. Each function below imitates one step of that detour on windowed
model-size slices v in [0, 1] (v = (HU + 1300) / 1200, the model's W1200/L-700), so the model cannot rely on a
property that the detour destroys. ``transfer_augment`` chains them with their probabilities.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .augment import _gaussian_blur, augment

# v of air (-1000 HU) in the model's window: what the platform pads a non-square or cropped slice with.
AIR = (-1000.0 + 1300.0) / 1200.0


def _hu(v: torch.Tensor) -> torch.Tensor:
    return v * 1200.0 - 1300.0


def _v(hu: torch.Tensor) -> torch.Tensor:
    return ((hu + 1300.0) / 1200.0).clamp(0.0, 1.0)


def quarter_turns(x: torch.Tensor, y: torch.Tensor, g: torch.Generator, p: float = 0.5):
    """Turns slices by a random multiple of 90 degrees (exported slices are often turned a quarter)."""
    n = x.shape[0]
    turns = torch.randint(1, 4, (n,), generator=g)
    chosen = torch.rand(n, generator=g) < p
    x, y = x.clone(), y.clone()
    for i in chosen.nonzero().flatten().tolist():
        k = int(turns[i])
        x[i] = torch.rot90(x[i], k, dims=(1, 2))
        y[i] = torch.rot90(y[i], k, dims=(1, 2))
    return x, y


def reconstruction_kernel(x: torch.Tensor, g: torch.Generator, p: float = 0.5) -> torch.Tensor:
    """Soft (blur) or sharp (unsharp mask, as a lung or bone kernel) reconstruction, per slice."""
    n = x.shape[0]
    chosen = torch.rand(n, generator=g) < p
    sharp = torch.rand(n, generator=g) < 0.5
    sigma = 0.5 + 0.8 * torch.rand(n, generator=g)
    amount = 0.3 + 0.9 * torch.rand(n, generator=g)
    if not chosen.any():
        return x
    blurred = _gaussian_blur(x, sigma)
    sharpened = x + amount.view(n, 1, 1, 1) * (x - blurred)
    out = torch.where((chosen & sharp).view(n, 1, 1, 1), sharpened, x)
    return torch.where((chosen & ~sharp).view(n, 1, 1, 1), blurred, out)


def scanner_noise(x: torch.Tensor, g: torch.Generator, p: float = 0.6) -> torch.Tensor:
    """Adds correlated (low-dose, reconstructed) noise of 5 to 60 HU standard deviation."""
    n = x.shape[0]
    chosen = (torch.rand(n, generator=g) < p).float().view(n, 1, 1, 1)
    sigma_hu = (5 + 55 * torch.rand(n, generator=g)).view(n, 1, 1, 1)
    white = torch.randn(x.shape, generator=g)
    grain = _gaussian_blur(white, 0.4 + 0.8 * torch.rand(n, generator=g))
    grain = grain / grain.flatten(1).std(dim=1).clamp_min(1e-6).view(n, 1, 1, 1)
    return x + chosen * grain * sigma_hu / 1200.0


def _dct_matrix(size: int = 8) -> torch.Tensor:
    k = torch.arange(size, dtype=torch.float32)
    m = torch.cos(math.pi * (2 * k[None, :] + 1) * k[:, None] / (2 * size)) * math.sqrt(2.0 / size)
    m[0] /= math.sqrt(2.0)
    return m


_DCT = _dct_matrix()
# the JPEG standard's luminance quantisation table (ITU T.81, Annex K), scaled by quality as libjpeg does
_LUMA = torch.tensor([
    [16, 11, 10, 16, 24, 40, 51, 61], [12, 12, 14, 19, 26, 58, 60, 55], [14, 13, 16, 24, 40, 57, 69, 56],
    [14, 17, 22, 29, 51, 87, 80, 62], [18, 22, 37, 56, 68, 109, 103, 77], [24, 35, 55, 64, 81, 104, 113, 92],
    [49, 64, 78, 87, 103, 121, 120, 101], [72, 92, 95, 98, 112, 100, 103, 99]], dtype=torch.float32)


def jpeg(levels: torch.Tensor, quality: torch.Tensor) -> torch.Tensor:
    """JPEG's lossy step on 8-bit gray images [N,1,H,W] in 0..255 (H, W multiples of 8): 8x8 DCT, the
    standard luminance table at ``quality`` [N] (1..100), rounding, inverse DCT."""
    n, _, h, w = levels.shape
    scale = torch.where(quality < 50, 5000 / quality, 200 - 2 * quality)
    table = ((_LUMA[None] * scale.view(n, 1, 1) + 50) / 100).floor().clamp(1, 255)  # [N,8,8]
    blocks = (levels - 128).reshape(n, h // 8, 8, w // 8, 8).permute(0, 1, 3, 2, 4)  # [N,bh,bw,8,8]
    coefficients = _DCT @ blocks @ _DCT.T
    t = table.view(n, 1, 1, 8, 8)
    restored = _DCT.T @ (torch.round(coefficients / t) * t) @ _DCT
    return (restored.permute(0, 1, 3, 2, 4).reshape(n, 1, h, w) + 128).round().clamp(0, 255)


def display_export(x: torch.Tensor, g: torch.Generator, p: float = 0.7, jpeg_p: float = 0.5) -> torch.Tensor:
    """Exports each chosen slice at a random display window as 8 bits (JPEG half of the time), then re-imports
    it with a window guessed wrongly by up to 20 % in width and 80 HU in level, as a researcher would."""
    n = x.shape[0]
    chosen = torch.rand(n, generator=g) < p
    if not chosen.any():
        return x
    width = 1000 + 3000 * torch.rand(n, generator=g)
    level = -750 + 500 * torch.rand(n, generator=g)
    guessed_width = width * (0.8 + 0.4 * torch.rand(n, generator=g))
    guessed_level = level + 160 * (torch.rand(n, generator=g) - 0.5)
    compressed = torch.rand(n, generator=g) < jpeg_p
    quality = 40 + 55 * torch.rand(n, generator=g)
    low = (level - width / 2).view(n, 1, 1, 1)
    levels = torch.round(((_hu(x) - low) / width.view(n, 1, 1, 1)).clamp(0, 1) * 255)
    if compressed.any() and x.shape[-1] % 8 == 0 and x.shape[-2] % 8 == 0:
        levels = torch.where(compressed.view(n, 1, 1, 1), jpeg(levels, quality), levels)
    hu = (guessed_level - guessed_width / 2).view(n, 1, 1, 1) + levels / 255 * guessed_width.view(n, 1, 1, 1)
    return torch.where(chosen.view(n, 1, 1, 1), _v(hu), x)


def crop_and_pad(x: torch.Tensor, y: torch.Tensor, g: torch.Generator, p: float = 0.4):
    """Cuts each chosen slice at a random depth on each side (up to 18 % of it) and fills the cut-off part with
    air, as the platform pads a cropped or non-square slice; lesion pixels there are gone from the target too."""
    n, _, h, w = x.shape
    chosen = torch.rand(n, generator=g) < p
    cuts = (torch.rand(n, 4, generator=g) * 0.18 * torch.rand(n, 4, generator=g).lt(0.5)).mul(
        torch.tensor([h, h, w, w], dtype=torch.float32)).long()
    rows = torch.arange(h).view(1, h, 1)
    columns = torch.arange(w).view(1, 1, w)
    keep = ((rows >= cuts[:, 0].view(n, 1, 1)) & (rows < h - cuts[:, 1].view(n, 1, 1))
            & (columns >= cuts[:, 2].view(n, 1, 1)) & (columns < w - cuts[:, 3].view(n, 1, 1)))
    keep = (keep | ~chosen.view(n, 1, 1)).unsqueeze(1)
    return torch.where(keep, x, torch.full_like(x, AIR)), y * keep


def transfer_augment(images: torch.Tensor, targets: torch.Tensor, g: torch.Generator):
    """The study augmentations (geometry, blur, intensity, noise), then quarter turns, reconstruction kernel,
    scanner noise, display export and re-import, crop and pad."""
    x, y = augment(images, targets, g)
    x, y = quarter_turns(x, y, g)
    x = scanner_noise(reconstruction_kernel(x, g), g)
    x = display_export(x.clamp(0, 1), g)
    x, y = crop_and_pad(x, y, g)
    return x.clamp(0.0, 1.0), y


def thick_slices(images: torch.Tensor, patient: torch.Tensor, index: torch.Tensor, g: torch.Generator,
                 p: float = 0.3) -> torch.Tensor:
    """Partial volume of a thicker reconstruction: each chosen slice becomes the mean of itself and its
    neighbours in the same patient (``index`` are positions into ``images``, all slices of all patients)."""
    chosen = (torch.rand(len(index), generator=g) < p).view(-1, 1, 1, 1)
    last = len(images) - 1
    previous = (index - 1).clamp(0, last)
    following = (index + 1).clamp(0, last)
    current = images[index]
    before = torch.where((patient[previous] == patient[index]).view(-1, 1, 1, 1), images[previous], current)
    after = torch.where((patient[following] == patient[index]).view(-1, 1, 1, 1), images[following], current)
    return torch.where(chosen, (before + current + after) / 3, current)
