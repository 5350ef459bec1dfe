"""Where a link in the source goes, decided once for every format.

- ``#fragment``: a part of the article (checked against the article's ids).
- ``http:``, ``https:``, ``mailto:``, ``tel:``: kept.
- ``//host/path``: https.
- A relative link (``../other.md``, ``/kennisbank/x``, ``README.md``) is made absolute
  against the article's address (front matter ``url``, or ``base_url`` in publisher.toml);
  a link to another article of the project goes to that article's page. Without an
  address it stays text, with a warning: on paper, in an e-book or on a partner's site a
  relative link cannot work.
- Anything else (``javascript:``, ``file:``, ``data:``, ...) stays text.

No output ever links to ``file:`` or a path on the build machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

SCHEMES = ("http", "https", "mailto", "tel")
CONTROL_RE = re.compile(r"[\x00-\x20]")


def article_page_url(url: str | None, base_url: str | None, slug: str) -> str | None:
    """The address of an article's (standard) web page: its ``url``, or where
    ``base_url`` publishes build/ (``<base_url>/<slug>/<slug>.html``)."""
    if url:
        return url
    if base_url:
        return f"{base_url.rstrip('/')}/{slug}/{slug}.html"
    return None


@dataclass(frozen=True)
class Target:
    href: str | None
    """Where the link goes; None: the text stays, without a link."""
    problem: str | None = None
    """What the author should know (a warning), if anything."""


def scheme(href: str) -> str | None:
    cleaned = CONTROL_RE.sub("", href)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else None


def resolve(href: str, page_url: str | None, folder: Path, base_url: str | None) -> Target:
    """Decide one link of an article in ``folder`` whose page is at ``page_url``."""
    if href.startswith("#"):
        return Target(href)
    kind = scheme(href)
    if kind in SCHEMES:
        return Target(_one_fragment(href))
    if kind is not None:
        return Target(None, f"link to '{href[:60]}' stays text: only http, https, mailto and tel")
    if href.startswith("//"):
        return Target(_one_fragment(f"https:{href}"))
    article = _local_article(href, folder)
    if article is not None and base_url:
        slug, fragment = article
        page = article_page_url(None, base_url, slug)
        return Target(f"{page}{fragment}")
    if page_url:
        return Target(_one_fragment(urljoin(page_url, href)))
    return Target(
        None,
        f"relative link '{href[:60]}' stays text: give the article a 'url' (or the project "
        "a base_url in publisher.toml) to make it a link that works outside your site",
    )


def _one_fragment(href: str) -> str:
    """A URL has one ``#``: GitHub's ``…#section#gh-dark-mode-only`` is not a valid
    address (vnu, EPUBCheck), so a later ``#`` is escaped as ``%23``."""
    address, mark, fragment = href.partition("#")
    return f"{address}{mark}{fragment.replace('#', '%23')}"


def _local_article(href: str, folder: Path) -> tuple[str, str] | None:
    """(slug, #fragment) when ``href`` points to another article file of the project."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path or path.startswith("/") or not path.endswith(".md"):
        return None
    target = (folder / path).resolve()
    if not target.is_file():
        return None
    slug = target.parent.name if target.name == "index.md" else target.stem
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        return None
    return slug, f"#{parts.fragment}" if parts.fragment else ""
