"""Readability figures of one variant's text, from the token stream it shows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it.token import Token

from publisher.reading.model import Meta
from publisher.text.sentences import split_sentences
from publisher.text.syllables import count_syllables, words

PASSIVE_NL = re.compile(r"\b(word|wordt|worden|werd|werden|geworden)\b", re.IGNORECASE)
PARTICIPLE_NL = re.compile(r"\b(ge\w{2,}(?:d|t|en)|\w+eerd)\b", re.IGNORECASE)
TEXT_BLOCKS = ("paragraph_open", "list_item_open", "td_open", "th_open", "dd_open", "dt_open")


@dataclass(frozen=True)
class Sentence:
    text: str
    line: int | None
    words: int


@dataclass
class Figures:
    lang: str
    sentences: list[Sentence]
    word_count: int
    syllables: int
    difficult: list[str]
    difficult_count: int
    passive: list[Sentence] = field(default_factory=list)

    @property
    def words_per_sentence(self) -> float:
        return self.word_count / len(self.sentences) if self.sentences else 0.0

    @property
    def syllables_per_100_words(self) -> float:
        return 100 * self.syllables / self.word_count if self.word_count else 0.0

    @property
    def flesch_douma(self) -> float:
        return 206.84 - 0.93 * self.words_per_sentence - 0.77 * self.syllables_per_100_words

    @property
    def leesindex_brouwer(self) -> float:
        return 195 - 2 * self.words_per_sentence - 0.67 * self.syllables_per_100_words

    @property
    def flesch_reading_ease(self) -> float:
        per_word = self.syllables / self.word_count if self.word_count else 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * per_word

    @property
    def longest(self) -> Sentence | None:
        return max(self.sentences, key=lambda s: s.words, default=None)

    @property
    def difficult_share(self) -> float:
        return 100 * self.difficult_count / self.word_count if self.word_count else 0.0


@cache
def hard_words(lang: str) -> frozenset[str]:
    path = Path(__file__).with_name(f"hard_words_{lang.split('-')[0].lower()}.txt")
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def text_segments(tokens: list[Token], first_line: int) -> list[tuple[str, list[int]]]:
    """The running text of each block (paragraph, list item, cell), with the source
    line of every character."""
    segments: list[tuple[str, list[int]]] = []
    inside = 0
    for index, token in enumerate(tokens):
        if token.type in TEXT_BLOCKS:
            inside += 1
        elif token.type.replace("_close", "_open") in TEXT_BLOCKS and token.nesting == -1:
            inside -= 1
        if token.type != "inline" or not inside or not token.map:
            continue
        if index and tokens[index - 1].type == "heading_open":
            continue
        line = token.map[0] + first_line
        text: list[str] = []
        lines: list[int] = []
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                text.append(" ")
                lines.append(line)
                line += 1
            elif child.type in ("text", "code_inline"):
                text.append(child.content)
                lines.extend([line] * len(child.content))
        joined = "".join(text)
        if joined.strip():
            segments.append((joined, lines))
    return segments


def measure(tokens: list[Token], meta: Meta, first_line: int, zipf_limit: float = 3.0) -> Figures:
    lang = meta.lang
    base = meta.base_lang
    explained = {e.key.casefold() for e in meta.glossary} | {
        f.casefold() for e in meta.glossary for f in e.forms
    }
    explained |= {part for key in explained for part in key.split()}
    explained |= {short.casefold() for short, _ in meta.abbr}
    hard = hard_words(lang)
    segments = text_segments(tokens, first_line)
    # A word written with a capital in the middle of a sentence is a name everywhere.
    for text, _lines in segments:
        for sentence in split_sentences(text, lang):
            explained |= {w.casefold() for w in words(sentence)[1:] if w[0].isupper()}
    sentences: list[Sentence] = []
    word_count = syllables = difficult_count = 0
    difficult: list[str] = []
    seen_difficult: set[str] = set()
    passive: list[Sentence] = []
    for text, lines in segments:
        cursor = 0
        for sentence in split_sentences(text, lang):
            start = text.find(sentence, cursor)
            cursor = max(cursor, start + len(sentence))
            line = lines[start] if 0 <= start < len(lines) else None
            found = words(sentence)
            if not found:
                continue
            record = Sentence(sentence, line, len(found))
            sentences.append(record)
            word_count += len(found)
            syllables += sum(count_syllables(w, lang) for w in found)
            for position, word in enumerate(found):
                if _is_difficult(word, position, base, explained, hard, zipf_limit):
                    difficult_count += 1
                    if word.casefold() not in seen_difficult:
                        seen_difficult.add(word.casefold())
                        difficult.append(word)
            if base == "nl" and _is_passive(sentence):
                passive.append(record)
    return Figures(lang, sentences, word_count, syllables, difficult, difficult_count, passive)


def _is_passive(sentence: str) -> bool:
    """A form of "worden" with a past participle other than itself ("wordt gedaan",
    "werd aangegeven"); "is ... geworden" alone is "to become", not passive."""
    forms = {m.group(0).casefold() for m in PASSIVE_NL.finditer(sentence)}
    if not forms or forms == {"geworden"}:
        return False
    return any(m.group(0).casefold() != "geworden" for m in PARTICIPLE_NL.finditer(sentence))


def _is_difficult(
    word: str,
    position: int,
    lang: str,
    explained: set[str],
    hard: frozenset[str],
    zipf_limit: float,
) -> bool:
    from wordfreq import zipf_frequency

    folded = word.casefold()
    if folded in explained or len(folded) <= 2:
        return False
    if word[0].isupper() and position > 0:
        return False  # a proper name in the middle of a sentence
    if folded in hard:
        return True
    if word[0].isupper() and zipf_frequency(folded, lang) == 0:
        return False  # a name at the start of a sentence
    return zipf_frequency(folded, lang) < zipf_limit
