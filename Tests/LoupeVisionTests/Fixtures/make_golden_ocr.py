"""Golden text lines from rapidocr 3.10's own PP-OCRv6 detector, computed once and committed.

The photos are Debian opencv-doc's scene-text examples, read by OpenCV (BGR, as rapidocr reads
them). rapidocr's `TextDetector` runs with Loupe's defaults: longest side at most 960
(`limit_type: max`), threshold 0.3, box threshold 0.5, unclip 1.6, 2 x 2 dilation, fast scores.
Boxes are the four corners (top-left first, clockwise) in image pixels, in rapidocr's reading
order. rapidocr's `TextDetector.__call__` sorts the boxes but not their scores, so this runs its
pre-processing, network and `DBPostProcess` itself and sorts both together by the same rule.
Run: .deps/rapidocr/bin/python Tests/LoupeVisionTests/Fixtures/make_golden_ocr.py .deps
"""

import json
import sys
from pathlib import Path

import cv2
import numpy as np
from rapidocr import RapidOCR

deps = sys.argv[1]
engine = RapidOCR(params={"Det.limit_type": "max", "Det.limit_side_len": 960, "Global.log_level": "warning"})
detector = engine._load_det_model()

golden = {}
for name in ["scenetext01.jpg", "scenetext02.jpg", "scenetext05.jpg"]:
    image = cv2.imread(f"/usr/share/doc/opencv-doc/examples/text/{name}", cv2.IMREAD_COLOR)
    prediction = detector.session(detector.get_preprocess()(image))
    boxes, scores = detector.postprocess_op(prediction, image.shape[:2])
    ordered = detector.sorted_boxes(boxes)
    order = [next(i for i in range(len(boxes)) if np.array_equal(boxes[i], box)) for box in ordered]
    golden[name] = {
        "width": image.shape[1],
        "height": image.shape[0],
        "boxes": [[[float(x), float(y)] for x, y in boxes[i]] for i in order],
        "scores": [float(scores[i]) for i in order],
    }
    print(name, len(order))

# The whole pipeline's texts, with the same detector settings.
reader = {}
for name in golden:
    result = engine(cv2.imread(f"/usr/share/doc/opencv-doc/examples/text/{name}", cv2.IMREAD_COLOR))
    reader[name] = list(result.txts or [])
    print(name, reader[name])

out = Path(__file__).parent / "golden_ocr.json"
out.write_text(json.dumps({"detector": golden, "reader": reader}, indent=1) + "\n")
