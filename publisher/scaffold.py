"""`publisher new theme`: a theme folder whose every file explains itself."""

from __future__ import annotations

import re
from pathlib import Path

from publisher.errors import PublisherError, UsageError
from publisher.outputs import write_atomic
from publisher.theme import available_themes, search_path

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
