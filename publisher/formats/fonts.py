"""Which of the theme's fonts an output needs: the body font, and the fallbacks for the
scripts and symbols the article (and its interface strings) uses; the font of the
article's own script comes first. Fonts that no character needs are left out of the
web assets and the EPUB."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.build.job import Job
from publisher.errors import Problem
from publisher.reading.model import Article
from publisher.text.scripts import script_of
from publisher.theme import Theme
from publisher.theme.fonts import Family, char_name, coverage, families, stack


@dataclass(frozen=True)
class FontPlan:
    families: tuple[Family, ...]
    """In stack order: the family for the article's script first."""
    lang_rules: tuple[tuple[str, str], ...]
    """(language, CSS family list) for parts in another script."""

    @property
    def stack(self) -> str:
        return stack([f.name for f in self.families])

    def css(self, scope: str = "") -> str:
        """``:lang()`` rules that set parts in another script in that script's font."""
        prefix = f"{scope} " if scope else ""
        return "".join(
            f"{prefix}:lang({lang}) {{ font-family: {families_css}, sans-serif; }}\n"
            for lang, families_css in self.lang_rules
        )


def article_text(article: Article, theme_strings: list[str]) -> str:
    source = article.source
    return source.front_matter + "\n" + source.body + "\n" + "\n".join(theme_strings)


def languages(article: Article) -> list[str]:
    """The article's language and those of its parts (``[…]{lang=xx}``)."""
    found = [article.meta.lang]
    for token in article.tokens:
        for child in token.children or []:
            lang = child.attrGet("lang") if child.type == "span_open" else None
            if lang and str(lang) not in found:
                found.append(str(lang))
    return found


def plan(job: Job, medium: str) -> FontPlan:
    text = article_text(job.article, list(job.strings.values.values()))
    return plan_for(job.theme, text, languages(job.article), medium)


def plan_for(theme: Theme, text: str, langs: list[str], medium: str) -> FontPlan:
    """The fonts for ``text`` (several articles: a collection, a listing) whose main
    language is the first of ``langs``, the others its parts."""
    used = list(coverage(theme, text, medium).used)
    body = families(theme)[0]
    chosen = [body, *(f for f in used if f != body)]
    by_script = {s: f for f in chosen for s in f.scripts}
    lead = by_script.get(script_of(langs[0]))
    if lead is not None:
        chosen = [lead, *(f for f in chosen if f != lead)]
    rules = []
    for lang in langs[1:]:
        family = by_script.get(script_of(lang))
        if family is not None and family != chosen[0]:
            names = [family.name, *(f.name for f in chosen if f != family)]
            rules.append((lang, stack(names)))
    return FontPlan(tuple(chosen), tuple(rules))


def glyph_warnings(article: Article, theme: Theme) -> list[Problem]:
    """A warning, with its line, for every character no font of the theme has: it
    would print as an empty box (the handout shows its code point instead)."""
    strings = list(theme.strings(article.meta.lang).values.values())
    missing = coverage(theme, article_text(article, strings), "print").missing
    source = article.source
    lines = (source.front_matter + "\n" + source.body).split("\n")
    problems = []
    for char in missing[:20]:
        number = next((i for i, line in enumerate(lines) if char in line), None)
        line = None
        if number is not None:
            front_lines = source.front_matter.count("\n") + 1
            line = (
                number + 2
                if number < front_lines
                else number - front_lines + source.body_first_line
            )
        problems.append(
            Problem(
                source.path,
                f"'{char}' ({char_name(char)}) is in no font of the theme: the handout shows "
                f"U+{ord(char):04X} instead; add a font for it to the theme (docs/themes.md)",
                line,
            )
        )
    return problems
