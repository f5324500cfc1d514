"""Checks the converted EfficientNet-lite2 against an independent numpy forward of its first layers.

Usage: check_efficientnet_lite2.py WEIGHTS.pth EFFICIENTNET_LITE_PYTORCH/utils.py MODEL.onnx

The numpy side reads the raw state dict (batch norms not folded), pads like the package's
Conv2dStaticSamePadding and runs the stem and blocks 0-2: an asymmetric stride-2 stem, a
stride-2 depthwise block and a residual block. onnxruntime gives the same tensors from the
ONNX graph; the script prints the largest differences and fails above 1e-4.
"""

import os
import sys

import numpy as np
import onnx
import onnxruntime as ort

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import efficientnet_lite_architecture  # noqa: E402
import torch_legacy  # noqa: E402

CHECKED_BLOCKS = 3


def conv(x, weight, stride, groups):
    """Direct convolution of x [C, H, W] after 'SAME' padding, in float64."""
    out_channels, group_channels, k, _ = weight.shape
    size = x.shape[1]
    output, before, after = efficientnet_lite_architecture.same_padding(size, k, stride)
    padded = np.pad(x, ((0, 0), (before, after), (before, after)))
    windows = np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(1, 2))[:, ::stride, ::stride]
    per_group = out_channels // groups
    result = np.empty((out_channels, output, output))
    for g in range(groups):
        inputs = windows[g * group_channels : (g + 1) * group_channels]
        kernels = weight[g * per_group : (g + 1) * per_group]
        result[g * per_group : (g + 1) * per_group] = np.einsum("chwij,ocij->ohw", inputs, kernels)
    return result


def batch_norm(x, weights, prefix, epsilon):
    gamma, beta = weights[f"{prefix}.weight"], weights[f"{prefix}.bias"]
    mean, variance = weights[f"{prefix}.running_mean"], weights[f"{prefix}.running_var"]
    return (x - mean[:, None, None]) / np.sqrt(variance[:, None, None] + epsilon) * gamma[:, None, None] + beta[
        :, None, None
    ]


def relu6(x):
    return np.clip(x, 0, 6)


def numpy_forward(image, weights, architecture):
    w = {name: value.astype(np.float64) for name, value in weights.items()}
    eps = architecture.batch_norm_epsilon
    x = relu6(batch_norm(conv(image.astype(np.float64), w["_conv_stem.weight"], 2, 1), w, "_bn0", eps))
    outputs = {"conv_stem.relu6": x}
    for block in architecture.blocks[:CHECKED_BLOCKS]:
        p = f"_blocks.{block.index}"
        y = x
        if block.expand_ratio != 1:
            y = relu6(batch_norm(conv(y, w[f"{p}._expand_conv.weight"], 1, 1), w, f"{p}._bn0", eps))
        y = conv(y, w[f"{p}._depthwise_conv.weight"], block.stride, block.expanded_filters)
        y = relu6(batch_norm(y, w, f"{p}._bn1", eps))
        y = batch_norm(conv(y, w[f"{p}._project_conv.weight"], 1, 1), w, f"{p}._bn2", eps)
        x = y + x if block.has_skip else y
        outputs[f"blocks.{block.index}" if block.has_skip else f"blocks.{block.index}.project_conv"] = x
    return outputs


def onnx_intermediates(model_path, names, image):
    model = onnx.load(model_path)
    del model.graph.output[:]
    model.graph.output.extend(onnx.helper.make_empty_tensor_value_info(name) for name in names)
    session = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return dict(zip(names, session.run(names, {"image": image[np.newaxis]})))


def main(weights_path, utils_path, model_path):
    weights = torch_legacy.load_state_dict(weights_path)
    architecture = efficientnet_lite_architecture.load(utils_path)
    side = architecture.resolution
    image = np.random.default_rng(0).uniform(-1, 1, (3, side, side)).astype(np.float32)
    expected = numpy_forward(image, weights, architecture)
    actual = onnx_intermediates(model_path, list(expected), image)
    worst = 0.0
    for name, value in expected.items():
        difference = float(np.abs(actual[name][0] - value).max())
        worst = max(worst, difference)
        print(f"{name:28s} {tuple(value.shape)}  max |onnx - numpy| = {difference:.2e}")
    if worst > 1e-4:
        sys.exit(f"the ONNX graph departs from the numpy forward by {worst:.2e}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
