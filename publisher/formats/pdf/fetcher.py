"""The only way WeasyPrint may load anything: files under known folders, and data:
URLs that publisher made itself. No network, no other files. The article's images
are served from memory, as the reader checked them (an SVG as it was rebuilt), never
read again from the disk."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from publisher.formats.pdf.weasyprint_internals import load

load()  # before any other WeasyPrint import: see weasyprint_internals
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: E402


class ConfinedFetcher(URLFetcher):  # type: ignore[misc]
    def __init__(self, roots: list[Path], files: dict[Path, tuple[bytes, str]]) -> None:
        """``roots``: folders whose files may be read; ``files``: file -> (bytes, media
        type) answered from memory."""
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.roots = [root.resolve() for root in roots]
        self.files = {path.resolve(): value for path, value in files.items()}

    def allowed(self, path: Path) -> bool:
        resolved = path.resolve()
        return any(resolved == root or root in resolved.parents for root in self.roots)

    def fetch(self, url: str, headers: Any = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme == "file":
            path = Path(unquote(parts.path))
            if path.resolve() in self.files:
                data, media_type = self.files[path.resolve()]
                return URLFetcherResponse(url, data, {"Content-Type": media_type})
            if not (self.allowed(path) and path.is_file()):
                raise PermissionError(
                    f"refused to load {url[:100]}: not in the theme or the article's images"
                )
        elif parts.scheme != "data":
            raise PermissionError(f"refused to load {url[:100]}: no network access")
        return super().fetch(url, headers)
