"""Fuzzing: generated documents never make the build raise anything but our own
clear errors. A bounded number of examples runs in CI; for a long campaign:

    FUZZ_EXAMPLES=5000 .venv/bin/python -m pytest tests/test_fuzz.py -p no:cacheprovider
"""

from __future__ import annotations

import contextlib
import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from publisher.build.article import read, render_article
from publisher.build.options import BuildOptions
from publisher.errors import PublisherError
from tests.fuzzdocs import document
from tests.helpers import ROOT

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))  # more: FUZZ_EXAMPLES=400


def build_text(text: str, formats: tuple[str, ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.md"
        path.write_text(text, encoding="utf-8")
        try:
            options = BuildOptions(out_dir=Path(folder) / "out", formats=formats, project_dir=ROOT)
            outputs, _notes = render_article(read(path, options)[0], options)
        except PublisherError as error:
            assert all(str(p).startswith(str(path)) for p in error.problems)
            return
        assert outputs


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.randoms(use_true_random=False))
def test_generated_documents_build_or_fail_cleanly(rng: random.Random) -> None:
    build_text(document(rng), ("html", "embed", "epub"))


@settings(
    max_examples=max(3, EXAMPLES // 8), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.randoms(use_true_random=False))
def test_generated_documents_make_pdfs(rng: random.Random) -> None:
    build_text(document(rng), ("pdf",))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_after_front_matter(body: str) -> None:
    build_text("---\ntitle: T\nlang: nl\ndate: 2024-01-01\n---\n" + body, ("html", "epub"))


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_are_refused_or_built(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bytes.md"
        path.write_bytes(data)
        with contextlib.suppress(PublisherError):
            options = BuildOptions(out_dir=Path(folder) / "o", formats=("html",), project_dir=ROOT)
            render_article(read(path, options)[0], options)
