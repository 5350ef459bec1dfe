"""Which articles a collection holds, in which order: by the slugs it lists or by
its query, from the records of the article builds (``publisher.build.records``)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from publisher.build.records import ArticleRecord
from publisher.collections.model import Declaration, Query
from publisher.errors import Problem, PublisherError


def matches(record: ArticleRecord, query: Query) -> bool:
    day = record.day
    if query.start and day < query.start:
        return False
    if query.end and day > query.end:
        return False
    if query.langs:
        base = record.lang.split("-")[0].lower()
        if record.lang.lower() not in query.langs and base not in query.langs:
            return False
    if query.keywords:
        wanted = {k.casefold() for k in query.keywords}
        if not wanted & {k.casefold() for k in record.keywords}:
            return False
    return True


def select_articles(
    declaration: Declaration, records: Mapping[str, ArticleRecord]
) -> list[ArticleRecord]:
    """The collection's articles in its order; PublisherError naming every slug that
    is not a built article, or a query that finds nothing."""
    path = declaration.path
    if declaration.query is None:
        missing = [item for item in declaration.listed if item.slug not in records]
        if missing:
            raise PublisherError(
                [
                    Problem(
                        path,
                        f"no article '{item.slug}' (not in the source folder, or it has errors)",
                        item.line,
                    )
                    for item in missing
                ]
            )
        chosen = [records[item.slug] for item in declaration.listed]
    else:
        query = declaration.query
        chosen = sorted(
            (r for r in records.values() if matches(r, query)), key=lambda r: (r.date, r.slug)
        )
        if query.limit:
            chosen = chosen[-query.limit :]  # the newest ones
        if not chosen:
            raise PublisherError.at(
                path, "the query finds no article", declaration.lines.get("query")
            )
    if declaration.order == "oldest":
        chosen.sort(key=lambda r: (r.date, r.slug))
    elif declaration.order == "newest":
        chosen.sort(key=lambda r: (r.date, r.slug), reverse=True)
    elif declaration.order == "title":
        chosen.sort(key=lambda r: (r.title.casefold(), r.slug))
    return chosen


def date_the_collection(declaration: Declaration, chosen: list[ArticleRecord]) -> None:
    """A collection without a date of its own is as new as its newest article."""
    if not declaration.dated and chosen:
        intro = declaration.intro
        newest = max(record.day for record in chosen)
        intro.meta = dataclasses.replace(intro.meta, date=newest)
