"""Golden outputs of mediapipe's face_landmark.tflite from the reference TFLite interpreter
(ai-edge-litert==2.3.0), computed once and committed as numbers in golden_tflite.json.

Input: value[y][x][c] = 0.5 + 0.5*sin(0.05*x + 0.09*y + 1.3*c), NHWC float32, 1x192x192x3.
Run: python -m venv /tmp/litert && /tmp/litert/bin/pip install ai-edge-litert==2.3.0 numpy
     /tmp/litert/bin/python Tests/LoupeRuntimeTests/Fixtures/make_golden_tflite.py .deps
"""

import json
import sys

import numpy as np
from ai_edge_litert.interpreter import Interpreter

path = "nodeps/mediapipe/modules/face_landmark/face_landmark.tflite"
y, x, c = np.meshgrid(np.arange(192), np.arange(192), np.arange(3), indexing="ij")
pattern = (0.5 + 0.5 * np.sin(0.05 * x + 0.09 * y + 1.3 * c)).astype(np.float32)[np.newaxis]

interpreter = Interpreter(model_path=f"{sys.argv[1]}/{path}")
interpreter.allocate_tensors()
interpreter.set_tensor(interpreter.get_input_details()[0]["index"], pattern)
interpreter.invoke()
outputs = {d["name"]: interpreter.get_tensor(d["index"]) for d in interpreter.get_output_details()}
golden = {
    "interpreter": "ai-edge-litert 2.3.0",
    "path": path,
    "outputs": {name: {"shape": list(v.shape), "values": v.reshape(-1).tolist()} for name, v in outputs.items()},
}
with open(__file__.replace("make_golden_tflite.py", "golden_tflite.json"), "w") as f:
    json.dump(golden, f)
