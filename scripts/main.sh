#!/usr/bin/env bash
# The main job: set up, build the derived tables and descriptor, validate the package, build the docs.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "main: $*"; }

bash scripts/setup.sh
say "building data/regional_summary.csv, datapackage.json, CITATION.cff, .zenodo.json and contribute/templates/"
.venv/bin/python scripts/build.py
say "validating the package: Frictionless structure, then the election's arithmetic (Great Expectations)"
.venv/bin/akim-elections validate .
say "building the documentation site into site/ (pages, charts and maps; about half a minute)"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet
# Great Expectations' own HTML report, published beside the site (linked from the Validation page).
say "writing Great Expectations' Data Docs into site/data-docs/"
.venv/bin/akim-elections validate . --data-docs site/data-docs > /dev/null
say "done: the package is datapackage.json + data/ (valid); open site/index.html in a browser (works from disk)"
