"""The collection as a meeting pack (``<slug>.pdf``): a cover, a table of contents
with page numbers, the introduction, each article from a new page with its title as
running head, one word list; PDF/UA-1 with bookmarks, laid out as one document by
the handout's own pieces (``publisher.formats.pdf``)."""

from __future__ import annotations

from publisher.build.job import HandoutProduct, Needs
from publisher.build.outputs import Output
from publisher.collections.job import Chapter, CollectionJob
from publisher.formats.addresses import file_name
from publisher.formats.collection.chapters import (
    collection_fonts,
    collection_values,
    merge_glossaries,
    render_chapters,
)
from publisher.formats.context import logo_file, render_content, template_names
from publisher.formats.pdf import lay_out, print_stylesheet

PACK_CSS = ("pack.css",)


def chapter_prefix(chapter: Chapter) -> str:
    return f"{chapter.slug}-"


def pack_html(job: CollectionJob) -> str:
    """The whole pack as one HTML document for WeasyPrint."""
    intro = job.intro
    rendered = render_content(intro, "print", lambda image: image.source.as_uri(), "pdf", 1)
    values = collection_values(job, rendered, "pdf")
    chapters = render_chapters(
        job,
        "print",
        "pdf",
        lambda chapter, image: image.source.as_uri(),
        title_level=2,
        id_prefix=chapter_prefix,
    )
    glossary = merge_glossaries(
        chapters, lambda c: f"#{c.title_id}", lambda term: f"#{term.anchor}"
    )
    template = job.theme.template(*template_names("collection/print_chapter.html", job.variant))
    parts = []
    for chapter in chapters:
        chapter.values.update(print_links=chapter.rendered.link_urls)
        parts.append(
            {
                "html": template.render(chapter.values),
                "lang": chapter.chapter.lang,
                "title": chapter.title,
                "title_id": chapter.title_id,
            }
        )
    logo = logo_file(intro)
    cover = job.declaration.cover
    values.update(
        stylesheet_text=print_stylesheet(
            intro, values["display_title"], PACK_CSS, collection_fonts(job, "print")
        ),
        logo=logo[1].as_uri() if logo else "",
        cover_image=cover.image.source.as_uri() if cover else "",
        chapters=parts,
        terms=glossary,
    )
    layout = job.theme.template(*template_names("layouts/collection_print.html", job.variant))
    return layout.render(values)


def render(job: CollectionJob, needs: Needs) -> HandoutProduct:
    declaration = job.declaration
    roots = [
        declaration.path.parent,
        *(t.path for t in job.theme.chain),
        *(image.source for image in declaration.intro.images.values()),
    ]
    if declaration.cover:
        roots.append(declaration.cover.image.source)
    for chapter in job.chapters:
        roots.append(chapter.job.article.source.folder)
        roots += [image.source for image in chapter.job.article.images.values()]
    data, starts = lay_out(
        pack_html(job),
        base=declaration.path.parent,
        roots=roots,
        identifier=f"collection:{job.slug}{job.variant.suffix}",
    )
    return HandoutProduct(
        (Output(file_name(job.intro, "pdf"), data),),
        page_starts=starts,
        paper=job.settings.paper,
    )
