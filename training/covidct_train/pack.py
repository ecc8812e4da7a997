"""Packs a built training cohort into one compact file for a lent GPU machine (training/README.md, "Training on a lent GPU").

The lent machine has no .NET runtime, so it cannot build cohorts, and it receives at most 64 MiB with the repository.
This module reads a cohort manifest here and writes the slices the training needs, already at model size and in the
model's window, into one LZMA-compressed NumPy archive that ``covidct_train.train --pack`` reads instead of the manifest:

- train: runs of consecutive slices (a lesion slice or a slice without lesion at the centre, ``--run`` slices long),
  half of them centred on lesion slices, drawn round-robin over the patients so that every patient contributes; each run
  keeps its own id, so the slice-thickness augmentation averages only slices that are neighbours in the volume;
- val: the same evenly spread validation slices ``train`` would choose from the val split (half with lesion, half without).

Slices are stored as 8 bits of the model's window v in [0, 1] (W1200/L-700: one step is 4.7 HU, below the scanner
noise the augmentations add) and masks as bits; the number of runs is fitted to ``--budget-mib``. Only cohorts built by
``covidct cohort build`` belong here: real lesion slices (covid-semiseg-doctor50) are for measurement only.

    python3 -m covidct_train.pack --manifest M.csv --cohort-spec S.json --out ../.cache/packs/NAME.npz.xz
"""
from __future__ import annotations

import argparse
import io
import json
import lzma
import os

import numpy as np
import torch

from .cohort import SliceSet, load_manifest, load_slices, sha256_of_file, validation_index

FORMAT = "covidct-training-pack/1"


def _quantise(images: torch.Tensor) -> np.ndarray:
    return np.round(images[:, 0].clamp(0, 1).numpy() * 255).astype(np.uint8)


def _runs(slices: SliceSet, count: int, run: int, seed: int) -> list[np.ndarray]:
    """``count`` runs of up to ``run`` consecutive known slices of one patient, half centred on lesion slices,
    taken round-robin over the patients; overlapping runs are merged later."""
    rng = np.random.default_rng(seed)
    has_lesion = (slices.targets.flatten(1).amax(dim=1) > 0).numpy()
    known = slices.known.numpy()
    patient = slices.patient.numpy()
    centres: dict[bool, list[list[int]]] = {True: [], False: []}
    for p in range(len(slices.entries)):
        for lesion in (True, False):
            own = np.flatnonzero((patient == p) & known & (has_lesion == lesion))
            if len(own):
                centres[lesion].append(list(rng.permutation(own)))
    runs = []
    half = run // 2
    for lesion, want in ((True, count // 2), (False, count - count // 2)):
        pools = centres[lesion]
        taken = 0
        while taken < want and any(pools):
            for pool in pools:
                if taken == want or not pool:
                    continue
                c = pool.pop()
                members = [i for i in range(c - half, c - half + run)
                           if 0 <= i < len(patient) and patient[i] == patient[c] and known[i]]
                runs.append(np.array(members))
                taken += 1
    return runs


def _train_part(slices: SliceSet, runs: list[np.ndarray]) -> dict[str, np.ndarray]:
    chosen = np.unique(np.concatenate(runs)) if runs else np.zeros(0, dtype=np.int64)
    patient = slices.patient.numpy()[chosen]
    # a new run wherever the next slice is not the volume's next slice of the same patient
    breaks = np.ones(len(chosen), dtype=bool)
    breaks[1:] = (np.diff(chosen) != 1) | (np.diff(patient) != 0)
    index = torch.from_numpy(chosen)
    return {
        "train_images": _quantise(slices.images[index]),
        "train_masks": np.packbits(slices.targets[index][:, 0].numpy() > 0, axis=-1),
        "train_run": np.cumsum(breaks).astype(np.int32) - 1,
        "train_patient": patient.astype(np.int32),
    }


def _val_part(slices: SliceSet, count: int) -> dict[str, np.ndarray]:
    index = validation_index(slices, count)
    return {
        "val_images": _quantise(slices.images[index]),
        "val_masks": np.packbits(slices.targets[index][:, 0].numpy() > 0, axis=-1),
    }


def _write(arrays: dict[str, np.ndarray], meta: dict, path: str) -> int:
    buffer = io.BytesIO()
    np.savez(buffer, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8), **arrays)
    data = lzma.compress(buffer.getvalue(), preset=6)
    temporary = path + ".tmp"
    with open(temporary, "wb") as f:
        f.write(data)
    os.replace(temporary, path)
    return len(data)


def pack(manifest: str, cohort_spec: str | None, out: str, size: int, budget_mib: float, run: int,
         val_slices: int, seed: int) -> dict:
    """Writes the pack and returns its description (also stored in it as ``meta``)."""
    entries = load_manifest(manifest)
    train_set = load_slices(entries, "train", size, size)
    val_set = load_slices(entries, "val", size, size)
    val = _val_part(val_set, val_slices)
    budget = budget_mib * 1024 * 1024
    # bytes per slice after compression, from an evenly spread sample; refitted below on the pack's real size
    sample = _quantise(train_set.images[::max(1, len(train_set.images) // 40)])
    per_slice = len(lzma.compress(sample.tobytes(), preset=6)) / len(sample)
    runs_wanted = max(2, int((0.95 * budget - len(val["val_images"]) * per_slice) / (run * per_slice)))
    for _ in range(4):
        runs = _runs(train_set, runs_wanted, run, seed)
        train = _train_part(train_set, runs)
        meta = {
            "format": FORMAT, "size": size, "manifest": os.path.basename(manifest),
            "cohort_spec_sha256": sha256_of_file(cohort_spec or manifest),
            "train_patients": len(train_set.entries), "val_patients": len(val_set.entries),
            "train_slices": int(len(train["train_images"])), "train_runs": int(train["train_run"].max() + 1),
            "train_slices_with_lesion": int(np.count_nonzero(train["train_masks"].reshape(len(train["train_masks"]), -1).any(axis=1))),
            "val_slices": int(len(val["val_images"])), "quantisation": "uint8 of v = (HU + 1300) / 1200",
        }
        written = _write({**train, **val}, meta, out)
        if written <= budget:
            meta["bytes"] = written
            return meta
        runs_wanted = max(2, int(runs_wanted * budget / written * 0.97))
    raise ValueError(f"{out}: could not fit the pack into {budget_mib} MiB (last try {written / 2**20:.1f} MiB); "
                     "lower --run or --size, or raise --budget-mib")


def load(path: str) -> tuple[SliceSet, torch.Tensor, torch.Tensor, dict]:
    """The pack's train slices as a SliceSet (``patient`` holds the run id, so that the slice-thickness augmentation
    never averages across a gap), its val images and targets, and its description."""
    with open(path, "rb") as f:
        data = np.load(io.BytesIO(lzma.decompress(f.read())))
    meta = json.loads(bytes(data["meta"]).decode())
    if meta.get("format") != FORMAT:
        raise ValueError(f"{path}: field 'format' must be {FORMAT}, got {meta.get('format')!r}")
    size = meta["size"]

    def images(name: str) -> torch.Tensor:
        return torch.from_numpy(data[name].astype(np.float32) / 255.0).unsqueeze(1)

    def masks(name: str) -> torch.Tensor:
        bits = np.unpackbits(data[name], axis=-1, count=size).astype(np.float32)
        return torch.from_numpy(bits).unsqueeze(1)

    train_images = images("train_images")
    count = len(train_images)
    train_set = SliceSet(train_images, masks("train_masks"), torch.ones(count, dtype=torch.bool),
                         torch.from_numpy(data["train_run"].astype(np.int64)), torch.arange(count), [])
    return train_set, images("val_images"), masks("val_masks"), meta


def main() -> None:
    p = argparse.ArgumentParser(description="Pack a built training cohort into one file for a lent GPU machine.")
    p.add_argument("--manifest", required=True, help="cohort manifest CSV written by covidct cohort build")
    p.add_argument("--cohort-spec", help="the cohort spec whose SHA-256 the models will carry (default: the manifest)")
    p.add_argument("--out", required=True, help="output file, e.g. ../.cache/packs/train-v6-256.npz.xz")
    p.add_argument("--size", type=int, default=256, help="model input size in pixels")
    p.add_argument("--budget-mib", type=float, default=20.0,
                   help="largest pack size; the lent machine receives 64 MiB with the repository (about 39 MB)")
    p.add_argument("--run", type=int, default=5, help="consecutive slices per run (neighbours for slice thickness)")
    p.add_argument("--val-slices", type=int, default=128)
    p.add_argument("--seed", type=int, default=5)
    args = p.parse_args()
    if args.run < 1 or args.size < 16 or not args.budget_mib > 0:
        p.error("--run must be at least 1, --size at least 16 and --budget-mib positive")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    meta = pack(args.manifest, args.cohort_spec, args.out, args.size, args.budget_mib, args.run, args.val_slices, args.seed)
    print(json.dumps(meta, indent=2))


if __name__ == "__main__":
    main()
