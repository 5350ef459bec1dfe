"""The built-in theme's interface strings: every language has every string, with the
placeholders the code fills in (the handout splits some strings on them)."""

from __future__ import annotations

import string
import tomllib
from collections import Counter

import pytest

from publisher.theme import builtin_themes_dir

I18N = builtin_themes_dir() / "default" / "i18n"
LANGUAGES = sorted(p.stem for p in I18N.glob("*.toml"))


def strings(lang: str) -> dict[str, str]:
    data = tomllib.loads((I18N / f"{lang}.toml").read_text(encoding="utf-8"))
    return {str(k): v for k, v in data.items()}


def placeholders(text: str) -> Counter[str]:
    return Counter(field for _, field, _, _ in string.Formatter().parse(text) if field is not None)


def test_the_languages_the_project_promises_are_there() -> None:
    assert {"nl", "en", "ar", "tr", "pl", "uk", "de", "fr", "es"} <= set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_with_the_same_placeholders_as_english(lang: str) -> None:
    english, other = strings("en"), strings(lang)
    assert list(other) == list(english), f"{lang}.toml: keys differ from en.toml"
    for key, text in other.items():
        assert isinstance(text, str) and text.strip() == text and text, f"{lang}: {key}"
        assert placeholders(text) == placeholders(english[key]), f"{lang}: {key} = {text!r}"


def test_arabic_uses_its_own_punctuation() -> None:
    for key, text in strings("ar").items():
        assert not set(text) & set(",?;“”"), f"ar: {key} = {text!r}"
