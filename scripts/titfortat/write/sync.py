"""The disk side of generation: make the generated folder hold exactly the planned files.

A file whose bytes did not change is not rewritten, so ``mkdocs serve`` (which watches the
docs folder) does not rebuild in a loop; files that no longer belong are deleted. Only the
generated folder is touched, and it is refused if it is not a folder of its own inside docs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MARKER = ".generated-by-titfortat"
"""Sits in the generated folder; a folder without it that has files is never emptied."""


@dataclass(frozen=True)
class SyncReport:
    """What a sync changed."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


class UnsafeOutputError(Exception):
    """The output folder is not one the generator owns."""


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        # mkstemp makes a private file; generated pages are ordinary, readable ones.
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sync_folder(root: Path, outputs: Mapping[str, bytes]) -> SyncReport:
    """Write ``outputs`` (relative POSIX paths to bytes) under ``root``; remove the rest."""
    if root.exists() and any(root.iterdir()) and not (root / MARKER).exists():
        raise UnsafeOutputError(
            f"{root} has files the generator did not write (no {MARKER} in it): "
            "refusing to touch it; choose an empty or generated folder"
        )
    root.mkdir(parents=True, exist_ok=True)
    marker = root / MARKER
    if not marker.exists():
        marker.write_bytes(b"Everything in this folder is generated from data/. Do not edit.\n")
    written: list[str] = []
    unchanged = 0
    for relative_path, data in sorted(outputs.items()):
        if relative_path.startswith(("/", "../")) or "/../" in relative_path:
            raise UnsafeOutputError(f"refusing to write outside {root}: {relative_path}")
        target = root / relative_path
        if not target.exists():
            # A new file: no reader (mkdocs serve) can see it half-written under this name
            # before the build that follows, so it is written in place, which is faster.
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        elif target.read_bytes() == data:
            unchanged += 1
            continue
        else:
            _write_atomically(target, data)
        written.append(relative_path)
    removed: list[str] = []
    for folder, dirs, names in os.walk(root, topdown=False):
        for name in names:
            path = Path(folder, name)
            relative_path = path.relative_to(root).as_posix()
            if relative_path == MARKER or relative_path in outputs:
                continue
            path.unlink()
            removed.append(relative_path)
        for name in dirs:
            directory = Path(folder, name)
            if not any(directory.iterdir()):
                directory.rmdir()
    return SyncReport(tuple(written), tuple(sorted(removed)), unchanged)
