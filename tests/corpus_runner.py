"""Build documents of the real-document corpus (tests/corpus/) to every output and run
every validator once over all of them; report per document.

    .venv/bin/python -m tests.corpus_runner [--out DIR] [--jobs N] [SLUG ...]

(``scripts/corpus.sh`` runs the whole corpus.) Used by the conformance tests for a
fixed sample. Besides the validators it checks what a reader would miss: every word
of the source is in the web page, and every character of every code block is in the
handout's text.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import tomllib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lxml import html as lxml_html

from publisher import validators
from publisher.build.batch import build_all
from publisher.build.options import ArticleResult, BuildOptions
from publisher.reading.markdown import parse
from publisher.reading.reader import read_article
from publisher.text.matching import letters_and_digits
from tests.conformance import hosts

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
SAMPLE = (
    "ar-vue-glossary",
    "he-freecodecamp-how-to-contribute",
    "uk-rustbook-operators",
    "nl-algoritmekader-biasanalyse",
    "en-fzf-readme",
    "tr-starlight-environmental-impact",
)
"""The fixed sample the conformance tests run in CI, within the suite's time: every
script and both directions of the corpus (Arabic and Hebrew right to left, Cyrillic,
Latin with Dutch, English and Turkish letters), code, tables, admonitions, emoji and
HTML. `scripts/corpus.sh` runs every document (every language)."""

SCRIPTS = {"ar": "Arabic", "fa": "Arabic", "he": "Hebrew", "uk": "Cyrillic"}
"""The script of each corpus language that is not written in Latin letters."""


def documents() -> list[str]:
    return sorted(tomllib.loads((CORPUS / "SOURCES.toml").read_text(encoding="utf-8")))


@dataclass
class Report:
    slug: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    """Validator findings and lost text, as '<file>: <finding>'."""

    @property
    def clean(self) -> bool:
        return not self.errors and not self.findings


def build(slugs: list[str], out: Path, jobs: int = 0) -> dict[str, ArticleResult]:
    paths = [CORPUS / slug / "index.md" for slug in slugs]
    options = BuildOptions(out_dir=out, project_dir=ROOT)
    results = build_all(paths, options, jobs=jobs, force=True)
    return {slug: result for slug, result in zip(slugs, results, strict=True)}


FRAGMENTS = (".embed.html", ".shadow.html")
"""The embed fragments (both modes): validated pasted into the hostile host page."""


def host_page(embed: Path) -> Path:
    name = embed.name.removesuffix(".html") + ".host.html"
    return hosts.host_page(embed, "hostile", embed.with_name(name))


def validate(folders: dict[str, Path]) -> dict[str, list[str]]:
    """Every validator once over the files of all documents: slug -> findings."""
    missing = validators.missing()
    if missing:
        raise SystemExit(f"validators missing: {missing}; run scripts/install-test-tools.sh")
    owner: dict[Path, str] = {}
    epubs, pdfs, pages = [], [], []
    for slug, folder in folders.items():
        for path in sorted(folder.glob("*.*")):
            if path.suffix == ".epub":
                epubs.append(path)
            elif path.suffix == ".pdf":
                pdfs.append(path)
            elif path.name.endswith(FRAGMENTS):
                path = host_page(path)
                pages.append(path)
            elif path.suffix == ".html" and not path.name.endswith(".host.html"):
                pages.append(path)
            else:
                continue
            owner[path] = slug
    found: dict[str, list[str]] = {slug: [] for slug in folders}

    def add(results: dict[Path, list[validators.Finding]]) -> None:
        for path, findings in results.items():
            found[owner[path]] += [f"{path.name}: {f}" for f in findings]

    def axe() -> dict[Path, list[validators.Finding]]:
        results = validators.axe(pages, asset_map(folders))
        return {path: result.findings for path, result in results.items()}

    # Two tools at a time (each mostly keeps one core busy), the longest first.
    runs: list[Callable[[], dict[Path, list[validators.Finding]]]] = []
    if pages:
        runs += [axe, lambda: validators.vnu(pages)]
    if epubs:
        runs += [lambda: validators.epubcheck(epubs), lambda: validators.ace(epubs)]
    if pdfs:
        runs.append(lambda: validators.verapdf(pdfs))
    with ThreadPoolExecutor(max_workers=2) as pool:
        for results in pool.map(lambda run: run(), runs):
            add(results)
    return found


def asset_map(folders: dict[str, Path]) -> dict[str, Path]:
    """Published addresses (a document's ``url``) served from the built folder, so an
    embed that links its stylesheet by address is checked as a partner site shows it."""
    mapping = {}
    for slug, folder in folders.items():
        url = read_article(CORPUS / slug / "index.md")[0].meta.url
        if url:
            mapping[url.rsplit("/", 1)[0] + "/"] = folder
    return mapping


WORD_RE = re.compile(r"[^\W_]{2,}")
NOT_SHOWN_RE = re.compile(
    r"<!--.*?-->"  # comments
    r"|\]\([^)]*\)"  # link and image targets
    r"|\]\[[^\]]*\]"  # reference labels
    r"|^\s*\[[^\]]+\]:\s*\S+.*$"  # reference definitions
    r"|^\s*(?:`{3,}|~{3,}).*$"  # code fences and their info strings
    r"|^\s*(?:!!!|\?\?\?\+?|:{3,}|/{3,})[ \t]*[A-Za-z]+"  # admonition markers
    r"|\[![A-Z]+\]"  # GitHub alert markers
    r"|<[^>]+>"  # tags (their text stays)
    r"|\{[^{}]*\}"  # attributes
    r"|https?://\S+",  # bare addresses (shown, but split by the page's own markup)
    re.DOTALL | re.MULTILINE,
)


def lost_words(source: Path, page: Path) -> list[str]:
    """Words of the source body that are nowhere in the web page (text or alt)."""
    body = source.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    text = html.unescape(NOT_SHOWN_RE.sub(" ", body))
    wanted = Counter(w.casefold() for w in WORD_RE.findall(text))
    tree = lxml_html.fromstring(page.read_bytes())
    shown = " ".join([*tree.itertext(), *tree.xpath("//img/@alt")])
    have = {w.casefold() for w in WORD_RE.findall(shown)}
    return sorted(w for w in wanted if w not in have)


def lost_code(source: Path, pdf: Path, no_glyph: set[str] | None = None) -> list[str]:
    """Words of code blocks that are not in the handout's text. (Words, not lines: a
    line that mixes Arabic and Latin is laid out in display order.) Characters no font
    has (``no_glyph``, warned about by the build) print as their code points."""
    article, _ = read_article(source)
    command = ["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"]
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    printed = letters_and_digits(_lam_alef(text))
    tokens, _env = parse(article.source.body)
    lost = []
    for token in tokens:
        if token.type in ("fence", "code_block"):
            for line in token.content.splitlines():
                kept = "".join(c for c in line if c not in (no_glyph or set()))
                words = [letters_and_digits(_lam_alef(w)) for w in WORD_RE.findall(kept)]
                if any(w and w not in printed for w in words):
                    lost.append(line.strip()[:80])
    return lost


def _lam_alef(text: str) -> str:
    """Lam before alef, in either order. DejaVu Sans Mono (code) draws lam and alef as
    one ligature glyph; its ToUnicode entry is right (لا, in reading order), but
    pdftotext reverses right-to-left text character by character, also inside a
    ligature, and gives back ال. The ligature is obligatory in Arabic, so it stays;
    the comparison ignores the order of that one pair."""
    return re.sub("ل([اأإآ])", r"\1ل", text)


NO_GLYPH_RE = re.compile(r"'(.)' \([^)]*\) is in no font of the theme")


def run(slugs: list[str], out: Path, jobs: int = 0, check_text: bool = True) -> list[Report]:
    results = build(slugs, out, jobs)
    reports = {slug: Report(slug) for slug in slugs}
    built: dict[str, Path] = {}
    for slug, result in results.items():
        reports[slug].errors = [str(p) for p in result.errors]
        reports[slug].warnings = [str(p) for p in result.warnings]
        if not result.errors:
            built[slug] = out / str(result.slug)
    for slug, findings in validate(built).items():
        reports[slug].findings += findings
    if check_text:
        for slug, folder in built.items():
            source = CORPUS / slug / "index.md"
            for name in (f"{folder.name}.html",):
                for word in lost_words(source, folder / name):
                    reports[slug].findings.append(f"{name}: word not shown: {word}")
            no_glyph = {m.group(1) for w in reports[slug].warnings for m in NO_GLYPH_RE.finditer(w)}
            for line in lost_code(source, folder / f"{folder.name}.pdf", no_glyph):
                reports[slug].findings.append(f"{folder.name}.pdf: code not printed: {line}")
    return [reports[slug] for slug in slugs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="documents (default: the whole corpus)")
    parser.add_argument("--out", type=Path, help="output folder (default: a temporary one)")
    parser.add_argument("--jobs", type=int, default=0)
    parser.add_argument("--sample", action="store_true", help="only the CI sample")
    parser.add_argument("--json", type=Path, help="write the reports as JSON here")
    args = parser.parse_args(argv)
    slugs = args.slugs or (list(SAMPLE) if args.sample else documents())
    with tempfile.TemporaryDirectory() as temporary:
        reports = run(slugs, args.out or Path(temporary), args.jobs)
    tools = ("epubcheck", "ace", "verapdf", "vnu", "axe", "word not shown", "code not printed")
    print(f"{'document':<48} {'build':<6} {'warn':>4} " + " ".join(f"{t[:9]:>9}" for t in tools))
    for report in reports:
        counts = [sum(1 for f in report.findings if f"[{t}]" in f or f": {t}" in f) for t in tools]
        state = "FAIL" if report.errors else "ok"
        print(
            f"{report.slug:<48} {state:<6} {len(report.warnings):>4} "
            + " ".join(f"{c:>9}" for c in counts)
        )
    for report in reports:
        for line in report.errors:
            print(f"error: {line}")
    clean = sum(r.clean for r in reports)
    failed = sum(bool(r.errors) for r in reports)
    print(f"\n{len(reports)} documents: {clean} clean, {failed} did not build")
    if args.json:
        args.json.write_text(
            json.dumps([r.__dict__ for r in reports], ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
    return 0 if clean == len(reports) else 1


if __name__ == "__main__":
    sys.exit(main())
