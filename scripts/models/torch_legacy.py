"""Reads a PyTorch state dict saved in the legacy (pre-1.6, non-zip) format, without torch.

The legacy file is a sequence of pickles followed by raw storage bytes:
  magic number, protocol version, system info,
  the state dict (tensors refer to storages through persistent ids),
  the list of storage keys, then per key an int64 element count and the little-endian data.
Tensors are rebuilt as numpy arrays with their recorded offset, shape and strides (converted
checkpoints often keep the source framework's layout through non-contiguous strides).
"""

import collections
import pickle
import struct

import numpy as np

MAGIC_NUMBER = 0x1950A86A20F9469CFC6C
PROTOCOL_VERSION = 1001

STORAGE_TYPES = {
    "FloatStorage": np.float32,
    "DoubleStorage": np.float64,
    "HalfStorage": np.float16,
    "LongStorage": np.int64,
    "IntStorage": np.int32,
    "ShortStorage": np.int16,
    "CharStorage": np.int8,
    "ByteStorage": np.uint8,
    "BoolStorage": np.bool_,
}


class StorageRef:
    """A storage named by the state-dict pickle, filled in once the raw data has been read."""

    def __init__(self, key, dtype, count):
        self.key, self.dtype, self.count = key, dtype, count
        self.data = None


class LazyTensor:
    def __init__(self, storage, offset, shape, strides):
        self.storage, self.offset, self.shape, self.strides = storage, offset, tuple(shape), tuple(strides)

    def materialise(self):
        itemsize = self.storage.data.itemsize
        view = np.lib.stride_tricks.as_strided(
            self.storage.data[self.offset :],
            shape=self.shape,
            strides=tuple(s * itemsize for s in self.strides),
            writeable=False,
        )
        return np.ascontiguousarray(view)


def rebuild_tensor(storage, offset, shape, strides, requires_grad=False, hooks=None, metadata=None):
    return LazyTensor(storage, offset, shape, strides)


class StateDictUnpickler(pickle.Unpickler):
    """Allows only what a state dict needs: ordered dicts, tensors and typed storages."""

    def __init__(self, file):
        super().__init__(file)
        self.storages = {}

    def find_class(self, module, name):
        if (module, name) == ("collections", "OrderedDict"):
            return collections.OrderedDict
        if module == "torch._utils" and name in ("_rebuild_tensor", "_rebuild_tensor_v2"):
            return rebuild_tensor
        if module == "torch" and name in STORAGE_TYPES:
            return name
        raise pickle.UnpicklingError(f"unexpected global {module}.{name}")

    def persistent_load(self, pid):
        kind, storage_type, key, _location, count, view = pid
        if kind != "storage" or view is not None:
            raise pickle.UnpicklingError(f"unsupported persistent id {pid!r}")
        if key not in self.storages:
            self.storages[key] = StorageRef(key, STORAGE_TYPES[storage_type], count)
        return self.storages[key]


def load_state_dict(path):
    """The state dict as an ordered mapping of names to contiguous numpy arrays."""
    with open(path, "rb") as f:
        if pickle.load(f) != MAGIC_NUMBER or pickle.load(f) != PROTOCOL_VERSION:
            raise ValueError(f"{path} is not a legacy PyTorch file")
        info = pickle.load(f)
        if not info.get("little_endian", False):
            raise ValueError("big-endian files are not supported")
        unpickler = StateDictUnpickler(f)
        state = unpickler.load()
        for key in pickle.load(f):
            storage = unpickler.storages[key]
            (count,) = struct.unpack("<q", f.read(8))
            if count != storage.count:
                raise ValueError(f"storage {key}: {count} elements, expected {storage.count}")
            nbytes = count * np.dtype(storage.dtype).itemsize
            storage.data = np.frombuffer(f.read(nbytes), dtype=np.dtype(storage.dtype).newbyteorder("<"), count=count)
        if f.read(1):
            raise ValueError("trailing bytes after the last storage")
    return collections.OrderedDict((name, tensor.materialise()) for name, tensor in state.items())
