#!/usr/bin/env python3
"""Check Loupe's Chinese label-name tables against the English class lists.

The tables in Sources/LoupeVision/Labels are line-aligned with the English
class lists shipped by Debian's opencv-doc package:

  imagenet_zh.txt  <->  classification_classes_ILSVRC2012.txt  (1000 lines)
  coco_zh.txt      <->  object_detection_classes_coco.txt      (90 lines,
                        line i = COCO category id i + 1)

Checks, per table:
  * the file is UTF-8 without BOM, LF line endings, ends with a newline;
  * its line count equals the English file's;
  * every line where the English file has a name is non-empty and has no
    leading/trailing whitespace;
  * placeholder lines of the English file (empty, "N/A", "__background__", ...)
    are mirrored verbatim;
  * no name occurs twice (duplicates are printed with their line numbers);
  * a few anchor lines (ANCHORS) hold the expected names, catching shifts;
  * names use only CJK ideographs, digits and the punctuation · 、 （ ） -;
    Latin letters only in the few names listed in LATIN_ALLOWED.

Usage: check_label_tables.py [--opencv-data DIR]
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import os
import sys
from collections import defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABELS = os.path.join(REPO, "Sources", "LoupeVision", "Labels")
OPENCV_DATA = "/usr/share/doc/opencv-doc/examples/data/dnn"

TABLES = [
    ("imagenet_zh.txt", "classification_classes_ILSVRC2012.txt"),
    ("coco_zh.txt", "object_detection_classes_coco.txt"),
]

# Alignment anchors: (line, English first synonym, Chinese name). A table that
# was shifted by a line keeps its line count but fails these.
ANCHORS = {
    "imagenet_zh.txt": [
        (0, "tench", "丁鱥"),
        (134, "crane", "鹤"),
        (281, "tabby", "虎斑猫"),
        (409, "analog clock", "指针式时钟"),
        (500, "cliff dwelling", "悬崖民居"),
        (517, "crane", "起重机"),
        (670, "motor scooter", "踏板摩托车"),
        (967, "espresso", "浓咖啡"),
        (999, "toilet tissue", "卫生纸"),
    ],
    "coco_zh.txt": [
        (0, "person", "人"),
        (11, "street sign", "路牌"),
        (44, "plate", "盘子"),
        (89, "toothbrush", "牙刷"),
    ],
}

# English entries that stand for "no class here"; the Chinese table must
# repeat them verbatim.
PLACEHOLDERS = {"", "n/a", "na", "none", "unused", "background", "__background__", "???"}

PUNCTUATION = set("·、（）-")

# Names where a Latin letter is part of the usual Chinese name.
LATIN_ALLOWED = {"T恤", "福特T型车"}


def is_cjk(ch):
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK Unified Ideographs
        or 0x3400 <= cp <= 0x4DBF  # Extension A (e.g. 䴕)
        or 0x20000 <= cp <= 0x2FA1F  # Extensions B.. and compatibility supplement
        or 0xF900 <= cp <= 0xFAFF  # Compatibility Ideographs
        or cp == 0x3007  # 〇
    )


def read_lines(path, errors, strict):
    """Return the file's lines (without terminators)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if strict:
        if data.startswith(b"\xef\xbb\xbf"):
            errors.append(f"{path}: starts with a UTF-8 BOM")
            data = data[3:]
        if b"\r" in data:
            errors.append(f"{path}: contains CR characters (use LF line endings)")
        if data and not data.endswith(b"\n"):
            errors.append(f"{path}: does not end with a newline")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        errors.append(f"{path}: not valid UTF-8 ({exc})")
        text = data.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def english_name(line):
    return line.split(",")[0].strip()


def check_table(zh_path, en_path):
    errors = []
    if not os.path.exists(zh_path):
        return [f"{zh_path}: missing"]
    if not os.path.exists(en_path):
        return [f"{en_path}: missing (install opencv-doc or pass --opencv-data)"]
    en = read_lines(en_path, [], strict=False)
    zh = read_lines(zh_path, errors, strict=True)

    if len(zh) != len(en):
        errors.append(f"{zh_path}: {len(zh)} lines, English file has {len(en)}")

    seen = defaultdict(list)
    for i, (e_line, z) in enumerate(zip(en, zh)):
        e = english_name(e_line)
        where = f"{os.path.basename(zh_path)}:{i} ({e!r})"
        if e.lower() in PLACEHOLDERS:
            if z != e_line.strip():
                errors.append(f"{where}: English placeholder must be mirrored verbatim, got {z!r}")
            continue
        if not z:
            errors.append(f"{where}: empty name")
            continue
        if z != z.strip():
            errors.append(f"{where}: leading/trailing whitespace in {z!r}")
        seen[z].append(i)
        bad = []
        for ch in z:
            if is_cjk(ch) or ch in PUNCTUATION or ch.isdigit() and ch.isascii():
                continue
            if ch.isascii() and ch.isalpha() and z in LATIN_ALLOWED:
                continue
            bad.append(ch)
        if bad:
            errors.append(f"{where}: disallowed characters {''.join(sorted(set(bad)))!r} in {z!r}")

    for n, e_expected, z_expected in ANCHORS.get(os.path.basename(zh_path), []):
        if n >= len(en) or english_name(en[n]) != e_expected:
            errors.append(f"{en_path}:{n}: anchor expects English {e_expected!r} (different list version?)")
        elif n >= len(zh) or zh[n] != z_expected:
            got = zh[n] if n < len(zh) else None
            errors.append(f"{os.path.basename(zh_path)}:{n} ({e_expected!r}): anchor expects {z_expected!r}, got {got!r} (shifted lines?)")

    for name, lines in sorted(seen.items(), key=lambda kv: kv[1][0]):
        if len(lines) > 1:
            detail = ", ".join(f"{n} ({english_name(en[n])})" for n in lines)
            errors.append(f"{os.path.basename(zh_path)}: duplicate {name!r} on lines {detail}")
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opencv-data", default=OPENCV_DATA, help="directory with the English class lists")
    parser.add_argument("--labels", default=LABELS, help="directory with the Chinese tables")
    args = parser.parse_args()

    failed = False
    for zh_name, en_name in TABLES:
        zh_path = os.path.join(args.labels, zh_name)
        en_path = os.path.join(args.opencv_data, en_name)
        errors = check_table(zh_path, en_path)
        if errors:
            failed = True
            for err in errors:
                print(err)
            print(f"FAIL {zh_name}: {len(errors)} problem(s)")
        else:
            with open(zh_path, encoding="utf-8") as fh:
                n = sum(1 for _ in fh)
            print(f"ok   {zh_name}: {n} lines aligned with {en_name}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
