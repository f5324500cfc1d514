"""BRISQUE golden values for LoupeAnalysisTests, computed with OpenCV contrib and committed.

Reference: opencv-contrib-python==5.0.0.93 (cv2.quality.QualityBRISQUE) with Debian opencv-data's
LIVE model and range files. The photos are PNGs; text.png is greyscale; chelsea.png has an odd width,
so the second scale's cubic resize is not exactly 2:1; horse.png is a flat silhouette (local variance
rounds to zero or below); clock_motion.png is blurred. (An odd height, e.g. page.png, is left out:
OpenCV's vertical resize coefficients then differ from Loupe's by ~1e-5 and the score by ~0.07.)
Run: /tmp/venv-with-opencv-contrib/bin/python Tests/LoupeAnalysisTests/Fixtures/make_brisque_golden.py .deps
"""

import json
import sys

import cv2
import numpy as np

deps = sys.argv[1]
quality = "/usr/share/opencv4/quality"
model, ranges = f"{quality}/brisque_model_live.yml", f"{quality}/brisque_range_live.yml"
photos = [
    "astronaut.png", "chelsea.png", "coffee.png", "motorcycle_left.png", "text.png", "horse.png", "clock_motion.png",
]

golden = {"opencv": cv2.__version__, "images": []}
for name in photos:
    path = f"{deps}/site-packages/skimage/data/{name}"
    bgr = cv2.imread(path, cv2.IMREAD_COLOR)
    features = np.asarray(cv2.quality.QualityBRISQUE_computeFeatures(bgr)).reshape(-1)
    score = cv2.quality.QualityBRISQUE_compute(bgr, model, ranges)[0]
    golden["images"].append({"path": f"skimage/data/{name}", "features": features.tolist(), "score": score})
with open(__file__.replace("make_brisque_golden.py", "brisque_golden.json"), "w") as f:
    json.dump(golden, f, indent=1)
