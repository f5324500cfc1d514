"""Reads a CTranslate2 `model.bin` (binary version 6) into numpy arrays, without ctranslate2.

Layout (little-endian): uint32 version, string spec name, uint32 spec revision, uint32 variable
count, then per variable: string name, uint8 rank, uint32 dims[rank], uint8 data type, uint32
byte count, raw data; then uint32 alias count and (alias, target) string pairs. A string is a
uint16 length (counting a trailing NUL) and its bytes.
"""

import struct

import numpy as np

DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read_model(path):
    """Returns (spec name, {variable name: array}) with aliases resolved to their targets."""
    with open(path, "rb") as f:
        data = f.read()
    offset = 0

    def scalar(fmt):
        nonlocal offset
        (value,) = struct.unpack_from(fmt, data, offset)
        offset += struct.calcsize(fmt)
        return value

    def string():
        nonlocal offset
        length = scalar("<H")
        value = data[offset : offset + length - 1].decode("utf-8")
        offset += length
        return value

    version = scalar("<I")
    if version != 6:
        raise SystemExit(f"unsupported CTranslate2 model version {version}")
    spec = string()
    scalar("<I")  # spec revision
    variables = {}
    for _ in range(scalar("<I")):
        name = string()
        dims = [scalar("<I") for _ in range(scalar("<B"))]
        dtype = DTYPES.get(scalar("<B"))
        if dtype is None:
            raise SystemExit(f"unsupported data type for {name}")
        size = scalar("<I")
        count = size // np.dtype(dtype).itemsize
        variables[name] = np.frombuffer(data, dtype=dtype, count=count, offset=offset).reshape(dims)
        offset += size
    for _ in range(scalar("<I")):
        alias, target = string(), string()
        variables[alias] = variables[target]
    return spec, variables
