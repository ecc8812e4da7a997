"""Compares simulated lesions with real ones (issue #16, item 1): prints a table, writes nothing.

For each source, over every slice that holds lesion pixels:
- HU inside the lesions (percentiles, and the share in the faint ground-glass band -750..-500 HU);
- HU of the lung in a 3-pixel ring around the lesions (below -400 HU) and the lesion-ring contrast;
- lesion pieces (8-connected components): count per slice, size as a share of **the slice's own lung field**
  (``lung_field``), the share smaller than 1 % of it (the small patches the models missed), the lesion burden (all
  lesion pixels as a share of the lung field), the size in mm^2 where the pixel spacing is known, and the share touching
  dense tissue (above -300 HU, outside the lesion: chest wall, mediastinum, diaphragm), i.e. subpleural.

**Like-for-like lung field.** The real slices (covid-semiseg-doctor50) are 8-bit crops close to the chest, the simulated
ones whole NIfTI frames in HU with much air around the body, so "every pixel below -400 HU" counts that outside air as
lung in the simulated slices only and makes their lesions read smaller. ``lung_field`` finds the lung the same way on
both, from HU alone (the real slices read back to HU with their export window, in which -400 HU lies well between lung
and soft tissue): the body is every region at or above -400 HU of at least a tenth of the largest (the chest wall ring,
or its pieces where a tight crop cuts it; the table and clothing are thin and stay out); outside air is an air region
that touches the image edge and lies mostly outside the body's convex hull (a lung that a crop cuts lies mostly inside
it, with chest wall on both sides at the edge, and is kept whole); of the remaining air and lesion regions those under
10 % of the largest are dropped (trachea, bowel gas; the cohort builder's lung segmentation drops 3-D components under
10 % too) and the vessels enclosed by the lung are filled in. Neither the crop nor the frame changes the result, so the
shares are comparable. Where a real slice's own export window differs much from the one given, soft tissue can read
below -400 HU and join the field; the shares are then a little small. The mm^2 column is absolute but only where the
spacing is known (the cohorts' NIfTI pixdim; the real crops state none).

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

AIR_HU = -400.0
"""Below this a pixel is air or lung (the cohort builder's lung threshold)."""
DENSE_HU = -300.0
"""Above this, outside a lesion, a pixel is chest wall, mediastinum or diaphragm (the subpleural test)."""
MIN_LUNG_SHARE = 0.10
"""Lung pieces smaller than this share of the largest are not lung (trachea, bowel gas)."""


def label(mask: np.ndarray) -> tuple[np.ndarray, int]:
    """8-connected components of a boolean mask: (labels 1..n, 0 outside; n). Runs of each row are joined to the
    touching runs of the row above with a union-find, so a slice costs one pass over its runs, not its pixels."""
    h, w = mask.shape
    provisional = np.zeros((h, w), dtype=np.int64)
    parent = [0]

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    above: list[tuple[int, int, int]] = []
    padded = np.zeros(w + 2, dtype=np.int8)
    for r in range(h):
        padded[1:-1] = mask[r]
        edges = np.diff(padded)
        runs = []
        j = 0
        for start, end in zip(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)):
            start, end = int(start), int(end)
            while j < len(above) and above[j][1] < start:
                j += 1
            mine = 0
            k = j
            while k < len(above) and above[k][0] <= end:  # [s, e) touches [ps, pe) diagonally too
                other = root(above[k][2])
                if mine == 0:
                    mine = other
                elif other != mine:
                    parent[max(mine, other)] = min(mine, other)
                    mine = min(mine, other)
                k += 1
            if mine == 0:
                mine = len(parent)
                parent.append(mine)
            provisional[r, start:end] = mine
            runs.append((start, end, mine))
        above = runs
    roots = np.array([root(a) for a in range(len(parent))], dtype=np.int64)
    _, compact = np.unique(roots, return_inverse=True)
    return compact[provisional].astype(np.int32), int(compact.max())


def components(mask: np.ndarray) -> list[np.ndarray]:
    """8-connected components of a boolean mask, each as an array of flat indices."""
    labels, count = label(mask)
    flat = labels.ravel()
    order = np.argsort(flat, kind="stable")
    bounds = np.searchsorted(flat[order], np.arange(1, count + 2))
    return [order[bounds[i]:bounds[i + 1]] for i in range(count)]


def _hull(points: np.ndarray) -> np.ndarray:
    """Convex hull (Andrew's monotone chain) of [n, 2] (row, col) points, counter-clockwise, without repeats."""
    pts = sorted(map(tuple, points.tolist()))
    if len(pts) < 3:
        return np.array(pts, dtype=np.float64)

    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower, upper = [], []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return np.array(lower[:-1] + upper[:-1], dtype=np.float64)


def convex_hull_mask(region: np.ndarray) -> np.ndarray:
    """Pixels inside (or on) the convex hull of a boolean region's pixel centres."""
    h, w = region.shape
    rows = np.flatnonzero(region.any(axis=1))
    inside = np.zeros((h, w), dtype=bool)
    if len(rows) == 0:
        return inside
    first = region[rows].argmax(axis=1)
    last = w - 1 - region[rows, ::-1].argmax(axis=1)
    corners = _hull(np.concatenate([np.stack([rows, first], 1), np.stack([rows, last], 1)]))
    if len(corners) < 3:
        inside[region] = True
        return inside
    # each edge (a -> b, counter-clockwise in (row, col)) keeps the side where cross(b - a, p - a) >= 0:
    # (br - ar)(pc - ac) - (bc - ac)(pr - ar) >= 0, a bound on the column pc for every row pr
    low = np.full(h, -np.inf)
    high = np.full(h, np.inf)
    r = np.arange(h, dtype=np.float64)
    eps = 1e-9
    for a, b in zip(corners, np.roll(corners, -1, axis=0)):
        dr, dc = b[0] - a[0], b[1] - a[1]
        bound = a[1] + dc * (r - a[0]) / dr if dr != 0 else None
        if dr > 0:
            low = np.maximum(low, bound - eps)
        elif dr < 0:
            high = np.minimum(high, bound + eps)
        else:  # a horizontal edge keeps the rows on one side: -dc (pr - ar) >= 0
            keep = -dc * (r - a[0]) >= -eps
            high[~keep] = -np.inf
    cols = np.arange(w)
    inside = (cols[None, :] >= np.ceil(low)[:, None]) & (cols[None, :] <= np.floor(high)[:, None])
    return inside


def _touching_border(labels: np.ndarray) -> np.ndarray:
    return np.unique(np.concatenate([labels[0], labels[-1], labels[:, 0], labels[:, -1]]))


def lung_field(hu: np.ndarray, lesion: np.ndarray) -> np.ndarray:
    """The slice's lung field, found the same way on a cropped real slice and a whole simulated frame (module
    docstring): the air and lesion regions that are not outside air, small pieces dropped, enclosed vessels filled."""
    air = (hu < AIR_HU) | lesion
    tissue, count = label(~air)
    regions, found = label(air)
    if count == 0 or found == 0:
        return air.copy()
    # the body: the tissue regions of at least a tenth of the largest (a tight crop can cut the chest wall ring into
    # pieces; the table and clothing are thin and stay out)
    pieces = np.bincount(tissue.ravel())
    pieces[0] = 0
    body = np.isin(tissue, np.flatnonzero(pieces >= MIN_LUNG_SHARE * pieces.max()))
    # a region touching the image edge is outside air when most of it lies outside the body's convex hull; a lung
    # that a tight crop cuts lies mostly inside it (chest wall on both sides at the edge), so it is kept whole
    within = np.bincount(regions[convex_hull_mask(body)], minlength=found + 1)
    sizes = np.bincount(regions.ravel(), minlength=found + 1)
    outside = [r for r in _touching_border(regions) if r != 0 and within[r] * 2 < sizes[r]]
    sizes[outside] = 0
    sizes[0] = 0
    keep = np.flatnonzero(sizes >= max(1, MIN_LUNG_SHARE * sizes.max()))
    lung = np.isin(regions, keep)
    holes, count = label(~lung)
    enclosed = np.setdiff1d(np.arange(1, count + 1), _touching_border(holes))
    return lung | np.isin(holes, enclosed)


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
        self.sizes_mm2: list[float] = []
        self.burden: list[float] = []
        self.lung_mm2: list[float] = []
        self.touching: list[bool] = []
        self.per_slice: list[int] = []

    def add(self, hu: np.ndarray, lesion: np.ndarray, pixel_mm2: float | None = None) -> None:
        """One lesion slice; ``pixel_mm2`` the area of a pixel where the spacing is known."""
        self.inside.append(hu[lesion])
        ring = dilate(lesion, 3) & ~lesion & (hu < AIR_HU)
        self.ring.append(hu[ring])
        dense = (hu > DENSE_HU) & ~lesion
        lung_area = max(1, int(lung_field(hu, lesion).sum()))
        self.burden.append(lesion.sum() / lung_area)
        if pixel_mm2 is not None:
            self.lung_mm2.append(lung_area * pixel_mm2)
        parts = components(lesion)
        self.per_slice.append(len(parts))
        for part in parts:
            one = np.zeros(lesion.shape, dtype=bool)
            one.flat[part] = True
            self.sizes.append(len(part) / lung_area)
            if pixel_mm2 is not None:
                self.sizes_mm2.append(len(part) * pixel_mm2)
            self.touching.append(bool((dilate(one, 2) & dense).any()))

    def row(self) -> str:
        inside = np.concatenate(self.inside)
        ring = np.concatenate(self.ring)
        p = np.percentile(inside, [5, 25, 50, 75, 95])
        faint = np.mean((inside >= -750) & (inside < -500))
        sizes = np.array(self.sizes)
        mm2 = f"{np.median(self.sizes_mm2):.0f}" if self.sizes_mm2 else "n/a"
        lung = f"{np.median(self.lung_mm2) / 100:.0f}" if self.lung_mm2 else "n/a"
        return (f"| {self.name} | {len(self.per_slice)} | {' / '.join(f'{v:.0f}' for v in p)} | {faint:.2f} | "
                f"{np.median(ring):.0f} | {np.median(inside) - np.median(ring):.0f} | {np.mean(self.per_slice):.1f} | "
                f"{np.median(sizes) * 100:.2f} | {np.mean(sizes < 0.01):.2f} | {np.median(self.burden) * 100:.1f} | "
                f"{mm2} | {lung} | {np.mean(self.touching):.2f} |")


HEADER = ("| source | lesion slices | lesion HU p5 / p25 / p50 / p75 / p95 | share -750..-500 | ring HU p50 | "
          "contrast | pieces per slice | piece p50, % of lung field | share < 1 % of lung field | "
          "lesion p50, % of lung field | piece p50, mm² | lung field p50, cm² | share subpleural |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def real_slices(images: str, masks: str, width: float, level: float, tally: Tally) -> None:
    masks_by_stem = {os.path.splitext(f)[0]: os.path.join(masks, f) for f in os.listdir(masks)}
    for name in sorted(os.listdir(images)):
        stem = os.path.splitext(name)[0]
        if stem not in masks_by_stem:
            raise ValueError(f"{os.path.join(images, name)}: no mask named '{stem}.*' in {masks}")
        gray = np.asarray(Image.open(os.path.join(images, name)).convert("L"), dtype=np.float32)
        mask = np.asarray(Image.open(masks_by_stem[stem]).convert("L")) > 127
        tally.add(level - width / 2 + gray / 255.0 * width, mask)


def cohort_slices(manifest: str, tally: Tally, every: int) -> None:
    for entry in load_manifest(manifest):
        if entry.label != "covid" or not entry.masks:
            continue
        hu, mask = nifti.read(entry.images), nifti.read(entry.masks) != 0
        dx, dy = nifti.pixel_spacing(entry.images)
        lesion_slices = [z for z in range(mask.shape[0]) if mask[z].any()]
        for z in lesion_slices[::every]:
            tally.add(np.asarray(hu[z], dtype=np.float32), mask[z], dx * dy)


def main() -> None:
    p = argparse.ArgumentParser(description="Compare simulated lesions with real ones (prints a Markdown table).")
    p.add_argument("--images", help="folder of real 8-bit slices")
    p.add_argument("--masks", help="folder of their masks (same names up to the extension)")
    p.add_argument("--window", default="1290/-560", help="W/L the real slices were exported with")
    p.add_argument("--cohort", action="append", default=[], help="NAME=manifest.csv of a built cohort (repeatable)")
    p.add_argument("--every", type=int, default=3, help="use every k-th lesion slice of a cohort patient")
    args = p.parse_args()
    if args.every < 1:
        p.error(f"--every must be at least 1, got {args.every}")
    if bool(args.images) != bool(args.masks):
        p.error("--images and --masks go together")
    print(HEADER)
    if args.images:
        try:
            width, level = (float(v) for v in args.window.split("/"))
        except ValueError:
            p.error(f"--window: expected WIDTH/LEVEL in HU such as 1290/-560, got '{args.window}'")
        real = Tally(f"real ({os.path.basename(os.path.dirname(os.path.abspath(args.images)))})")
        real_slices(args.images, args.masks, width, level, real)
        print(real.row(), flush=True)
    for item in args.cohort:
        if "=" not in item:
            p.error(f"--cohort: expected NAME=manifest.csv, got '{item}'")
        name, manifest = item.split("=", 1)
        tally = Tally(name)
        cohort_slices(manifest, tally, args.every)
        print(tally.row(), flush=True)


if __name__ == "__main__":
    main()
