"""Emoji in running text: where they are, so print can show them with the emoji
font and tell a screen reader which emoji it is (PDF /ActualText)."""

from __future__ import annotations

import re

PICTOGRAPHS = (
    "\U0001f000-\U0001faff"  # emoticons, pictographs, transport, flags (regional indicators)
    "\u2600-\u27bf"  # miscellaneous symbols, dingbats
    "\u2300-\u23ff\u2b00-\u2bff\u3030\u303d\u3297\u3299"
)
JOINERS = "\u200d\ufe0f\u20e3\U000e0020-\U000e007f"
EMOJI_RE = re.compile(
    rf"(?:[#*0-9]\ufe0f?\u20e3"  # keycaps
    rf"|[{PICTOGRAPHS}][{JOINERS}\U0001f3fb-\U0001f3ff]*"
    rf"|[^\s{JOINERS}]\ufe0f)"  # any character asked to show as an emoji
    rf"(?:\u200d[{PICTOGRAPHS}][{JOINERS}\U0001f3fb-\U0001f3ff]*)*"
)
KEYCAP_RE = re.compile(r"^([#*0-9])\ufe0f?\u20e3$")


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` in pieces: ("text", …), ("emoji", …) or ("keycap", …)."""
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in EMOJI_RE.finditer(text):
        if match.start() > position:
            pieces.append(("text", text[position : match.start()]))
        kind = "keycap" if KEYCAP_RE.match(match.group()) else "emoji"
        if pieces and pieces[-1][0] == kind == "emoji":
            pieces[-1] = ("emoji", pieces[-1][1] + match.group())
        else:
            pieces.append((kind, match.group()))
        position = match.end()
    if position < len(text):
        pieces.append(("text", text[position:]))
    return pieces
