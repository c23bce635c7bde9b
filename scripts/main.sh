#!/usr/bin/env bash
# The main job: set up, build the derived tables and descriptor, validate the package, build the docs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python scripts/build.py
.venv/bin/akim-elections validate .
.venv/bin/mkdocs build --strict --quiet
echo "main: package built and valid; site in site/"
