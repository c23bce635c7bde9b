#!/usr/bin/env bash
# Set up (including Debian's Chromium for the browser test) and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test: $*"; }

# Arguments: what to run apt-get under (nothing, or sudo).
install_chromium() {
  "$@" apt-get update -qq
  "$@" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

bash scripts/setup.sh
# The names the browser test looks for (GitHub's Ubuntu runners ship one of them).
if ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  # Root (a container) installs directly; a CI user such as GitHub's runner has password-less sudo.
  if [ "$(id -u)" = 0 ]; then
    say "installing Debian's Chromium for the browser tests (apt-get: a few hundred MB, about a minute)"
    install_chromium
  elif sudo -n true 2>/dev/null; then
    say "installing Chromium for the browser tests with sudo apt-get (a few hundred MB, about a minute)"
    install_chromium sudo
  else
    echo "test: chromium is not installed and this user cannot apt-get it; the browser test will be skipped" >&2
  fi
fi
say "running the test suite with .venv/bin/python -m pytest (a few minutes: it builds wheels, the sdist and the site)"
.venv/bin/python -m pytest "$@"
say "done: every test passed; screenshots of the site are in artifacts/screenshots/"
