"""Editors' summaries as pages show them: the In brief and each exchange's summary, their
citations numbered in order of first citation and labelled with the statement's title."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from titfortat.model.inbrief import BriefPart
from titfortat.plan import urls


@dataclass(frozen=True)
class BriefPiece:
    """A piece of a summary: text, a linked name, or a numbered link to a statement."""

    text: str
    href: str | None = None
    number: int | None = None
    """For a citation: its number, in order of first citation."""
    label: str | None = None
    """For a citation: what the link says to a screen reader (the statement's title)."""


def cited(paragraphs: Iterable[Sequence[BriefPart]]) -> list[str]:
    """The statements cited (with no words of their own), in order of first citation."""
    found: dict[str, None] = {}
    for paragraph in paragraphs:
        for part in paragraph:
            if part.collection == "statements" and part.record_id and not part.text:
                found.setdefault(part.record_id, None)
    return list(found)


def pieces(
    paragraphs: Sequence[Sequence[BriefPart]],
    titles: dict[str, str],
    name: Callable[[str, str], str],
) -> tuple[tuple[BriefPiece, ...], ...]:
    """The paragraphs as pieces: a citation ``[[statement:id]]`` becomes a number against the
    word before it ("sanctuary¹"), a reference with words a link with those words (or the
    record's ``name``)."""
    numbers = {statement_id: n for n, statement_id in enumerate(cited(paragraphs), start=1)}
    shown: list[tuple[BriefPiece, ...]] = []
    for paragraph in paragraphs:
        out: list[BriefPiece] = []
        for part in paragraph:
            if part.collection is None or part.record_id is None:
                out.append(BriefPiece(part.text))
                continue
            href = urls.record_url(part.collection, part.record_id)
            if part.collection == "statements" and not part.text:
                if out and out[-1].href is None and out[-1].number is None:
                    before = out.pop().text.rstrip()
                    if before:
                        out.append(BriefPiece(before))
                number = numbers[part.record_id]
                label = f"Statement {number}: {titles[part.record_id]}"
                out.append(BriefPiece(str(number), href, number, label))
                continue
            out.append(BriefPiece(part.text or name(part.collection, part.record_id), href))
        shown.append(tuple(out))
    return tuple(shown)
