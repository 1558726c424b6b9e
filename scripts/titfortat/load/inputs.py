"""What loading hands to the checker: the bytes of every data file and stored text."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Inputs:
    """What the checker reads: YAML files by display path, stored texts by path under data/."""

    files: Mapping[str, bytes]
    texts: Mapping[str, bytes]
    data_dir: str = "data"
    unreadable: Mapping[str, str] = field(default_factory=dict)
    """Files that could not be read, with why (a broken link, no permission)."""
    in_brief: bytes | None = None
    """The home page's summary (in-brief.md in the data folder), if there is one."""
