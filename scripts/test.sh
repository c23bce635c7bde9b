#!/usr/bin/env bash
# Set up (including Debian's Chromium for the browser test and R for the R recipe) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test: $*"; }

# Debian's packages the tests run: Chromium for the browser test, R with readr and jsonlite for the R recipe.
DEBIAN_TOOLS="chromium r-base-core r-cran-readr r-cran-jsonlite"

# Arguments: what to run apt-get under (nothing, or sudo).
install_debian_tools() {
  "$@" apt-get update -qq
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $DEBIAN_TOOLS >/dev/null
}

bash scripts/setup.sh
# The names the browser test looks for (GitHub's Ubuntu runners ship one of them).
has_chromium() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
has_r() { command -v Rscript >/dev/null 2>&1 && Rscript -e 'library(readr); library(jsonlite)' >/dev/null 2>&1; }
if ! has_chromium || ! has_r; then
  # Root (a container) installs directly; a CI user such as GitHub's runner has password-less sudo.
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's $DEBIAN_TOOLS for the browser and R tests (apt-get: a few hundred MB, a minute or two)"
    install_debian_tools
  elif sudo -n true 2>/dev/null; then
    say "installing $DEBIAN_TOOLS with sudo apt-get (a few hundred MB, a minute or two)"
    install_debian_tools sudo
  else
    echo "test: chromium or R is missing and this user cannot apt-get them; the browser and R tests will be skipped" >&2
  fi
fi
say "running the test suite with .venv/bin/python -m pytest (a few minutes: it builds wheels, the sdist and the site)"
.venv/bin/python -m pytest "$@"
say "done: every test passed; screenshots of the site are in artifacts/screenshots/"
