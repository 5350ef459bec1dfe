#!/bin/sh
# Debian's chromium with the flags this offline machine needs; used by DAISY Ace
# (puppeteer) as its browser. Puppeteer passes its own fresh --user-data-dir.
exec "${CHROMIUM_BIN:-/usr/bin/chromium}" --headless --no-sandbox --disable-gpu \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --disable-dev-shm-usage --disable-breakpad "$@"
