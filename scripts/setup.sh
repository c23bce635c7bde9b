#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install the package with everything the build, checks, docs and tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# cffconvert pins an old jsonschema that Great Expectations cannot share: it gets a venv of its own.
if [ ! -x .tools/cff/bin/cffconvert ]; then
  "$PY" -m venv .tools/cff
  .tools/cff/bin/python -m pip install --quiet cffconvert
fi
# Wheels of the loader's dependencies, so the install-offline test can run with --no-index.
if [ ! -d .wheelhouse ] || [ -z "$(ls -A .wheelhouse 2>/dev/null)" ]; then
  .venv/bin/python -m pip download --quiet --dest .wheelhouse "pandas>=2.2"
fi
