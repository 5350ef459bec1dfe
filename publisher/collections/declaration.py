"""Reading a collection file: ``collections/<slug>.md`` (or ``<slug>/index.md`` with
its images beside it). Front matter like an article's, checked the same way (every
problem at once, each with its line); the text after it is the introduction.

```markdown
---
title: Nieuws uit de wijk, najaar 2024
lang: nl
editors: [Redactie]
articles: [mantelzorg-in-de-wijk, jongensprostitutie-in-beeld]
# or: query: {from: 2024-09-01, to: 2024-12-31, keywords: [mantelzorg], lang: [nl]}
---
The introduction, in Markdown (``::: plain`` blocks for the plain variant).
```
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import langcodes
import yaml

from publisher.collections.model import ORDERS, Cover, Declaration, Listed, Order, Query
from publisher.errors import Report
from publisher.reading.files import SourceFile, read_source
from publisher.reading.frontmatter import FIRST_LINE, SLUG_RE, FieldChecker, load_fields
from publisher.reading.images import ImageProblem, resolve_image
from publisher.reading.model import Article, Meta
from publisher.reading.reader import read_body

KNOWN_KEYS = (
    "title",
    "lang",
    "date",
    "subtitle",
    "summary",
    "editors",
    "publisher",
    "cover",
    "url",
    "license",
    "slug",
    "theme",
    "plain",
    "keywords",
    "articles",
    "query",
    "order",
)
QUERY_KEYS = ("from", "to", "keywords", "lang", "limit")
UNDATED = dt.date(1, 1, 1)
"""The date of a collection without one until its articles are known."""


def read_collection(path: Path, remote_cache: Path | None = None) -> tuple[Declaration, Report]:
    """Read and check a collection file; raises PublisherError with every problem."""
    source = read_source(path)
    report = Report(path)
    declaration = _declaration(source, report, remote_cache)
    report.raise_if_errors()
    assert declaration is not None
    return declaration, report


def _declaration(
    source: SourceFile, report: Report, remote_cache: Path | None
) -> Declaration | None:
    loaded = load_fields(source, report, KNOWN_KEYS)
    if loaded is None:
        return None
    data, lines = loaded
    check = FieldChecker(report, lines)
    title, lang, date, slug = check.identity(data, source, dated=False)
    meta_fields = {**check.description(data), "url": check.url(data)}
    editors = tuple(check.authors(data, "editors"))
    listed = _listed(data, source, check)
    query = _query(data, check)
    if listed is None and query is None and "articles" not in data and "query" not in data:
        report.error("a collection needs 'articles' (a list of slugs) or a 'query'", 1)
    if "articles" in data and "query" in data:
        check.fail("query", "give either 'articles' or 'query', not both")
    order = _order(data, check, default="listed" if "articles" in data else "newest")
    cover = _cover(data, source, check, remote_cache)

    meta = (
        Meta(title=title, lang=lang, date=date or UNDATED, slug=slug, **meta_fields)
        if title and lang and slug
        else None
    )
    body, images, footnotes = read_body(source, report, meta, remote_cache)
    if meta is None or report.errors:
        return None
    intro = Article(source, meta, body, images, footnotes)
    return Declaration(
        path=source.path,
        intro=intro,
        editors=editors,
        cover=cover,
        listed=listed or (),
        query=query,
        order=order,
        dated=date is not None,
        lines=lines,
    )


def _item_lines(source: SourceFile, key: str) -> list[int | None]:
    """The line of each item of a top-level list, for messages about one item."""
    try:
        node = yaml.compose(source.front_matter, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if not isinstance(node, yaml.MappingNode):
        return []
    for name, value in node.value:
        is_key = isinstance(name, yaml.ScalarNode) and name.value == key
        if is_key and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + FIRST_LINE for item in value.value]
    return []


def _listed(
    data: dict[str, Any], source: SourceFile, check: FieldChecker
) -> tuple[Listed, ...] | None:
    value = data.get("articles")
    if value is None:
        return None
    if not isinstance(value, list) or not value:
        check.fail("articles", "'articles' must be a list of article slugs")
        return None
    lines = _item_lines(source, "articles")
    found: list[Listed] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        line = lines[index] if index < len(lines) else check.lines.get("articles")
        slug = str(item).strip() if isinstance(item, (str, int)) else ""
        if not SLUG_RE.match(slug):
            check.report.error(f"'{item}' in 'articles' is not an article slug (a-z, 0-9, -)", line)
        elif slug in seen:
            check.report.error(f"article '{slug}' is listed twice", line)
        else:
            seen.add(slug)
            found.append(Listed(slug, line))
    return tuple(found)


def _query(data: dict[str, Any], check: FieldChecker) -> Query | None:
    value = data.get("query")
    if value is None:
        return None
    if not isinstance(value, dict) or not value:
        check.fail("query", "'query' must have from, to, keywords, lang and/or limit")
        return None
    unknown = sorted(str(k) for k in value if k not in QUERY_KEYS)
    if unknown:
        check.fail("query", f"'query' has unknown keys: {', '.join(unknown)}")
    dates: dict[str, dt.date | None] = {}
    for name in ("from", "to"):
        raw = value.get(name)
        if raw is None:
            dates[name] = None
        elif isinstance(raw, dt.date):
            dates[name] = raw
        else:
            check.fail("query", f"'query.{name}: {raw}' is not a date; write it as YYYY-MM-DD")
            dates[name] = None
    start, end = dates["from"], dates["to"]
    if start and end and start > end:
        check.fail("query", f"'query.from' ({start}) is after 'query.to' ({end})")
    keywords = check.text_list(value, "keywords")
    langs = check.text_list(value, "lang")
    for lang in langs:
        if not langcodes.tag_is_valid(lang):
            check.fail("query", f"'query.lang: {lang}' is not a valid BCP 47 language tag")
    limit = value.get("limit")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 1):
        check.fail("query", f"'query.limit: {limit}' must be a whole number of 1 or more")
        limit = None
    return Query(start, end, tuple(keywords), tuple(lang.lower() for lang in langs), limit)


def _order(data: dict[str, Any], check: FieldChecker, default: Order) -> Order:
    value = data.get("order")
    if value is None:
        return default
    for order in ORDERS:
        if value == order:
            return order
    check.fail("order", f"'order: {value}' must be one of {', '.join(ORDERS)}")
    return default


def _cover(
    data: dict[str, Any], source: SourceFile, check: FieldChecker, remote_cache: Path | None
) -> Cover | None:
    value = data.get("cover")
    if value is None:
        return None
    alt: str | None = None
    if isinstance(value, dict) and set(value) <= {"image", "alt"} and "image" in value:
        alt = check.text(value, "alt")
        value = value["image"]
    if not isinstance(value, str) or not value.strip():
        check.fail("cover", "'cover' must be an image file, or {image, alt}")
        return None
    try:
        image = resolve_image(value.strip(), source.folder, remote_cache)
    except ImageProblem as problem:
        check.fail("cover", str(problem))
        return None
    return Cover(image, alt)
