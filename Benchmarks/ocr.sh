#!/usr/bin/env bash
# OCR speed: a full page and a subtitle band through PP-OCRv6 vs rapidocr's own Python pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./scripts/run bench ocr "$@"
