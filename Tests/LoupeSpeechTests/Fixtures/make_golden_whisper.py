"""Golden values for Loupe's Whisper and VAD, from the reference implementations, run once:

  .deps/speech-ref/bin/python Tests/LoupeSpeechTests/Fixtures/make_golden_whisper.py .deps > \
      Tests/LoupeSpeechTests/Fixtures/whisper_golden.json

Input: useful-moonshine-onnx's beckett.wav (16 kHz mono 16-bit, so no resampler is involved).
- log-mel: faster-whisper 1.2.1's FeatureExtractor on the whole clip padded with 30 s of silence,
  first 3000 frames, as faster-whisper feeds its model: every 97th value, min, max and mean.
- tokens: CTranslate2 4.8.5 (the engine faster-whisper runs) with Whisper base at float32,
  greedy, with timestamps, as faster-whisper calls it (suppress_blank, the model's suppress_ids,
  first timestamp at most 1 s), prompt <|startoftranscript|><|en|><|transcribe|>.
- language: CTranslate2's detect_language on the same features: the top three and their probabilities.
- no-speech probability as CTranslate2 reports it with the tokens.
- vad: silero-vad 6.2.3's own silero_vad.onnx under onnxruntime, 512-sample windows with 64
  context samples, the last window zero-padded: every window's speech probability.
"""

import json
import sys
import wave
from pathlib import Path

import ctranslate2
import numpy as np
import onnxruntime as ort
from faster_whisper.feature_extractor import FeatureExtractor

deps = Path(sys.argv[1])
with wave.open(str(deps / "speech/moonshine_onnx/assets/beckett.wav"), "rb") as w:
    assert w.getframerate() == 16000 and w.getnchannels() == 1 and w.getsampwidth() == 2
    audio = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768.0

mel = FeatureExtractor(feature_size=80)(audio, padding=480000)[:, :3000].astype(np.float32)

model = ctranslate2.models.Whisper(str(deps / "speech/whisper-base"), device="cpu", compute_type="float32")
features = ctranslate2.StorageView.from_array(mel[None])
languages = model.detect_language(features)[0][:3]
result = model.generate(
    features,
    [[50258, 50259, 50359]],
    beam_size=1,
    return_scores=True,
    return_no_speech_prob=True,
    suppress_blank=True,
    suppress_tokens=[-1],
    max_initial_timestamp_index=50,
    max_length=448,
)[0]

session = ort.InferenceSession(str(deps / "speech/silero_vad/data/silero_vad.onnx"))
state = np.zeros((2, 1, 128), np.float32)
context = np.zeros(64, np.float32)
padded = np.pad(audio, (0, (-len(audio)) % 512))
vad = []
for start in range(0, len(padded), 512):
    chunk = padded[start : start + 512]
    out, state = session.run(None, {"input": np.concatenate([context, chunk])[None], "state": state,
                                    "sr": np.array(16000, np.int64)})
    context = chunk[-64:]
    vad.append(round(float(out[0][0]), 6))

json.dump(
    {
        "source": "beckett.wav (useful-moonshine-onnx==20251121)",
        "mel": {
            "stride": 97,
            "values": [round(float(v), 6) for v in mel.ravel()[::97]],
            "min": float(mel.min()),
            "max": float(mel.max()),
            "mean": float(mel.mean()),
        },
        "tokens": result.sequences_ids[0],
        "no_speech_probability": float(result.no_speech_prob),
        "languages": [[code.strip("<|>"), float(p)] for code, p in languages],
        "vad": vad,
    },
    sys.stdout,
    ensure_ascii=False,
)
print()
