#!/usr/bin/env bash
# Face detection + embedding latency: Swift/OpenVINO f32 and bf16 vs Python onnxruntime, one run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench faces "$@"
