#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install the package with everything the build, checks, docs and tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
say() { echo "setup: $*"; }

if [ ! -x .venv/bin/python ]; then
  # Measured on a fresh clone: .venv ends near 1 GB (pandas, pyarrow, Great Expectations, mkdocs, Playwright).
  say "creating .venv with $("$PY" --version); the first install fills about 1 GB and takes a few minutes"
  "$PY" -m venv .venv
fi
say "installing akim-elections (editable) with its export, validation, docs and test tools into .venv"
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# cffconvert pins an old jsonschema that Great Expectations cannot share: it gets a venv of its own.
if [ ! -x .tools/cff/bin/cffconvert ]; then
  say "installing cffconvert (checks CITATION.cff) into .tools/cff"
  "$PY" -m venv .tools/cff
  .tools/cff/bin/python -m pip install --quiet cffconvert
fi
# Wheels for the install tests, which run pip with --no-index: the loader's dependencies, and hatchling
# so that pip can build the package from the unpacked sdist.
if ! compgen -G ".wheelhouse/hatchling-*.whl" >/dev/null || ! compgen -G ".wheelhouse/pandas-*.whl" >/dev/null; then
  say "downloading the wheels of pandas and hatchling into .wheelhouse (for the offline install tests)"
  .venv/bin/python -m pip download --quiet --dest .wheelhouse "pandas>=2.2" "hatchling>=1.21"
fi
say "ready: .venv ($(du -sh .venv | cut -f1)), .tools/cff, .wheelhouse"
