"""Exports a trained checkpoint to the ONNX file the C# pipeline reads (contract in docs/models.md).

Input ``image`` float32 [N,1,H,W] (N dynamic), output ``probability`` float32 [N,1,H,W] in [0,1]; batch norm
is folded into the convolutions before export, and the preprocessing and post-processing defaults travel
as ``metadata_props``. The file is checked with onnx.checker and rejected if a BatchNormalization is left.
"""
from __future__ import annotations

import argparse
import datetime
import inspect
import os
import traceback

import onnx
import torch
from torch import nn
from torch.nn.utils.fusion import fuse_conv_bn_eval

from .models import ConvBlock, ProbabilityModel, build
from .preprocess import WINDOW_LEVEL, WINDOW_WIDTH

OPSET = 13

# torch >= 2.9 exports through dynamo by default, which needs onnxscript and handles dynamic_axes only in part; the
# TorchScript exporter writes the graph the platform's parity fixture was checked against (torch 1.13 has no such flag).
_EXPORTER = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}


def load_checkpoint(path: str) -> tuple[nn.Module, dict]:
    """The network of a best.pt in eval mode, and its training config."""
    checkpoint = torch.load(path, map_location="cpu")
    config = checkpoint["config"]
    model = build(config["architecture"], config["filters"], config["deep_supervision"])
    model.load_state_dict(checkpoint["state_dict"])
    model.eval()
    return model, config


def fold_batch_norm(model: nn.Module) -> nn.Module:
    """Folds each BatchNorm2d into the Conv2d before it (eval statistics), in place."""
    for block in model.modules():
        if isinstance(block, ConvBlock):
            for i in range(len(block) - 1):
                if isinstance(block[i], nn.Conv2d) and isinstance(block[i + 1], nn.BatchNorm2d):
                    block[i] = fuse_conv_bn_eval(block[i], block[i + 1])
                    block[i + 1] = nn.Identity()
    return model


def metadata(config: dict, version: str, trained_utc: str) -> dict[str, str]:
    return {
        "covidct.architecture": config["architecture"],
        "covidct.version": version,
        "covidct.window_width": f"{WINDOW_WIDTH:g}",
        "covidct.window_level": f"{WINDOW_LEVEL:g}",
        "covidct.input_height": str(config["size"]),
        "covidct.input_width": str(config["size"]),
        "covidct.layout": "NCHW",
        "covidct.channels": "1",
        "covidct.cohort_spec_sha256": config["cohort_spec_sha256"],
        "covidct.trained_utc": trained_utc,
    }


def export(checkpoint: str, output: str, version: str) -> None:
    model, config = load_checkpoint(checkpoint)
    fold_batch_norm(model)
    graph = ProbabilityModel(model).eval()
    size = config["size"]
    example = torch.rand(2, 1, size, size)
    temporary = output + ".tmp"
    torch.onnx.export(graph, example, temporary, opset_version=OPSET, input_names=["image"],
                      output_names=["probability"], dynamic_axes={"image": {0: "N"}, "probability": {0: "N"}},
                      do_constant_folding=True, **_EXPORTER)
    proto = onnx.load(temporary)
    left = [n.name for n in proto.graph.node if n.op_type == "BatchNormalization"]
    if left:
        raise RuntimeError(f"batch norm not folded: {left}")
    saved = datetime.datetime.fromtimestamp(os.path.getmtime(checkpoint), datetime.timezone.utc)
    for key, value in metadata(config, version, saved.strftime("%Y-%m-%dT%H:%M:%SZ")).items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "covidct-training"
    onnx.checker.check_model(proto, full_check=True)
    onnx.save(proto, temporary)
    os.replace(temporary, output)
    print(f"{output}: {os.path.getsize(output) / 1e6:.2f} MB, opset {OPSET}, "
          f"{sum(p.numel() for p in model.parameters())} parameters")


def export_epoch(checkpoint: str, version: str) -> bool:
    """Exports an epoch-NNN.pt next to itself as epoch-NNN.onnx during training; a failed export is printed and the
    checkpoint kept (it can be exported on another machine), so that it never ends a run on a lent GPU."""
    try:
        export(checkpoint, os.path.splitext(checkpoint)[0] + ".onnx", version)
        return True
    except Exception:  # noqa: BLE001 - any exporter failure must leave the training running
        print(f"{checkpoint}: ONNX export failed, checkpoint kept:\n{traceback.format_exc()}", flush=True)
        return False


def main() -> None:
    p = argparse.ArgumentParser(description="Export a best.pt checkpoint to ONNX with CovidCt metadata.")
    p.add_argument("checkpoint")
    p.add_argument("output")
    p.add_argument("--version", required=True, help="model version written to covidct.version, e.g. 1")
    a = p.parse_args()
    export(a.checkpoint, a.output, a.version)


if __name__ == "__main__":
    main()
