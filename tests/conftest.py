"""Shared fixtures: the example article, built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.build.article import build_article
from publisher.build.options import BuildOptions
from tests.helpers import EXAMPLE, ROOT

SLUG = "jongensprostitutie-in-beeld"


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """build/<slug>/ of the example article: all eight outputs."""
    out = tmp_path_factory.mktemp("example")
    result = build_article(EXAMPLE, BuildOptions(out_dir=out, project_dir=ROOT))
    assert not result.errors, "\n".join(map(str, result.errors))
    assert not result.warnings, "\n".join(map(str, result.warnings))
    return out / SLUG


COLLECTION = "zorg-en-veiligheid-najaar-2018"
SITE_URL = "https://example.org/publicaties/"


def build_example_project(out: Path, jobs: int) -> Path:
    """The example project built whole: its articles, its collection and the site
    pages (with a base_url, so there is a sitemap)."""
    from publisher.build.project import build_project
    from publisher.reading.find import find_articles
    from publisher.site.model import SiteOptions

    result = build_project(
        find_articles([ROOT / "source"]),
        BuildOptions(out_dir=out, project_dir=ROOT),
        collections=find_articles([ROOT / "collections"]),
        site=SiteOptions("Publicaties van Moviera", "nl", SITE_URL, "Moviera"),
        jobs=jobs,
    )
    problems = [p for r in [*result.articles, *result.collections] for p in r.errors]
    assert not problems and result.site and not result.site.errors, problems
    return out


@pytest.fixture(scope="session")
def project_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_example_project(tmp_path_factory.mktemp("project"), jobs=2)
