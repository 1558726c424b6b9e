"""Dates as sources give them: a day, a month, a year or an interval, never more precise.

The text form follows ISO 8601 and its EDTF profile for intervals (``2024-10-03/2024-10-05``,
``../2024-10-05`` for "up to, since an unknown time").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from titfortat.model.vocab import Precision

_YEAR = re.compile(r"(?P<y>[0-9]{4})")
_MONTH = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})")
_DAY = re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})-(?P<d>[0-9]{2})")

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


SHORT_MONTHS = [month[:3] for month in MONTHS]


@dataclass(frozen=True)
class Point:
    """A day, month or year: the span of days it may stand for."""

    text: str
    precision: Precision
    first: dt.date
    last: dt.date

    def human(self) -> str:
        """The point in words: 30 September 2024, September 2024, 2024."""
        if self.precision is Precision.DAY:
            return f"{self.first.day} {MONTHS[self.first.month - 1]} {self.first.year}"
        if self.precision is Precision.MONTH:
            return f"{MONTHS[self.first.month - 1]} {self.first.year}"
        return str(self.first.year)

    def short(self) -> str:
        """The point as lists say it: 30 Sep 2024, Sep 2024, 2024."""
        if self.precision is Precision.DAY:
            return f"{self.first.day} {SHORT_MONTHS[self.first.month - 1]} {self.first.year}"
        if self.precision is Precision.MONTH:
            return f"{SHORT_MONTHS[self.first.month - 1]} {self.first.year}"
        return str(self.first.year)


@dataclass(frozen=True)
class DateValue:
    """A parsed date field. ``start`` is None for an open start ("..")."""

    text: str
    precision: Precision
    start: Point | None
    end: Point

    @property
    def earliest(self) -> dt.date | None:
        """First day the date may stand for (None if open)."""
        return self.start.first if self.start else None

    @property
    def latest(self) -> dt.date:
        """Last day the date may stand for."""
        return self.end.last

    def sort_key(self) -> tuple[dt.date, dt.date, str]:
        """Order by the earliest possible day, then the latest.

        An open start ("up to 5 October 2024") could be any time before its end, so it sorts
        before everything dated, never after what it may well precede.
        """
        first = self.start.first if self.start else dt.date.min
        return (first, self.end.last, self.text)

    @property
    def period(self) -> str:
        """The year a date is filed under on the timeline, or "ongoing" for an open start."""
        return str(self.start.first.year) if self.start else "ongoing"

    def short(self) -> str:
        """The date as a reader says it in a list: "30 Sep 2024", "3–5 Oct 2024", "Aug 2021 –
        Oct 2024", "2021–2024", "by 5 Oct 2024" (an open start); never more precise than it
        is."""
        if self.start is None:
            return f"by {self.end.short()}"
        start, end = self.start, self.end
        if self.precision is not Precision.INTERVAL or start.text == end.text:
            return end.short()
        if start.precision is end.precision is Precision.DAY:
            if (start.first.year, start.first.month) == (end.first.year, end.first.month):
                return f"{start.first.day}\u2013{end.short()}"
            if start.first.year == end.first.year:
                return (
                    f"{start.first.day} {SHORT_MONTHS[start.first.month - 1]} \u2013 {end.short()}"
                )
        if start.precision is end.precision is Precision.YEAR:
            return f"{start.first.year}\u2013{end.first.year}"
        if start.precision is end.precision is Precision.MONTH and (
            start.first.year == end.first.year
        ):
            return f"{SHORT_MONTHS[start.first.month - 1]} \u2013 {end.short()}"
        return f"{start.short()} \u2013 {end.short()}"

    def human(self) -> str:
        """The date in words, with an interval shown as a range, never as one day."""
        if self.start is None:
            return f"up to {self.end.human()}"
        if self.precision is not Precision.INTERVAL:
            return self.end.human()
        start, end = self.start, self.end
        if start.text == end.text:
            return end.human()
        if start.precision is end.precision is Precision.DAY:
            if (start.first.year, start.first.month) == (end.first.year, end.first.month):
                return f"{start.first.day}\u2013{end.human()}"
            if start.first.year == end.first.year:
                return f"{start.first.day} {MONTHS[start.first.month - 1]} \u2013 {end.human()}"
        if start.precision is end.precision is Precision.MONTH and (
            start.first.year == end.first.year
        ):
            return f"{MONTHS[start.first.month - 1]} \u2013 {end.human()}"
        return f"{start.human()} \u2013 {end.human()}"


def parse_point(text: str) -> Point | None:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; None if it is not one of those or not a real date."""
    try:
        if match := _DAY.fullmatch(text):
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            return Point(text, Precision.DAY, day, day)
        if match := _MONTH.fullmatch(text):
            year, month = int(match["y"]), int(match["m"])
            last = calendar.monthrange(year, month)[1]
            return Point(text, Precision.MONTH, dt.date(year, month, 1), dt.date(year, month, last))
        if match := _YEAR.fullmatch(text):
            year = int(match["y"])
            return Point(text, Precision.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))
    except ValueError:
        return None
    return None


def parse_date(text: str, precision: Precision) -> DateValue | str:
    """Parse a date field against its declared precision; a string explains what is wrong."""
    if "/" in text:
        if precision is not Precision.INTERVAL:
            return f"{text!r} is an interval: set precision: interval"
        start_text, _, end_text = text.partition("/")
        end = parse_point(end_text)
        if end is None:
            return f"the end of {text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"
        if start_text == "..":
            return DateValue(text, precision, None, end)
        start = parse_point(start_text)
        if start is None:
            return f"the start of {text!r} is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or '..'"
        if start.first > end.last:
            return f"{text!r} ends before it starts"
        return DateValue(text, precision, start, end)
    point = parse_point(text)
    if point is None:
        return f"{text!r} is not a date: write YYYY-MM-DD, YYYY-MM, YYYY or an interval START/END"
    if precision is Precision.INTERVAL:
        return (
            f"{text!r} is a single {point.precision}: write START/END or set precision: "
            f"{point.precision}"
        )
    if precision != point.precision:
        return (
            f"{text!r} has the precision of a {point.precision}, not a {precision}: "
            f"set precision: {point.precision}"
        )
    return DateValue(text, precision, point, point)
