"""Build the example project (its articles, its collections and the site's index
page) and every fixture article once, in all formats and variants (and the handouts
again on A5), then hand the files to the validators, each run once for all files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from publisher import validators
from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from publisher.build.project import build_project
from publisher.catalog import FORMATS, VARIANTS, formats_for
from publisher.reading.find import find_articles
from publisher.site.model import SiteOptions

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = find_articles([ROOT / "source", ROOT / "tests" / "fixtures" / "articles"])
A5_ARTICLES = [
    a for a in ARTICLES if a.parent.name in ("jongensprostitutie-in-beeld", "alle-onderdelen")
]
# the read-aloud version is opt-in (speech takes time): made for the example only
AUDIO_ARTICLES = [a for a in ARTICLES if a.parent.name == "jongensprostitutie-in-beeld"]
ARTEFACTS = ROOT / "tests" / "artefacts"
HOST = Path(__file__).with_name("hostile-host.html")


def slug_of(path: Path) -> str:
    return path.parent.name if path.name == "index.md" else path.stem


COLLECTIONS = find_articles([ROOT / "collections"])
"""The example project's collections: built from the articles above, each in every
format that has a collection renderer (its pack, e-book and index page)."""


def output_names(
    fmt: str, extension: str | None = None, articles: list[Path] = ARTICLES
) -> list[str]:
    """`slug/file` of every output of a format (in the variants it is made in by
    default), known before anything is built."""
    names = [
        f"{slug_of(a)}/{slug_of(a)}{v.suffix}{extension or FORMATS[fmt].extension}"
        for a in articles
        for v in VARIANTS.values()
        if fmt in formats_for(v, tuple(FORMATS))
    ]
    if FORMATS[fmt].collection is not None and articles is ARTICLES:
        names += [
            f"collections/{slug_of(c)}/{slug_of(c)}{v.suffix}{FORMATS[fmt].extension}"
            for c in COLLECTIONS
            for v in VARIANTS.values()
        ]
    if fmt == "html" and articles is ARTICLES:
        names.append("index.html")  # the site's index page
    return names


def epub_names() -> list[str]:
    """The e-books, and the read-aloud e-books (with Media Overlays) of the audio format."""
    return output_names("epub") + output_names("audio", ".audio.epub", AUDIO_ARTICLES)


def a5_names() -> list[str]:
    return [
        f"a5/{slug_of(a)}/{slug_of(a)}{v.suffix}.pdf"
        for a in A5_ARTICLES
        for v in VARIANTS.values()
        if "pdf" in formats_for(v, tuple(FORMATS))
    ]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("conformance")
    built = build_project(
        ARTICLES,
        BuildOptions(out_dir=out, project_dir=ROOT),
        collections=COLLECTIONS,
        site=SiteOptions("Publicaties", "nl", "https://example.org/publicaties/", "Moviera"),
        jobs=2,
    )
    for result in [*built.articles, *built.collections, *([built.site] if built.site else [])]:
        assert not result.errors, "\n".join(map(str, result.errors))
    for article in AUDIO_ARTICLES:
        result = build_article(
            article, BuildOptions(out_dir=out, formats=("audio",), project_dir=ROOT)
        )
        assert not result.errors, "\n".join(map(str, result.errors))
    for article in A5_ARTICLES:
        options = BuildOptions(
            out_dir=out / "a5", formats=("pdf",), project_dir=ROOT, settings=Settings(paper="A5")
        )
        result = build_article(article, options)
        assert not result.errors, "\n".join(map(str, result.errors))
    return out


def require(tool: str) -> None:
    """Skip (locally) or fail (in CI) when a validator is not installed."""
    why = validators.missing().get(tool)
    if why is None:
        return
    message = f"VALIDATOR MISSING: {tool}: {why}; run scripts/install-test-tools.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def _cached(name: str, compute: Callable[[], object], request: pytest.FixtureRequest) -> object:
    cache = request.config.stash.setdefault(_RESULTS, {})
    if name not in cache:
        cache[name] = compute()
    return cache[name]


_RESULTS = pytest.StashKey[dict[str, object]]()


def host_page(embed: Path) -> Path:
    """The embed fragment pasted into the hostile host page, beside it."""
    host = embed.with_name(embed.name.replace(".embed.html", ".host.html"))
    fragment = embed.read_text(encoding="utf-8")
    host.write_text(
        HOST.read_text(encoding="utf-8").replace("<!-- EMBED -->", fragment), encoding="utf-8"
    )
    return host


@pytest.fixture(scope="session")
def validate(built: Path, request: pytest.FixtureRequest) -> Callable[[str, str], object]:
    """validate(tool, 'slug/file') -> that file's result, running each tool once."""

    def files(fmt: str) -> list[Path]:
        return [built / name for name in output_names(fmt)]

    def asset_map() -> dict[str, Path]:
        from publisher.reading.reader import read_article

        mapping = {}
        for article in ARTICLES:
            meta = read_article(article)[0].meta
            if meta.url:
                mapping[meta.url.rsplit("/", 1)[0] + "/"] = built / meta.slug
        return mapping

    def compute(tool: str) -> object:
        epubs = [built / name for name in epub_names()]
        if tool == "epubcheck":
            return validators.epubcheck(epubs)
        if tool == "ace":
            return validators.ace(epubs)
        if tool == "docx":
            return validators.docx(files("docx"))
        if tool == "libreoffice":
            return validators.libreoffice(files("docx"), ARTEFACTS / "libreoffice")
        if tool == "verapdf":
            return validators.verapdf(files("pdf") + [built / n for n in a5_names()])
        pages = files("html") + [host_page(f) for f in files("embed")]
        if tool == "vnu":
            return validators.vnu(pages)
        if tool == "axe":
            return validators.axe(pages, asset_map(), ARTEFACTS / "screenshots")
        raise ValueError(tool)

    def result(tool: str, name: str) -> object:
        require(tool)
        results = _cached(tool, lambda: compute(tool), request)
        assert isinstance(results, dict)
        path = built / name
        if name.endswith(".embed.html"):
            path = path.with_name(path.name.replace(".embed.html", ".host.html"))
        return results[path]

    return result


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if "VALIDATOR MISSING" in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep(
            "!",
            f"{len(skipped)} CONFORMANCE CHECKS SKIPPED: VALIDATORS MISSING "
            "(run scripts/install-test-tools.sh)",
            red=True,
            bold=True,
        )
