"""What the collection's formats share: each article rendered as a chapter (through
the article renderers' own pieces), one word list that merges the chapters' word
lists with the articles each term is used in, and the collection's own context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from markdown_it.common.utils import escapeHtml

from publisher.collections.job import Chapter, CollectionJob
from publisher.content.render import Rendered, Target
from publisher.formats.context import context, render_content
from publisher.formats.fonts import FontPlan, article_text, languages, plan_for
from publisher.reading.model import GlossaryEntry, Image

INTRO_ID = "pub-introduction"
CONTENTS_ID = "pub-contents"
GLOSSARY_ID = "pub-glossary"


@dataclass
class RenderedChapter:
    chapter: Chapter
    rendered: Rendered
    values: dict[str, Any]
    """The chapter's template context (``context.context``), its word list left out:
    the collection has one."""

    @property
    def title(self) -> str:
        return str(self.values["display_title"])

    @property
    def title_id(self) -> str:
        return str(self.values["ids"]["title"])


def render_chapters(
    job: CollectionJob,
    target: Target,
    fmt: str,
    image_url: Callable[[Chapter, Image], str],
    title_level: int,
    id_prefix: Callable[[Chapter], str],
) -> list[RenderedChapter]:
    """Every article of the collection in one markup flavour, each with its title at
    ``title_level`` and ids that start with ``id_prefix(chapter)``."""
    chapters = []
    for chapter in job.chapters:
        prefix = id_prefix(chapter)
        rendered = render_content(
            chapter.job,
            target,
            lambda image, c=chapter: image_url(c, image),  # type: ignore[misc]
            fmt,
            heading_shift=title_level - 1,
            id_prefix=prefix,
        )
        values = context(chapter.job, rendered, fmt, title_level=title_level, id_prefix=prefix)
        values["glossary"] = []
        chapters.append(RenderedChapter(chapter, rendered, values))
    return chapters


@dataclass
class Use:
    title: str
    href: str
    lang: str


@dataclass
class Meaning:
    definition: str
    uses: list[Use] = field(default_factory=list)


@dataclass
class Term:
    """One entry of the collection's word list: a term with its meaning(s) and the
    articles it is used in."""

    key: str
    anchor: str
    lang: str
    meanings: list[Meaning] = field(default_factory=list)


def merge_glossaries(
    chapters: list[RenderedChapter],
    chapter_href: Callable[[RenderedChapter], str],
    term_href: Callable[[Term], str],
) -> list[Term]:
    """One word list for all chapters, sorted; the chapters' term links are changed
    to lead to it (``term_href``). A term defined alike in several articles is one
    entry; defined differently, it keeps each definition with its articles."""
    terms: dict[str, Term] = {}
    anchors: set[str] = set()
    for rendered in chapters:
        entries: dict[str, Term] = {}
        for entry in rendered.rendered.glossary:
            folded = entry.key.casefold()
            term = terms.get(folded)
            if term is None:
                anchor = entry.anchor
                number = 2
                while anchor in anchors:
                    anchor, number = f"{entry.anchor}-{number}", number + 1
                anchors.add(anchor)
                term = terms[folded] = Term(entry.key, anchor, rendered.chapter.lang)
            meaning = next((m for m in term.meanings if m.definition == entry.definition), None)
            if meaning is None:
                meaning = Meaning(entry.definition)
                term.meanings.append(meaning)
            meaning.uses.append(Use(rendered.title, chapter_href(rendered), rendered.chapter.lang))
            entries[entry.key] = term
        links = {key: term_href(term) for key, term in entries.items()}
        rendered.values["body"] = _link_terms(rendered, rendered.rendered.glossary, links)
    return sorted(terms.values(), key=lambda t: (t.key.casefold(), t.key))


def _link_terms(
    rendered: RenderedChapter, entries: list[GlossaryEntry], links: dict[str, str]
) -> str:
    """The chapter's body with its term links leading to the collection's word list
    (``links``: term key -> address)."""
    body = str(rendered.values["body"])
    prefix = str(rendered.values["id_prefix"])
    for entry in entries:
        old = f'href="#{escapeHtml(prefix + entry.anchor)}"'
        body = body.replace(old, f'href="{escapeHtml(links[entry.key])}"')
    return body


def collection_fonts(job: CollectionJob, medium: str) -> FontPlan:
    """The fonts the whole collection needs: its own text and every article's, in
    every script they use; the collection's language leads."""
    jobs = [job.intro, *(chapter.job for chapter in job.chapters)]
    text = "\n".join(article_text(j.article, list(j.strings.values.values())) for j in jobs)
    langs = [lang for j in jobs for lang in languages(j.article)]
    return plan_for(job.theme, text, list(dict.fromkeys(langs)), medium)


def collection_values(job: CollectionJob, rendered: Rendered, fmt: str) -> dict[str, Any]:
    """The template context of the collection itself: its introduction is the body;
    editors are the byline."""
    values = context(job.intro, rendered, fmt)
    declaration = job.declaration
    cover = declaration.cover
    values.update(
        collection={
            "slug": job.slug,
            "count": len(job.chapters),
            "cover_alt": (cover.alt if cover else None) or "",
        },
        intro_id=INTRO_ID,
        contents_id=CONTENTS_ID,
        glossary_id=GLOSSARY_ID,
    )
    return values
