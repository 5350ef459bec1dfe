"""Real Word lists: one abstract definition for bullets and one for numbers, and a
list instance per list (a numbered list starts at its own number)."""

from __future__ import annotations

from publisher.formats.docx.ooxml import el
from publisher.formats.docx.styles import _xml

BULLETS = ("•", "–", "▪")
INDENT = 425
"""twips per level (0.75 cm)."""
BULLET_ID, NUMBER_ID = "0", "1"


class Numbering:
    """Collects the lists of a document; ``xml()`` is ``word/numbering.xml``."""

    def __init__(self) -> None:
        self.instances: list[tuple[str, int]] = []
        """(abstract id, start) per list; its w:numId is its index + 1."""

    def new_list(self, ordered: bool, start: int = 1) -> int:
        self.instances.append((NUMBER_ID if ordered else BULLET_ID, start))
        return len(self.instances)

    def xml(self) -> bytes:
        root = el("w:numbering")
        root.append(self._abstract(BULLET_ID, ordered=False))
        root.append(self._abstract(NUMBER_ID, ordered=True))
        for number, (abstract, start) in enumerate(self.instances, start=1):
            num = el("w:num", {"numId": str(number)}, el("w:abstractNumId", {"val": abstract}))
            if abstract == NUMBER_ID:
                num.append(
                    el(
                        "w:lvlOverride",
                        {"ilvl": "0"},
                        el("w:startOverride", {"val": str(start)}),
                    )
                )
            root.append(num)
        return _xml(root)

    @staticmethod
    def _abstract(ident: str, ordered: bool) -> object:
        abstract = el(
            "w:abstractNum",
            {"abstractNumId": ident},
            el("w:multiLevelType", {"val": "hybridMultilevel"}),
        )
        for level in range(9):
            if ordered:
                fmt, text = "decimal", f"%{level + 1}."
            else:
                fmt, text = "bullet", BULLETS[level % len(BULLETS)]
            abstract.append(
                el(
                    "w:lvl",
                    {"ilvl": str(level)},
                    el("w:start", {"val": "1"}),
                    el("w:numFmt", {"val": fmt}),
                    el("w:lvlText", {"val": text}),
                    el("w:lvlJc", {"val": "left"}),
                    el(
                        "w:pPr",
                        None,
                        el(
                            "w:ind",
                            {"left": str(INDENT * (level + 1)), "hanging": str(INDENT)},
                        ),
                    ),
                )
            )
        return abstract
