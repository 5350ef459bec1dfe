"""The build record of one article in one variant: an immutable input (:class:`Job`)
and the typed products of its formats (:class:`Product`, :class:`Needs`).

A format renderer is ``render(job, needs) -> Product``. It reads only its job and
the products of the formats it declares it needs (``catalog.Format.needs`` and
``links_to``); the build makes those first, whatever the command line asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from markdown_it.token import Token

from publisher.build.options import Settings
from publisher.build.outputs import Output
from publisher.catalog import VARIANTS, Variant, formats_for
from publisher.reading.model import Article
from publisher.theme import Strings, Theme


@dataclass(frozen=True)
class Job:
    """Everything one variant of one article is made from; never changed."""

    article: Article
    variant: Variant
    theme: Theme
    strings: Strings
    tokens: tuple[Token, ...]
    """The blocks this variant shows (``content.select``)."""
    footnotes: Mapping[int, tuple[Token, ...]]
    settings: Settings
    formats: tuple[str, ...]
    """The formats this build publishes in this variant (a web page links only to those)."""
    variants: tuple[str, ...]
    """The variants this build publishes."""
    variants_named: bool = False
    """The build named its variants (see ``catalog.formats_for``)."""
    all_formats: tuple[str, ...] = ()
    """The formats the build asked for, in every variant."""

    @property
    def siblings(self) -> tuple[Variant, ...]:
        """The other variants of this article in the same build."""
        return tuple(VARIANTS[name] for name in self.variants if name != self.variant.name)

    def formats_of(self, variant: Variant) -> tuple[str, ...]:
        """The formats this build makes a (sibling) variant in."""
        return formats_for(variant, self.all_formats or self.formats, self.variants_named)


@dataclass(frozen=True)
class Product:
    """What a format made: its files, the main one first."""

    outputs: tuple[Output, ...]
    notes: tuple[str, ...] = field(default=(), kw_only=True)
    """What the author should know about this output (shown as warnings)."""

    @property
    def main(self) -> Output:
        return self.outputs[0]


@dataclass(frozen=True)
class HandoutProduct(Product):
    """The handout, and where its pages start (for the EPUB's page list)."""

    page_starts: tuple[str, ...]
    """Per page: the first letters and digits laid out on it, lower case ('' for a
    page without text)."""
    paper: str


@dataclass(frozen=True)
class AudioProduct(Product):
    """The read-aloud version: the MP3 first, then the e-book with Media Overlays."""

    seconds: float
    """How long the narration lasts."""


P = TypeVar("P", bound=Product)


class Needs:
    """The products a renderer declared it reads, by format name."""

    def __init__(self, products: Mapping[str, Product]) -> None:
        self._products = dict(products)

    def __contains__(self, name: object) -> bool:
        return name in self._products

    def get(self, name: str, kind: type[P]) -> P:
        product = self._products[name]
        if not isinstance(product, kind):
            raise TypeError(f"the {name} format made a {type(product).__name__}, not {kind}")
        return product

    def optional(self, name: str, kind: type[P]) -> P | None:
        return self.get(name, kind) if name in self._products else None
