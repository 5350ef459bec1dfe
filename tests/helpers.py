"""Small helpers shared by the tests: write an article, render its body."""

from __future__ import annotations

import re
from pathlib import Path

from publisher.build.article import make_job
from publisher.build.job import Job
from publisher.build.options import BuildOptions
from publisher.catalog import VARIANTS
from publisher.content.render import Rendered
from publisher.formats.context import render_content
from publisher.reading.reader import read_article
from publisher.theme import load_theme

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
    options = BuildOptions(formats=("html",), project_dir=ROOT)
    return make_job(article, VARIANTS[variant], load_theme("default", ROOT), options)


def render_html(path: Path, variant: str = "standard") -> Rendered:
    job = job_for(path, variant)
    return render_content(job, "html", lambda image: f"assets/images/{image.name}", "html")


def normalise(html: str) -> str:
    """Whitespace between tags does not matter; everything else does."""
    return re.sub(r">\s+<", ">\n<", html.strip())
