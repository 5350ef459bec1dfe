"""Front matter: YAML text -> a validated :class:`~publisher.reading.model.Meta`.

Every problem is collected with its line, so an author sees all of them at once.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import langcodes

from publisher.errors import Report
from publisher.reading.files import SourceFile, remove_unusable
from publisher.reading.limits import (
    MAX_ENTRIES,
    MAX_LANG_CHARS,
    MAX_LIST_ITEMS,
    MAX_LONG_TEXT,
    MAX_SHORT_TEXT,
    MAX_SLUG_CHARS,
    MAX_UNKNOWN_KEY_WARNINGS,
)
from publisher.reading.model import Author, Contact, GlossaryEntry, Meta, PlainMeta
from publisher.reading.safe_yaml import FrontMatterError, load_front_matter

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
UNSAFE_URL_RE = re.compile(r"[\s<>\"'`\\]")
"""Characters that have no place in an address (a published one is written as is)."""


def shorten(value: object, limit: int = 60) -> str:
    """A value as a message quotes it: at most ``limit`` characters."""
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def peek_slug(path: Path) -> str | None:
    """The slug an article will have, read cheaply (front matter only), or None when
    it cannot be known yet (its build reports why)."""
    from publisher.errors import PublisherError
    from publisher.reading.files import read_source

    try:
        source = read_source(path)
        data, _lines = load_front_matter(source.front_matter)
    except (PublisherError, FrontMatterError, OSError):
        return None
    slug = data.get("slug") if isinstance(data, dict) else None
    if isinstance(slug, str) and SLUG_RE.match(slug.strip()):
        return slug.strip()
    if slug is None:
        return source.default_slug.lower()
    return None


FIRST_LINE = 2
"""The line of the first field: the one after the opening '---'."""


def load_fields(
    source: SourceFile, report: Report, known: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """The front matter's fields (without characters no output can hold) and the line
    of each; unknown keys are warnings that name the closest known key. None (and an
    error) when it is not a mapping or not safe YAML (:mod:`publisher.reading.safe_yaml`)."""
    try:
        data, key_lines = load_front_matter(source.front_matter)
    except FrontMatterError as exc:
        message = exc.message
        if exc.first is not None:
            message += f" (first on line {exc.first + FIRST_LINE})"
        report.error(message, None if exc.line is None else exc.line + FIRST_LINE)
        return None
    if not isinstance(data, dict):
        report.error("front matter must be a list of 'key: value' fields", FIRST_LINE)
        return None
    lines = {key: line + FIRST_LINE for key, line in key_lines.items()}
    data = _usable(data, report, lines)
    lines.update({remove_unusable(key)[0]: line for key, line in lines.items()})

    unknown = [key for key in data if str(key) not in known]
    for key in unknown[:MAX_UNKNOWN_KEY_WARNINGS]:
        name = str(key)
        close = difflib.get_close_matches(name, known, n=1) if len(name) <= 40 else []
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        report.warn(f"unknown front matter key '{shorten(name)}'{hint}", lines.get(name))
    if len(unknown) > MAX_UNKNOWN_KEY_WARNINGS:
        report.warn(
            f"{len(unknown) - MAX_UNKNOWN_KEY_WARNINGS} more unknown front matter keys",
            lines.get(str(unknown[MAX_UNKNOWN_KEY_WARNINGS])),
        )
    return data, lines


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
    if title is None or lang is None or date is None or slug is None or report.errors:
        return None
    return Meta(title=title, lang=lang, date=date, slug=slug, **meta_fields)


class _Checker:
    def __init__(self, report: Report, lines: dict[str, int]) -> None:
        self.report = report
        self.lines = lines

    def fail(self, key: str, message: str) -> None:
        self.report.error(message, self.lines.get(key))

    def long(self, key: str, what: str, value: str, limit: int) -> bool:
        """True (and an error) when ``value`` is longer than ``limit`` characters."""
        if len(value) <= limit:
            return False
        self.fail(key, f"{what} has {len(value):,} characters; the limit is {limit:,}")
        return True

    def text(
        self,
        data: dict[str, Any],
        key: str,
        required: bool = False,
        limit: int = MAX_SHORT_TEXT,
    ) -> str | None:
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
        if self.long(key, f"'{key}'", text, limit):
            return None
        return text

    def identity(
        self, data: dict[str, Any], source: SourceFile, dated: bool = True
    ) -> tuple[str | None, str | None, dt.date | None, str | None]:
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
            "summary": self.text(data, "summary", limit=MAX_LONG_TEXT),
            "license": self.text(data, "license"),
            "theme": self.text(data, "theme"),
            "keywords": tuple(self.text_list(data, "keywords")),
            "plain": self.plain(data),
        }

    def slug(self, data: dict[str, Any], source: SourceFile) -> str | None:
        """The ``slug`` field, or the file's name (None and an error when neither is
        one)."""
        errors = len(self.report.errors)
        slug = self.text(data, "slug")
        if slug is not None and not SLUG_RE.match(slug):
            self.fail("slug", "'slug' may only contain a-z, 0-9 and single hyphens")
            return None
        if slug is not None and len(slug) > MAX_SLUG_CHARS:
            self.fail("slug", f"'slug' has {len(slug)} characters; the limit is {MAX_SLUG_CHARS}")
            return None
        if slug is None and len(self.report.errors) == errors:  # not given (or empty)
            slug = source.default_slug.lower()
            if not SLUG_RE.match(slug) or len(slug) > MAX_SLUG_CHARS:
                self.report.error(
                    f"the file name '{shorten(source.default_slug)}' is not a valid slug; "
                    f"rename it (a-z, 0-9, hyphens, at most {MAX_SLUG_CHARS} characters) "
                    "or set 'slug' in the front matter",
                    1,
                )
                return None
        return slug

    def url(self, data: dict[str, Any]) -> str | None:
        url = self.text(data, "url", limit=MAX_LONG_TEXT)
        if url is not None:
            parts = urlsplit(url)
            if parts.scheme != "https" or not parts.netloc or UNSAFE_URL_RE.search(url):
                self.fail("url", "'url' must be an absolute https:// address")
                return None
        return url

    def lang(self, data: dict[str, Any]) -> str | None:
        value = self.text(data, "lang", required=True, limit=MAX_LANG_CHARS)
        if value is None:
            return None
        if not langcodes.tag_is_valid(value):
            self.fail(
                "lang",
                f"'lang: {shorten(value)}' is not a valid BCP 47 language tag (e.g. nl, en-GB)",
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
        self.fail("date", f"'date: {shorten(value)}' is not a date; write it as YYYY-MM-DD")
        return None

    def items(self, key: str, value: list[Any]) -> bool:
        """True (and an error) when a list has more than :data:`MAX_LIST_ITEMS` items."""
        if len(value) <= MAX_LIST_ITEMS:
            return False
        self.fail(key, f"'{key}' has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
        return True

    def text_list(self, data: dict[str, Any], key: str) -> list[str]:
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, f"'{key}' must be a list of texts")
            return []
        if self.items(key, value) or any(
            self.long(key, f"an item of '{key}'", v.strip(), MAX_SHORT_TEXT) for v in value
        ):
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
            if self.items(key, value):
                return []
            for item in value:
                if isinstance(item, str) and item.strip():
                    authors.append(Author(item.strip()))
                elif (
                    isinstance(item, dict)
                    and isinstance(item.get("name"), str)
                    and item["name"].strip()
                    and set(item) <= {"name", "role"}
                    and isinstance(item.get("role", ""), str)
                ):
                    role = str(item.get("role") or "").strip() or None
                    authors.append(Author(item["name"].strip(), role))
                else:
                    self.fail(key, f"each of '{key}' must be a name or {{name, role}}")
                    return []
            if any(
                self.long(key, "a name or role", text, MAX_SHORT_TEXT)
                for author in authors
                for text in (author.name, author.role or "")
            ):
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
        unknown = set(map(str, value)) - {"title", "summary", "level"}
        if unknown:
            names = ", ".join(shorten(name, 40) for name in sorted(unknown)[:5])
            self.fail("plain", f"'plain' has unknown keys: {names}")
        title = value.get("title")
        if title is not None and not isinstance(title, str):
            self.fail("plain", "'plain.title' must be text")
            title = None
        if title is not None and self.long("plain", "'plain.title'", title, MAX_SHORT_TEXT):
            title = None
        summary = value.get("summary", [])
        if isinstance(summary, str):
            summary = [summary]
        if not isinstance(summary, list) or not all(isinstance(s, str) for s in summary):
            self.fail("plain", "'plain.summary' must be text or a list of short sentences")
            summary = []
        if self.items("plain", summary) or any(
            self.long("plain", "a sentence of 'plain.summary'", s, MAX_LONG_TEXT) for s in summary
        ):
            summary = []
        level = value.get("level", "b1")
        if level not in ("b1", "easy"):
            self.fail("plain", f"'plain.level: {shorten(level)}' must be b1 or easy")
            level = "b1"
        return PlainMeta(title, tuple(s.strip() for s in summary if s.strip()), level)

    def glossary(self, data: dict[str, Any]) -> list[GlossaryEntry]:
        value = data.get("glossary")
        if value is None:
            return []
        if not isinstance(value, dict):
            self.fail("glossary", "'glossary' must map each term to its definition")
            return []
        if len(value) > MAX_ENTRIES:
            self.fail("glossary", f"'glossary' has {len(value)} terms; the limit is {MAX_ENTRIES}")
            return []
        entries: list[GlossaryEntry] = []
        for term, item in value.items():
            entry = self.glossary_entry(str(term), item)
            if entry is not None:
                entries.append(entry)
        return entries

    def glossary_entry(self, term: str, item: object) -> GlossaryEntry | None:
        name = shorten(term, 40)
        if not term.strip():
            self.fail("glossary", "a glossary term must not be empty")
            return None
        if isinstance(item, str) and item.strip():
            entry = GlossaryEntry(term, item.strip())
        elif (
            isinstance(item, dict)
            and isinstance(item.get("definition"), str)
            and item["definition"].strip()
            and set(item) <= {"definition", "forms"}
            and isinstance(item.get("forms", []), list)
            and all(isinstance(f, str) and f.strip() for f in item.get("forms", []))
        ):
            forms = [f.strip() for f in item.get("forms", [])]
            if self.items("glossary", forms):
                return None
            entry = GlossaryEntry(term, item["definition"].strip(), tuple(forms))
        else:
            self.fail(
                "glossary",
                f"glossary term '{name}' needs a definition text or {{definition, forms}}",
            )
            return None
        texts = [
            (f"glossary term '{name}'", entry.key, MAX_SHORT_TEXT),
            (f"the definition of '{name}'", entry.definition, MAX_LONG_TEXT),
            *((f"a form of '{name}'", form, MAX_SHORT_TEXT) for form in entry.forms),
        ]
        if any(self.long("glossary", what, text, limit) for what, text, limit in texts):
            return None
        return entry

    def contact(self, data: dict[str, Any]) -> Contact | None:
        value = data.get("contact")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail("contact", "'contact' must be a mapping with name, phone, email and web")
            return None
        fields: dict[str, str] = {}
        for key, item in value.items():
            name = shorten(key, 40)
            if str(key) not in CONTACT_KEYS:
                close = difflib.get_close_matches(str(key), CONTACT_KEYS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.fail("contact", f"'contact' has an unknown key '{name}'{hint}")
                continue
            if isinstance(item, bool) or not isinstance(item, (str, int)) or not str(item).strip():
                self.fail("contact", f"'contact.{key}' must be text")
                continue
            text = str(item).strip()
            if self.long("contact", f"'contact.{key}'", text, MAX_SHORT_TEXT):
                continue
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
        if len(value) > MAX_ENTRIES:
            self.fail("abbr", f"'abbr' has {len(value)} abbreviations; the limit is {MAX_ENTRIES}")
            return []
        pairs = [(str(k).strip(), v.strip()) for k, v in value.items()]
        for short, expansion in pairs:
            name = shorten(short, 40)
            if not short:
                self.fail("abbr", "an abbreviation must not be empty")
                return []
            if self.long("abbr", f"abbreviation '{name}'", short, MAX_SHORT_TEXT) or self.long(
                "abbr", f"the expansion of '{name}'", expansion, MAX_SHORT_TEXT
            ):
                return []
        return pairs


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
        if parts.scheme not in ("http", "https") or not parts.netloc or UNSAFE_URL_RE.search(value):
            return "'contact.web' must be an absolute https:// address"
    return None


def _usable(data: dict[Any, Any], report: Report, lines: dict[str, int]) -> dict[Any, Any]:
    """The front matter without characters no output can hold (control characters,
    surrogates, non-characters), which YAML escapes such as ``"\\e"`` or ``"\\ud800"``
    can write; each key that had them gets a warning, as the body's do."""

    def clean(value: Any, key: str) -> Any:
        if isinstance(value, str):
            cleaned, removed = remove_unusable(value)
            for _line, char in removed[:1]:
                report.warn(
                    f"invisible character U+{ord(char):04X} removed from '{shorten(key, 40)}' "
                    "(no output format can hold it)",
                    lines.get(key),
                )
            return cleaned
        if isinstance(value, list):
            return [clean(item, key) for item in value]
        if isinstance(value, dict):
            return {clean(k, key): clean(v, key) for k, v in value.items()}
        return value

    return {clean(key, str(key)): clean(value, str(key)) for key, value in data.items()}


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
