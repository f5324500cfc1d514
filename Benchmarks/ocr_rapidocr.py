"""rapidocr 3.10's own Python pipeline (onnxruntime) on the images `loupe bench ocr` times, with
the same detector size limit (longest side at most 960): p50 milliseconds per image as JSON.
Run by `loupe bench ocr` with .deps/rapidocr/bin/python.
"""

import argparse
import json
import statistics
import time

import cv2
import onnxruntime
from rapidocr import RapidOCR

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=30)
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("images", nargs="+")
args = parser.parse_args()

threads = {
    "EngineConfig.onnxruntime.intra_op_num_threads": args.threads,
    "EngineConfig.onnxruntime.inter_op_num_threads": 1,
}
common = {"Det.limit_type": "max", "Det.limit_side_len": 960, "Global.log_level": "warning", **threads}
engines = {"page": RapidOCR(params=common), "band": RapidOCR(params={**common, "Global.use_cls": False})}
report = {"onnxruntime": onnxruntime.__version__, "images": {}}
for path in args.images:
    kind = "band" if "band" in path else "page"
    image = cv2.imread(path, cv2.IMREAD_COLOR)
    engine = engines[kind]
    result = engine(image)
    samples = []
    for _ in range(args.runs):
        start = time.perf_counter()
        engine(image)
        samples.append((time.perf_counter() - start) * 1000)
    report["images"][path] = {"lines": len(result.txts or []), "p50_ms": statistics.median(samples)}
print(json.dumps(report))
