"""Reads a cohort manifest (CSV ``patient_id,label,images,masks,split``) into model-size slice tensors.

Only NIfTI images are read here (the cohort builder writes NIfTI in HU and uint8 masks). A control
without masks has every slice negative; a covid patient without masks has unknown slice truth and is
left out of training and per-image evaluation (it still counts per patient).
"""
from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass

import numpy as np
import torch

from . import nifti
from .preprocess import mask_to_target, slices_to_model_input

HEADER = ["patient_id", "label", "images", "masks", "split"]


@dataclass(frozen=True)
class Entry:
    patient_id: str
    label: str  # covid | control
    images: str  # absolute path
    masks: str | None  # absolute path or None
    split: str | None  # train | val | test | None


def load_manifest(path: str) -> list[Entry]:
    """Parses and validates the manifest; raises ValueError naming the line and field on bad input."""
    folder = os.path.dirname(os.path.abspath(path))
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if not rows or [c.strip() for c in rows[0]] != HEADER:
        raise ValueError(f"{path}:1: header must be exactly {','.join(HEADER)}")
    entries = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) != len(HEADER):
            raise ValueError(f"{path}:{line}: expected {len(HEADER)} fields, got {len(row)}")
        pid, label, images, masks, split = (c.strip() for c in row)
        if label not in ("covid", "control"):
            raise ValueError(f"{path}:{line}: field 'label' must be covid or control, got '{label}'")
        if split not in ("train", "val", "test", ""):
            raise ValueError(f"{path}:{line}: field 'split' must be train, val, test or empty, got '{split}'")
        entries.append(Entry(pid, label, os.path.join(folder, images),
                             os.path.join(folder, masks) if masks else None, split or None))
    return entries


def sha256_of_file(path: str) -> str:
    """Hex SHA-256 of a file's bytes (the cohort spec, or the manifest when no spec is given)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        digest.update(f.read())
    return digest.hexdigest()


@dataclass
class SliceSet:
    """All slices of some patients at model size, in patient and slice order."""
    images: torch.Tensor  # [S,1,H,W] float32 in [0,1]
    targets: torch.Tensor  # [S,1,H,W] 0/1; rows with unknown truth are all zero and flagged in known
    known: torch.Tensor  # [S] bool: slice truth known
    patient: torch.Tensor  # [S] patient index into entries
    slice_index: torch.Tensor  # [S] slice number within the patient's volume
    entries: list[Entry]


def load_slices(entries: list[Entry], split: str | None, height: int, width: int) -> SliceSet:
    """Loads every slice of the entries in ``split`` (all entries when None)."""
    chosen = [e for e in entries if split is None or e.split == split]
    if not chosen:
        raise ValueError(f"no patients in split '{split}'")
    images, targets, known, patient, index = [], [], [], [], []
    for p, entry in enumerate(chosen):
        if not entry.images.endswith((".nii", ".nii.gz")):
            raise ValueError(f"{entry.patient_id}: images '{entry.images}' is not NIfTI; build the cohort as NIfTI")
        hu = nifti.read(entry.images)
        depth = hu.shape[0]
        images.append(slices_to_model_input(hu, height, width))
        if entry.masks:
            mask = nifti.read(entry.masks)
            if mask.shape != hu.shape:
                raise ValueError(f"{entry.patient_id}: mask shape {mask.shape} differs from image {hu.shape}")
            targets.append(mask_to_target(mask, height, width))
            known.append(torch.ones(depth, dtype=torch.bool))
        else:
            targets.append(torch.zeros(depth, 1, height, width))
            known.append(torch.full((depth,), entry.label == "control", dtype=torch.bool))
        patient.append(torch.full((depth,), p, dtype=torch.long))
        index.append(torch.arange(depth))
    return SliceSet(torch.cat(images), torch.cat(targets), torch.cat(known), torch.cat(patient),
                    torch.cat(index), chosen)


def _evenly_spaced(index: torch.Tensor, count: int) -> torch.Tensor:
    """At most ``count`` entries of ``index``, evenly spread over it (all of them when there are fewer)."""
    step = max(1, -(-len(index) // max(1, count)))
    return index[::step]


def validation_index(val_set: SliceSet, count: int) -> torch.Tensor:
    """A fixed, evenly spread subset of the val split that keeps validation affordable on CPU: half of it without
    lesion, so that false positives on control findings (nodules, consolidation, atelectasis) weigh in model selection."""
    val_known = val_set.known.nonzero().squeeze(1)
    val_has_lesion = val_set.targets[val_known].flatten(1).amax(dim=1) > 0
    half = count // 2
    return torch.cat([_evenly_spaced(val_known[val_has_lesion], half),
                      _evenly_spaced(val_known[~val_has_lesion], count - half)])
