"""The reference side of `loupe bench speech`: faster-whisper 1.2.1 (CTranslate2, int8) on the same
Whisper base weights, reading the text as Loupe does (beam 5, without timestamps) with its silero
VAD filter; model loading and one warm-up run are left out. Prints {"<file>": {"times": [seconds of each timed run], "text": the
transcript, one segment a line}, ...} as JSON; with RUNS 0 it only transcribes (the speech tests
compare Loupe's transcript with it).

Run with the speech venv: .deps/speech-ref/bin/python speech_faster_whisper.py MODEL_DIR THREADS RUNS FILE...
"""

import json
import sys
import time

from faster_whisper import WhisperModel

model_dir, threads, runs, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
model = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=threads)


def transcribe(path):
    segments, _ = model.transcribe(
        path, beam_size=5, without_timestamps=True, vad_filter=True, condition_on_previous_text=False
    )
    return [segment.text for segment in segments]


results = {}
for path in files:
    text = "\n".join(transcribe(path))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        transcribe(path)
        times.append(time.perf_counter() - start)
    results[path] = {"times": times, "text": text}
print(json.dumps(results))
