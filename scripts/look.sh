#!/usr/bin/env bash
# Pictures of built outputs, to look at: every page of each handout (PDF) as PNG, and
# a screenshot of each web page at 320 and 1280 px, in tests/artefacts/look/<slug>/.
#   bash scripts/look.sh build/<slug> [more folders]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
for folder in "$@"; do
    slug="$(basename "$folder")"
    out="tests/artefacts/look/$slug"
    mkdir -p "$out"
    for pdf in "$folder"/*.pdf; do
        [ -e "$pdf" ] || continue
        pdftoppm -r 60 -png "$pdf" "$out/$(basename "$pdf" .pdf)"
    done
    for page in "$folder"/*.html; do
        case "$page" in *.embed.html|*.shadow.html) continue ;; esac
        for width in 320 1280; do
            profile="$(mktemp -d)"
            bash tools/validators/chromium.sh --user-data-dir="$profile" --hide-scrollbars \
                --window-size="$width,1800" --screenshot="$out/$(basename "$page" .html)-$width.png" \
                "file://$(realpath "$page")" >/dev/null 2>&1 || true
            rm -rf "$profile"
        done
    done
    echo "$out"
done
