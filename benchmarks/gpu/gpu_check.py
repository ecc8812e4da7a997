"""GPU figures for docs/scale.md: the shipped models' decisions on CUDA against the CPU, and study-size throughput.

Runs on a machine with an NVIDIA GPU and PyTorch (the lent device machine: no .NET there, so the C# scorer cannot run
on it; see benchmarks/gpu/README.md). Two parts, each written to the JSON file given by --out:

identity    every shipped model that rebuilds in PyTorch from its folded ONNX weights (parity.load_model), on every
            slice of the embedded default cohort's test split, scored on the CPU in float32 (the reference) and on the
            GPU in float32, TF32 and bf16 autocast; where ONNX Runtime is installed, its CPU session on the same input
            too. Per variant: the largest probability difference, the pixels that cross 0.5, and whether every slice's
            findings (quadrants of components > 25 slice pixels at p >= 0.5, training/covidct_train/postprocess.py) and
            every patient's 3-consecutive-slices call equal the reference's.
throughput  the study-size UNet++ (training/covidct_train/study.py: 32-512 filters, 512 x 512, batch norm folded) and
            unetpp-v2 (128 x 128) on the GPU, random input, per precision and batch size: median of timed batches
            (CUDA events) after warm-up. bf16 outputs are checked against float32 on the same input.

    python3 benchmarks/gpu/gpu_check.py --out gpu.json            # from the repository root
    python3 benchmarks/gpu/gpu_check.py --device cpu --quick ...   # the same code on the CPU, small: a dry run
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time

import numpy as np
import torch

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "training"))

from covidct_train import nifti  # noqa: E402
from covidct_train.cohort import load_manifest  # noqa: E402
from covidct_train.export import fold_batch_norm  # noqa: E402
from covidct_train.models import ProbabilityModel  # noqa: E402
from covidct_train.parity import load_model  # noqa: E402
from covidct_train.postprocess import patient_positive, slice_findings, to_slice_resolution  # noqa: E402
from covidct_train.preprocess import slices_to_model_input  # noqa: E402
from covidct_train.study import SIZE as STUDY_SIZE, build_study_model  # noqa: E402

SHIPPED = ["unetpp-v2", "unetpp-v1", "unetpp-v3", "unet-baseline"]
THRESHOLD, MIN_PIXELS = 0.5, 25
STUDY_GFLOP = 238.0  # per 512 x 512 slice, counted from the ONNX graph (benchmarks/onnx_flops.py)
SHIPPED_GFLOP = 1.094  # unetpp-v2, the same count


def log(message: str) -> None:
    print(message, flush=True)


def environment(device: str) -> dict:
    info = {"python": platform.python_version(), "torch": torch.__version__, "cpu": platform.processor() or "",
            "cpu_count": os.cpu_count()}
    try:
        with open("/proc/cpuinfo") as f:
            info["cpu"] = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    if device.startswith("cuda"):
        properties = torch.cuda.get_device_properties(0)
        info.update(gpu=properties.name, gpu_memory_gib=round(properties.total_memory / 2 ** 30, 1),
                    multiprocessors=properties.multi_processor_count, cuda=torch.version.cuda,
                    cudnn=torch.backends.cudnn.version())
    try:
        import onnxruntime
        info["onnxruntime"] = onnxruntime.__version__
        info["onnxruntime_providers"] = onnxruntime.get_available_providers()
    except ImportError:
        info["onnxruntime"] = None
    return info


def precisions(device: str) -> dict:
    """Name -> (autocast dtype or None, TF32 allowed)."""
    if device.startswith("cuda"):
        return {"fp32": (None, False), "tf32": (None, True), "bf16": (torch.bfloat16, False),
                "fp16": (torch.float16, False)}
    return {"fp32": (None, False), "bf16": (torch.bfloat16, False)}


@torch.no_grad()
def run(model, images: torch.Tensor, device: str, dtype, tf32: bool, batch: int = 64) -> torch.Tensor:
    if device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = tf32
        torch.backends.cudnn.allow_tf32 = tf32
    outputs = []
    for start in range(0, len(images), batch):
        x = images[start:start + batch].to(device)
        if dtype is None:
            y = model(x)
        else:
            with torch.autocast(device_type=device.split(":")[0], dtype=dtype):
                y = model(x)
        outputs.append(y.float().cpu())
    return torch.cat(outputs)


def findings_of(probability: torch.Tensor, heights: list[int], widths: list[int], device: str) -> list[set[int]]:
    """Each slice's quadrant findings, formed on ``device`` (labelling 512 x 512 slices is slow on the CPU)."""
    found = []
    for p, h, w in zip(probability, heights, widths):
        found.extend(slice_findings(to_slice_resolution(p.unsqueeze(0).to(device), h, w), THRESHOLD, MIN_PIXELS))
    return found


def identity(device: str, quick: bool) -> list[dict]:
    manifest = os.path.join(ROOT, "datasets", "default", "manifest.csv")
    # The test split: the patients `covidct evaluate` reports on by default.
    entries = [e for e in load_manifest(manifest) if e.split == "test"]
    if quick:
        entries = entries[:2]
    volumes = [(e.patient_id, nifti.read(e.images)) for e in entries]
    rows = []
    for name in SHIPPED:
        path = os.path.join(ROOT, "models", f"{name}.onnx")
        if not os.path.exists(path):
            continue
        network, size = load_model(path)
        model = ProbabilityModel(network).eval()
        images = torch.cat([slices_to_model_input(hu, size, size) for _, hu in volumes])
        counts = [len(hu) for _, hu in volumes]
        heights = [hu.shape[1] for _, hu in volumes for _ in range(len(hu))]
        widths = [hu.shape[2] for _, hu in volumes for _ in range(len(hu))]
        t0 = time.perf_counter()
        reference = run(model, images, "cpu", None, False)
        log(f"{name}: {len(images)} slices, CPU float32 reference in {time.perf_counter() - t0:.1f} s")
        ref_findings = findings_of(reference, heights, widths, device)
        # The findings of the variants are formed on the device: check once that this changes nothing.
        labelling_agrees = device == "cpu" or findings_of(reference, heights, widths, "cpu") == ref_findings
        variants = {}
        model_on_device = ProbabilityModel(network).to(device).eval()
        for precision, (dtype, tf32) in precisions(device).items():
            variants[f"torch-{device.split(':')[0]}-{precision}"] = run(model_on_device, images, device, dtype, tf32)
        try:
            import onnxruntime
            session = onnxruntime.InferenceSession(path, providers=["CPUExecutionProvider"])
            input_name = session.get_inputs()[0].name
            variants["onnxruntime-cpu"] = torch.cat([torch.from_numpy(session.run(None, {input_name: images[i:i + 64].numpy()})[0])
                                                     for i in range(0, len(images), 64)])
            if "CUDAExecutionProvider" in onnxruntime.get_available_providers():
                cuda = onnxruntime.InferenceSession(path, providers=["CUDAExecutionProvider"])
                variants["onnxruntime-cuda"] = torch.cat([torch.from_numpy(cuda.run(None, {input_name: images[i:i + 64].numpy()})[0])
                                                          for i in range(0, len(images), 64)])
        except ImportError:
            pass
        for variant, probability in variants.items():
            found = findings_of(probability, heights, widths, device)
            slice_calls_differ = sum((len(a) > 0) != (len(b) > 0) for a, b in zip(found, ref_findings))
            quadrant_sets_differ = sum(a != b for a, b in zip(found, ref_findings))
            patients_differ, start = 0, 0
            for count in counts:
                if patient_positive(found[start:start + count]) != patient_positive(ref_findings[start:start + count]):
                    patients_differ += 1
                start += count
            row = {"model": name, "variant": variant, "slices": len(images), "patients": len(counts),
                   "max_abs_difference": float((probability - reference).abs().max()),
                   "pixels_crossing_0_5": int(((probability >= THRESHOLD) != (reference >= THRESHOLD)).sum()),
                   "slice_calls_differ": slice_calls_differ, "slice_quadrant_sets_differ": quadrant_sets_differ,
                   "patient_calls_differ": patients_differ,
                   "positive_slices": sum(len(f) > 0 for f in found),
                   "labelling_on_device_equals_cpu": labelling_agrees}
            rows.append(row)
            log(json.dumps(row))
    return rows


def time_batches(model, size: int, batch: int, device: str, dtype, tf32: bool, repeats: int, warmup: int,
                 channels_last: bool) -> dict:
    if device.startswith("cuda"):
        torch.backends.cuda.matmul.allow_tf32 = tf32
        torch.backends.cudnn.allow_tf32 = tf32
    generator = torch.Generator().manual_seed(batch)
    inputs = [torch.rand(batch, 1, size, size, generator=generator) for _ in range(3)]
    inputs = [x.to(device, memory_format=torch.channels_last if channels_last else torch.contiguous_format)
              for x in inputs]
    times = []
    with torch.no_grad():
        for i in range(warmup + repeats):
            x = inputs[i % len(inputs)]
            if device.startswith("cuda"):
                start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                start.record()
            else:
                t0 = time.perf_counter()
            if dtype is None:
                y = model(x)
            else:
                with torch.autocast(device_type=device.split(":")[0], dtype=dtype):
                    y = model(x)
            if device.startswith("cuda"):
                end.record()
                torch.cuda.synchronize()
                elapsed = start.elapsed_time(end) / 1000
            else:
                elapsed = time.perf_counter() - t0
            if not torch.isfinite(y).all():
                raise RuntimeError("non-finite output")
            if i >= warmup:
                times.append(elapsed)
    median = statistics.median(times)
    return {"batch": batch, "median_batch_s": median, "min_batch_s": min(times), "max_batch_s": max(times),
            "images_per_s": batch / median, "ms_per_image": 1000 * median / batch}


def throughput(device: str, quick: bool) -> list[dict]:
    rows = []
    study = ProbabilityModel(fold_batch_norm(build_study_model())).eval()
    v2_network, v2_size = load_model(os.path.join(ROOT, "models", "unetpp-v2.onnx"))
    shipped = ProbabilityModel(v2_network).eval()
    plans = [("unetpp-study-512", study, 64 if quick else STUDY_SIZE, STUDY_GFLOP, [1, 2] if quick else [1, 8, 32]),
             ("unetpp-v2", shipped, v2_size, SHIPPED_GFLOP, [1, 8] if quick else [1, 64, 512])]
    for name, model, size, gflop, batches in plans:
        for channels_last in ([False] if quick else [False, True]):
            model = model.to(device, memory_format=torch.channels_last if channels_last else torch.contiguous_format)
            for precision, (dtype, tf32) in precisions(device).items():
                for batch in batches:
                    try:
                        row = time_batches(model, size, batch, device, dtype, tf32, 3 if quick else 10,
                                           1 if quick else 3, channels_last)
                    except torch.cuda.OutOfMemoryError as error:
                        row = {"batch": batch, "error": f"out of memory: {str(error).splitlines()[0]}"}
                        torch.cuda.empty_cache()
                    row.update(model=name, input=size, precision=precision, channels_last=channels_last)
                    if "images_per_s" in row and size in (STUDY_SIZE, v2_size):
                        row["tflop_per_s"] = round(row["images_per_s"] * gflop / 1000, 3)
                    rows.append(row)
                    log(json.dumps(row))
        # bf16 against float32 on the same batch (METHOD.md: bf16 lands between 1e-3 and 1e-2 relative).
        x = torch.rand(4, 1, size, size, generator=torch.Generator().manual_seed(7)).to(device)
        with torch.no_grad():
            if device.startswith("cuda"):
                torch.backends.cuda.matmul.allow_tf32 = False
                torch.backends.cudnn.allow_tf32 = False
            reference = model.float()(x.contiguous(memory_format=torch.channels_last)).float()
            with torch.autocast(device_type=device.split(":")[0], dtype=torch.bfloat16):
                low = model(x.contiguous(memory_format=torch.channels_last)).float()
        rows.append({"model": name, "check": "bf16 vs fp32 probability", "max_abs_difference": float((low - reference).abs().max()),
                     "relative_l2": float((low - reference).norm() / reference.norm())})
        log(json.dumps(rows[-1]))
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True, help="JSON file to write")
    p.add_argument("--device", default="cuda", help="cuda (default) or cpu for a dry run")
    p.add_argument("--quick", action="store_true", help="two patients and small sizes: checks the script, not the GPU")
    p.add_argument("--part", choices=["all", "identity", "throughput"], default="all")
    a = p.parse_args()
    if a.device.startswith("cuda") and not torch.cuda.is_available():
        raise SystemExit("no CUDA device visible to PyTorch")
    torch.manual_seed(0)
    torch.backends.cudnn.benchmark = True  # autotuned per shape during each warm-up
    result = {"environment": environment(a.device), "quick": a.quick}
    log(json.dumps(result["environment"]))
    if a.part in ("all", "identity"):
        result["identity"] = identity(a.device, a.quick)
    if a.part in ("all", "throughput"):
        result["throughput"] = throughput(a.device, a.quick)
    with open(a.out, "w") as f:
        json.dump(result, f, indent=1)
    log(f"wrote {a.out}")


if __name__ == "__main__":
    main()
