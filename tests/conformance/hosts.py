"""Partner pages to paste the embed fragments into: the deliberately hostile page,
and pages made from the CSS of frameworks that partner sites really use, installed
from npm by tools/validators/package.json (Bootstrap 5, Tailwind's preflight,
GOV.UK Frontend, the NL Design System's Utrecht components with their design
tokens, Bulma). WordPress's default themes are not on npm (they ship through
wordpress.org only; @wordpress/block-library has the block CSS but pulls in the
whole editor), so Bulma's `.content` rich-text styles stand for a CMS's article
styles.

Each host wraps the fragment the way that framework's sites wrap CMS content, with
the framework's own classes (`.utrecht-html`, `.content`, `govuk-body`), so the
host's rules for rich text really reach the fragment's elements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from publisher import validators

HOSTILE = Path(__file__).with_name("hostile-host.html")


@dataclass(frozen=True)
class Host:
    name: str
    package: str
    """The npm package whose CSS it loads (in tools/validators/node_modules)."""
    css: tuple[str, ...]
    """Stylesheets, relative to node_modules."""
    html_attrs: str
    body_attrs: str
    before: str
    after: str
    colour_scheme: str | None = None
    """The partner opts the fragment in to its colour scheme (``data-pub-color-scheme``
    on its page, and on the shadow-root fragment's outer element, docs/embedding.md)."""


HOSTS: tuple[Host, ...] = (
    Host(
        "bootstrap",
        "bootstrap",
        ("bootstrap/dist/css/bootstrap.min.css",),
        "",
        "",
        '<header class="navbar bg-body-tertiary border-bottom"><div class="container">'
        '<p class="navbar-brand mb-0">Partnersite (Bootstrap 5)</p></div></header>'
        '<main class="container py-4"><div class="row"><div class="col-lg-8">'
        '<h1 class="display-6">Nieuws van onze partners</h1>'
        '<p class="lead">Een artikel van een partnerorganisatie.</p>',
        '</div><aside class="col-lg-4" aria-label="Meer nieuws"><div class="card"><div '
        'class="card-body"><h2 class="h5 card-title">Meer nieuws</h2><p class="card-text">'
        '<a href="#top" class="link-primary">Terug naar boven</a></p></div></div></aside>'
        '</div></main><footer class="container border-top py-3"><p class="text-body-secondary">'
        "Partnersite, voorbeeld voor de tests</p></footer>",
    ),
    Host(
        "tailwind",
        "tailwindcss",
        ("tailwindcss/preflight.css",),
        "",
        "",
        '<header style="padding:1rem;background:#0f172a;color:#fff">'
        "<p>Partnersite (Tailwind preflight)</p></header>"
        '<main style="max-width:72rem;margin:0 auto;padding:1rem">'
        '<h1 style="font-size:1.875rem;font-weight:700">Nieuws van onze partners</h1>',
        '</main><footer style="padding:1rem;border-top:1px solid #e5e7eb">'
        "<p>Partnersite, voorbeeld voor de tests</p></footer>",
    ),
    Host(
        "govuk",
        "govuk-frontend",
        ("govuk-frontend/dist/govuk/govuk-frontend.min.css",),
        ' class="govuk-template"',
        ' class="govuk-template__body"',
        '<header class="govuk-header"><div class="govuk-header__container govuk-width-container">'
        '<p class="govuk-header__product-name">Partnersite (GOV.UK Frontend)</p></div></header>'
        '<div class="govuk-width-container"><main class="govuk-main-wrapper">'
        '<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">'
        '<h1 class="govuk-heading-xl">Nieuws van onze partners</h1>'
        '<div class="govuk-body">',
        '</div></div></div></main></div><footer class="govuk-footer"><div '
        'class="govuk-width-container"><p class="govuk-body-s">Partnersite, voorbeeld voor de '
        "tests</p></div></footer>",
    ),
    Host(
        "utrecht",
        "@utrecht/component-library-css",
        (
            "@utrecht/design-tokens/dist/index.css",
            "@utrecht/component-library-css/dist/index.css",
            "@utrecht/component-library-css/dist/html.css",
        ),
        ' class="utrecht-theme"',
        ' class="utrecht-body"',
        # The page template of the NL Design System: a flex column of header, body
        # (a grid whose column is sized by its content) and footer.
        '<div class="utrecht-page-layout"><header class="utrecht-page-header">'
        '<div class="utrecht-page-header__content"><p class="utrecht-paragraph">'
        "Partnersite (NL Design System, Utrecht)</p></div></header>"
        '<main class="utrecht-page-body"><div class="utrecht-page-body__content">'
        '<div class="utrecht-html"><h1>Nieuws van onze partners</h1>',
        '</div></div></main><footer class="utrecht-page-footer">'
        '<div class="utrecht-page-footer__content"><p class="utrecht-paragraph">'
        "Partnersite, voorbeeld voor de tests</p></div></footer></div>",
    ),
    Host(
        "bulma",
        "bulma",
        ("bulma/css/bulma.min.css",),
        "",
        "",
        '<header class="navbar has-shadow"><div class="navbar-brand"><p class="navbar-item">'
        "Partnersite (Bulma)</p></div></header>"
        '<main class="section"><div class="container"><div class="content">'
        '<h1 class="title">Nieuws van onze partners</h1>',
        '</div></div></main><footer class="footer"><p>Partnersite, voorbeeld voor de tests</p>'
        "</footer>",
        # Bulma follows the reader's colour scheme: this partner opts the fragment in.
        colour_scheme="auto",
    ),
)
BARE = Host(
    "bare",
    "",
    (),
    "",
    "",
    "<header><p>Partnersite</p></header><main><h1>Nieuws van onze partners</h1>",
    "</main><footer><p>Partnersite, voorbeeld voor de tests</p></footer>",
)
"""A page without any CSS of its own: the fragment as it looks by itself, the
reference the other hosts are compared with."""
HOST_NAMES = (BARE.name, "hostile", *(h.name for h in HOSTS))

PAGE = """<!DOCTYPE html>
<html lang="nl"{html_attrs}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partnersite ({name}) – nieuws</title>
{links}
</head>
<body{body_attrs}>
{before}
<!-- EMBED -->
{after}
</body>
</html>
"""


def missing() -> list[str]:
    """The host packages that are not installed."""
    return [
        h.package
        for h in HOSTS
        if not all((validators.NODE_MODULES / css).is_file() for css in h.css)
    ]


def _stylesheet(css: str, work: Path) -> str:
    """A file: URL of the framework's stylesheet as a browser gets it. Tailwind's
    preflight calls `--theme(--font, fallback...)`, which Tailwind's build replaces by
    the fallback; the same is done here."""
    source = validators.NODE_MODULES / css
    text = source.read_text(encoding="utf-8")
    if "--theme(" not in text:
        return source.resolve().as_uri()
    built = work / ("host-" + css.replace("/", "-"))
    if not built.is_file():
        replaced = re.sub(r"--theme\(\s*--[\w-]+\s*,\s*([^;]*?)\s*\)\s*;", r"\1;", text)
        built.write_text(replaced, encoding="utf-8")
    return built.resolve().as_uri()


def host_page(fragment: Path, host: str, out: Path) -> Path:
    """``fragment`` pasted into the ``host`` page, written to ``out``."""
    text = fragment.read_text(encoding="utf-8")
    if host == "hostile":
        page = HOSTILE.read_text(encoding="utf-8")
    else:
        chosen = next(h for h in (BARE, *HOSTS) if h.name == host)
        links = "\n".join(
            f'<link rel="stylesheet" href="{_stylesheet(css, out.parent)}">' for css in chosen.css
        )
        html_attrs = chosen.html_attrs
        if chosen.colour_scheme:
            opt_in = f' data-pub-color-scheme="{chosen.colour_scheme}"'
            html_attrs += opt_in
            text = text.replace(
                '<div class="pub-embed-host"', f'<div class="pub-embed-host"{opt_in}', 1
            )
        page = PAGE.format(
            name=chosen.name,
            html_attrs=html_attrs,
            body_attrs=chosen.body_attrs,
            links=links,
            before=chosen.before,
            after=chosen.after,
        )
    out.write_text(page.replace("<!-- EMBED -->", text), encoding="utf-8")
    return out
