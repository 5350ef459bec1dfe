"""Every limit is named in the docs with its value (docs/source-format.md, "Limits")."""

from __future__ import annotations

import publisher.reading.limits as limits
from tests.helpers import ROOT


def shown(name: str, value: float) -> str:
    if name.endswith("_BYTES"):
        return f"{int(value) // 1024 // 1024} MB"
    if name == "MAX_PIXELS":
        return f"{int(value) // 1_000_000} megapixels"
    if name == "REMOTE_SECONDS":
        return f"{value:g} seconds"
    return f"{int(value):,}"


def test_every_limit_is_documented_with_its_value() -> None:
    text = (ROOT / "docs" / "source-format.md").read_text(encoding="utf-8")
    section = text.split("## Limits", 1)[1].split("\n## ", 1)[0]
    rows = {line.rsplit("|", 2)[-2].strip(" `"): line for line in section.splitlines()
            if line.startswith("| ") and ("`MAX_" in line or "`REMOTE_" in line)}  # fmt: skip
    names = [name for name in vars(limits) if name.isupper()]
    assert sorted(rows) == sorted(names)
    for name in names:
        assert shown(name, getattr(limits, name)) in rows[name], (name, rows[name])
