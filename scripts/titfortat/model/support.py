"""The support check: a paraphrase may use only words its quotes (or the names of the records
it links) contain.

An editor writes each claim's paraphrase "as close to the quote as plain English allows". This
module holds them to it: every content word and number of the paraphrase must occur, after
the simple normalisation below, in the claim's quotes or in the names and other names of the
actors and places the claim links. Function words (articles, prepositions, pronouns, forms of
"be", "have" and "do", conjunctions) are left out; negations, modals and quantifiers are not:
"not", "may", "many" change what a sentence says, so a paraphrase must not add them either.

Normalisation: case, typographic apostrophes, possessive "'s", British and American spelling
(-ise/-ize, -our/-or, -tre/-ter, defence/defense), and common suffixes (plural -s and -es,
-ies, -ed, -ing, -ly, -er, -ment, -al), so "militants" matches "militant" and "trained"
matches "training". It forgives grammar, never a new word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")

STOP_WORDS = frozenset(
    """
    a an the and or but nor so yet if then than that this these those there here
    of in on at by for from to into onto upon with without within over under about above
    below across after before between among amid through throughout during since until
    till via as per like unlike toward towards against beside besides beyond near
    is are was were be been being am has have had having do does did doing done
    it its itself they them their theirs themselves he him his himself she her hers herself
    we us our ours ourselves you your yours i me my mine who whom whose which what
    while whereas also both either neither whether such
    """.split()  # noqa: SIM905 - a paragraph of words reads better than a list of strings
)
"""Words that carry no claim of their own. Negations (not, no, never), modals (may, could,
would...) and quantifiers (all, many, some...) are deliberately not here."""

_SPELLING = (
    (re.compile(r"is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"our(s|ed|ing|able|ite|ites)?$"), r"or\1"),
    (re.compile(r"tre(s)?$"), r"ter\1"),
    (re.compile(r"fence(s)?$"), r"fense\1"),
)
_SUFFIXES = (
    "ments",
    "ment",
    "ingly",
    "ings",
    "ing",
    "edly",
    "ed",
    "ers",
    "er",
    "ly",
    "als",
    "al",
    "es",
    "s",
)


@functools.cache
def _normal(word: str) -> str:
    """Case, apostrophes, possessive "'s" and British/American spelling."""
    word = unicodedata.normalize("NFC", word).lower().replace("\u2019", "'").replace("\u2018", "'")
    word = re.sub(r"'s?$", "", word)
    for pattern, replacement in _SPELLING:
        if len(word) > 5:
            word = pattern.sub(replacement, word)
    return word


def fold(word: str) -> str:
    """A word in one canonical form, for telling whether two words are the same word as
    written (an editorial word and the paraphrase's word)."""
    word = _normal(word)
    if word.isdigit() or len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[: -len(suffix)] + replacement
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):  # "note" stays "note", never "not"
        word = word[:-1]
    return word


@functools.cache
def stems(word: str) -> frozenset[str]:
    """Every form a word may be the grammatical variant of: the word, and the word less each
    suffix it ends with, twice over ("shelters" and "sheltering" share "shelter"; "uses" and
    "using" share "use"). Two words are the same word when their stems meet. A bare final
    "e" is never taken off, so "note" never meets "not"."""
    first = _normal(word)
    found = {first, fold(first)}
    if first.isdigit() or len(first) <= 3:
        return frozenset(found)
    frontier = [first]
    for _ in range(2):
        following: list[str] = []
        for form in frontier:
            for suffix, replacement in (("ies", "y"), ("ied", "y")):
                if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                    following.append(form[: -len(suffix)] + replacement)
            for suffix in _SUFFIXES:
                if form.endswith(suffix) and len(form) - len(suffix) >= 2:
                    base = form[: -len(suffix)]
                    following += [base, base + "e"]
                    if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "aeiouls":
                        following.append(base[:-1])
        found.update(following)
        frontier = following
    return frozenset(found)


def same_word(one: str, other: str) -> bool:
    """Whether two words are grammatical variants of each other (see :func:`stems`)."""
    return bool(stems(one) & stems(other))


def words(text: str) -> list[str]:
    """The words of a text as written (hyphenated words whole: "IS-KP", "cross-border")."""
    normalised = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.findall(normalised)


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Every stem of every word of the texts, hyphenated words both whole and in parts."""
    found: set[str] = set()
    for text in texts:
        for word in words(text):
            found.update(stems(word))
            for part in re.split(r"[-']", word):
                if part:
                    found.update(stems(part))
    return frozenset(found)


def content_words(paraphrase: str) -> list[str]:
    """The words of a paraphrase that must be supported, as written, in order, once each."""
    seen: dict[str, None] = {}
    for word in words(paraphrase):
        if word.lower() not in STOP_WORDS:
            seen.setdefault(word, None)
    return list(seen)


def unsupported(
    paraphrase: str, support: frozenset[str], accepted: Iterable[str] = ()
) -> list[str]:
    """The content words of ``paraphrase`` that ``support`` (a :func:`vocabulary`) lacks, as
    written, less the ``accepted`` editorial words. A hyphenated word is supported whole or
    part by part."""
    allowed = vocabulary(accepted)

    def known(word: str) -> bool:
        return bool(stems(word) & support) or bool(stems(word) & allowed)

    missing: list[str] = []
    for word in content_words(paraphrase):
        if known(word):
            continue
        parts = [part for part in re.split(r"[-']", word) if part]
        if len(parts) > 1 and all(known(p) or p.lower() in STOP_WORDS for p in parts):
            continue
        missing.append(word)
    return missing
