"""Front matter: YAML text -> a validated :class:`~publisher.reading.model.Meta`.

Every problem is collected with its line, so an author sees all of them at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any
from urllib.parse import urlsplit

import langcodes
import yaml

from publisher.errors import Report
from publisher.reading.files import SourceFile
from publisher.reading.model import Author, Contact, GlossaryEntry, Meta, PlainMeta

KNOWN_KEYS = (
    "title",
    "lang",
    "date",
    "subtitle",
    "authors",
    "publisher",
    "summary",
    "keywords",
    "url",
    "license",
    "slug",
    "theme",
    "plain",
    "glossary",
    "abbr",
    "contact",
)
CONTACT_KEYS = ("name", "phone", "email", "web")
PHONE_RE = re.compile(r"^\+?[0-9(][0-9 ()./-]*[0-9]$")
EMAIL_RE = re.compile(r"^[^@\s<>\"]+@[^@\s<>\".]+(?:\.[^@\s<>\".]+)+$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _key_lines(text: str, first_line: int) -> dict[str, int]:
    """Line number of each top-level key, for messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[str(key.value)] = key.start_mark.line + first_line
    return lines


FIRST_LINE = 2
"""The line of the first field: the one after the opening '---'."""


def load_fields(
    source: SourceFile, report: Report, known: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The front matter's fields and the line of each; unknown keys are warnings
    that name the closest known key. None (and an error) when it is not a mapping."""
    try:
        data = yaml.safe_load(source.front_matter)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + FIRST_LINE if mark is not None else None
        problem = getattr(exc, "problem", None) or "not valid YAML"
        report.error(f"front matter is not valid YAML: {problem}", line)
        return None
    except ValueError as exc:  # PyYAML's dates: 2023-02-30 is not a day
        report.error(f"front matter has a date that does not exist ({exc})", _bad_date_line(source))
        return None
    if not isinstance(data, dict):
        report.error("front matter must be a list of 'key: value' fields", FIRST_LINE)
        return None
    lines = _key_lines(source.front_matter, FIRST_LINE)
    for key in data:
        if str(key) not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            report.warn(f"unknown front matter key '{key}'{hint}", lines.get(str(key)))
    return data, lines


def _bad_date_line(source: SourceFile) -> int | None:
    for number, line in enumerate(source.front_matter.split("\n"), start=FIRST_LINE):
        for found in re.findall(r"\b\d{4}-\d{1,2}-\d{1,2}\b", line):
            try:
                dt.date.fromisoformat(found)
            except ValueError:
                return number
    return None


def parse_front_matter(source: SourceFile, report: Report) -> Meta | None:
    """Validate the front matter; problems go to ``report``. None when unusable."""
    loaded = load_fields(source, report, KNOWN_KEYS)
    if loaded is None:
        return None
    data, lines = loaded
    checker = _Checker(report, lines)
    title, lang, date, slug = checker.identity(data, source)
    url = checker.url(data)

    meta_fields: dict[str, Any] = {
        **checker.description(data),
        "authors": tuple(checker.authors(data)),
        "glossary": tuple(checker.glossary(data)),
        "abbr": tuple(checker.abbr(data)),
        "contact": checker.contact(data),
        "url": url,
    }
    if title is None or lang is None or date is None or report.errors:
        return None
    return Meta(title=title, lang=lang, date=date, slug=slug, **meta_fields)


class _Checker:
    def __init__(self, report: Report, lines: dict[str, int]) -> None:
        self.report = report
        self.lines = lines

    def fail(self, key: str, message: str) -> None:
        self.report.error(message, self.lines.get(key))

    def text(self, data: dict[str, Any], key: str, required: bool = False) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.report.error(f"front matter needs '{key}'", 1)
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(key, f"'{key}' must be text, not {_kind(value)}")
            return None
        text = str(value).strip()
        if not text:
            if required:
                self.fail(key, f"'{key}' must not be empty")
            return None
        return text

    def identity(
        self, data: dict[str, Any], source: SourceFile, dated: bool = True
    ) -> tuple[str | None, str | None, dt.date | None, str]:
        """Title, language, date (required unless not ``dated``) and slug."""
        title = self.text(data, "title", required=True)
        lang = self.lang(data)
        date = self.date(data) if dated or "date" in data else None
        return title, lang, date, self.slug(data, source)

    def description(self, data: dict[str, Any]) -> dict[str, Any]:
        """The fields that describe a publication (an article's or a collection's)."""
        return {
            "subtitle": self.text(data, "subtitle"),
            "publisher": self.text(data, "publisher"),
            "summary": self.text(data, "summary"),
            "license": self.text(data, "license"),
            "theme": self.text(data, "theme"),
            "keywords": tuple(self.text_list(data, "keywords")),
            "plain": self.plain(data),
        }

    def slug(self, data: dict[str, Any], source: SourceFile) -> str:
        """The ``slug`` field, or the file's name (an error when neither is one)."""
        slug = self.text(data, "slug")
        if slug is not None and not SLUG_RE.match(slug):
            self.fail("slug", "'slug' may only contain a-z, 0-9 and single hyphens")
            slug = None
        if slug is None:
            slug = source.default_slug.lower()
            if not SLUG_RE.match(slug):
                self.report.error(
                    f"the file name '{source.default_slug}' is not a valid slug; "
                    "rename it (a-z, 0-9, hyphens) or set 'slug' in the front matter",
                    1,
                )
        return slug

    def url(self, data: dict[str, Any]) -> str | None:
        url = self.text(data, "url")
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc:
                self.fail("url", "'url' must be an absolute https:// address")
                return None
        return url

    def lang(self, data: dict[str, Any]) -> str | None:
        value = self.text(data, "lang", required=True)
        if value is None:
            return None
        if not langcodes.tag_is_valid(value):
            self.fail(
                "lang", f"'lang: {value}' is not a valid BCP 47 language tag (e.g. nl, en-GB)"
            )
            return None
        return str(langcodes.standardize_tag(value))

    def date(self, data: dict[str, Any]) -> dt.date | None:
        value = data.get("date")
        if value is None:
            self.report.error("front matter needs 'date' (YYYY-MM-DD)", 1)
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self.fail("date", f"'date: {value}' is not a date; write it as YYYY-MM-DD")
        return None

    def text_list(self, data: dict[str, Any], key: str) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, f"'{key}' must be a list of texts")
            return []
        return [v.strip() for v in value]

    def authors(self, data: dict[str, Any], key: str = "authors") -> list[Author]:
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, (str, dict)):
            value = [value]
        authors: list[Author] = []
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str) and item.strip():
                    authors.append(Author(item.strip()))
                elif (
                    isinstance(item, dict)
                    and isinstance(item.get("name"), str)
                    and set(item) <= {"name", "role"}
                    and isinstance(item.get("role", ""), str)
                ):
                    authors.append(Author(item["name"].strip(), item.get("role")))
                else:
                    self.fail(key, f"each of '{key}' must be a name or {{name, role}}")
                    return []
            return authors
        self.fail(key, f"'{key}' must be a list of names or of {{name, role}}")
        return []

    def plain(self, data: dict[str, Any]) -> PlainMeta:
        value = data.get("plain")
        if value is None:
            return PlainMeta()
        if not isinstance(value, dict):
            self.fail("plain", "'plain' must be a mapping with title, summary and level")
            return PlainMeta()
        unknown = set(value) - {"title", "summary", "level"}
        if unknown:
            self.fail("plain", f"'plain' has unknown keys: {', '.join(sorted(map(str, unknown)))}")
        title = value.get("title")
        if title is not None and not isinstance(title, str):
            self.fail("plain", "'plain.title' must be text")
            title = None
        summary = value.get("summary", [])
        if isinstance(summary, str):
            summary = [summary]
        if not isinstance(summary, list) or not all(isinstance(s, str) for s in summary):
            self.fail("plain", "'plain.summary' must be text or a list of short sentences")
            summary = []
        level = value.get("level", "b1")
        if level not in ("b1", "easy"):
            self.fail("plain", f"'plain.level: {level}' must be b1 or easy")
            level = "b1"
        return PlainMeta(title, tuple(s.strip() for s in summary if s.strip()), level)

    def glossary(self, data: dict[str, Any]) -> list[GlossaryEntry]:
        value = data.get("glossary")
        if value is None:
            return []
        if not isinstance(value, dict):
            self.fail("glossary", "'glossary' must map each term to its definition")
            return []
        entries: list[GlossaryEntry] = []
        for term, item in value.items():
            if isinstance(item, str) and item.strip():
                entries.append(GlossaryEntry(str(term), item.strip()))
            elif (
                isinstance(item, dict)
                and isinstance(item.get("definition"), str)
                and set(item) <= {"definition", "forms"}
                and isinstance(item.get("forms", []), list)
                and all(isinstance(f, str) for f in item.get("forms", []))
            ):
                forms = tuple(f.strip() for f in item.get("forms", []))
                entries.append(GlossaryEntry(str(term), item["definition"].strip(), forms))
            else:
                self.fail(
                    "glossary",
                    f"glossary term '{term}' needs a definition text or {{definition, forms}}",
                )
        return entries

    def contact(self, data: dict[str, Any]) -> Contact | None:
        value = data.get("contact")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail("contact", "'contact' must be a mapping with name, phone, email and web")
            return None
        fields: dict[str, str] = {}
        for key, item in value.items():
            if str(key) not in CONTACT_KEYS:
                close = difflib.get_close_matches(str(key), CONTACT_KEYS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.fail("contact", f"'contact' has an unknown key '{key}'{hint}")
                continue
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
                self.fail("contact", f"'contact.{key}' must be text")
                continue
            text = str(item).strip()
            problem = _check_contact(str(key), text)
            if problem:
                self.fail("contact", problem)
                continue
            fields[str(key)] = text
        if not value:
            self.fail("contact", "'contact' needs at least one of name, phone, email, web")
        if not fields:
            return None
        return Contact(**fields)

    def abbr(self, data: dict[str, Any]) -> list[tuple[str, str]]:
        value = data.get("abbr")
        if value is None:
            return []
        if not isinstance(value, dict) or not all(
            isinstance(v, str) and v.strip() for v in value.values()
        ):
            self.fail("abbr", "'abbr' must map each abbreviation to its expansion")
            return []
        return [(str(k), v.strip()) for k, v in value.items()]


def _check_contact(field: str, value: str) -> str | None:
    """Why a contact field's value is not usable, or None."""
    if field == "phone":
        digits = sum(c.isdigit() for c in value)
        if not PHONE_RE.match(value) or not 3 <= digits <= 15:
            return "'contact.phone' must be a phone number (digits, spaces, +, -, ( ))"
    elif field == "email":
        if not EMAIL_RE.match(value):
            return "'contact.email' must be an e-mail address (name@example.org)"
    elif field == "web":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            return "'contact.web' must be an absolute https:// address"
    return None


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, bool):
        return "true/false"
    return type(value).__name__


FieldChecker = _Checker
"""The field checks with lines, for other files validated like front matter
(collection files, ``publisher.collections.declaration``)."""
key_lines = _key_lines
