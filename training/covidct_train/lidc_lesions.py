"""Inserts simulated ground-glass lesions into real CT anatomy and writes a mixed training cohort.

Used for unetpp-v2 and unet-baseline because the cohort builder could not insert lesions yet. Each real
series (DICOM, read-only, never copied into the repository) yields one control patient (as scanned) and
one or more covid patients with lesions from ``phantoms.lesion_opacity``: added to lung pixels only
(HU below -400 inside the body), so vessels and airway walls stay visible through the haze, mostly near
the pleura, spanning several slices. The outputs are NIfTI under a git-ignored folder.
"""
from __future__ import annotations

import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F

from . import nifti
from .cohort import HEADER, load_manifest
from .dicom import read_series
from .phantoms import LESION_MASK_OPACITY, lesion_opacity


def lung_mask(hu: np.ndarray) -> np.ndarray:
    """Approximate lung fields of one slice: air-density pixels enclosed by the body along rows and columns."""
    body = hu > -300
    rows = np.maximum.accumulate(body, axis=1) & np.maximum.accumulate(body[:, ::-1], axis=1)[:, ::-1]
    cols = np.maximum.accumulate(body, axis=0) & np.maximum.accumulate(body[::-1], axis=0)[::-1]
    return rows & cols & (hu < -400) & (hu > -1100)


def _local_fraction(mask: np.ndarray, size: int) -> np.ndarray:
    x = torch.from_numpy(mask.astype(np.float32))[None, None]
    return F.avg_pool2d(x, size, stride=1, padding=size // 2, count_include_pad=True)[0, 0].numpy()


def insert_lesions(hu: np.ndarray, rng: np.random.Generator, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Returns a copy of the volume [z,y,x] with ``count`` lesions, and their uint8 mask."""
    depth, height, width = hu.shape
    out = hu.astype(np.float32).copy()
    mask = np.zeros(hu.shape, np.uint8)
    lungs = np.stack([lung_mask(s) for s in hu])
    area = lungs.reshape(depth, -1).sum(axis=1)
    candidates = np.nonzero(area > 0.08 * height * width)[0]  # slices with large lung fields
    if len(candidates) == 0:
        raise ValueError("no slice with lung fields large enough for a lesion")
    scale = width / 512
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    for _ in range(count):
        centre_z = int(rng.choice(candidates))
        fraction = _local_fraction(lungs[centre_z], 31)
        near_pleura = lungs[centre_z] & (fraction > 0.55) & (fraction < 0.85)
        inner = lungs[centre_z] & (fraction >= 0.85)
        pool = near_pleura if (rng.random() < 0.7 and near_pleura.any()) else inner if inner.any() else lungs[centre_z]
        ys, xs = np.nonzero(pool)
        pick = rng.integers(len(ys))
        lesion = dict(radii=(rng.uniform(12, 36) * scale, rng.uniform(12, 36) * scale), rotation=rng.uniform(0, np.pi),
                      rise=rng.uniform(120, 450) if rng.random() < 0.85 else rng.uniform(600, 850),
                      half_depth=rng.uniform(2.0, 6.0), seed=int(rng.integers(1 << 30)))
        for z in range(max(0, int(centre_z - lesion["half_depth"])), min(depth, int(centre_z + lesion["half_depth"]) + 1)):
            dz = (z - centre_z) / lesion["half_depth"]
            if abs(dz) >= 1:
                continue
            opacity = lesion_opacity(xx - xs[pick], yy - ys[pick], lesion, np.sqrt(1 - dz ** 2),
                                     np.random.default_rng(lesion["seed"] + z))
            opacity = np.where(lungs[z], opacity, 0)
            out[z] += lesion["rise"] * opacity
            mask[z] |= (opacity > LESION_MASK_OPACITY).astype(np.uint8)
    return np.round(out).astype(np.int16), mask


def write_cohort(folder: str, base_manifest: str, series: dict[str, str], seed: int) -> str:
    """Copies the base manifest's entries (paths re-pointed) and adds, per real series, a control and
    lesion-inserted covid patients. ``series`` maps a split to a DICOM folder; train series give two covid
    versions, other splits one."""
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(seed)
    rows = []
    for e in load_manifest(base_manifest):
        rows.append([e.patient_id, e.label, os.path.relpath(e.images, folder),
                     os.path.relpath(e.masks, folder) if e.masks else "", e.split or ""])
    for split, dicom_folder in series.items():
        name = os.path.basename(os.path.normpath(dicom_folder)).lower()
        hu = read_series(dicom_folder)
        nifti.write(hu.astype(np.int16), os.path.join(folder, f"{name}-control.nii.gz"))
        nifti.write(np.zeros(hu.shape, np.uint8), os.path.join(folder, f"{name}-control-mask.nii.gz"))
        rows.append([f"{name}-control", "control", f"{name}-control.nii.gz", f"{name}-control-mask.nii.gz", split])
        for version in range(2 if split == "train" else 1):
            volume, mask = insert_lesions(hu, rng, count=int(rng.integers(3, 7)))
            pid = f"{name}-lesions-{version + 1}"
            nifti.write(volume, os.path.join(folder, f"{pid}.nii.gz"))
            nifti.write(mask, os.path.join(folder, f"{pid}-mask.nii.gz"))
            rows.append([pid, "covid", f"{pid}.nii.gz", f"{pid}-mask.nii.gz", split])
    manifest = os.path.join(folder, "manifest.csv")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(",".join(HEADER) + "\n")
        for row in rows:
            f.write(",".join(row) + "\n")
    return manifest


def main() -> None:
    p = argparse.ArgumentParser(description="Phantom cohort plus lesions inserted into real DICOM series.")
    p.add_argument("folder")
    p.add_argument("--base", required=True, help="the phantom cohort manifest to include")
    p.add_argument("--series", action="append", required=True, help="SPLIT=DICOM_FOLDER (repeatable)")
    p.add_argument("--seed", type=int, default=2)
    a = p.parse_args()
    print(write_cohort(a.folder, a.base, dict(s.split("=", 1) for s in a.series), a.seed))


if __name__ == "__main__":
    main()
