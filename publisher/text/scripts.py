"""Which script a language is written in, and which way it runs."""

from __future__ import annotations

from functools import cache

RTL_SCRIPTS = frozenset(
    {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Mand", "Samr", "Rohg", "Yezi", "Mend"}
)


@cache
def script_of(lang: str) -> str:
    """The ISO 15924 script a language tag is most likely written in ('Latn' if unknown)."""
    import langcodes

    try:
        return str(langcodes.Language.get(lang).maximize().script or "Latn")
    except (ValueError, LookupError):
        return "Latn"


def is_rtl(lang: str) -> bool:
    return script_of(lang) in RTL_SCRIPTS


def direction(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"
