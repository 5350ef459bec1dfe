"""The theme's font, embedded in the Word document (as Word embeds fonts: each file
"obfuscated" with a key named in the font table, ECMA-376 Part 1, 17.8.1), so Word and
LibreOffice show the theme's typeface where it is not installed. The font's licence
must allow it: the built-in theme's Atkinson Hyperlegible is under the SIL Open Font
License, which does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from publisher.theme import Theme

KINDS = (
    ("regular", "embedRegular"),
    ("bold", "embedBold"),
    ("italic", "embedItalic"),
    ("bold_italic", "embedBoldItalic"),
)
FONT_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"


@dataclass(frozen=True)
class Embedded:
    element: str
    """``embedRegular``, ``embedBold``, ..."""
    rid: str
    key: str
    """``{GUID}``, as in ``w:fontKey``."""
    part: str
    """``word/fonts/font1.odttf``."""
    data: bytes


def obfuscate(font: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the key's 16 bytes, read from its end (17.8.1)."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(font[:32]))
    return head + font[32:]


def embedded_fonts(theme: Theme) -> list[Embedded]:
    """The theme's TrueType/OpenType files for regular, bold, italic, bold italic."""
    fonts = theme.options.get("fonts", {})
    found = []
    for number, (kind, element) in enumerate(KINDS, start=1):
        relative = fonts.get(kind)
        if not relative or not str(relative).lower().endswith((".ttf", ".otf")):
            continue
        data = theme.static(str(relative)).read_bytes()
        key = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"publisher-font:{relative}")).upper() + "}"
        found.append(
            Embedded(
                element,
                f"rIdFont{number}",
                key,
                f"word/fonts/font{number}.odttf",
                obfuscate(data, key),
            )
        )
    return found
