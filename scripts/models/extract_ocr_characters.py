"""Writes PP-OCRv6's recogniser character list, stored in the ONNX file's metadata (`character`,
one character per line), to a UTF-8 text file: index i + 1 of the recogniser's output is line i
(index 0 is the CTC blank, the last index a space).

Usage: extract_ocr_characters.py PP-OCRv6_rec_small.onnx OUT.txt
"""

import sys

import onnx

model = onnx.load(sys.argv[1], load_external_data=False)
characters = {p.key: p.value for p in model.metadata_props}["character"].splitlines()
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    out.write("\n".join(characters) + "\n")
print(f"{len(characters)} characters", file=sys.stderr)
