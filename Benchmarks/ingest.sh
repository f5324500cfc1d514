#!/usr/bin/env bash
# Library ingest real-time factor (720p, 1080p) on a `loupe serve` child vs ffmpeg decoding; server RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench ingest "$@"
