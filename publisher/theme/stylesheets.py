"""Stylesheets: the theme's CSS files, its colours as custom properties, its fonts."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from pathlib import Path

from publisher.theme import Theme
from publisher.theme.fonts import Family, families, stack


def colour_properties(theme: Theme, scope: str, dark: bool = True, font: str | None = None) -> str:
    """``--pub-*`` custom properties for light (and dark) colour schemes; ``--pub-font``
    is ``font`` (a CSS family list), by default the theme's body font."""
    body = families(theme)
    font = font or (stack([body[0].name]) if body else '"sans-serif"')
    lines = [f"{scope} {{", f"  --pub-font: {font};"]
    lines += [f"  --pub-{k.replace('_', '-')}: {v};" for k, v in theme.colors["light"].items()]
    lines.append("}")
    if dark and theme.colors.get("dark"):
        lines.append("@media (prefers-color-scheme: dark) {")
        lines.append(f"  {scope} {{")
        lines += [f"    --pub-{k.replace('_', '-')}: {v};" for k, v in theme.colors["dark"].items()]
        lines.append("  }")
        lines.append("}")
    return "\n".join(lines) + "\n"


def embed_colour_properties(theme: Theme, font: str | None = None) -> str:
    """The embed's colours: light by default, whatever the reader's system says, so
    it is never a dark card in a light partner page. The partner opts in with
    ``data-pub-color-scheme`` on the fragment or on any element around it: ``auto``
    (follow the reader's setting), ``dark`` (always dark, for a dark page), ``light``.
    In the shadow-root mode the attribute goes on the fragment's outer element.
    ``--pub-font`` is ``font`` (a CSS family list), by default the theme's body font."""
    body = families(theme)
    font = font or (stack([body[0].name]) if body else '"sans-serif"')
    light = dict(theme.colors["light"])
    dark = dict(theme.colors.get("dark") or {})

    def rules(value: str, colours: dict[str, str], scheme: str, indent: str = "") -> list[str]:
        body = [f"--pub-scheme: {scheme};"]
        body += [f"--pub-{k.replace('_', '-')}: {v};" for k, v in colours.items()]
        selectors = (
            f':where([data-pub-color-scheme="{value}"]) .pub-embed',
            f'.pub-embed[data-pub-color-scheme="{value}"]',
            f':host([data-pub-color-scheme="{value}"]) .pub-embed',
        )
        # One rule per selector: a browser that does not know one drops only that rule.
        return [f"{indent}{sel} {{ {' '.join(body)} }}" for sel in selectors]

    lines = [".pub-embed {", f"  --pub-font: {font};", "  --pub-scheme: light;"]
    lines += [f"  --pub-{k.replace('_', '-')}: {v};" for k, v in light.items()]
    lines.append("}")
    if dark:
        lines += rules("dark", dark, "dark")
        lines.append("@media (prefers-color-scheme: dark) {")
        lines += rules("auto", dark, "dark", "  ")
        lines.append("}")
        lines += rules("light", light, "light")
    return "\n".join(lines) + "\n"


def font_faces(
    theme: Theme, url: Callable[[str], str], chosen: Sequence[Family] | None = None
) -> str:
    """@font-face rules for the families (default: the body font); ``url`` maps a
    static path to a URL."""
    rules = []
    for family in families(theme)[:1] if chosen is None else chosen:
        for face in family.faces:
            rules.append(
                f'@font-face {{ font-family: "{family.name}"; font-style: {face.style}; '
                f"font-weight: {face.weight}; font-display: swap; "
                f'src: url("{url(face.relative)}") format("truetype"); }}'
            )
    return "\n".join(rules) + "\n"


def font_files(theme: Theme, chosen: Sequence[Family] | None = None) -> list[str]:
    """The static paths of the families' font files (default: the body font)."""
    return [
        face.relative
        for family in (families(theme)[:1] if chosen is None else chosen)
        for face in family.faces
    ]


def concatenate(theme: Theme, names: tuple[str, ...]) -> str:
    parts = []
    for name in names:
        path = theme.static(f"css/{name}")
        parts.append(f"/* {name} */\n" + path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def data_uri(kind: str, data: bytes) -> str:
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def media_type(path: Path) -> str:
    """Media type of a theme file (logo, font) by its extension."""
    types = {
        ".svg": "image/svg+xml",
        ".png": "image/png",
        ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg",
        ".gif": "image/gif",
        ".webp": "image/webp",
        ".ttf": "font/ttf",
        ".otf": "font/otf",
        ".woff": "font/woff",
        ".woff2": "font/woff2",
    }
    return types.get(path.suffix.lower(), "application/octet-stream")
