"""Write the generated tables into the docs: formats, variants and paper sizes (from
publisher/catalog.py), the publisher.toml keys (from publisher/config.py) and the
Word document's accessibility rules (from publisher/formats/docx/check.py).

    .venv/bin/python scripts/update-docs.py

Each table sits between <!-- generated:NAME --> and <!-- /generated:NAME -->; the
test suite fails when a table in the docs differs from what this would write."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from publisher.catalog import markdown_tables
from publisher.config import markdown_table
from publisher.formats.docx.check import markdown_table as docx_rules

ROOT = Path(__file__).resolve().parents[1]
TABLES = {"catalog": markdown_tables, "config": markdown_table, "docx-rules": docx_rules}
FILES = (
    ROOT / "README.md",
    ROOT / "docs" / "architecture.md",
    ROOT / "docs" / "readers.md",
)


def update(text: str) -> str:
    for name, table in TABLES.items():
        pattern = re.compile(
            rf"(<!-- generated:{name} -->\n).*?(<!-- /generated:{name} -->)", re.DOTALL
        )
        text = pattern.sub(lambda m, t=table: m.group(1) + t() + m.group(2), text)  # type: ignore[misc]
    return text


def main() -> int:
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        new = update(text)
        if new != text:
            path.write_text(new, encoding="utf-8")
            print(f"updated {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
