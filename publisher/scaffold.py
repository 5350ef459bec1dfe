"""`publisher new theme`: a theme folder whose every file explains itself."""

from __future__ import annotations

import json
import re
from pathlib import Path

from publisher.build.outputs import write_atomic
from publisher.errors import PublisherError, UsageError
from publisher.theme import available_themes, builtin_themes, search_path

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

THEME_TOML = """\
# theme.toml: the settings of the theme "{name}".
# Everything you leave out comes from the theme it extends ("{parent}"), and from
# its parents, up to the built-in "default". See docs/themes.md.
name = "{name}"
extends = "{parent}"
description = "Describe your theme in one line"

# Brand colours. They become CSS custom properties (--pub-text, --pub-link, ...)
# in every output. publisher checks every text/background pair when it builds:
# 4.5:1 for the standard variant and 7:1 for the plain variant. A colour that is
# too light stops the build with a message naming both colours and the ratio.
# Keys: text, background, link, heading, accent, on_accent (text on the accent
# colour), muted (footer, captions), surface (summary box), border.
[colors.light]
# accent = "#0a4a82"
# link = "#0a4a82"

[colors.dark]
# accent = "#9fd0ff"
# link = "#9fd0ff"

# [fonts]
# body = "Atkinson Hyperlegible"            # the CSS font-family name
# regular = "fonts/MyFont-Regular.ttf"      # files under static/, with their licence

[options]
# logo = "images/logo.svg"                  # a file under static/
"""

COLOPHON = """\
{{#- templates/: a file here replaces the parent theme's file of the same name.
    This one changes one block of the colophon (shown in all eight outputs) and
    keeps what the parent says with super(). "{parent}:" reaches the parent's
    version of a template. Delete this file to keep the parent's colophon. -#}}
{{% extends "{parent}:partials/colophon.html" %}}
{{% block colophon %}}
{{{{ super() }}}}
{{% endblock %}}
"""

STATIC_README = """\
static/: CSS, fonts and images of the theme "{name}".

A file here replaces the parent theme's file with the same path, for example
static/images/logo.svg or static/css/print.css. Fonts must come with their licence
(put the licence file beside them).
"""

I18N = """\
# i18n/{lang}.toml: interface strings in this language. Only strings that differ
# from the parent theme, or that your templates add, go here. Example:
# in_short = "{example}"
"""


def new_theme(name: str, parent: str, project_dir: Path) -> Path:
    """Write themes/<name>/ in the project; refuse to overwrite anything."""
    if not NAME_RE.match(name):
        raise UsageError.at(None, f"theme name '{name}' may only contain a-z, 0-9 and hyphens")
    if name in builtin_themes():
        raise UsageError.at(None, f"'{name}' is the name of a built-in theme; choose another name")
    themes = available_themes(search_path(project_dir))
    if parent not in themes:
        known = ", ".join(sorted(themes))
        raise UsageError.at(None, f"cannot extend unknown theme '{parent}'; available: {known}")
    folder = project_dir / "themes" / name
    if folder.exists():
        raise PublisherError.at(folder, "already exists; choose another name")
    files = {
        "theme.toml": THEME_TOML.format(name=name, parent=parent),
        "templates/partials/colophon.html": COLOPHON.format(parent=parent),
        "static/README.txt": STATIC_README.format(name=name),
        "i18n/nl.toml": I18N.format(lang="nl", example="In het kort"),
        "i18n/en.toml": I18N.format(lang="en", example="In short"),
    }
    for relative, text in files.items():
        write_atomic(folder / relative, text.encode("utf-8"))
    return folder


ARTICLE = """\
---
title: {title}
lang: {lang}
date: {date}
{publisher}summary: >-
  Schrijf hier in één tot drie zinnen waar het artikel over gaat.
keywords: [voorbeeld]
plain:
  title: {title}
  level: b1
  summary:
    - Schrijf hier de belangrijkste punten.
    - Gebruik korte zinnen.
glossary:
  mantelzorg: Zorg die je geeft aan iemand uit je familie of omgeving.
abbr:
  WMO: Wet maatschappelijke ondersteuning
---

De opening van het artikel. Een woord in een andere taal staat zo:
[a word in English]{{lang=en}}. Een moeilijk woord staat in de woordenlijst:
[mantelzorg]{{.term}}. Afkortingen zoals de WMO worden uitgelegd.[^bron]

::: plain
De opening in makkelijke taal. Iedere alinea onder een kop krijgt een eigen
blok zoals dit, met korte zinnen. Een moeilijk woord: [mantelzorg]{{.term}}.
:::

## Een kop

Een alinea met een [link die zegt waar hij heen gaat](https://www.rijksoverheid.nl/).

![Beschrijf wat er op het beeld te zien is, voor wie het niet kan zien.](voorbeeld.svg "Het bijschrift dat iedereen ziet")

![](lijn.svg){{.decorative}}

- Een lijst
- met punten

Begrip
: De uitleg van het begrip.

{{caption="Een tabel heeft een bijschrift"}}
| Wat | Hoeveel |
| :-- | ------: |
| Appels | 3 |

::: plain
Deze kop in makkelijke taal.
:::

::: standard
Dit staat alleen in de gewone versie.
:::

[^bron]: Een voetnoot, bijvoorbeeld de bron van een bewering.
"""

EXAMPLE_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" width="400" height="200">
  <rect width="400" height="200" fill="#eef3f8"/>
  <circle cx="120" cy="100" r="60" fill="#0a4a82"/>
  <rect x="220" y="50" width="120" height="100" fill="#5b6b7a"/>
</svg>
"""

DIVIDER_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 20" width="600" height="20">
  <path d="M0 10 H600" stroke="#5b6b7a" stroke-width="2" stroke-dasharray="8 6"/>
</svg>
"""


def new_article(
    title: str, lang: str, project_dir: Path, source: str, publisher: str | None
) -> Path:
    """Write source/<slug>/index.md with an example of every construct."""
    import datetime as dt

    import langcodes

    from publisher.reading.model import slugify

    if not title.strip():
        raise UsageError.at(None, "the article needs a title")
    if not langcodes.tag_is_valid(lang):
        raise UsageError.at(None, f"'{lang}' is not a valid BCP 47 language tag")
    slug = slugify(title)[:60].strip("-") or "artikel"
    folder = project_dir / source / slug
    if folder.exists():
        raise PublisherError.at(folder, "already exists; choose another title")
    quoted = json.dumps(title.strip(), ensure_ascii=False)  # a valid YAML string
    text = ARTICLE.format(
        title=quoted,
        lang=lang,
        date=dt.date.today().isoformat(),
        publisher=f'publisher: "{publisher}"\n' if publisher else "",
    )
    write_atomic(folder / "index.md", text.encode("utf-8"))
    write_atomic(folder / "voorbeeld.svg", EXAMPLE_SVG.encode("utf-8"))
    write_atomic(folder / "lijn.svg", DIVIDER_SVG.encode("utf-8"))
    return folder / "index.md"


COLLECTION = """\
---
# A collection: several articles published together, as one e-book, one printed
# pack (cover, contents with page numbers, every article from a new page) and one
# web page with a card per article. Build it with: publisher build
title: {title}
lang: {lang}
# date: {date}            # default: the date of its newest article
{publisher}# subtitle: Een ondertitel
summary: >-
  Schrijf hier in één of twee zinnen wat de lezer in deze verzameling vindt.
editors: [Redactie]       # names, or {{name: ..., role: eindredactie}}
# cover: omslag.jpg       # an image beside this file; or {{image: omslag.jpg, alt: "..."}}
# The articles, by their slug (the name of their file or folder in {source}/), in
# this order:
articles:
{articles}
# Or choose them by what they are (newest first; 'order' can change that):
# query: {{from: 2024-01-01, to: 2024-12-31, keywords: [mantelzorg], lang: [nl], limit: 20}}
# order: listed           # listed, oldest, newest or title
plain:
  title: {title}
  summary:
    - Schrijf hier in korte zinnen wat er in deze verzameling staat.
---

De inleiding van de verzameling: waarom deze artikelen samen, en voor wie.

::: plain
De inleiding in makkelijke taal, met korte zinnen.
:::
"""


def new_collection(
    title: str, lang: str, project_dir: Path, source: str, folder: str, publisher: str | None
) -> Path:
    """Write collections/<slug>.md, listing the newest articles of the project."""
    import datetime as dt

    import langcodes

    from publisher.reading.find import find_articles
    from publisher.reading.model import slugify
    from publisher.reading.reader import read_article

    if not title.strip():
        raise UsageError.at(None, "the collection needs a title")
    if not langcodes.tag_is_valid(lang):
        raise UsageError.at(None, f"'{lang}' is not a valid BCP 47 language tag")
    slug = slugify(title)[:60].strip("-") or "verzameling"
    path = project_dir / folder / f"{slug}.md"
    if path.exists() or (project_dir / folder / slug).exists():
        raise PublisherError.at(path, "already exists; choose another title")
    found = []
    articles = project_dir / source
    for article in find_articles([articles]) if articles.is_dir() else []:
        try:
            meta = read_article(article)[0].meta
        except PublisherError:
            continue
        found.append((meta.date, meta.slug))
    newest = [slug for _, slug in sorted(found, reverse=True)[:5]]
    if not newest:
        raise PublisherError.at(articles, "no articles yet: write one with 'publisher new article'")
    text = COLLECTION.format(
        title=json.dumps(title.strip(), ensure_ascii=False),
        lang=lang,
        date=dt.date.today().isoformat(),
        publisher=f'publisher: "{publisher}"\n' if publisher else "",
        source=source,
        articles="\n".join(f"  - {name}" for name in newest),
    )
    write_atomic(path, text.encode("utf-8"))
    return path


STRINGS_HEADER = """# Interface strings for '{lang}': the words publisher puts around an article
# ("Contents", "page 2 of 3", "Easy read"). Translate each English text below; keep
# every {{placeholder}} as it is. This file (i18n/{lang}.toml in the project) is used
# for every theme; remove a line to fall back to the theme's own text.
"""


def new_strings(lang: str, project_dir: Path) -> Path:
    """Write i18n/<lang>.toml in the project: every interface string, in English, to
    translate."""
    import langcodes

    from publisher.theme import builtin_themes_dir

    if not langcodes.tag_is_valid(lang):
        raise UsageError.at(None, f"'{lang}' is not a valid BCP 47 language tag (e.g. so, ti, zh)")
    path = project_dir / "i18n" / f"{lang}.toml"
    if path.exists():
        raise PublisherError.at(path, "already exists; edit it, or remove it first")
    english = builtin_themes_dir() / "default" / "i18n" / "en.toml"
    body = "\n".join(
        line
        for line in english.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    )
    write_atomic(path, (STRINGS_HEADER.format(lang=lang) + body + "\n").encode("utf-8"))
    return path
