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
