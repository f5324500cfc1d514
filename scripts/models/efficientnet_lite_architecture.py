"""The EfficientNet-lite layer plan, read from efficientnet-lite-pytorch's source without importing it.

The package imports torch at module level, so its `utils.py` is parsed with `ast` instead: the
block strings of `efficientnet_lite()`, the (width, depth, resolution, dropout) coefficients and
the batch-norm epsilon. The scaling rules below restate what its `EfficientNet.__init__` does
for lite models (`fix_head_stem`: the stem keeps 32 filters, the head 1280, and the first and
last stages keep their repeat counts).
"""

import ast
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    index: int
    kernel: int
    stride: int
    expand_ratio: int
    input_filters: int
    output_filters: int

    @property
    def expanded_filters(self):
        return self.input_filters * self.expand_ratio

    @property
    def has_skip(self):
        return self.stride == 1 and self.input_filters == self.output_filters


@dataclass(frozen=True)
class Architecture:
    resolution: int
    batch_norm_epsilon: float
    stem_filters: int
    head_filters: int
    blocks: list


def _literal(node):
    return ast.literal_eval(node)


def _read_source(utils_path, model_name):
    tree = ast.parse(open(utils_path, encoding="utf-8").read())
    coefficients = block_strings = epsilon = None
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            if model_name in keys:
                coefficients = _literal(node.values[keys.index(model_name)])
        if isinstance(node, ast.FunctionDef) and node.name == "efficientnet_lite":
            for statement in ast.walk(node):
                if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.List):
                    if any(isinstance(t, ast.Name) and t.id == "blocks_args" for t in statement.targets):
                        block_strings = _literal(statement.value)
                if isinstance(statement, ast.keyword) and statement.arg == "batch_norm_epsilon":
                    epsilon = _literal(statement.value)
    if coefficients is None or block_strings is None or epsilon is None:
        raise ValueError(f"{utils_path}: no EfficientNet-lite definition for {model_name}")
    return coefficients, block_strings, epsilon


def _decode(block_string):
    options = {}
    for part in block_string.split("_"):
        for position, character in enumerate(part):
            if character.isdigit():
                options[part[:position]] = part[position:]
                break
    return {
        "repeats": int(options["r"]),
        "kernel": int(options["k"]),
        "stride": int(options["s"][0]),
        "expand_ratio": int(options["e"]),
        "input_filters": int(options["i"]),
        "output_filters": int(options["o"]),
    }


def _round_filters(filters, width, divisor=8):
    scaled = filters * width
    rounded = max(divisor, int(scaled + divisor / 2) // divisor * divisor)
    return int(rounded + divisor if rounded < 0.9 * scaled else rounded)


def load(utils_path, model_name="efficientnet-lite2"):
    (width, depth, resolution, _dropout), block_strings, epsilon = _read_source(utils_path, model_name)
    blocks = []
    for stage, text in enumerate(block_strings):
        args = _decode(text)
        fixed = stage in (0, len(block_strings) - 1)
        repeats = args["repeats"] if fixed else int(math.ceil(depth * args["repeats"]))
        input_filters = 32 if stage == 0 else _round_filters(args["input_filters"], width)
        output_filters = _round_filters(args["output_filters"], width)
        for repeat in range(repeats):
            blocks.append(
                Block(
                    index=len(blocks),
                    kernel=args["kernel"],
                    stride=args["stride"] if repeat == 0 else 1,
                    expand_ratio=args["expand_ratio"],
                    input_filters=input_filters if repeat == 0 else output_filters,
                    output_filters=output_filters,
                )
            )
    return Architecture(resolution, epsilon, stem_filters=32, head_filters=1280, blocks=blocks)


def same_padding(size, kernel, stride):
    """TensorFlow 'SAME' padding as the package's Conv2dStaticSamePadding computes it for a fixed
    input size: the output is ceil(size / stride) and an odd total puts the extra pixel at the
    end (bottom/right). Returns (output size, pad before, pad after)."""
    output = math.ceil(size / stride)
    total = max((output - 1) * stride + kernel - size, 0)
    return output, total // 2, total - total // 2
