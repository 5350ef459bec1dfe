#!/usr/bin/env bash
# Install publisher into .venv, with the system libraries WeasyPrint needs, librsvg
# (SVG pictures in the Word document), espeak-ng and lame (the read-aloud version).
# Idempotent; safe to run again. Needs only Debian's and PyPI's registries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib.sh
apt_ensure libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core shared-mime-info \
    librsvg2-bin espeak-ng lame

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    "$PYTHON" -m venv .venv
fi
echo "== installing publisher into .venv"
pip_quiet install --upgrade pip
pip_quiet install -e "${PIP_EXTRAS:-.}"
.venv/bin/publisher --version
