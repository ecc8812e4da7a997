"""Minimal NIfTI-1 reader (numpy only): enough for the cohort builder's volumes and masks.

Arrays are returned as [z, y, x] (slice, row, column), matching CovidCt.Data.VolumeGeometry: the file
stores x fastest, then y, then z. Scaling (scl_slope / scl_inter) is applied when slope is non-zero.
"""
from __future__ import annotations

import gzip
import struct

import numpy as np

_DTYPES = {2: np.uint8, 4: np.int16, 8: np.int32, 16: np.float32, 64: np.float64, 256: np.int8,
           512: np.uint16, 768: np.uint32}


def _open(path: str):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def read(path: str) -> np.ndarray:
    """Reads a 3-D NIfTI-1 file as a [z, y, x] array (float32 when scaled, else the stored type)."""
    with _open(path) as f:
        data = f.read()
    if len(data) < 348:
        raise ValueError(f"{path}: {len(data)} bytes, too short for a NIfTI-1 header (348)")
    endian = "<" if struct.unpack("<i", data[:4])[0] == 348 else ">"
    if struct.unpack(endian + "i", data[:4])[0] != 348:
        raise ValueError(f"{path}: sizeof_hdr is not 348, not a NIfTI-1 file")
    dims = struct.unpack(endian + "8h", data[40:56])
    if dims[0] < 3 or any(d > 1 for d in dims[4:dims[0] + 1]):
        raise ValueError(f"{path}: expected a 3-D image, dim = {dims}")
    nx, ny, nz = dims[1], dims[2], dims[3]
    code = struct.unpack(endian + "h", data[70:72])[0]
    if code not in _DTYPES:
        raise ValueError(f"{path}: unsupported datatype code {code}")
    offset = int(struct.unpack(endian + "f", data[108:112])[0])
    slope, inter = struct.unpack(endian + "2f", data[112:120])
    dtype = np.dtype(_DTYPES[code]).newbyteorder(endian)
    count = nx * ny * nz
    if len(data) < offset + count * dtype.itemsize:
        raise ValueError(f"{path}: truncated voxel data")
    voxels = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(nz, ny, nx)
    if slope not in (0.0, 1.0) or inter != 0.0:
        return voxels.astype(np.float32) * np.float32(slope or 1.0) + np.float32(inter)
    return voxels.astype(dtype.newbyteorder("="))



def pixel_spacing(path: str) -> tuple[float, float]:
    """In-plane voxel size (x, y) in mm from pixdim[1..2], read from the header only."""
    with _open(path) as f:
        header = f.read(348)
    if len(header) < 348:
        raise ValueError(f"{path}: {len(header)} bytes, too short for a NIfTI-1 header (348)")
    endian = "<" if struct.unpack("<i", header[:4])[0] == 348 else ">"
    dx, dy = struct.unpack(endian + "2f", header[80:88])
    if not (dx > 0 and dy > 0):
        raise ValueError(f"{path}: pixdim[1..2] = {dx}, {dy}; expected positive pixel spacings in mm")
    return float(dx), float(dy)
