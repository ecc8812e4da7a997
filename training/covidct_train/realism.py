"""Compares simulated lesions with real ones (issue #16, item 1): prints a table, writes nothing.

For each source, over every slice that holds lesion pixels:
- HU inside the lesions (percentiles, and the share in the faint ground-glass band -750..-500 HU);
- HU of the lung in a 3-pixel ring around the lesions (lung: below -400 HU) and the lesion-ring contrast;
- lesion components (8-connected): count per slice, area as a share of the slice's lung (lung + lesion pixels),
  the share smaller than 1 % of the lung (the small patches the models missed), and the share touching dense
  tissue (above -300 HU, outside the lesion: chest wall, mediastinum, diaphragm), i.e. subpleural.

Sources: a folder of 8-bit slices with masks (read with the window they were exported at, e.g. covid-semiseg-doctor50 at
W1290/L-560) and any number of cohort manifests (NIfTI in HU, as the cohort builder writes). The real slices are for
measurement only: this script prints figures and stores nothing derived from them.

    python3 -m covidct_train.realism --images DIR --masks DIR --window 1290/-560 --cohort NAME=manifest.csv ...
"""
from __future__ import annotations

import argparse
import os

import numpy as np
from PIL import Image

from . import nifti
from .cohort import load_manifest

_NEIGHBOURS = [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)]


def components(mask: np.ndarray) -> list[np.ndarray]:
    """8-connected components of a boolean mask, each as an array of flat indices."""
    h, w = mask.shape
    seen = np.zeros_like(mask, dtype=bool)
    found = []
    for start in np.flatnonzero(mask):
        if seen.flat[start]:
            continue
        seen.flat[start] = True
        stack, members = [start], []
        while stack:
            i = stack.pop()
            members.append(i)
            r, c = divmod(int(i), w)
            for dr, dc in _NEIGHBOURS:
                rr, cc = r + dr, c + dc
                if 0 <= rr < h and 0 <= cc < w and mask[rr, cc] and not seen[rr, cc]:
                    seen[rr, cc] = True
                    stack.append(rr * w + cc)
        found.append(np.array(members))
    return found


def dilate(mask: np.ndarray, steps: int) -> np.ndarray:
    out = mask.copy()
    for _ in range(steps):
        grown = out.copy()
        grown[1:] |= out[:-1]
        grown[:-1] |= out[1:]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


class Tally:
    """Accumulates the measures of one source."""

    def __init__(self, name: str):
        self.name = name
        self.inside: list[np.ndarray] = []
        self.ring: list[np.ndarray] = []
        self.sizes: list[float] = []
        self.touching: list[bool] = []
        self.per_slice: list[int] = []

    def add(self, hu: np.ndarray, lesion: np.ndarray) -> None:
        lung = (hu < -400) | lesion
        self.inside.append(hu[lesion])
        ring = dilate(lesion, 3) & ~lesion & lung
        self.ring.append(hu[ring])
        dense = (hu > -300) & ~lesion
        lung_area = max(1, int(lung.sum()))
        parts = components(lesion)
        self.per_slice.append(len(parts))
        for part in parts:
            one = np.zeros(lesion.shape, dtype=bool)
            one.flat[part] = True
            self.sizes.append(len(part) / lung_area)
            self.touching.append(bool((dilate(one, 2) & dense).any()))

    def row(self) -> str:
        inside = np.concatenate(self.inside)
        ring = np.concatenate(self.ring)
        p = np.percentile(inside, [5, 25, 50, 75, 95])
        faint = np.mean((inside >= -750) & (inside < -500))
        sizes = np.array(self.sizes)
        return (f"| {self.name} | {len(self.per_slice)} | {' / '.join(f'{v:.0f}' for v in p)} | {faint:.2f} | "
                f"{np.median(ring):.0f} | {np.median(inside) - np.median(ring):.0f} | {np.mean(self.per_slice):.1f} | "
                f"{np.median(sizes) * 100:.2f} | {np.mean(sizes < 0.01):.2f} | {np.mean(self.touching):.2f} |")


HEADER = ("| source | lesion slices | lesion HU p5 / p25 / p50 / p75 / p95 | share -750..-500 | ring HU p50 | "
          "contrast | components per slice | component p50, % of lung | share < 1 % of lung | share subpleural |\n"
          "|---|---|---|---|---|---|---|---|---|---|")


def real_slices(images: str, masks: str, width: float, level: float, tally: Tally) -> None:
    masks_by_stem = {os.path.splitext(f)[0]: os.path.join(masks, f) for f in os.listdir(masks)}
    for name in sorted(os.listdir(images)):
        stem = os.path.splitext(name)[0]
        gray = np.asarray(Image.open(os.path.join(images, name)).convert("L"), dtype=np.float32)
        mask = np.asarray(Image.open(masks_by_stem[stem]).convert("L")) > 127
        tally.add(level - width / 2 + gray / 255.0 * width, mask)


def cohort_slices(manifest: str, tally: Tally, every: int) -> None:
    for entry in load_manifest(manifest):
        if entry.label != "covid" or not entry.masks:
            continue
        hu, mask = nifti.read(entry.images), nifti.read(entry.masks) != 0
        lesion_slices = [z for z in range(mask.shape[0]) if mask[z].any()]
        for z in lesion_slices[::every]:
            tally.add(np.asarray(hu[z], dtype=np.float32), mask[z])


def main() -> None:
    p = argparse.ArgumentParser(description="Compare simulated lesions with real ones (prints a Markdown table).")
    p.add_argument("--images", help="folder of real 8-bit slices")
    p.add_argument("--masks", help="folder of their masks (same names up to the extension)")
    p.add_argument("--window", default="1290/-560", help="W/L the real slices were exported with")
    p.add_argument("--cohort", action="append", default=[], help="NAME=manifest.csv of a built cohort (repeatable)")
    p.add_argument("--every", type=int, default=3, help="use every k-th lesion slice of a cohort patient")
    args = p.parse_args()
    print(HEADER)
    if args.images:
        width, level = (float(v) for v in args.window.split("/"))
        real = Tally(f"real ({os.path.basename(os.path.dirname(os.path.abspath(args.images)))})")
        real_slices(args.images, args.masks, width, level, real)
        print(real.row(), flush=True)
    for item in args.cohort:
        name, manifest = item.split("=", 1)
        tally = Tally(name)
        cohort_slices(manifest, tally, args.every)
        print(tally.row(), flush=True)


if __name__ == "__main__":
    main()
