"""Reading data/in-brief.md: its paragraphs, sentences and references, with their positions.

Pure: text in, parts and problems out. The checker (checker.py) resolves the references and
holds each sentence to the statements it cites.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from titfortat.check.problems import Problem
from titfortat.model.inbrief import REFERENCE, REFERENCE_KINDS, BriefPart

_SENTENCE_END = re.compile('(?<=[.!?])["\u201d\u2019)]*\\s+')
"""A sentence ends at a full stop (question or exclamation mark), any closing quotes, and a
space. References go before the full stop: "... a sanctuary [[statement:x]]." """


@dataclass(frozen=True)
class Reference:
    """A reference as written, with where it is."""

    collection: str
    record_id: str
    words: str | None
    line: int
    column: int


@dataclass(frozen=True)
class Sentence:
    """One sentence: its parts, its references, and where it starts."""

    parts: tuple[BriefPart, ...]
    references: tuple[Reference, ...]
    line: int
    column: int

    @property
    def text(self) -> str:
        """What a reader reads: the text and the words of references that show words."""
        return "".join(part.text for part in self.parts)


@dataclass(frozen=True)
class Parsed:
    """The summary as written: paragraphs of sentences."""

    paragraphs: tuple[tuple[Sentence, ...], ...]


def _paragraphs(text: str) -> Iterator[list[tuple[int, str]]]:
    """Paragraphs as lists of (line number, line), split at blank lines."""
    current: list[tuple[int, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            current.append((number, line.rstrip()))
        elif current:
            yield current
            current = []
    if current:
        yield current


def parse(path: str, text: str) -> tuple[Parsed, list[Problem]]:
    """The paragraphs and sentences of the summary; problems of form (an unknown kind of
    reference, a malformed one) with their line and column."""
    problems: list[Problem] = []
    paragraphs: list[tuple[Sentence, ...]] = []
    for lines in _paragraphs(text.replace("\r\n", "\n")):
        joined = ""
        positions: list[tuple[int, int]] = []
        for number, line in lines:
            if joined:
                joined += " "
                positions.append((number, 0))
            stripped = line.strip()
            offset = len(line) - len(line.lstrip())
            for index in range(len(stripped)):
                positions.append((number, offset + index + 1))
            joined += stripped
        sentences: list[Sentence] = []
        start = 0
        bounds = [m.end() for m in _SENTENCE_END.finditer(joined)] + [len(joined)]
        for end in bounds:
            chunk = joined[start:end].rstrip()
            if chunk:
                sentences.append(_sentence(path, chunk, start, positions, problems))
            start = end
        paragraphs.append(tuple(sentences))
    return Parsed(tuple(paragraphs)), problems


def _sentence(
    path: str,
    chunk: str,
    start: int,
    positions: list[tuple[int, int]],
    problems: list[Problem],
) -> Sentence:
    parts: list[BriefPart] = []
    references: list[Reference] = []
    cursor = 0
    for match in REFERENCE.finditer(chunk):
        if match.start() > cursor:
            parts.append(BriefPart(chunk[cursor : match.start()]))
        line, column = positions[start + match.start()]
        kind, record_id, words = match.group(1), match.group(2), match.group(3)
        collection = REFERENCE_KINDS.get(kind)
        if collection is None:
            problems.append(
                Problem(
                    path,
                    line,
                    column,
                    f"[[{kind}:...]] is not a kind of reference: use "
                    + ", ".join(f"[[{k}:id]]" for k in REFERENCE_KINDS),
                )
            )
        elif not record_id:
            problems.append(Problem(path, line, column, f"[[{kind}:]] names no record"))
        else:
            shown = words.strip() if words and words.strip() else None
            references.append(Reference(collection, record_id, shown, line, column))
            parts.append(BriefPart(shown or "", collection, record_id))
        cursor = match.end()
    if cursor < len(chunk):
        parts.append(BriefPart(chunk[cursor:]))
    line, column = positions[start]
    return Sentence(tuple(parts), tuple(references), line, column)
