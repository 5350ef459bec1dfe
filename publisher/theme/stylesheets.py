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


def embed_colour_properties(theme: Theme) -> str:
    """The embed's colours: light by default, whatever the reader's system says, so
    it is never a dark card in a light partner page. The partner opts in with
    ``data-pub-color-scheme`` on the fragment or on any element around it: ``auto``
    (follow the reader's setting), ``dark`` (always dark, for a dark page), ``light``.
    In the shadow-root mode the attribute goes on the fragment's outer element."""
    font = str(theme.options.get("fonts", {}).get("body", "sans-serif"))
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

    lines = [".pub-embed {", f'  --pub-font: "{font}";', "  --pub-scheme: light;"]
    lines += [f"  --pub-{k.replace('_', '-')}: {v};" for k, v in light.items()]
    lines.append("}")
    if dark:
        lines += rules("dark", dark, "dark")
        lines.append("@media (prefers-color-scheme: dark) {")
        lines += rules("auto", dark, "dark", "  ")
        lines.append("}")
        lines += rules("light", light, "light")
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
