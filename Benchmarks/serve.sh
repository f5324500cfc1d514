#!/usr/bin/env bash
# Load test of the PAI API on a release build: ImageQA and MultiLabelImageV2 at concurrency 8 for
# 60 s each, with GET /healthz as the in-run reference. Extra arguments go to `loupe bench serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench serve --duration 60 --concurrency 8 "$@"
