#!/bin/sh
# Install what tests/test_browser.py drives: Debian's headless-capable Chromium and its WebDriver,
# and Selenium (declared in the dev extras) when it is missing. Idempotent; exits 0 when all is there.
# Usage: scripts/install_browser.sh [PYTHON]   (PYTHON: the interpreter whose packages to check)
set -eu
PY="${1:-python3}"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "install_browser: chromium and chromedriver present"
else
    SUDO=""
    if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver
    echo "install_browser: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
fi
if "$PY" -c "import selenium" 2>/dev/null; then
    echo "install_browser: selenium present"
else
    "$PY" -m pip install -q "selenium>=4.15,<5"
    echo "install_browser: installed selenium"
fi
