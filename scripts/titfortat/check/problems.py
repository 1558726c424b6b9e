"""Problems found in the data, reported compiler style so editors can jump to them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input: where it is and what to do about it.

    ``line`` and ``column`` are 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    column: int
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: a line break echoed from the data would split it.
        if _BREAKS.search(self.message):
            escaped = _BREAKS.sub(lambda m: repr(m.group())[1:-1], self.message)
            object.__setattr__(self, "message", escaped)

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


def report(problems: Iterable[Problem]) -> str:
    """Render problems one per line, then a count, as a linter does."""
    ordered = sorted(set(problems))
    lines = [str(problem) for problem in ordered]
    count = len(ordered)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found")
    return "\n".join(lines)
