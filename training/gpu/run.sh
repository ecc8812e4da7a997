#!/usr/bin/env bash
# Fine-tunes unetpp-v2 on a packed training cohort in one call on a lent GPU machine (training/README.md, "Training on a
# lent GPU"). From the repository root:
#   training/gpu/run.sh OUT [PACK]            on the GPU: 256 x 256, at most GPU_TRAIN_SECONDS (420) of training
#   training/gpu/run.sh --quick OUT [PACK]    dry run of the same code on this CPU: 2 epochs of 2 steps
# PACK defaults to .cache/packs/train-v6-256.npz.xz (python3 -m covidct_train.pack). OUT receives machine.txt, log.txt,
# config.json, log.csv and the epochs' ONNX files (epoch-000 = unetpp-v2 itself; a checkpoint where the export failed) in
# tar files of at most 6 epochs each,
# because the lent machine returns at most 8 files of 16 MiB; `for t in OUT/epochs-*.tar; do tar -xf "$t" -C RUN; done`
# unpacks them.
set -uo pipefail
quick=0
if [ "${1:-}" = "--quick" ]; then quick=1; shift; fi
out="${1:?usage: training/gpu/run.sh [--quick] OUT [PACK]}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
pack="$(realpath -m "${2:-$root/.cache/packs/train-v6-256.npz.xz}")"
[ -f "$pack" ] || { echo "training/gpu/run.sh: pack '$pack' not found; write it with python3 -m covidct_train.pack" >&2; exit 2; }
mkdir -p "$out"
out="$(realpath "$out")"
run="$out/run"
mkdir -p "$run"
if [ $quick = 1 ]; then
  python="${PYTHON:-/usr/bin/python3}"
  schedule=(--device cpu --threads 2 --epochs 2 --steps-per-epoch 2 --batch 2 --val-slices 8)
  seconds=900
else
  python="${PYTHON:-python3}"
  # 16 cores feed the augmentations on the CPU; one epoch of 150 steps is short enough that the guard below loses little
  schedule=(--device cuda --threads 12 --epochs 14 --steps-per-epoch 150 --batch 16 --val-slices 128)
  seconds="${GPU_TRAIN_SECONDS:-420}"
fi
{
  date -u
  command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv || echo "nvidia-smi: none"
  echo "cpu cores: $(nproc)"
  "$python" -c 'import torch, onnx; print("torch", torch.__version__, "cuda", torch.version.cuda, torch.cuda.is_available(), "onnx", onnx.__version__)'
  echo "pack: $pack ($(stat -c %s "$pack") bytes)"
} 2>&1 | tee "$out/machine.txt"
cd "$root/training" || exit 2
# The timeout ends training that runs long; --stop-after-s ends it after a whole epoch first, so the epochs written so
# far (each saved and exported as it ends) are always complete files.
PYTHONUNBUFFERED=1 timeout --kill-after=15 "$seconds" "$python" -m covidct_train.train --pack "$pack" --size 256 \
  --architecture unetpp --init-onnx ../models/unetpp-v2.onnx --augment transfer --negative-weight 2 --lr 0.0003 \
  --save-epochs --export-epochs 6 --stop-after-s $((seconds - 75)) "${schedule[@]}" --out "$run" 2>&1 | tee "$out/log.txt"
status=${PIPESTATUS[0]}
cp "$run/config.json" "$run/log.csv" "$out/" 2>/dev/null
# six epochs (about 2.3 MB each) per tar file stay under the 16 MiB a returned file may have; an epoch whose ONNX export
# failed travels as its checkpoint, which covidct_train.select measures as well
cd "$run" && for pt in epoch-*.pt; do
  [ -f "$pt" ] || continue
  if [ -f "${pt%.pt}.onnx" ]; then echo "${pt%.pt}.onnx"; else echo "$pt"; fi
done | split -l 6 -d - "$out/.group-"
for group in "$out"/.group-*; do
  [ -f "$group" ] && tar -cf "$out/epochs-${group##*-}.tar" -T "$group" && rm "$group"
done
rm -rf "$run"
ls -l "$out" | tee -a "$out/machine.txt"
exit "$status"
