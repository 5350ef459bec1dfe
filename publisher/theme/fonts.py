"""The theme's fonts: the body font, the fonts for what it lacks (other scripts,
emoji), and which characters of a text no font of the theme can show.

theme.toml::

    [fonts]
    body = "Atkinson Hyperlegible"
    regular = "fonts/AtkinsonHyperlegible-Regular.ttf"     # bold, italic, bold_italic
    [[fonts.fallback]]
    family = "Noto Sans Arabic"
    regular = "fonts/noto/NotoSansArabic-Regular.ttf"      # bold, ...
    scripts = ["Arab"]         # this font comes first for text in these scripts
    media = ["print", "epub"]  # where it is used (default: everywhere)
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from publisher.theme.resolve import Theme

STYLES = (
    ("regular", "normal", 400),
    ("bold", "normal", 700),
    ("italic", "italic", 400),
    ("bold_italic", "italic", 700),
)
MEDIA = ("web", "print", "epub")


@dataclass(frozen=True)
class Face:
    relative: str
    """Path in the theme's static folder."""
    style: str
    weight: int


@dataclass(frozen=True)
class Family:
    name: str
    faces: tuple[Face, ...]
    scripts: tuple[str, ...] = ()
    media: tuple[str, ...] = MEDIA


def families(theme: Theme) -> list[Family]:
    """The body font first, then the fallbacks in the theme's order."""
    fonts: dict[str, Any] = theme.options.get("fonts", {})
    found = []
    for spec in [{**fonts, "family": fonts.get("body")}, *fonts.get("fallback", [])]:
        name = spec.get("family")
        if not name:
            continue
        faces = tuple(
            Face(str(spec[key]), style, weight) for key, style, weight in STYLES if spec.get(key)
        )
        found.append(
            Family(
                str(name),
                faces,
                tuple(str(s) for s in spec.get("scripts", ())),
                tuple(str(m) for m in spec.get("media", MEDIA)),
            )
        )
    return found


@cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def covered(theme: Theme, family: Family) -> frozenset[int]:
    """The characters a family has glyphs for (its regular face, or its first)."""
    face = next((f for f in family.faces if f.style == "normal" and f.weight == 400), None)
    face = face or (family.faces[0] if family.faces else None)
    return _cmap(theme.static(face.relative)) if face else frozenset()


IGNORED = {"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co", "Cs"}
"""Characters that need no glyph of their own: controls, format characters
(joiners, direction marks, variation selectors), spaces, combining marks (shaped
with their base)."""


def needs_glyph(char: str) -> bool:
    return unicodedata.category(char) not in IGNORED


@dataclass(frozen=True)
class Coverage:
    """Which families a text needs, and which of its characters none has."""

    used: tuple[Family, ...]
    missing: tuple[str, ...]


def coverage(theme: Theme, text: str, medium: str) -> Coverage:
    stack = [f for f in families(theme) if medium in f.media]
    used: list[Family] = []
    missing: list[str] = []
    for char in sorted(set(text)):
        if not needs_glyph(char):
            continue
        code = ord(char)
        family = next((f for f in stack if code in covered(theme, f)), None)
        if family is None:
            missing.append(char)
        elif family not in used:
            used.append(family)
    order = {f.name: i for i, f in enumerate(stack)}
    return Coverage(tuple(sorted(used, key=lambda f: order[f.name])), tuple(missing))


def stack(names: list[str]) -> str:
    """A CSS font-family list."""
    return ", ".join(f'"{name}"' for name in names)


def char_name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}").lower()
