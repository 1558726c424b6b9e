"""Dates keep their precision; quotes match only what a copy or keyboard could change."""

from __future__ import annotations

import datetime as dt

import pytest

from titfortat.model.dates import DateValue, parse_date
from titfortat.model.quotes import Paragraphs, closest_text, normalise
from titfortat.model.vocab import Precision


@pytest.mark.parametrize(
    ("text", "precision", "human", "first", "last"),
    [
        ("2024-09-30", "day", "30 September 2024", "2024-09-30", "2024-09-30"),
        ("2024-09", "month", "September 2024", "2024-09-01", "2024-09-30"),
        ("2024-02", "month", "February 2024", "2024-02-01", "2024-02-29"),
        ("2021", "year", "2021", "2021-01-01", "2021-12-31"),
        ("2024-10-03/2024-10-05", "interval", "3\u20135 October 2024", "2024-10-03", "2024-10-05"),
        (
            "2024-09-24/2024-10-02",
            "interval",
            "24 September \u2013 2 October 2024",
            "2024-09-24",
            "2024-10-02",
        ),
        (
            "2021-08/2024-10",
            "interval",
            "August 2021 \u2013 October 2024",
            "2021-08-01",
            "2024-10-31",
        ),
        ("2024-05/2024-09", "interval", "May \u2013 September 2024", "2024-05-01", "2024-09-30"),
        ("2024/2024-06", "interval", "2024 \u2013 June 2024", "2024-01-01", "2024-06-30"),
        ("2024-10-03/2024-10-03", "interval", "3 October 2024", "2024-10-03", "2024-10-03"),
    ],
)
def test_dates_show_their_precision(
    text: str, precision: str, human: str, first: str, last: str
) -> None:
    value = parse_date(text, Precision.of(precision))
    assert isinstance(value, DateValue)
    assert value.human() == human
    assert value.earliest == dt.date.fromisoformat(first)
    assert value.latest == dt.date.fromisoformat(last)


def test_open_start_interval_is_shown_as_up_to_and_sorts_first() -> None:
    value = parse_date("../2024-10-05", Precision.INTERVAL)
    assert isinstance(value, DateValue)
    assert value.earliest is None
    assert value.human() == "up to 5 October 2024"
    assert value.period == "ongoing"
    early = parse_date("1990", Precision.YEAR)
    assert isinstance(early, DateValue)
    assert value.sort_key() < early.sort_key()


@pytest.mark.parametrize(
    ("text", "precision", "message"),
    [
        ("2024-02-30", "day", "is not a date"),
        ("2024-9-1", "day", "is not a date"),
        ("30/09/2024", "interval", "is not a date"),
        ("2024-09", "day", "has the precision of a month, not a day"),
        ("2024-09-30", "interval", "is a single day"),
        ("2024-09-01/2024-09-30", "month", "is an interval"),
        ("2024-10/2024-09", "interval", "ends before it starts"),
        ("2024-10-01/..", "interval", "the end of"),
        ("\u0662\u0660\u0662\u0664", "year", "is not a date"),
    ],
)
def test_bad_dates_say_why(text: str, precision: str, message: str) -> None:
    result = parse_date(text, Precision.of(precision))
    assert isinstance(result, str)
    assert message in result


def test_normalisation_is_documented_and_narrow() -> None:
    typographic = "Pakistan\u2019s \u201cclaims\u201d \u2014 now"
    assert normalise(typographic) == 'Pakistan\'s "claims" - now'
    assert normalise("  a\u00a0\n\tb  ") == "a b"
    assert normalise("e\u0301") == "\u00e9"
    assert normalise("IS-KP") != normalise("IS KP")


def test_paragraphs_and_closest_text() -> None:
    parsed = Paragraphs.parse(
        "# comment\n[dateline]\nKabul, 2 May\n\n"
        "[3]\nOne two three.\n\n\n[7]\nFour five\nsix seven.\n"
    )
    assert isinstance(parsed, Paragraphs)
    assert len(parsed) == 3
    assert parsed.cited == (3, 7)
    assert parsed.text(3) == "One two three."
    assert parsed.text(1) is None
    assert parsed.contains("five six", 7)
    assert not parsed.contains("five six", 3)
    assert parsed.find_paragraph("One two") == 3
    assert parsed.find_paragraph("Kabul, 2 May") is None  # a label is not a paragraph
    assert parsed.anywhere("Kabul, 2 May")
    assert closest_text("Four fiv six", parsed.raw[2]) in {"Four five six", "Four five"}


def test_a_reports_own_words_are_found_in_any_block_that_holds_them() -> None:
    """A report's wording (the accused, the speaker's title, a group as it names them) is
    checked against every block, the labelled ones too, and marks those blocks as used."""
    parsed = Paragraphs.parse(
        "[dateline]\nKabul, 2 May, by the Afghan foreign ministry\n\n"
        "[3]\nThe Pakistani army was blamed by Afghanistan\u2019s acting foreign minister.\n\n"
        "[4]\nFitna al-Khawarij, as Islamabad calls the TTP, and the Pakistani army.\n"
    )
    assert isinstance(parsed, Paragraphs)
    assert parsed.blocks_with("the Pakistani army") == [4]  # copied exactly: case counts
    assert parsed.blocks_with("Pakistani army") == [3, 4]
    assert parsed.blocks_with("Afghanistan's acting foreign minister") == [3]  # typography
    assert parsed.blocks_with("Afghan foreign ministry") == ["dateline"]
    assert parsed.blocks_with("Fitna al-Khawarij") == [4]
    assert parsed.blocks_with("Fitna al Khawarij") == []  # a hyphen is a character of its own
    assert parsed.blocks_with("army was blamed") == [3]
    assert parsed.blocks_with("army was") == [3]
    assert parsed.blocks_with("") == []
