#!/usr/bin/env bash
# The GPU measurements of docs/scale.md, as one call on a machine with an NVIDIA GPU and PyTorch (see README.md here).
# Usage, from the repository root: benchmarks/gpu/run.sh OUTPUT_FOLDER
set -uo pipefail
out="${1:?usage: benchmarks/gpu/run.sh OUTPUT_FOLDER}"
mkdir -p "$out"
{
  date -u
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.sm,clocks.max.sm,power.limit --format=csv
  command -v dotnet >/dev/null && dotnet --list-runtimes || echo "dotnet: not installed (the C# scorer cannot run here)"
  python3 -c 'import torch, onnx; print("torch", torch.__version__, "cuda", torch.version.cuda, "onnx", onnx.__version__)'
  python3 -c 'import onnxruntime as o; print("onnxruntime", o.__version__, o.get_available_providers())' || echo "onnxruntime: not installed"
} 2>&1 | tee "$out/machine.txt"
PYTHONUNBUFFERED=1 timeout "${GPU_CHECK_TIMEOUT:-400}" python3 benchmarks/gpu/gpu_check.py --out "$out/gpu.json" 2>&1 | tee "$out/log.txt"
status=$?
nvidia-smi --query-gpu=clocks.sm,temperature.gpu,power.draw --format=csv | tee -a "$out/machine.txt"
exit $status
