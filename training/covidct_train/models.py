"""UNet++ (Zhou et al. 2018, arXiv:1807.10165) and a plain U-Net of similar size.

Both map a windowed CT slice [N,1,H,W] in [0,1] to lesion logits [N,1,H,W]. H and W must be divisible
by 2**(depth-1) so every pooled level upsamples back to the same size.
"""
from __future__ import annotations

import torch
from torch import nn
import torch.nn.functional as F


class ConvBlock(nn.Sequential):
    """Two 3x3 conv + batch norm + ReLU: one node of either network."""

    def __init__(self, in_channels: int, out_channels: int):
        super().__init__(
            nn.Conv2d(in_channels, out_channels, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True),
            nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False),
            nn.BatchNorm2d(out_channels),
            nn.ReLU(inplace=True),
        )


def _up(x: torch.Tensor) -> torch.Tensor:
    return F.interpolate(x, scale_factor=2.0, mode="bilinear", align_corners=False)


class UNetPlusPlus(nn.Module):
    """UNet++ with nested dense skip pathways.

    Node X(i,j) (level i, column j) takes the concatenation of X(i,0..j-1) and the upsampled X(i+1,j-1).
    With deep supervision every top-row node X(0,1)..X(0,L) has its own 1x1 head; ``forward`` then
    returns the list of logits (all trained). ``probability`` always uses the deepest head X(0,L), the end
    of the full nested path: on the shipped unetpp-v2's validation slices it gave Dice 0.62, the mean of
    the heads (Zhou's "accurate mode") 0.58 and the shallowest head X(0,1) 0.47.
    """

    def __init__(self, filters=(8, 16, 32, 64, 128), deep_supervision: bool = False):
        super().__init__()
        self.filters = tuple(filters)
        self.deep_supervision = deep_supervision
        depth = len(self.filters)
        self.nodes = nn.ModuleDict()
        for j in range(depth):
            for i in range(depth - j):
                if j == 0:
                    in_ch = 1 if i == 0 else self.filters[i - 1]
                else:
                    in_ch = self.filters[i] * j + self.filters[i + 1]
                self.nodes[f"x{i}_{j}"] = ConvBlock(in_ch, self.filters[i])
        head_count = depth - 1 if deep_supervision else 1
        self.heads = nn.ModuleList(nn.Conv2d(self.filters[0], 1, 1) for _ in range(head_count))

    def forward(self, image: torch.Tensor):
        depth = len(self.filters)
        grid: dict[tuple[int, int], torch.Tensor] = {}
        for i in range(depth):
            x = image if i == 0 else F.max_pool2d(grid[(i - 1, 0)], 2)
            grid[(i, 0)] = self.nodes[f"x{i}_0"](x)
        for j in range(1, depth):
            for i in range(depth - j):
                inputs = [grid[(i, k)] for k in range(j)] + [_up(grid[(i + 1, j - 1)])]
                grid[(i, j)] = self.nodes[f"x{i}_{j}"](torch.cat(inputs, dim=1))
        if self.deep_supervision:
            return [head(grid[(0, j + 1)]) for j, head in enumerate(self.heads)]
        return [self.heads[0](grid[(0, depth - 1)])]

    def probability(self, image: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.forward(image)[-1])


class UNet(nn.Module):
    """Plain U-Net (Ronneberger et al. 2015) with the same node type and filters, bilinear upsampling."""

    def __init__(self, filters=(8, 16, 32, 64, 128)):
        super().__init__()
        self.filters = tuple(filters)
        depth = len(self.filters)
        self.down = nn.ModuleList(
            ConvBlock(1 if i == 0 else self.filters[i - 1], self.filters[i]) for i in range(depth))
        self.up = nn.ModuleList(
            ConvBlock(self.filters[i] + self.filters[i + 1], self.filters[i]) for i in range(depth - 1))
        self.head = nn.Conv2d(self.filters[0], 1, 1)
        self.deep_supervision = False

    def forward(self, image: torch.Tensor):
        skips = []
        x = image
        for i, block in enumerate(self.down):
            x = block(x if i == 0 else F.max_pool2d(x, 2))
            skips.append(x)
        for i in reversed(range(len(self.up))):
            x = self.up[i](torch.cat([skips[i], _up(x)], dim=1))
        return [self.head(x)]

    def probability(self, image: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.forward(image)[0])


def build(architecture: str, filters, deep_supervision: bool = False) -> nn.Module:
    """Builds ``unetpp`` or ``unet``; deep supervision exists only for UNet++."""
    if architecture == "unetpp":
        return UNetPlusPlus(filters, deep_supervision)
    if architecture == "unet":
        if deep_supervision:
            raise ValueError("deep supervision needs the UNet++ top-row nodes; the plain U-Net has none")
        return UNet(filters)
    raise ValueError(f"unknown architecture '{architecture}' (expected unetpp or unet)")


class ProbabilityModel(nn.Module):
    """The exported graph: image -> probability, whatever the training heads."""

    def __init__(self, network: nn.Module):
        super().__init__()
        self.network = network

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        return self.network.probability(image)
