"""The disk side of checking: read every data file and stored text under a folder."""

from __future__ import annotations

import os
from pathlib import Path

from titfortat.load.inputs import Inputs

IN_BRIEF = "in-brief.md"
"""The home page's summary, written by an editor (see titfortat.model.inbrief)."""

DATA_SUFFIXES = (".yaml", ".yml")


def display_path(path: Path, base: Path | None = None) -> str:
    """A path as an editor would type it: relative to ``base`` (default: the working folder)
    when inside it."""
    # absolute, not resolve: a symbolic link is named as written, not by where it points.
    try:
        return path.absolute().relative_to((base or Path.cwd()).absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _visible_files(root: Path) -> list[Path]:
    found: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found.extend(Path(folder, name) for name in names if not name.startswith((".", "_")))
    return sorted(found)


def read_inputs(data_dir: Path, base: Path | None = None) -> Inputs:
    """Every YAML file (the records) and every .txt file (stored source texts) under data_dir.

    Paths in messages and "edit" links are relative to ``base`` (the working folder unless
    given). Hidden files and folders, and those starting with '_', are skipped, so an
    editor's backups and scratch folders do not count.
    """
    files: dict[str, bytes] = {}
    texts: dict[str, bytes] = {}
    unreadable: dict[str, str] = {}
    in_brief: bytes | None = None
    if not data_dir.is_dir():
        unreadable[display_path(data_dir, base)] = "not a folder: name the data folder"
    root = data_dir.resolve() if data_dir.is_dir() else None
    for path in _visible_files(data_dir):
        if path.suffix not in (*DATA_SUFFIXES, ".txt") and path.name != IN_BRIEF:
            continue
        if root is not None and path.is_symlink() and not path.resolve().is_relative_to(root):
            unreadable[display_path(path, base)] = (
                f"is a symbolic link to {path.resolve().as_posix()}, outside the data folder: "
                "copy the file into the data folder instead"
            )
            continue
        try:
            content = path.read_bytes()
        except OSError as error:
            unreadable[display_path(path, base)] = f"cannot be read ({error.strerror})"
            continue
        if path.suffix == ".txt":
            texts[path.relative_to(data_dir).as_posix()] = content
        elif path.name != IN_BRIEF:
            files[display_path(path, base)] = content
        elif path.parent == data_dir:
            in_brief = content
    return Inputs(
        files=files,
        texts=texts,
        data_dir=display_path(data_dir, base),
        unreadable=unreadable,
        in_brief=in_brief,
    )
