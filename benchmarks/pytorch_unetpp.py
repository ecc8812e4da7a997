#!/usr/bin/env python3
"""The shipped UNet++ (training/covidct_train/models.py: filters 8..128, deep supervision, deepest head) in PyTorch on
this machine, to show where ONNX Runtime stands (issue 9, item 2). Random weights: the speed does not depend on them.

Prints images/s at batch 1 and 8 (median of repeats) and the network's FLOPs per image, counted from its convolutions
(2 x multiply-adds; batch norm, ReLU, pooling and upsampling are a few percent more and not counted).

    /usr/bin/python3 benchmarks/pytorch_unetpp.py [--size 128] [--images 16] [--repeats 3]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from covidct_train.models import UNetPlusPlus  # noqa: E402  (the training package defines the network once)


def conv_flops(model: torch.nn.Module, size: int) -> int:
    total = 0

    def hook(module, inputs, output):
        nonlocal total
        kh, kw = module.kernel_size
        total += 2 * output.numel() * (module.in_channels // module.groups) * kh * kw

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    with torch.no_grad():
        model.probability(torch.zeros(1, 1, size, size))
    for h in handles:
        h.remove()
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--images", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    torch.manual_seed(1)
    model = UNetPlusPlus(deep_supervision=True).eval()
    flops = conv_flops(model, args.size)
    images = torch.rand(args.images, 1, args.size, args.size)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, UNet++ 8..128 at {args.size}x{args.size}: "
          f"{flops / 1e9:.3f} GFLOP per image (convolutions)")
    with torch.no_grad():
        for batch in (1, 8):
            model.probability(images[:batch])
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                for i in range(0, args.images, batch):
                    model.probability(images[i:i + batch])
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"  batch {batch}: {args.images / median:.1f} images/s, {median / args.images * 1e3:.1f} ms/image, "
                  f"{flops * args.images / median / 1e9:.2f} GFLOP/s (min {min(times):.3f} s, max {max(times):.3f} s, n {len(times)})")


if __name__ == "__main__":
    main()
