"""Real documents nobody on this project wrote (tests/corpus/, sources and licences in
SOURCES.toml): a fixed sample of every script and direction builds as found and
every output passes every validator, with no word of the source missing from the
page and no character of code missing from the handout. The whole corpus:
``scripts/corpus.sh``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.conftest import require
from tests.corpus_runner import SAMPLE, SCRIPTS, Report, documents, run

_REPORTS = pytest.StashKey[dict[str, Report]]()


@pytest.fixture(scope="session")
def reports(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Report]:
    for tool in ("epubcheck", "ace", "verapdf", "vnu", "axe"):
        require(tool)
    stash = request.config.stash
    if _REPORTS not in stash:
        out = tmp_path_factory.mktemp("corpus")
        stash[_REPORTS] = {r.slug: r for r in run(list(SAMPLE), out)}
    return stash[_REPORTS]


def test_the_sample_covers_the_corpus_scripts() -> None:
    def scripts(slugs: list[str] | tuple[str, ...]) -> set[str]:
        return {SCRIPTS.get(slug.split("-", 1)[0], "Latin") for slug in slugs}

    assert scripts(SAMPLE) == scripts(documents())
    assert set(SAMPLE) <= set(documents())


@pytest.mark.parametrize("slug", SAMPLE)
def test_real_document_builds_and_passes_every_validator(
    reports: dict[str, Report], slug: str
) -> None:
    report = reports[slug]
    assert report.errors == [], "\n".join(report.errors)
    assert report.findings == [], "\n".join(report.findings)


def test_every_warning_names_its_file(reports: dict[str, Report]) -> None:
    for report in reports.values():
        for warning in report.warnings:
            assert warning.startswith(str(Path("tests") / "corpus")) or "/tests/corpus/" in warning
