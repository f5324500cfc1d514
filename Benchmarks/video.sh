#!/usr/bin/env bash
# Video scan speed (decode + sampling + shot detection) vs ffmpeg decoding, and ClassifyLabelVideo job time.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench video "$@"
