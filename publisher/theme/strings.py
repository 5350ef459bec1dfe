"""Interface strings: the words of the theme ("Contents", "page 2 of 3") in the
article's language, from the theme chain's ``i18n/<lang>.toml`` files."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from publisher.errors import PublisherError


@dataclass(frozen=True)
class Strings:
    """The strings of one language; ``strings("key", name=value)`` fills placeholders."""

    values: Mapping[str, str]
    lang: str
    theme: str
    folder: Path
    """The i18n folder of the theme that would take a missing string."""
    fallback: bool = False
    """The theme has no strings for this language: these are the English ones."""

    def __call__(self, key: str, **values: str | int) -> str:
        try:
            template = self.values[key]
        except KeyError:
            base = self.lang.split("-")[0].lower()
            raise PublisherError.at(
                self.folder,
                f"theme '{self.theme}' has no interface string '{key}' for language "
                f"'{self.lang}' (add it to i18n/{base}.toml)",
            ) from None
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise PublisherError.at(
                self.folder,
                f"interface string '{key}' = '{template}' has a placeholder that does not "
                f"fit: {exc}",
            ) from None
