"""Verbatim quotes, checked against the stored text of their source.

A quote matches its paragraph when, after the normalisation below, it occurs there exactly.
The normalisation only forgives what a copy-and-paste or a keyboard changes:

- typographic quotes and apostrophes (‘ ’ ‚ ‛ “ ” „ ‟ ′ ″) become ' and ";
- dashes and hyphens (‐ ‑ ‒ – — ― −) become -;
- every run of white space, non-breaking spaces included, becomes one space;
- the text is put in Unicode NFC form.

An elision is written ``…`` or ``...``: the parts around it must each occur, in order, and
each must have at least three words. Every part must start and end on a word boundary.
Letters, case, words and punctuation otherwise must match exactly.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
    }
)
_SPACE = re.compile(r"\s+")
_ELISION = re.compile(r"\s*(?:\u2026|\.\.\.)\s*")

MIN_QUOTE_WORDS = 3
"""Shorter evidence proves nothing: "the" occurs everywhere."""

MIN_SEGMENT_WORDS = 3
"""Each part of an elided quote is evidence on its own, so it needs as many words."""


def normalise(text: str) -> str:
    """Fold the differences a copy or a keyboard introduces, and nothing else."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    return _SPACE.sub(" ", text).strip()


def segments(quote: str) -> list[str]:
    """The normalised parts of a quote between its elisions."""
    return [part for part in _ELISION.split(normalise(quote)) if part]


def _is_word_character(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def find_segments(parts: list[str], text: str) -> bool:
    """Whether every part occurs in ``text`` (already normalised), in order, without overlap,
    each starting and ending on a word boundary ("nned Tehreek" does not match "banned
    Tehreek")."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        while found >= 0 and (
            (part[0].isalnum() and _is_word_character(text, found - 1))
            or (part[-1].isalnum() and _is_word_character(text, found + len(part)))
        ):
            found = text.find(part, found + 1)
        if found < 0:
            return False
        position = found + len(part)
    return True


def short_segment(quote: str) -> str | None:
    """A part of an elided quote too short to stand on its own, if there is one.

    "Islamabad … deadliest terror attacks" could join words the source keeps apart; every
    part between elisions must carry at least MIN_SEGMENT_WORDS words.
    """
    parts = segments(quote)
    if len(parts) < 2:
        return None
    return next((part for part in parts if len(part.split(" ")) < MIN_SEGMENT_WORDS), None)


_MARKER = re.compile(r"^\[(?:([1-9][0-9]*)|([a-z][a-z-]*))\][ \t]*$")


@dataclass(frozen=True)
class Paragraphs:
    """The stored excerpt of a source: the quoted paragraphs, each under its number in the
    original, and any labelled lines (a dateline) that date wordings are checked against.

    The format is plain text: a line ``[3]`` (or ``[dateline]``), then the paragraph, then a
    blank line; lines starting with ``#`` before the first marker are comments.
    """

    numbers: tuple[int | str, ...]
    raw: tuple[str, ...]
    normalised: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Paragraphs | str:
        """The excerpt, or what is wrong with the text (a message for the editor)."""
        numbers: list[int | str] = []
        blocks: list[list[str]] = []
        for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
            marker = _MARKER.match(line.strip())
            if marker:
                label: int | str = int(marker[1]) if marker[1] else marker[2]
                if label in numbers:
                    return f"line {number}: [{label}] appears twice"
                previous = [n for n in numbers if isinstance(n, int)]
                if isinstance(label, int) and previous and label < previous[-1]:
                    return (
                        f"line {number}: [{label}] comes after [{previous[-1]}]: keep the "
                        "original's order"
                    )
                numbers.append(label)
                blocks.append([])
            elif blocks:
                blocks[-1].append(line)
            elif line.strip() and not line.lstrip().startswith("#"):
                return (
                    f"line {number}: text before the first paragraph marker; put each quoted "
                    "paragraph under its number in the original, like [3] on a line of its own"
                )
        if not numbers:
            return (
                "no paragraph markers: store only the quoted paragraphs, each under its number "
                "in the original, like [3] on a line of its own"
            )
        raw = tuple("\n".join(block).strip() for block in blocks)
        for label, paragraph in zip(numbers, raw, strict=True):
            if not paragraph:
                return f"[{label}] is empty"
        return cls(tuple(numbers), raw, tuple(normalise(block) for block in raw))

    def __len__(self) -> int:
        return len(self.raw)

    @property
    def cited(self) -> tuple[int, ...]:
        """The numbered paragraphs the excerpt holds."""
        return tuple(n for n in self.numbers if isinstance(n, int))

    def text(self, paragraph: int) -> str | None:
        """A paragraph as stored, or None if the excerpt does not hold it."""
        if paragraph not in self.numbers:
            return None
        return self.raw[self.numbers.index(paragraph)]

    def contains(self, quote: str, paragraph: int) -> bool:
        """Whether the quote occurs in the paragraph (which the excerpt must hold)."""
        parts = segments(quote)
        index = self.numbers.index(paragraph)
        return bool(parts) and find_segments(parts, self.normalised[index])

    def find_paragraph(self, quote: str) -> int | None:
        """The first numbered paragraph that holds the whole quote, if any."""
        parts = segments(quote)
        for number, text in zip(self.numbers, self.normalised, strict=True):
            if isinstance(number, int) and parts and find_segments(parts, text):
                return number
        return None

    def anywhere(self, words: str) -> bool:
        """Whether the words occur in any block, labelled ones included (date wordings)."""
        return bool(self.blocks_with(words))

    def blocks_with(self, words: str) -> list[int | str]:
        """The blocks (numbered paragraphs and labelled ones) the words occur in."""
        parts = segments(words)
        if not parts:
            return []
        return [
            number
            for number, text in zip(self.numbers, self.normalised, strict=True)
            if find_segments(parts, text)
        ]


def closest_text(quote: str, paragraph_text: str, limit: int = 120) -> str:
    """The stretch of the paragraph most like the first part of the quote that is missing.

    It is what an editor most likely meant to copy; the message shows it so the fix is a
    glance away.
    """
    text = normalise(paragraph_text)
    missing = next((part for part in segments(quote) if part not in text), normalise(quote))
    words = text.split(" ")
    target = len(missing.split(" "))
    best, best_ratio = "", -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(missing)
    for size in {max(1, target - 2), target, target + 2}:
        for start in range(max(1, len(words) - size + 1)):
            window = " ".join(words[start : start + size])
            matcher.set_seq1(window)
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = window, ratio
    if len(best) > limit:
        best = best[: limit - 1] + "\u2026"
    return best
