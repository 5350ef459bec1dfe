"""Links on paper: each external link gets a number, and the handout lists where
each number goes, because paper cannot be clicked."""

from __future__ import annotations

import html
import re

EXTERNAL_LINK_RE = re.compile(r'(<a href="([^"]+)" class="external">)(.*?)(</a>)', re.DOTALL)


def number_external_links(body: str) -> tuple[str, list[str]]:
    """Add a note number after each external link; return the body and the URLs."""
    urls: list[str] = []

    def mark(match: re.Match[str]) -> str:
        url = html.unescape(match.group(2))
        if url not in urls:
            urls.append(url)
        number = urls.index(url) + 1
        return f'{match.group(0)}<sup class="pub-link-note">[{number}]</sup>'

    return EXTERNAL_LINK_RE.sub(mark, body), urls
