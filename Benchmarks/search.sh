#!/usr/bin/env bash
# Clip search p50/p99 on a 100,000-clip project: end to end, exact scan vs HNSW with recall@10.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench search "$@"
