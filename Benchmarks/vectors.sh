#!/usr/bin/env bash
# Vector indexes at 100k and 1M × 512 (random and clustered): Loupe's exact f32 scan, int8 scan +
# f32 re-rank and HNSW vs Python hnswlib and faiss-cpu on the same data, in one run. The 1M sets
# take most of the time (three HNSW builds and the exact ground truth per data kind).
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench vectors "$@"
