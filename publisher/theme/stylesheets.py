"""Stylesheets: the theme's CSS files, its colours as custom properties, its fonts."""

from __future__ import annotations

import base64
from collections.abc import Callable
from pathlib import Path

from publisher.theme import Theme

FONT_FACES = (
    ("regular", "normal", 400),
    ("bold", "normal", 700),
    ("italic", "italic", 400),
    ("bold_italic", "italic", 700),
)


def colour_properties(theme: Theme, scope: str, dark: bool = True) -> str:
    """``--pub-*`` custom properties for light (and dark) colour schemes."""
    font = str(theme.options.get("fonts", {}).get("body", "sans-serif"))
    lines = [f"{scope} {{", f'  --pub-font: "{font}";']
    lines += [f"  --pub-{k.replace('_', '-')}: {v};" for k, v in theme.colors["light"].items()]
    lines.append("}")
    if dark and theme.colors.get("dark"):
        lines.append("@media (prefers-color-scheme: dark) {")
        lines.append(f"  {scope} {{")
        lines += [f"    --pub-{k.replace('_', '-')}: {v};" for k, v in theme.colors["dark"].items()]
        lines.append("  }")
        lines.append("}")
    return "\n".join(lines) + "\n"


def font_faces(theme: Theme, url: Callable[[str], str]) -> str:
    """@font-face rules for the theme's font; ``url`` maps a static path to a URL."""
    fonts = theme.options.get("fonts", {})
    family = fonts.get("body")
    rules = []
    for key, style, weight in FONT_FACES:
        relative = fonts.get(key)
        if not family or not relative:
            continue
        rules.append(
            f'@font-face {{ font-family: "{family}"; font-style: {style}; '
            f"font-weight: {weight}; font-display: swap; "
            f'src: url("{url(str(relative))}") format("truetype"); }}'
        )
    return "\n".join(rules) + "\n"


def font_files(theme: Theme) -> list[str]:
    fonts = theme.options.get("fonts", {})
    return [str(fonts[key]) for key, _s, _w in FONT_FACES if fonts.get(key)]


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
