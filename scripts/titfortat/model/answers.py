"""A statement's answers over time: what sources say of them, and the answers sources tie to
it, in time order. One rule, declared here, for the pages and the downloads alike.

A state is set only by an answer a source ties to the statement (see
:class:`~titfortat.model.vocab.Tie`); what a source says of the answers (none yet, none
official) holds as of the source's date. A republished copy never outranks the original: an
answer's state holds as of the answer's first report in the site's order (originals first).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import DateValue, parse_date
from titfortat.model.records import Answer, Report, Statement, StatusEntry, When


@dataclass(frozen=True)
class Step:
    """One step of a statement's answers over time."""

    state: vocab.Status
    date: DateValue | None
    """When it began: the answer's date, the state's own, or its source's."""
    as_of: str
    """The source it holds as of."""
    entry: StatusEntry | None = None
    """What a source says of the answers, when the step is that."""
    answer: Statement | None = None
    """The answer that set it, when an answer did."""
    given: Answer | None = None


def _date(when: When | None) -> DateValue | None:
    if when is None:
        return None
    parsed = parse_date(when.date, when.precision)
    return parsed if isinstance(parsed, DateValue) else None


def ranked(statement: Statement, dataset: Dataset) -> list[Report]:
    """Its reports in the order the site credits them: those that give it whole before those
    that give part, originals before republished copies, then as written."""
    indexed = list(enumerate(statement.reports))
    indexed.sort(
        key=lambda item: (
            item[1].paraphrase is not None,
            dataset.sources[item[1].source].copy_of is not None,
            item[0],
        )
    )
    return [report for _, report in indexed]


def answers_to(dataset: Dataset) -> Mapping[str, list[str]]:
    """Per statement, the statements that answer it (as their ``answers`` say), in data
    order."""
    found: dict[str, list[str]] = defaultdict(list)
    for statement in dataset.statements.values():
        for given in statement.answers:
            found[given.statement].append(statement.id)
    return found


def steps(statement: Statement, dataset: Dataset, answering: Mapping[str, list[str]]) -> list[Step]:
    """Its answers over time, oldest first; on the same day, what a source says before an
    answer, and a flat denial after any other answer, so that the state shown as current
    is the denial ("denied", not "countered", when a minister did both in one post).
    ``answering`` is :func:`answers_to` of the dataset."""
    found: list[tuple[tuple[dt.date, int, int, int], Step]] = []
    for index, entry in enumerate(statement.status):
        source = dataset.sources[entry.as_of]
        when = _date(entry.date) or _date(source.published)
        step = Step(entry.state, when, entry.as_of, entry=entry)
        found.append(((when.latest if when else dt.date.max, 0, 0, index), step))
    for index, answer_id in enumerate(answering.get(statement.id, [])):
        answer = dataset.statements[answer_id]
        for given in answer.answers:
            if given.statement != statement.id:
                continue
            when = _date(answer.said)
            lead = ranked(answer, dataset)[0].source
            step = Step(given.state, when, lead, answer=answer, given=given)
            denial = int(given.state is vocab.Status.DENIED)
            found.append(((when.latest if when else dt.date.max, 1, denial, index), step))
    return [step for _, step in sorted(found, key=lambda item: item[0])]


def current(statement: Statement, dataset: Dataset, answering: Mapping[str, list[str]]) -> Step:
    """The latest step, or "no response reported" as of nothing when there is none."""
    found = steps(statement, dataset, answering)
    if found:
        return found[-1]
    return Step(vocab.Status.NO_RESPONSE_REPORTED, None, "")
