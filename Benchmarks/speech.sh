#!/usr/bin/env bash
# Speech recognition speed: real-time factor of VAD + Whisper base vs faster-whisper int8.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench speech "$@"
