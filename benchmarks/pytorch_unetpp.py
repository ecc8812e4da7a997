#!/usr/bin/env python3
"""The shipped UNet++ (training/covidct_train/models.py: filters 8..128, 128x128) or, with --study, the study-size one
(32..512, 512x512) in PyTorch on this machine, tuned as fairly as ONNX Runtime is (issue 20, item 5):

- the same threads as ours (every core, torch.set_num_threads), not PyTorch's default;
- batch norm folded into the convolutions (export.py's fold_batch_norm), as in the ONNX file;
- one output head (the deepest, which is what the ONNX file computes), not four deep-supervision heads;
- torch.jit.trace + torch.jit.freeze (constant weights, fused graph);
- glibc malloc told to keep freed activations (MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_, set by re-executing
  this script) so each call does not map and unmap hundreds of MB;
- one warm-up call per batch size before timing.

Random weights: the speed does not depend on them. Prints images/s at batch 1 and 8 (median of repeats) and GFLOP/s from
the convolutions (2 x multiply-adds).

    /usr/bin/python3 benchmarks/pytorch_unetpp.py [--study] [--images 16] [--repeats 3]
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

# 32 MiB is the largest mmap threshold glibc accepts on 64-bit (a larger value is ignored): activations up to that size
# (a 512x512 map of 32 float channels) then come from the heap and stay there between calls.
ALLOCATOR = {"MALLOC_MMAP_THRESHOLD_": str(32 << 20), "MALLOC_TRIM_THRESHOLD_": str(1 << 31)}
if any(os.environ.get(k) != v for k, v in ALLOCATOR.items()):
    os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, **ALLOCATOR})

import torch  # noqa: E402  (after the allocator settings, which glibc reads at start)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "training"))
from covidct_train.export import fold_batch_norm  # noqa: E402  (the training package defines the network once)
from covidct_train.models import ProbabilityModel, UNetPlusPlus  # noqa: E402


def conv_flops(model: torch.nn.Module, size: int) -> int:
    total = 0

    def hook(module, inputs, output):
        nonlocal total
        kh, kw = module.kernel_size
        total += 2 * output.numel() * (module.in_channels // module.groups) * kh * kw

    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    with torch.no_grad():
        model(torch.zeros(1, 1, size, size))
    for h in handles:
        h.remove()
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--study", action="store_true", help="the study-size UNet++: filters 32..512 at 512x512")
    parser.add_argument("--images", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    filters, size = ((32, 64, 128, 256, 512), 512) if args.study else ((8, 16, 32, 64, 128), 128)
    torch.set_num_threads(os.cpu_count())
    torch.manual_seed(1)
    network = fold_batch_norm(UNetPlusPlus(filters, deep_supervision=False).eval())
    model = ProbabilityModel(network).eval()
    flops = conv_flops(model, size)
    images = torch.rand(args.images, 1, size, size)
    print(f"PyTorch {torch.__version__}, {torch.get_num_threads()} threads, UNet++ {filters[0]}..{filters[-1]} at {size}x{size}, "
          f"BN folded, one head, jit.freeze: {flops / 1e9:.3f} GFLOP per image (convolutions)")
    with torch.no_grad():
        frozen = torch.jit.freeze(torch.jit.trace(model, images[:1]))
        for batch in (1, 8):
            if batch > args.images:
                continue
            frozen(images[:batch])
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                for i in range(0, args.images, batch):
                    frozen(images[i:i + batch])
                times.append(time.perf_counter() - start)
            median = statistics.median(times)
            print(f"  batch {batch}: {args.images / median:.1f} images/s, {median / args.images * 1e3:.1f} ms/image, "
                  f"{flops * args.images / median / 1e9:.2f} GFLOP/s (min {min(times):.3f} s, max {max(times):.3f} s, n {len(times)})")


if __name__ == "__main__":
    main()
