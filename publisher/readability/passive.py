"""Passive voice in Dutch and English sentences: rules, no parser.

A sentence is passive when one of its clauses has a passive auxiliary with a past
participle that is neither an adjective in disguise ("is bekend", "was interested") nor
the participle of a verb that forms its perfect with "zijn" ("is gekomen", "is
gestegen"). Dutch covers worden/zijn/zullen worden/moeten worden/kunnen worden with ge-,
separable, inseparable and irregular participles, impersonal "er wordt/er is",
participles before the auxiliary and "te worden"; "worden" as a copula ("wil dokter
worden") is not passive. English covers be/get passives with regular and irregular
participles, modal and perfect passives, contractions ("it's carried out") and reduced
relatives with "by"/"with".

The rules, their known blind spots and the measured accuracy (on the development lists
and on held-out sentences nobody tuned the rules on) are in docs/readability.md; the
sentences and their sources are in tests/data/passive/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["LANGUAGES", "is_passive", "is_passive_en", "is_passive_nl"]


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, one word per space."""
    return frozenset(text.split())


_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CLAUSE_RE = re.compile(r"[,;:()–—]|\s-\s")
# Dutch clauses are not cut at commas or dashes: the participle often comes after an
# inserted phrase ("is, vanwege het karakter, door BZK ingevuld").
_NL_CLAUSE_RE = re.compile(r"[;:()]")

# ----------------------------------------------------------------------------- Dutch

_NL_WORDEN = frozenset({"word", "wordt", "worden", "werd", "werden"})
_NL_ZIJN = frozenset({"ben", "bent", "is", "zijn", "was", "waren", "geweest"})
_NL_HEBBEN = frozenset({"heb", "hebt", "heeft", "hebben", "had", "hadden", "gehad"})

# Participles of verbs that form the perfect with "zijn": "is gekomen" is active.
_NL_ZIJN_VERBS = frozenset(
    _words(
        """
    gekomen aangekomen binnengekomen teruggekomen voorgekomen opgekomen meegekomen
    tegengekomen uitgekomen bijgekomen omgekomen gebleken gestegen gedaald gebleven
    vertrokken gebeurd begonnen geworden gegaan verdwenen verschenen ontstaan gestorven
    overleden gevallen gegroeid toegenomen afgenomen ingegaan gelukt geslaagd mislukt
    gepromoveerd gestart gevlucht verstreken opgegroeid veranderd gereden gevlogen gelopen
    geweest gezwommen verhuisd ontsnapt gezakt opgestaan afgestudeerd getrouwd
    verlopen geëscaleerd gestopt teruggekeerd opgehouden geland ingestort gearriveerd
    overgestapt uitgegroeid weggegaan meegegaan toegetreden gekrompen
        """
    )
)
# Participles used as adjectives after "zijn" (state, not event): see PASSIVE.md.
_NL_ADJECTIVAL = frozenset(
    _words(
        """
    bekend verplicht gesloten geopend afgesloten gespecialiseerd gecharmeerd verslaafd
    veelgevraagd
    betrokken gewend geïnteresseerd gelegen gemiddeld ingewikkeld afgelopen verwacht
    tevreden gewenst bedoeld genoodzaakt verbaasd verrast bezorgd geschikt opgelucht
    gericht verliefd getrouwd
    verschuldigd bevoegd gemotiveerd gehandicapt verwant verzekerd
        """
    )
)
_NL_NOT_PARTICIPLE = frozenset(
    _words(
        """
    gebied gezicht gewicht gedicht gerecht geleden gebruiken geloven genieten gebeuren
    gelden gemeenten gedachten gevolgen bedrijven bedragen besturen verschillen verhalen
    gebruikt geeft gaat bestaat betekent behoort verwacht bent ervan erin eraan
    beleid beeld bericht bestand verband verbod verleden overheden voorwaarden voordat
    voorbeeld verslavend
        """
    )
)
_NL_WORDEN_ADJECTIVAL = frozenset({"verslaafd", "verliefd", "gewend"})
# Inseparable onder-/over-/door-/voor-/mis- verbs have no ge- ("wordt onderzocht",
# "moet worden voorkomen"); counted only right next to a form of worden.
_NL_BARE_PARTICIPLE_RE = re.compile(r"^(?:onder|over|door|voor|mis)\w{3,}(?:d|t|en)$")
# ge- participles, with a separable particle in front (aangevraagd, bekendgemaakt); only
# known particles, so that compounds such as "restauranteigenaren" are not participles.
_NL_PARTICLES = (
    "aan|af|bij|door|in|mee|na|om|onder|op|over|toe|uit|vast|voor|weg|terug|samen|"
    "bekend|vorm|goed|hand|vlam|veel|vrij|plaats|deel|stand|tegen|binnen|buiten|neer|"
    "rond|thuis|kwijt|open|dicht|los|stil|schoon|teleur"
)
_NL_PARTICIPLE_RE = re.compile(
    rf"^(?:{_NL_PARTICLES})?ge(?:\w{{2,}}(?:d|t|en)|daan|gaan|staan|slagen)$"
)
# be-/ver-/ont-/her-/er- participles have no ge-; those in -en look like infinitives
# (besloten / besluiten), so they count only next to an auxiliary or at the clause end.
_NL_PREFIXED_RE = re.compile(r"^(?:(?:be|ver|ont|her)\w{2,}(?:d|t|en)|er\w{2,}[dt])$")
_NL_DETERMINERS = _words("de een deze dit geen elk elke ieder iedere uw onze mijn jouw")
# Participles used as plural nouns: "de geïnteresseerden", "de betrokkenen".
_NL_NOUN_PLURAL_RE = re.compile(r"(?:eerden|eerten|igden|enen)$")
_NL_AUXILIARIES = frozenset(
    {"kan", "kunnen", "moet", "moeten", "zal", "zullen", "zou", "zouden", "mag"}
) | frozenset({"mogen", "wil", "willen"})
_NL_PREPOSITIONS = _words("van met aan op in voor naar over bij uit door om tot en of dat die wie")
# Words after which a be-/ver- word in -en is a plural noun ("zonder bezwaren is").
_NL_BEFORE_NOUNS = _NL_PREPOSITIONS | _words(
    "zonder de een deze die geen alle veel weinig hun uw onze mijn jouw zijn haar hun"
)
_NL_PHRASES = (re.compile(r"\bop de vlucht geslagen\b"), re.compile(r"\btot stand gekomen\b"))


def _nl_participles(tokens: Sequence[str]) -> list[int]:
    found = []
    for index, token in enumerate(tokens):
        if token in _NL_NOT_PARTICIPLE or token.endswith(("heid", "ingen", "isch")):
            continue
        if _NL_NOUN_PLURAL_RE.search(token):
            continue
        if index and tokens[index - 1] in _NL_DETERMINERS:
            continue  # "een besluit", "de beschikking": a noun
        if index and tokens[index - 1] in {"te", "het"}:
            continue  # "te benutten", "het veroorzaken": an infinitive
        if _NL_PARTICIPLE_RE.match(token):
            found.append(index)
        elif _NL_PREFIXED_RE.match(token):
            neighbours = {tokens[j] for j in (index - 1, index + 1) if 0 <= j < len(tokens)}
            beside_auxiliary = bool(neighbours & (_NL_WORDEN | _NL_ZIJN | _NL_AUXILIARIES))
            noun = index > 0 and tokens[index - 1] in _NL_BEFORE_NOUNS  # "zonder bezwaren"
            noun = noun or len(token) > 12  # a compound noun: "ervaringsdeskundigen"
            if not token.endswith("en") or (
                not noun and (index == len(tokens) - 1 or beside_auxiliary)
            ):
                found.append(index)
        elif _NL_BARE_PARTICIPLE_RE.match(token) and any(
            tokens[j] in _NL_WORDEN or (tokens[j] in _NL_ZIJN and not token.endswith("en"))
            for j in range(max(0, index - 2), min(len(tokens), index + 3))
        ):
            found.append(index)  # "wordt nog onderzocht", "is niet onderzocht"
    return found


def _nl_is_auxiliary_zijn(tokens: Sequence[str], position: int) -> bool:
    """Forms of zijn, except the possessive "zijn" (his): "naar zijn reisgenoten"."""
    if tokens[position] != "zijn":
        return tokens[position] in _NL_ZIJN
    return position > 0 and tokens[position - 1] not in _NL_PREPOSITIONS


def _nl_clause_is_passive(tokens: Sequence[str]) -> bool:
    has_worden = any(t in _NL_WORDEN for t in tokens)
    for index in _nl_participles(tokens):
        word = tokens[index]
        neighbours = {tokens[j] for j in (index - 1, index + 1) if 0 <= j < len(tokens)}
        if neighbours & _NL_HEBBEN:
            continue  # "ontvangen hebben": a perfect with hebben
        if word in _NL_ZIJN_VERBS:
            continue  # "is gekomen", "is gestegen": perfect of an active verb
        if has_worden and word not in _NL_WORDEN_ADJECTIVAL:
            return True
        if word in _NL_ADJECTIVAL:
            continue  # "is bekend", "is gesloten" (state)
        if any(_nl_is_auxiliary_zijn(tokens, p) for p in range(len(tokens))):
            return True
    return False


def is_passive_nl(sentence: str) -> bool:
    """Whether a Dutch sentence has a passive clause."""
    lowered = sentence.lower()
    for phrase in _NL_PHRASES:
        lowered = phrase.sub(" ", lowered)
    return any(
        _nl_clause_is_passive(_TOKEN_RE.findall(clause)) for clause in _NL_CLAUSE_RE.split(lowered)
    )


# ---------------------------------------------------------------------------- English

_EN_BE = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't"})
_EN_BE |= frozenset({"wasn't", "weren't"})
_EN_GET = frozenset({"get", "gets", "got", "gotten", "getting"})
_EN_IRREGULAR = frozenset(
    _words(
        """
    done given taken made known shown seen sent paid held told sold brought bought built
    born written chosen drawn driven eaten forgotten found grown hidden kept laid led left
    lost meant put read said set shut spent spoken stolen struck taught thrown understood
    won withdrawn worn forbidden undertaken overseen begun broken cut hit hurt let
        """
    )
)
_EN_ADJECTIVAL = frozenset(
    _words(
        """
    interested prepared satisfied pleased concerned worried tired bored excited surprised
    involved engaged dressed qualified supposed located based scared
    frightened annoyed amazed disappointed determined convinced aged entitled obliged
        """
    )
)
_EN_GET_ADJECTIVAL = frozenset({"married", "involved", "engaged", "dressed", "lost", "started"})
_EN_SKIP = frozenset(
    _words(
        """
    not also only then normally usually often always never still already automatically
    gently commonly most periodically individually certainly almost just being n't
    sometimes also often
        """
    )
)
_EN_DEGREE = frozenset({"very", "too", "so", "quite", "rather", "more", "less", "well"})
_EN_NOT_PARTICIPLE = frozenset({"need", "red", "bed", "feed", "speed", "seed", "hundred"})


def _en_is_participle(word: str) -> bool:
    if word in _EN_NOT_PARTICIPLE:
        return False
    return word in _EN_IRREGULAR or (len(word) > 3 and word.endswith("ed"))


def _en_clause_is_passive(tokens: Sequence[str]) -> bool:
    for index, token in enumerate(tokens):
        is_be, is_get = token in _EN_BE, token in _EN_GET
        if not (is_be or is_get):
            continue
        position = index + 1
        degree = False
        while position < len(tokens) and (
            tokens[position] in _EN_SKIP
            or tokens[position] in _EN_DEGREE
            or (tokens[position].endswith("ly") and len(tokens[position]) > 4)  # adverbs
        ):
            degree = degree or tokens[position] in _EN_DEGREE
            position += 1
        if position >= len(tokens) or not _en_is_participle(tokens[position]):
            continue
        word = tokens[position]
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        if word == "set" and following == "to":
            continue  # "is set to run": scheduled
        after_to = tokens[position + 2] if position + 2 < len(tokens) else ""
        if word == "used" and following == "to" and after_to.endswith("ing"):
            continue  # "is used to doing": accustomed
        if is_get and word in _EN_GET_ADJECTIVAL:
            continue  # "got married": a change of state
        if is_be and (degree or word in _EN_ADJECTIVAL):
            continue  # "was interested", "are very well documented"
        return True
    # A reduced relative with an agent or instrument: "the information marked with an *",
    # "conducted by the vicar".
    for index, token in enumerate(tokens):
        if index and tokens[index - 1] in {"have", "has", "had", "'ve"}:
            continue
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if _en_is_participle(token) and following in {"by", "with"} and token not in _EN_ADJECTIVAL:
            return True
    return False


# "it's carried out", "they're given": the contracted forms of be before a participle.
_EN_CONTRACTED_BE = re.compile(
    r"\b(it|that|he|she|this|there|what|who|which|everything|nothing)'s\b|\b(\w+)'re\b"
)


def _en_expand(text: str) -> str:
    return _EN_CONTRACTED_BE.sub(
        lambda m: f"{m.group(1)} is" if m.group(1) else f"{m.group(2)} are", text
    )


def is_passive_en(sentence: str) -> bool:
    """Whether an English sentence has a passive clause."""
    lowered = _en_expand(sentence.lower().replace("’", "'"))
    return any(
        _en_clause_is_passive(_TOKEN_RE.findall(clause)) for clause in _CLAUSE_RE.split(lowered)
    )


LANGUAGES = frozenset({"nl", "en"})
"""Languages whose passive voice is detected."""


def is_passive(sentence: str, lang: str) -> bool:
    """Dispatch on the language ('nl', 'nl-BE', 'en', 'en-GB', ...); ValueError for a
    language without a detector (see :data:`LANGUAGES`)."""
    base = re.split(r"[-_]", lang, maxsplit=1)[0].lower()
    if base == "nl":
        return is_passive_nl(sentence)
    if base == "en":
        return is_passive_en(sentence)
    raise ValueError(f"no passive detector for {lang}")
