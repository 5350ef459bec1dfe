"""Build the example project (its articles, its collections and the site's index
page) and every fixture article once, in all formats and variants (and the handouts
again on A5), then hand the files to the validators, each run once for all files.

Besides, the example is built once more as published under a base URL, so that its
outputs carry addresses (the handout's QR code, the embed's downloads), and the
embed fragments (both modes) of the example and of wijkwijzer are pasted into every
host page of tests/conformance/hosts.py: the host matrix. Each validator still runs
once, over every file it checks.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from publisher import validators
from publisher.build.article import build_article
from publisher.build.options import BuildOptions, Settings
from publisher.build.project import build_project
from publisher.catalog import FORMATS, VARIANTS, formats_for
from publisher.reading.find import find_articles
from publisher.site.model import SiteOptions
from tests.conformance import hosts, pagebreaks

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = find_articles([ROOT / "source", ROOT / "tests" / "fixtures" / "articles"])
EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md"
A5_ARTICLES = [
    a
    for a in ARTICLES
    if a.parent.name in ("jongensprostitutie-in-beeld", "alle-onderdelen", "wijkwijzer")
]
# the read-aloud version is opt-in (speech takes time): made for the example only
AUDIO_ARTICLES = [a for a in ARTICLES if a.parent.name == "jongensprostitutie-in-beeld"]
ARTEFACTS = ROOT / "tests" / "artefacts"
BASE_URL = "https://publicaties.example.org/artikelen"
ADDRESSED = "addressed"
"""The folder of the example built with BASE_URL (``addressed/<slug>/...``)."""
FRAGMENT_FORMATS = ("embed", "embed-shadow")
HOSTED = (
    f"{ADDRESSED}/jongensprostitutie-in-beeld/jongensprostitutie-in-beeld",
    "wijkwijzer/wijkwijzer",
)
"""``folder/slug`` of the articles whose fragments go into every host page: the
example (with addresses) and wijkwijzer (every construct; its own url)."""
SCREENSHOT_HOSTS = ("bootstrap", "govuk", "utrecht")
"""Hosts whose pages are photographed (tests/artefacts/screenshots, with
PUBLISHER_SCREENSHOTS=1) to look at."""


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
            if fmt in formats_for(v, tuple(FORMATS))
        ]
    if fmt == "html" and articles is ARTICLES:
        names.append("index.html")  # the site's index page
    return names


def addressed_names(fmt: str) -> list[str]:
    """`addressed/slug/file` of the example's outputs built with BASE_URL."""
    slug = slug_of(EXAMPLE)
    return [
        f"{ADDRESSED}/{slug}/{slug}{v.suffix}{FORMATS[fmt].extension}"
        for v in VARIANTS.values()
        if fmt in formats_for(v, tuple(FORMATS))
    ]


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


def hosted_fragments() -> list[str]:
    """The fragments (`folder/slug/file`) that go into every host page."""
    return [
        f"{folder}{v.suffix}{FORMATS[fmt].extension}"
        for folder in HOSTED
        for v in VARIANTS.values()
        for fmt in FRAGMENT_FORMATS
        if fmt in formats_for(v, tuple(FORMATS))
    ]


def host_page_name(fragment: str, host: str) -> str:
    """`hosts/<host>/...` : the page with ``fragment`` pasted into ``host``; its file
    name is unique (screenshots are named after it)."""
    folder, _, name = fragment.rpartition("/")
    stem = name.removesuffix(".html")
    if folder.startswith(f"{ADDRESSED}/"):
        stem = f"{ADDRESSED}-{stem}"
    return f"hosts/{host}/{folder}/{stem}.{host}.html"


def host_matrix() -> list[tuple[str, str, str]]:
    """(host page name, host, fragment): every hosted fragment in every host, and
    every other article's fragments (both modes) in the hostile host."""
    pages = [
        (host_page_name(fragment, host), host, fragment)
        for fragment in hosted_fragments()
        for host in hosts.HOST_NAMES
    ]
    others = [
        name
        for fmt in FRAGMENT_FORMATS
        for name in output_names(fmt)
        if not name.startswith("wijkwijzer/")
    ]
    pages += [(host_page_name(name, "hostile"), "hostile", name) for name in others]
    return pages


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
    options = BuildOptions(
        out_dir=out / ADDRESSED, project_dir=ROOT, settings=Settings(base_url=BASE_URL)
    )
    result = build_article(EXAMPLE, options)
    assert not result.errors and not result.lost_links, result.errors
    return out


def require(tool: str) -> None:
    """Skip (locally) or fail (in CI) when a validator is not installed."""
    why = validators.missing().get(tool)
    if why is None and tool in ("axe", "vnu") and hosts.missing():
        why = f"host page CSS not installed in tools/validators: {', '.join(hosts.missing())}"
    if why is None:
        return
    message = f"VALIDATOR MISSING: {tool}: {why}; run scripts/install-test-tools.sh"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def asset_map(built: Path) -> dict[str, Path]:
    """Published address prefix -> local folder: fragments with absolute addresses
    get their stylesheet, fonts and images from the build."""
    from publisher.reading.reader import read_article

    mapping = {f"{BASE_URL}/": built / ADDRESSED}
    for article in ARTICLES:
        meta = read_article(article)[0].meta
        if meta.url:
            mapping[meta.url.rsplit("/", 1)[0] + "/"] = built / meta.slug
    return mapping


def host_pages(built: Path) -> list[Path]:
    """Write every page of the host matrix (once) and return them."""
    pages = []
    for name, host, fragment in host_matrix():
        page = built / name
        if not page.is_file():
            page.parent.mkdir(parents=True, exist_ok=True)
            hosts.host_page(built / fragment, host, page)
        pages.append(page)
    return pages


@pytest.fixture(scope="session")
def validate(built: Path, request: pytest.FixtureRequest) -> Callable[[str, str], object]:
    """validate(tool, 'slug/file') -> that file's result, running each tool once."""

    def files(names: list[str]) -> list[Path]:
        return [built / name for name in names]

    def compute(tool: str) -> object:
        epubs = files(epub_names() + addressed_names("epub"))
        if tool == "epubcheck":
            return validators.epubcheck(epubs)
        if tool == "ace":
            return validators.ace(epubs)
        if tool == "docx":
            return validators.docx(files(output_names("docx")))
        if tool == "libreoffice":
            return validators.libreoffice(files(output_names("docx")), ARTEFACTS / "libreoffice")
        if tool == "verapdf":
            pdfs = output_names("pdf") + a5_names() + addressed_names("pdf")
            return validators.verapdf(files(pdfs))
        if tool == "pagebreaks":
            return pagebreaks.check(files(output_names("epub") + addressed_names("epub")))
        pages = files(output_names("html")) + host_pages(built)
        if tool == "vnu":
            return validators.vnu(pages)
        if tool == "axe":
            shoot = files(output_names("html")) + [
                built / name
                for name, host, fragment in host_matrix()
                if host == "hostile" or host in SCREENSHOT_HOSTS
            ]
            # Screenshots (to look at) cost the suite's time: only when asked for.
            wanted = os.environ.get("PUBLISHER_SCREENSHOTS") == "1"
            screenshots = ARTEFACTS / "screenshots" if wanted else None
            return validators.axe(pages, asset_map(built), screenshots, shoot)
        raise ValueError(tool)

    # Every tool starts now, two at a time (the machine's two cores; each tool mostly
    # keeps one busy), longest first; a test waits only for its own tool.
    host_pages(built)  # written once, before two tools read them at once
    missing = validators.missing()
    pool = ThreadPoolExecutor(max_workers=2)
    futures = {tool: pool.submit(compute, tool) for tool in TOOLS if _needs(tool) not in missing}
    request.addfinalizer(lambda: pool.shutdown(cancel_futures=True))

    def result(tool: str, name: str) -> object:
        require(_needs(tool))
        results = futures[tool].result()
        assert isinstance(results, dict)
        return results[built / name]

    return result


TOOLS = ("axe", "epubcheck", "ace", "vnu", "verapdf", "pagebreaks", "libreoffice", "docx")
"""The conformance tools, the longest-running first."""


def _needs(tool: str) -> str:
    """The installed validator a tool needs (the page-marker check drives axe's browser)."""
    return "axe" if tool == "pagebreaks" else tool


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
