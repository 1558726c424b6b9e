"""The site's own words about a statement: who said it, through whom, when and according to
which sources. What was said is the statement's paraphrase, written by an editor and checked
against each report's quotes (model/support.py); this module only builds the frame around it,
crediting each source with what its own quotes hold.

Pure functions of names, labels and dates, so the grammar is tested directly
(tests/test_sentences.py): agreement for collectives, articles for governments and groups, a
short name once an actor has been named, capitals at the start of a sentence only, counts
that agree with their nouns, and date phrases that never claim more precision than the date
has.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from titfortat.model import vocab
from titfortat.model.dates import MONTHS, DateValue
from titfortat.model.records import Actor


@dataclass(frozen=True)
class Seg:
    """A piece of a sentence; ``href`` is a site-relative link target, if it links."""

    text: str
    href: str | None = None


def sentence_text(segments: Iterable[Seg]) -> str:
    """A sentence as plain text (for descriptions, search and JSON-LD)."""
    return "".join(segment.text for segment in segments)


def capitalise(text: str) -> str:
    """The text with its first letter upper case (the rest as written)."""
    return text[:1].upper() + text[1:]


def plural(count: int, singular: str, many: str | None = None) -> str:
    """ "1 claim", "2 claims", "1 entry", "3 entries"."""
    return f"{count:,} {singular if count == 1 else (many or singular + 's')}"


def counted(count: int, singular: str, many: str | None = None) -> str:
    """ "no claims", "1 claim", "2 claims": a count in running text."""
    if count == 0:
        return f"no {many or singular + 's'}"
    return plural(count, singular, many)


def join_names(names: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def actor_name(actor: Actor, *, again: bool = False) -> str:
    """An actor as a sentence names it, mid-sentence.

    Governments, armed groups and international bodies take "the"; an armed group is named in
    full with its acronym the first time ("the Islamic State Khorasan Province (IS-KP)") and
    by its short name after ("IS-KP", "the Pakistani government"). A collective's name is
    stored as it reads mid-sentence ("some experts"); states and people are names.
    """
    name = actor.name
    armed_group = actor.type is vocab.ActorType.ARMED_GROUP
    if again and actor.short_name:
        name = actor.short_name
    elif armed_group and actor.short_name and actor.short_name not in name:
        name = f"{name} ({actor.short_name})"
    article = actor.type.definite_article and not (again and armed_group)
    if article and not name.lower().startswith("the "):
        name = f"the {name}"
    return name


def _day(value: DateValue, which: str) -> str:
    point = value.start if which == "start" else value.end
    assert point is not None
    return point.human()


def when_phrase(value: DateValue, *, approximate: bool = False) -> str:
    """When something was said, as a phrase that claims no more precision than the date:
    "on 30 September 2024", "in September 2024", "in 2024", "between 24 and 30 September
    2024", "between August 2021 and October 2024", "by 5 October 2024" (an open start)."""
    about = "about " if approximate else ""
    start, end = value.start, value.end
    if start is None:
        return f"by {about}{end.human()}"
    if value.precision is not vocab.Precision.INTERVAL or start.text == end.text:
        preposition = "on" if end.precision is vocab.Precision.DAY else "in"
        return f"{preposition} {about}{end.human()}"
    both_days = start.precision is end.precision is vocab.Precision.DAY
    same_month = (start.first.year, start.first.month) == (end.first.year, end.first.month)
    if both_days and same_month:
        return f"between {about}{start.first.day} and {end.human()}"
    if both_days and start.first.year == end.first.year:
        first = f"{start.first.day} {MONTHS[start.first.month - 1]}"
        return f"between {about}{first} and {end.human()}"
    months = start.precision is end.precision is vocab.Precision.MONTH
    if months and start.first.year == end.first.year:
        return f"between {about}{MONTHS[start.first.month - 1]} and {end.human()}"
    return f"between {about}{start.human()} and {end.human()}"


@dataclass(frozen=True)
class Frame:
    """The parts of a statement's attribution, as links and words."""

    sources: tuple[Seg, ...]
    """The sources whose own quotes give the whole statement, originals first."""
    accuser: Seg
    speaker: Seg | None
    role: str | None
    """The speaker's role in the accuser ("spokesperson")."""
    verb: str
    when: str
    author_voice: bool
    """The accuser is the author of the (first) source, writing in its own voice."""
    partial: tuple[Seg, ...] = ()
    """The sources that report it in part, credited with no more than that."""


def attribution(frame: Frame) -> list[Seg]:
    """Who said it, through whom, when, according to which source, up to "that":

    "According to Policy East, the Taliban government of Afghanistan, through its
    spokesperson Zabihullah Mujahid, said on 30 September 2024 that"; in the author's own
    voice, "Arshad Mehmood wrote in Policy East, between 3 and 5 October 2024, that".
    """
    when = f", {frame.when}," if frame.when.startswith(("by ", "between ")) else f" {frame.when}"
    if frame.author_voice:
        verb = "wrote" if frame.verb == "said" else frame.verb
        return [
            Seg(capitalise(frame.accuser.text), frame.accuser.href),
            Seg(f" {verb} in "),
            *_joined(frame.sources),
            Seg(f"{when} that "),
        ]
    parts = [Seg("According to "), *_joined(frame.sources), Seg(", "), frame.accuser]
    if frame.speaker is not None:
        parts += [Seg(f", through its {frame.role or 'speaker'} "), frame.speaker, Seg(",")]
    parts.append(Seg(f" {frame.verb}{when} that "))
    return parts


def attribution_line(frame: Frame) -> tuple[Seg, ...]:
    """The frame on its own, to head a list of what was said: "According to Policy East, the
    Taliban government ..., said on 30 September 2024 that:"."""
    parts = attribution(frame)
    last = parts[-1]
    return merge([*parts[:-1], Seg(last.text.rstrip() + ":", last.href)])


def claim_sentence(frame: Frame, paraphrase: str) -> tuple[Seg, ...]:
    """The statement in one attributed sentence: the frame, then the editor's paraphrase,
    then the sources that report it in part ("; B reports the same statement in part")."""
    text = paraphrase.rstrip(".")
    if not frame.partial:
        return merge([*attribution(frame), Seg(text + ".")])
    verb = "reports" if len(frame.partial) == 1 else "report"
    return merge(
        [
            *attribution(frame),
            Seg(text + "; "),
            *_joined(frame.partial),
            Seg(f" {verb} the same statement in part."),
        ]
    )


def _joined(segments: Sequence[Seg]) -> list[Seg]:
    parts: list[Seg] = []
    for index, segment in enumerate(segments):
        if index:
            parts.append(Seg(" and " if index == len(segments) - 1 else ", "))
        parts.append(segment)
    return parts


def merge(parts: Iterable[Seg]) -> tuple[Seg, ...]:
    """Join neighbouring plain pieces, so templates and tests see whole phrases."""
    merged: list[Seg] = []
    for part in parts:
        if merged and part.href is None and merged[-1].href is None:
            merged[-1] = Seg(merged[-1].text + part.text)
        else:
            merged.append(part)
    return tuple(merged)
