"""The sentence builder, tested directly: every expected sentence written out by hand, so the
golden pages are not the only thing holding the wording."""

from __future__ import annotations

import pytest

from titfortat.model import vocab
from titfortat.model.dates import parse_date
from titfortat.model.records import Actor
from titfortat.plan.sentences import (
    Frame,
    Seg,
    attribution_line,
    capitalise,
    claim_sentence,
    counted,
    join_names,
    plural,
    sentence_text,
    when_phrase,
)


def actor(name: str, kind: vocab.ActorType, short: str | None = None) -> Actor:
    return Actor(id="x", name=name, short_name=short, type=kind, description="d")


POLICY_EAST = Seg("Policy East", "sources/policy-east/")
ARAB_NEWS = Seg("Arab News", "sources/arab-news/")
AFINTL = Seg("Afghanistan International", "sources/afintl/")
TALIBAN = Seg("the Taliban government of Afghanistan", "actors/taliban-government/")
MUJAHID = Seg("Zabihullah Mujahid", "actors/zabihullah-mujahid/")
EXPERTS = Seg("some experts", "actors/some-experts/")
AUTHOR = Seg("Arshad Mehmood", "actors/arshad-mehmood/")


def frame(**changes: object) -> Frame:
    base: dict[str, object] = {
        "sources": (POLICY_EAST,),
        "accuser": TALIBAN,
        "speaker": MUJAHID,
        "role": "spokesperson",
        "verb": "said",
        "when": "on 30 September 2024",
        "author_voice": False,
    }
    base.update(changes)
    return Frame(**base)  # type: ignore[arg-type]


SENTENCES = [
    (
        "a speaker, a day",
        frame(),
        "IS-KP has established training camps in Pakistan",
        "According to Policy East, the Taliban government of Afghanistan, through its "
        "spokesperson Zabihullah Mujahid, said on 30 September 2024 that IS-KP has established "
        "training camps in Pakistan.",
    ),
    (
        "no speaker, an open start",
        frame(speaker=None, role=None, when="by 5 October 2024"),
        "Pakistan is harboring IS-KP operatives.",
        "According to Policy East, the Taliban government of Afghanistan said, by 5 October "
        "2024, that Pakistan is harboring IS-KP operatives.",
    ),
    (
        "two sources, an interval",
        frame(sources=(POLICY_EAST, ARAB_NEWS), when="between 24 and 29 September 2024"),
        "the security situation was deteriorating",
        "According to Policy East and Arab News, the Taliban government of Afghanistan, through "
        "its spokesperson Zabihullah Mujahid, said, between 24 and 29 September 2024, that the "
        "security situation was deteriorating.",
    ),
    (
        "a collective voices concern",
        frame(accuser=EXPERTS, speaker=None, role=None, verb="voiced concern", when="in 2024"),
        "the accusations may be part of a broader effort",
        "According to Policy East, some experts voiced concern in 2024 that the accusations "
        "may be part of a broader effort.",
    ),
    (
        "the author in his own voice",
        frame(accuser=AUTHOR, speaker=None, role=None, author_voice=True, when="in 2024"),
        "IS-KP attacks persist",
        "Arshad Mehmood wrote in Policy East in 2024 that IS-KP attacks persist.",
    ),
    (
        "the author suggests",
        frame(accuser=AUTHOR, speaker=None, role=None, author_voice=True, verb="suggested"),
        "the blame-shifting could serve as a way to explain it",
        "Arshad Mehmood suggested in Policy East on 30 September 2024 that the blame-shifting "
        "could serve as a way to explain it.",
    ),
    (
        "a second source reports it in part",
        frame(partial=(ARAB_NEWS,)),
        "IS-KP has established training camps in Pakistan.",
        "According to Policy East, the Taliban government of Afghanistan, through its "
        "spokesperson Zabihullah Mujahid, said on 30 September 2024 that IS-KP has established "
        "training camps in Pakistan; Arab News reports the same statement in part.",
    ),
    (
        "two sources report it in part",
        frame(partial=(ARAB_NEWS, AFINTL), speaker=None, role=None),
        "IS-KP has established training camps in Pakistan",
        "According to Policy East, the Taliban government of Afghanistan said on 30 September "
        "2024 that IS-KP has established training camps in Pakistan; Arab News and Afghanistan "
        "International report the same statement in part.",
    ),
    (
        "the author, and another report in part",
        frame(accuser=AUTHOR, speaker=None, role=None, author_voice=True, partial=(ARAB_NEWS,)),
        "IS-KP attacks persist",
        "Arshad Mehmood wrote in Policy East on 30 September 2024 that IS-KP attacks persist; "
        "Arab News reports the same statement in part.",
    ),
]


@pytest.mark.parametrize(
    ("the_frame", "paraphrase", "expected"),
    [case[1:] for case in SENTENCES],
    ids=[case[0] for case in SENTENCES],
)
def test_claim_sentences(the_frame: Frame, paraphrase: str, expected: str) -> None:
    assert sentence_text(claim_sentence(the_frame, paraphrase)) == expected


def test_each_source_is_credited_only_with_what_it_reports() -> None:
    """The sources that give the whole statement are the frame's; one that gives part is
    named after the paraphrase, as reporting it in part, each a link to its page."""
    sentence = claim_sentence(frame(partial=(ARAB_NEWS,)), "IS-KP has camps")
    text = sentence_text(sentence)
    assert text.index("Policy East") < text.index(" that ") < text.index("Arab News")
    assert [s.href for s in sentence if s.href] == [
        "sources/policy-east/",
        "actors/taliban-government/",
        "actors/zabihullah-mujahid/",
        "sources/arab-news/",
    ]
    # The frame said once over a group names only the sources that give it whole.
    assert "Arab News" not in sentence_text(attribution_line(frame(partial=(ARAB_NEWS,))))


def test_the_frame_said_once_over_a_group() -> None:
    line = attribution_line(frame())
    assert sentence_text(line) == (
        "According to Policy East, the Taliban government of Afghanistan, through its "
        "spokesperson Zabihullah Mujahid, said on 30 September 2024 that:"
    )
    assert [s.href for s in line if s.href] == [
        "sources/policy-east/",
        "actors/taliban-government/",
        "actors/zabihullah-mujahid/",
    ]


@pytest.mark.parametrize(
    ("count", "noun", "many", "expected", "in_text"),
    [
        (0, "claim", None, "0 claims", "no claims"),
        (1, "claim", None, "1 claim", "1 claim"),
        (2, "claim", None, "2 claims", "2 claims"),
        (1, "entry", "entries", "1 entry", "1 entry"),
        (3, "entry", "entries", "3 entries", "3 entries"),
        (1200, "quote", None, "1,200 quotes", "1,200 quotes"),
    ],
)
def test_counts_agree_with_their_nouns(
    count: int, noun: str, many: str | None, expected: str, in_text: str
) -> None:
    assert plural(count, noun, many) == expected
    assert counted(count, noun, many) == in_text


@pytest.mark.parametrize(
    ("names", "expected"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B and C")],
)
def test_names_join_as_english_does(names: list[str], expected: str) -> None:
    assert join_names(names) == expected


def test_capitals_only_at_the_start() -> None:
    assert capitalise("some experts say") == "Some experts say"
    assert capitalise("IS-KP operates") == "IS-KP operates"
    assert capitalise("") == ""


@pytest.mark.parametrize(
    ("name", "kind", "short", "first", "again"),
    [
        (
            "Islamic State Khorasan Province",
            vocab.ActorType.ARMED_GROUP,
            "IS-KP",
            "the Islamic State Khorasan Province (IS-KP)",
            "IS-KP",
        ),
        (
            "Government of Pakistan",
            vocab.ActorType.GOVERNMENT,
            "Pakistani government",
            "the Government of Pakistan",
            "the Pakistani government",
        ),
        ("Pakistan", vocab.ActorType.STATE, None, "Pakistan", "Pakistan"),
        ("some experts", vocab.ActorType.COLLECTIVE, None, "some experts", "some experts"),
        (
            "Zabihullah Mujahid",
            vocab.ActorType.PERSON,
            None,
            "Zabihullah Mujahid",
            "Zabihullah Mujahid",
        ),
        ("Pakistan Army", vocab.ActorType.MILITARY, None, "the Pakistan Army", "the Pakistan Army"),
    ],
)
def test_actor_names_in_running_text(
    name: str, kind: vocab.ActorType, short: str | None, first: str, again: str
) -> None:
    from titfortat.plan.sentences import actor_name  # noqa: PLC0415

    subject = actor(name, kind, short)
    assert actor_name(subject) == first
    assert actor_name(subject, again=True) == again


@pytest.mark.parametrize(
    ("date", "precision", "expected"),
    [
        ("2024-09-30", "day", "on 30 September 2024"),
        ("2024-09", "month", "in September 2024"),
        ("2024", "year", "in 2024"),
        ("2024-09-24/2024-09-29", "interval", "between 24 and 29 September 2024"),
        ("2024-08-30/2024-09-02", "interval", "between 30 August and 2 September 2024"),
        ("2021-08/2024-10", "interval", "between August 2021 and October 2024"),
        ("2024-03/2024-05", "interval", "between March and May 2024"),
        ("../2024-10-05", "interval", "by 5 October 2024"),
        ("2023-12-30/2024-01-02", "interval", "between 30 December 2023 and 2 January 2024"),
    ],
)
def test_when_phrases_claim_no_more_precision_than_the_date(
    date: str, precision: str, expected: str
) -> None:
    value = parse_date(date, vocab.Precision.of(precision))
    assert not isinstance(value, str)
    assert when_phrase(value) == expected
    assert when_phrase(value, approximate=True).startswith(expected.split(" ", maxsplit=1)[0])
