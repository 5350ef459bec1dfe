"""Every limit on what an article may ask of a build, in one place.

Each keeps a tiny hostile input from costing minutes or gigabytes while staying far
above what a real article needs; each is named, with its value, in
``docs/source-format.md`` (section "Limits"), and each has its own clear error.
"""

from __future__ import annotations

MAX_SOURCE_BYTES = 1024 * 1024
"""An article file (Markdown and front matter): 1 MB, a few hundred printed pages (half
a megabyte of running text takes the handout about ten seconds)."""

MAX_FRONT_MATTER_CHARS = 100_000
"""The front matter (YAML) of an article, in characters."""

MAX_YAML_DEPTH = 6
"""How deeply front-matter mappings and lists may nest (a glossary term with its
forms is 4 deep)."""

MAX_NUMBER_DIGITS = 30
"""Digits in a number written in the front matter."""

MAX_SHORT_TEXT = 500
"""Characters in a one-line field: title, subtitle, publisher, license, theme, an
author's name or role, a keyword, a glossary term or form, an abbreviation and its
expansion."""

MAX_LONG_TEXT = 5_000
"""Characters in a summary, a plain-language summary sentence or a glossary definition."""

MAX_LIST_ITEMS = 100
"""Items in a list field (authors, keywords, plain summary sentences, a term's forms)."""

MAX_ENTRIES = 1_000
"""Terms in ``glossary`` and abbreviations in ``abbr``."""

MAX_LANG_CHARS = 35
"""A language tag (``lang``, ``{lang=...}``): RFC 5646 asks for at least 35."""

MAX_SLUG_CHARS = 100
"""A slug, from the front matter or the file name: the outputs' file names add up to
30 characters to it, and file systems allow 255 bytes."""

MAX_UNKNOWN_KEY_WARNINGS = 20
"""Unknown front-matter keys that each get a warning; the rest are counted in one."""

MAX_IMAGE_BYTES = 10 * 1024 * 1024
"""An image file, local or fetched: 10 MB."""

MAX_ARTICLE_IMAGE_BYTES = 100 * 1024 * 1024
"""All images of one article together: 100 MB."""

MAX_PIXELS = 50_000_000
"""A raster image's width × height: a 50-megapixel photo. Decoding takes about 4 bytes
per pixel in every renderer (200 MB), so a small file that claims more is refused
before anything decodes it. An animated image may have four times as many pixels
in all its frames together."""

MAX_SVG_ELEMENTS = 20_000
"""Elements in one SVG image."""

MAX_SVG_RENDERED = 50_000
"""Elements an SVG draws once every ``<use>`` is expanded (a few ``<use>`` that each
repeat the one before multiply: 10 levels of 10 are ten billion)."""

MAX_SVG_DEPTH = 50
"""How deeply SVG elements nest, ``<use>`` references included."""

MAX_SVG_SIZE = 100_000.0
"""The largest width, height or viewBox dimension of an SVG, in user units."""

REMOTE_SECONDS = 10.0
"""All the time one remote image may take, connecting and every byte included
(``--allow-remote``): a server that trickles its answer is cut off."""
