"""Small helpers shared by the tests: write an article, render its body."""

from __future__ import annotations

import re
from pathlib import Path

from publisher.formats.job import Job, Settings
from publisher.reader import read_article
from publisher.render import Rendered
from publisher.theme import load_theme
from publisher.variants import VARIANTS, select

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "source" / "jongensprostitutie-in-beeld" / "index.md"
FRONT = """---
title: Test
lang: nl
date: 2024-01-01
glossary:
  wijkteam:
    definition: Hulp in de buurt.
    forms: [wijkteams]
abbr:
  WMO: Wet maatschappelijke ondersteuning
---
"""


def write_article(folder: Path, body: str, front: str = FRONT, name: str = "test.md") -> Path:
    path = folder / name
    path.write_text(front + body, encoding="utf-8")
    return path


def job_for(path: Path, variant: str = "standard") -> Job:
    article, _report = read_article(path)
    theme = load_theme("default", ROOT)
    return Job(
        article=article,
        variant=VARIANTS[variant],
        theme=theme,
        strings=theme.strings(article.meta.lang),
        tokens=select(article.tokens, VARIANTS[variant]),
        settings=Settings(),
        formats=("html",),
        variants=("standard", "plain"),
    )


def render_html(path: Path, variant: str = "standard") -> Rendered:
    job = job_for(path, variant)
    return job.render("html", lambda image: f"assets/images/{image.name}", "html")


def normalise(html: str) -> str:
    """Whitespace between tags does not matter; everything else does."""
    return re.sub(r">\s+<", ">\n<", html.strip())
