"""Starts training from a shipped ONNX model instead of random weights (``train --init-onnx``).

A shipped model has its batch norms folded into the convolutions (export.py), so its weights alone cannot
restore the normalisation statistics. The folded kernel goes into each convolution and the folded bias into
the batch norm's shift, with the batch norm set to the identity (mean 0, variance 1 - eps, scale 1); during
training the batch norms stay frozen in that state (``freeze_batch_norm``), so the network starts exactly as
the shipped model and learns on as a network without normalisation. Only the deepest head exists in the
ONNX file, so a warm-started UNet++ trains without deep supervision.
"""
from __future__ import annotations

import onnx
import torch
import torch.nn as nn
from onnx import numpy_helper

from .models import ConvBlock


def initializers(path: str) -> dict[str, torch.Tensor]:
    """The ONNX file's weights by name, without the ``network.`` prefix export.py's wrapper adds."""
    model = onnx.load(path)
    return {i.name.removeprefix("network."): torch.from_numpy(numpy_helper.to_array(i).copy())
            for i in model.graph.initializer}


def load_folded(model: nn.Module, path: str) -> None:
    """Copies the folded weights of the ONNX file at ``path`` into ``model`` (same architecture and filters,
    no deep supervision); raises ValueError naming the first weight that is missing or has another shape."""
    if getattr(model, "deep_supervision", False):
        raise ValueError(f"{path}: a warm start has only the deepest head; train without --deep-supervision")
    weights = initializers(path)
    head = [n for n in weights if n.startswith("heads.") or n.startswith("head.")]
    used = set()

    def take(name: str, shape: torch.Size) -> torch.Tensor:
        if name not in weights:
            raise ValueError(f"{path}: weight '{name}' not found; is it the same architecture and filters?")
        if weights[name].shape != shape:
            raise ValueError(f"{path}: weight '{name}' has shape {tuple(weights[name].shape)}, expected {tuple(shape)}")
        used.add(name)
        return weights[name]

    with torch.no_grad():
        for prefix, block in model.named_modules():
            if not isinstance(block, ConvBlock):
                continue
            for i in (0, 3):
                conv, norm = block[i], block[i + 1]
                conv.weight.copy_(take(f"{prefix}.{i}.weight", conv.weight.shape))
                norm.bias.copy_(take(f"{prefix}.{i}.bias", norm.bias.shape))
                norm.weight.fill_(1.0)
                norm.running_mean.zero_()
                norm.running_var.fill_(1.0 - norm.eps)
        last = "heads.0" if hasattr(model, "heads") else "head"
        deepest = sorted({n.rsplit(".", 1)[0] for n in head})[-1]
        target = model.get_submodule(last)
        target.weight.copy_(take(f"{deepest}.weight", target.weight.shape))
        target.bias.copy_(take(f"{deepest}.bias", target.bias.shape))
    unused = set(weights) - used - {n for n in head}
    if unused:
        raise ValueError(f"{path}: weights {sorted(unused)[:3]} have no place in this model")


def freeze_batch_norm(model: nn.Module) -> None:
    """Keeps every batch norm in eval mode (the identity set by ``load_folded``); call after ``model.train()``."""
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.eval()
