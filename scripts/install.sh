#!/usr/bin/env bash
# Install publisher into .venv, with the system libraries WeasyPrint needs.
# Idempotent; safe to run again. Needs only Debian's and PyPI's registries.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib.sh
apt_ensure libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core shared-mime-info

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    "$PYTHON" -m venv .venv
fi
echo "== installing publisher into .venv"
pip_quiet install --upgrade pip
pip_quiet install -e "${PIP_EXTRAS:-.}"
.venv/bin/publisher --version
