"""The study-size reference model: the UNet++ a researcher brings, for speed and int8 work (benchmarks/README.md).

Chen et al. 2020 ran a nested UNet++ with 32-512 filters on 512x512 slices, trained with deep supervision. This builds that
configuration (9.0 M parameters, about 238 GFLOP per slice) with seeded, untrained weights: the same seed gives the same
file, byte for byte. Its four deep-supervision heads are folded to one output, the deepest head X(0,4) through a sigmoid
(``ProbabilityModel``, as for the shipped models), so the other heads are left out of the graph. Batch norm is folded
into the convolutions first, with statistics drawn from the seed so the folded weights are not trivial.

The file is about 36 MB, over the repository's 10 MB limit for committed files, so it is generated into the git-ignored
.cache/ by one command:

    python3 -m covidct_train.study            # from training/: writes ../.cache/models/unetpp-study-512.onnx
"""
from __future__ import annotations

import argparse
import os

import onnx
import torch

from .export import OPSET, fold_batch_norm, metadata
from .models import ProbabilityModel, UNetPlusPlus

FILTERS = (32, 64, 128, 256, 512)
SIZE = 512
SEED = 20
VERSION = "study-512"
DEFAULT_OUTPUT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", ".cache", "models", "unetpp-study-512.onnx"))
# Fixed so that regenerating the model gives the same bytes (the export writes no other time).
GENERATED_UTC = "2026-11-29T00:00:00Z"


def build_study_model(seed: int = SEED) -> UNetPlusPlus:
    """The study's UNet++ in eval mode: deep supervision on, weights and batch-norm statistics drawn from ``seed``."""
    torch.manual_seed(seed)
    network = UNetPlusPlus(FILTERS, deep_supervision=True)
    generator = torch.Generator().manual_seed(seed + 1)
    with torch.no_grad():
        for module in network.modules():
            if isinstance(module, torch.nn.BatchNorm2d):
                # Running statistics near the identity, so activations keep their scale through 15 nodes.
                module.running_mean.copy_(torch.randn(module.num_features, generator=generator) * 0.05)
                module.running_var.copy_(1 + torch.rand(module.num_features, generator=generator))
    return network.eval()


def study_metadata() -> dict[str, str]:
    """The ``covidct.*`` metadata (export.py's writer) plus what this file is: untrained and seeded."""
    config = {"architecture": "unetpp", "size": SIZE, "cohort_spec_sha256": "none (untrained, seeded)"}
    values = metadata(config, VERSION, GENERATED_UTC)
    values["covidct.output_activation"] = "none"
    values["covidct.weights"] = f"untrained, seeded {SEED}: for speed and int8 measurements, not for detection"
    return values


def export_study(output: str, seed: int = SEED) -> None:
    """Writes the study model to ``output`` (atomically), checked with onnx.checker."""
    network = fold_batch_norm(build_study_model(seed))
    graph = ProbabilityModel(network).eval()
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    temporary = output + ".tmp"
    example = torch.rand(1, 1, SIZE, SIZE, generator=torch.Generator().manual_seed(seed))
    torch.onnx.export(graph, example, temporary, opset_version=OPSET, input_names=["image"],
                      output_names=["probability"], dynamic_axes={"image": {0: "N"}, "probability": {0: "N"}},
                      do_constant_folding=True)
    proto = onnx.load(temporary)
    left = [n.name for n in proto.graph.node if n.op_type == "BatchNormalization"]
    if left:
        raise RuntimeError(f"batch norm not folded: {left}")
    for key, value in study_metadata().items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, value
    proto.producer_name = "covidct-training"
    onnx.checker.check_model(proto, full_check=True)
    onnx.save(proto, temporary)
    os.replace(temporary, output)
    parameters = sum(p.numel() for p in graph.parameters())
    print(f"{output}: {os.path.getsize(output) / 1e6:.1f} MB, opset {OPSET}, {parameters} parameters "
          f"(untrained, seeded {seed})")


def main() -> None:
    p = argparse.ArgumentParser(description="Generate the study-size UNet++ (32-512 filters, 512x512, seeded) as ONNX.")
    p.add_argument("--out", default=DEFAULT_OUTPUT, help="the ONNX file to write (default: .cache/models/unetpp-study-512.onnx)")
    p.add_argument("--seed", type=int, default=SEED, help=f"weight seed (default {SEED})")
    a = p.parse_args()
    export_study(a.out, a.seed)


if __name__ == "__main__":
    main()
