"""Minimal reader for uncompressed little-endian DICOM CT series (explicit or implicit VR), numpy only.

Enough to run the models on real anatomy (the LIDC-IDRI control series) without pydicom: returns the
series as HU [z, y, x] with slices sorted by ImagePositionPatient along the slice normal.
"""
from __future__ import annotations

import os
import struct

import numpy as np

_LONG_VRS = {b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"SV", b"UC", b"UN", b"UR", b"UT", b"UV"}
_WANTED = {(0x0020, 0x0032), (0x0020, 0x0037), (0x0020, 0x0013), (0x0028, 0x0010), (0x0028, 0x0011),
           (0x0028, 0x0100), (0x0028, 0x0103), (0x0028, 0x1052), (0x0028, 0x1053), (0x7FE0, 0x0010),
           (0x0002, 0x0010), (0x0020, 0x000E)}
_ITEM, _ITEM_END, _SEQUENCE_END = (0xFFFE, 0xE000), (0xFFFE, 0xE00D), (0xFFFE, 0xE0DD)


def _parse(data: bytes, pos: int, end: int, explicit: bool, out: dict, top: bool) -> int:
    """Reads elements from pos until end or a delimiter; returns the position after it."""
    while pos + 8 <= end:
        group, element = struct.unpack_from("<HH", data, pos)
        tag = (group, element)
        if tag in (_ITEM_END, _SEQUENCE_END):
            return pos + 8
        if tag == _ITEM:
            length = struct.unpack_from("<I", data, pos + 4)[0]
            pos += 8
            pos = _parse(data, pos, end, explicit, {}, False) if length == 0xFFFFFFFF else pos + length
            continue
        use_explicit = explicit or group == 0x0002
        vr = data[pos + 4:pos + 6] if use_explicit else b""
        if use_explicit and vr in _LONG_VRS:
            length = struct.unpack_from("<I", data, pos + 8)[0]
            pos += 12
        elif use_explicit:
            length = struct.unpack_from("<H", data, pos + 6)[0]
            pos += 8
        else:
            length = struct.unpack_from("<I", data, pos + 4)[0]
            pos += 8
        if length == 0xFFFFFFFF:  # undefined-length sequence: read its items up to the delimiter
            pos = _parse(data, pos, end, explicit, {}, False)
            continue
        if top and tag in _WANTED:
            out[tag] = data[pos:pos + length]
            if tag == (0x0002, 0x0010):
                explicit = out[tag].rstrip(b"\0 ") != b"1.2.840.10008.1.2"
        pos += length
    return pos


def _text(value: bytes) -> str:
    return value.decode("ascii", "replace").rstrip("\0 ")


def _numbers(value: bytes) -> list[float]:
    return [float(v) for v in _text(value).split("\\")]


def read_slice(path: str) -> dict:
    with open(path, "rb") as f:
        data = f.read()
    if data[128:132] != b"DICM":
        raise ValueError(f"{path}: no DICM marker at byte 128")
    tags: dict = {}
    _parse(data, 132, len(data), True, tags, True)
    if (0x7FE0, 0x0010) not in tags:
        raise ValueError(f"{path}: no pixel data")
    rows, cols = struct.unpack("<H", tags[(0x0028, 0x0010)])[0], struct.unpack("<H", tags[(0x0028, 0x0011)])[0]
    bits = struct.unpack("<H", tags[(0x0028, 0x0100)])[0]
    signed = struct.unpack("<H", tags[(0x0028, 0x0103)])[0] == 1
    if bits != 16:
        raise ValueError(f"{path}: {bits}-bit pixels, only 16-bit is read")
    pixels = np.frombuffer(tags[(0x7FE0, 0x0010)], dtype="<i2" if signed else "<u2", count=rows * cols)
    slope = _numbers(tags[(0x0028, 0x1053)])[0] if (0x0028, 0x1053) in tags else 1.0
    intercept = _numbers(tags[(0x0028, 0x1052)])[0] if (0x0028, 0x1052) in tags else 0.0
    orientation = np.array(_numbers(tags[(0x0020, 0x0037)]))
    position = np.array(_numbers(tags[(0x0020, 0x0032)]))
    normal = np.cross(orientation[:3], orientation[3:])
    return {"hu": pixels.reshape(rows, cols).astype(np.float32) * slope + intercept,
            "position": float(position @ normal), "series": _text(tags.get((0x0020, 0x000E), b""))}


def read_series(folder: str) -> np.ndarray:
    """HU volume [z, y, x] of the single series of ``.dcm`` files under ``folder`` (searched recursively)."""
    paths = sorted(os.path.join(root, name) for root, _, names in os.walk(folder)
                   for name in names if name.lower().endswith(".dcm"))
    if not paths:
        raise ValueError(f"{folder}: no .dcm files")
    slices = [read_slice(p) for p in paths]
    if len({s["series"] for s in slices}) != 1:
        raise ValueError(f"{folder}: more than one series")
    slices.sort(key=lambda s: s["position"])
    return np.stack([s["hu"] for s in slices])
