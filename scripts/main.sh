#!/usr/bin/env bash
# The main job: set up, build the derived tables and descriptor, validate the package, build the docs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python scripts/build.py
.venv/bin/akim-elections validate .
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
# Great Expectations' own HTML report, published beside the site (linked from the Validation page).
.venv/bin/akim-elections validate . --data-docs site/data-docs > /dev/null
echo "main: package built and valid; site in site/ (Data Docs in site/data-docs/)"
