"""Procedural chest CT phantoms with ground-glass lesions, written as a cohort (manifest + NIfTI).

Used by the self-test and, when the cohort builder cannot provide data, as training data (the model
card says so). The lesions imitate what real COVID-19 ground glass looks like rather than what is easy
to find: hazy opacities with soft edges that raise the lung's density by 100-450 HU, mostly subpleural
and posterior, with vessels staying visible through them, some denser consolidation, spanning several
slices. Controls carry the same confounders as patients (vessels, small solid nodules, a dependent
density gradient), so "anything brighter than lung" is not a usable shortcut.
"""
from __future__ import annotations

import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F

from . import nifti
from .cohort import HEADER

PADDING_HU = -2048.0


def _smooth_noise(rng: np.random.Generator, shape, sigma: float) -> np.ndarray:
    """Gaussian-filtered white noise with unit standard deviation (texture of lung parenchyma)."""
    x = torch.from_numpy(rng.standard_normal(shape).astype(np.float32))[None, None]
    radius = max(1, int(3 * sigma))
    t = torch.arange(-radius, radius + 1, dtype=torch.float32)
    k = torch.exp(-0.5 * (t / sigma) ** 2)
    k = k / k.sum()
    x = F.conv2d(F.pad(x, (radius, radius, 0, 0), mode="reflect"), k.view(1, 1, 1, -1))
    x = F.conv2d(F.pad(x, (0, 0, radius, radius), mode="reflect"), k.view(1, 1, -1, 1))
    x = x[0, 0].numpy()
    return x / (x.std() + 1e-6)


LESION_MASK_OPACITY = 0.35  # the drawn outline: where the opacity reaches about a third of its peak


def lesion_opacity(du: np.ndarray, dv: np.ndarray, lesion: dict, shrink: float, rng: np.random.Generator) -> np.ndarray:
    """Opacity in [0, 1] of one lesion on a slice: a rotated ellipse (pixel offsets du, dv from its centre,
    radii scaled by ``shrink`` towards its ends) with a wobbly border and patchy, soft-edged density."""
    c, sn = np.cos(lesion["rotation"]), np.sin(lesion["rotation"])
    a = (c * du + sn * dv) / (lesion["radii"][0] * shrink)
    b = (-sn * du + c * dv) / (lesion["radii"][1] * shrink)
    wobble = 0.25 * _smooth_noise(rng, du.shape, 6.0)
    r = np.sqrt(a ** 2 + b ** 2) + wobble
    return np.clip(1.5 - r, 0, 1) ** 1.5 * (0.75 + 0.25 * _smooth_noise(rng, du.shape, 2.0).clip(-1, 1))


class Patient:
    """One phantom patient: fixed anatomy parameters, sliced along z."""

    def __init__(self, rng: np.random.Generator, size: int, depth: int, covid: bool):
        self.rng, self.size, self.depth, self.covid = rng, size, depth, covid
        self.body = (rng.uniform(0.40, 0.46), rng.uniform(0.30, 0.36))
        self.lung = (rng.uniform(0.12, 0.145), rng.uniform(0.20, 0.25))
        self.lung_offset = rng.uniform(0.165, 0.19)  # lung centre from the midline
        self.lung_hu = rng.uniform(-890, -820)
        self.gradient = rng.uniform(0, 80)  # dependent (posterior) density, HU
        self.noise_hu = rng.uniform(10, 30)
        # vessels: 3-D tubes running roughly along z, drifting in-plane
        n = rng.integers(25, 45)
        self.vessels = [(rng.uniform(-1, 1, 2), rng.uniform(-0.01, 0.01, 2), rng.uniform(0.6, 2.2) * size / 256,
                         rng.uniform(-40, 80)) for _ in range(n)]
        self.nodules = [(rng.uniform(-1, 1, 2), rng.uniform(0.1, 0.9) * depth, rng.uniform(1.5, 4) * size / 256)
                        for _ in range(rng.integers(0, 3))]
        self.lesions = []
        if covid:
            for _ in range(rng.integers(1, 4)):
                side = rng.choice([-1, 1])
                angle = rng.uniform(0, 2 * np.pi) if rng.random() < 0.3 else rng.uniform(-0.3, np.pi + 0.3)
                radial = rng.uniform(0.55, 0.95)  # mostly subpleural
                centre_z = rng.uniform(0.2, 0.8) * depth
                self.lesions.append(dict(
                    side=side, angle=angle, radial=radial, z=centre_z,
                    half_depth=rng.uniform(2.0, 6.0),
                    radii=(rng.uniform(0.025, 0.07) * size, rng.uniform(0.025, 0.07) * size),
                    rotation=rng.uniform(0, np.pi),
                    rise=rng.uniform(120, 450) if rng.random() < 0.85 else rng.uniform(600, 850),
                    seed=int(rng.integers(1 << 30))))

    def _scale(self, z: float) -> float:
        """Lungs shrink towards apex and base."""
        t = z / max(1, self.depth - 1)
        return 0.55 + 0.45 * np.sin(np.pi * (0.1 + 0.8 * t))

    def slice(self, z: int) -> tuple[np.ndarray, np.ndarray]:
        rng, n = self.rng, self.size
        yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
        u, v = (xx - n / 2) / n, (yy - n / 2) / n  # [-0.5, 0.5)
        hu = np.full((n, n), -1000.0, np.float32)
        hu[u ** 2 + v ** 2 > 0.25] = PADDING_HU
        body = (u / self.body[0]) ** 2 + (v / self.body[1]) ** 2 <= 1
        hu[body] = -100.0  # fat
        inner = (u / (self.body[0] - 0.03)) ** 2 + (v / (self.body[1] - 0.03)) ** 2 <= 1
        hu[inner] = 40.0
        s = self._scale(z)
        lung = np.zeros((n, n), bool)
        centres = []
        for side in (-1, 1):
            cu, cv = side * self.lung_offset, -0.02
            centres.append((cu, cv))
            lung |= ((u - cu) / (self.lung[0] * s)) ** 2 + ((v - cv) / (self.lung[1] * s)) ** 2 <= 1
        heart = ((u + 0.03) / (0.09 * s)) ** 2 + ((v + 0.06) / (0.09 * s)) ** 2 <= 1
        lung &= ~heart
        texture = _smooth_noise(rng, (n, n), 1.5) * 15
        parenchyma = self.lung_hu + self.gradient * np.clip((v + 0.25) / 0.5, 0, 1) + texture
        hu[lung] = parenchyma[lung]
        spine = (u / 0.04) ** 2 + ((v - 0.24) / 0.04) ** 2 <= 1
        hu[spine] = 700.0
        # lesions: hazy opacity raising parenchyma density, soft edges, vessels drawn afterwards
        mask = np.zeros((n, n), np.uint8)
        for les in self.lesions:
            dz = (z - les["z"]) / les["half_depth"]
            if abs(dz) >= 1:
                continue
            cu, cv = centres[0 if les["side"] < 0 else 1]
            lu = cu + np.cos(les["angle"]) * les["radial"] * self.lung[0] * s
            lv = cv + np.sin(les["angle"]) * les["radial"] * self.lung[1] * s
            opacity = lesion_opacity((u - lu) * n, (v - lv) * n, les, np.sqrt(1 - dz ** 2),
                                     np.random.default_rng(les["seed"] + z))
            opacity = np.where(lung, opacity, 0)
            hu = np.where(lung, hu + les["rise"] * opacity, hu)
            mask |= ((opacity > LESION_MASK_OPACITY) & lung).astype(np.uint8)
        for (p, drift, radius, vessel_hu) in self.vessels:
            side_centre = centres[0 if p[0] < 0 else 1]
            pu = side_centre[0] + (abs(p[0]) * 0.9) * np.sign(p[0]) * self.lung[0] * s + drift[0] * z - np.sign(p[0]) * 0.5 * self.lung[0] * s
            pv = side_centre[1] + p[1] * 0.9 * self.lung[1] * s + drift[1] * z
            d = np.sqrt(((u - pu) * n) ** 2 + ((v - pv) * n) ** 2)
            vessel = (d <= radius) & lung
            hu[vessel] = np.maximum(hu[vessel], vessel_hu)
        for (p, nz, radius) in self.nodules:
            if abs(z - nz) * 2 > radius:
                continue
            side_centre = centres[0 if p[0] < 0 else 1]
            pu = side_centre[0] + p[0] * 0.4 * self.lung[0] * s
            pv = side_centre[1] + p[1] * 0.6 * self.lung[1] * s
            d = np.sqrt(((u - pu) * n) ** 2 + ((v - pv) * n) ** 2)
            hu[(d <= radius) & lung] = 30.0
        hu[u ** 2 + v ** 2 <= 0.25] += rng.standard_normal(int((u ** 2 + v ** 2 <= 0.25).sum())).astype(np.float32) * self.noise_hu
        return np.round(hu), mask


def write_cohort(folder: str, patients: int, size: int, depth: int, seed: int,
                 splits=(0.6, 0.2, 0.2)) -> str:
    """Writes ``patients`` phantoms (half covid) and their manifest; returns the manifest path."""
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(folder, "images"), exist_ok=True)
    os.makedirs(os.path.join(folder, "masks"), exist_ok=True)
    rows = []
    labels = ["covid" if i % 2 == 0 else "control" for i in range(patients)]
    order = rng.permutation(patients)
    n_train, n_val = int(round(splits[0] * patients)), int(round(splits[1] * patients))
    for rank, i in enumerate(order):
        split = "train" if rank < n_train else "val" if rank < n_train + n_val else "test"
        pid = f"phantom-{i:03d}"
        patient = Patient(np.random.default_rng(rng.integers(1 << 30)), size, depth, labels[i] == "covid")
        volume = np.zeros((depth, size, size), np.int16)
        mask = np.zeros((depth, size, size), np.uint8)
        for z in range(depth):
            hu, m = patient.slice(z)
            volume[z], mask[z] = hu.astype(np.int16), m
        nifti.write(volume, os.path.join(folder, "images", f"{pid}.nii.gz"))
        nifti.write(mask, os.path.join(folder, "masks", f"{pid}.nii.gz"))
        rows.append([pid, labels[i], f"images/{pid}.nii.gz", f"masks/{pid}.nii.gz", split])
    manifest = os.path.join(folder, "manifest.csv")
    with open(manifest, "w", encoding="utf-8") as f:
        f.write(",".join(HEADER) + "\n")
        for row in sorted(rows):
            f.write(",".join(row) + "\n")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description="Write a procedural phantom cohort (manifest + NIfTI).")
    parser.add_argument("folder")
    parser.add_argument("--patients", type=int, default=40)
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--depth", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    a = parser.parse_args()
    print(write_cohort(a.folder, a.patients, a.size, a.depth, a.seed))


if __name__ == "__main__":
    main()
