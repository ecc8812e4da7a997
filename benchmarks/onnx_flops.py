#!/usr/bin/env python3
"""FLOPs per image of an ONNX model, counted from its graph (issue 9, item 1): ONNX shape inference with the batch fixed
at 1 gives every tensor's shape, then each node is costed.

Conventions: a multiply-add is 2 FLOPs. Conv: 2 x Cout x Cin/group x kh x kw per output pixel, plus 1 per output for
the bias (batch norm is folded into it in our files). Bilinear Resize: 7 per output element (three lerps of 2 and the
weights' 1). MaxPool: kernel - 1 comparisons per output. Relu: 1 per element; Sigmoid: 4 per element (exp, add,
divide, negate). Concat, Constant, reshapes: 0. Anything else is named as uncounted, never silently dropped.

    /usr/bin/python3 benchmarks/onnx_flops.py models/unetpp-v2.onnx [--json]
Needs Debian's python3-onnx; prints a table by operator and the total in GFLOP per image.
"""
import argparse
import json
import math
import sys
from collections import defaultdict

import onnx
from onnx import shape_inference

FREE = {"Concat", "Constant", "Reshape", "Flatten", "Squeeze", "Unsqueeze", "Identity", "Shape", "Gather", "Transpose"}


def shapes_with_batch_one(model: onnx.ModelProto) -> dict[str, list[int]]:
    for value in list(model.graph.input) + list(model.graph.output):
        dim = value.type.tensor_type.shape.dim
        if dim and not dim[0].HasField("dim_value"):
            dim[0].dim_value = 1
    inferred = shape_inference.infer_shapes(model)
    shapes = {}
    for value in list(inferred.graph.input) + list(inferred.graph.value_info) + list(inferred.graph.output):
        dims = [d.dim_value for d in value.type.tensor_type.shape.dim]
        if dims and all(d > 0 for d in dims):
            shapes[value.name] = dims
    for tensor in model.graph.initializer:
        shapes[tensor.name] = list(tensor.dims)
    return shapes


def node_flops(node: onnx.NodeProto, shapes: dict[str, list[int]]) -> int | None:
    attributes = {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}
    out = shapes.get(node.output[0])
    if node.op_type in FREE:
        return 0
    if out is None:
        return None
    elements = math.prod(out)
    if node.op_type == "Conv":
        weight = shapes[node.input[1]]  # [Cout, Cin/group, kh, kw]
        per_output = 2 * math.prod(weight[1:]) + (1 if len(node.input) > 2 else 0)
        return elements * per_output
    if node.op_type == "Resize" and attributes.get("mode", b"nearest") == b"linear":
        return 7 * elements
    if node.op_type == "Resize":
        return 0
    if node.op_type == "MaxPool":
        return elements * (math.prod(attributes["kernel_shape"]) - 1)
    if node.op_type == "Relu":
        return elements
    if node.op_type == "Sigmoid":
        return 4 * elements
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description="FLOPs per image of an ONNX model, from its graph.")
    parser.add_argument("model")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args()
    model = onnx.load(args.model)
    shapes = shapes_with_batch_one(model)
    by_op: dict[str, int] = defaultdict(int)
    uncounted: dict[str, int] = defaultdict(int)
    for node in model.graph.node:
        flops = node_flops(node, shapes)
        if flops is None:
            uncounted[node.op_type] += 1
        else:
            by_op[node.op_type] += flops
    total = sum(by_op.values())
    if args.json:
        print(json.dumps({"model": args.model, "gflop_per_image": total / 1e9, "by_operator": dict(by_op),
                          "uncounted_nodes": dict(uncounted)}))
    else:
        print(f"{args.model}: {total / 1e9:.3f} GFLOP per image (batch 1, counted from the ONNX graph)")
        for op, flops in sorted(by_op.items(), key=lambda kv: -kv[1]):
            if flops:
                print(f"  {op:<10} {flops / 1e9:8.3f} GFLOP  {100 * flops / total:5.1f} %")
        for op, count in uncounted.items():
            print(f"  {op:<10} {count} node(s) NOT counted (no cost rule or unknown shape)")
    return 1 if uncounted else 0


if __name__ == "__main__":
    sys.exit(main())
