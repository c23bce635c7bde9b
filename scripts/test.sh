#!/usr/bin/env bash
# Set up (including Debian's Chromium for the browser test) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "test: chromium is not installed and this user cannot apt-get it; the browser test will be skipped" >&2
  fi
fi
.venv/bin/python -m pytest "$@"
