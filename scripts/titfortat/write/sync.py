"""The disk side of generation: make the output folder hold exactly the planned files.

The generator writes into the docs folder itself, beside the hand-written pages, so that any
Material-compatible engine (MkDocs, Zensical) finds every page at its final address with no
plugin moving files about. It owns exactly the files it listed in its manifest
(``.titfortat-generated`` in the folder) at its last run: it writes those, removes those it no
longer plans, and never overwrites, moves or deletes any other file. A planned file that would
replace a file it does not own stops the run before anything is written.

A file whose bytes did not change is not rewritten, so ``mkdocs serve`` (which watches the
docs folder) does not rebuild in a loop.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".titfortat-generated"
"""In the output folder: the files the generator wrote there, one per line."""

LEGACY_FOLDER = "generated"
LEGACY_MARKER = ".generated-by-titfortat"
"""Earlier versions wrote everything into docs/generated/, marked by this file. Its pages
would now be built a second time under /generated/, so the folder is removed (only when
it carries the marker)."""


@dataclass(frozen=True)
class SyncReport:
    """What a sync changed."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


class UnsafeOutputError(Exception):
    """The run would touch a file the generator does not own."""


def read_manifest(root: Path) -> set[str]:
    """The files the generator wrote under ``root`` at its last run."""
    try:
        listed = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return set()
    except (OSError, ValueError) as error:
        raise UnsafeOutputError(
            f"{root / MANIFEST} cannot be read ({error}): delete it, and the generated files "
            "with it, then generate again"
        ) from error
    if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
        raise UnsafeOutputError(f"{root / MANIFEST} is not a list of paths: delete it")
    return set(listed)


def _write_atomically(path: Path, data: bytes) -> None:
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


def _inside(root: Path, relative_path: str) -> Path:
    """The file a planned path names, refused if it would land outside ``root``."""
    if (
        relative_path.startswith(("/", "../"))
        or "/../" in relative_path
        or relative_path
        in {
            MANIFEST,
            "",
        }
    ):
        raise UnsafeOutputError(f"refusing to write outside {root}: {relative_path!r}")
    target = root / relative_path
    # A folder on the way that is a symbolic link could lead anywhere.
    if not target.parent.resolve().is_relative_to(root.resolve()):
        raise UnsafeOutputError(
            f"refusing to write {target}: a folder on its way leads outside {root}"
        )
    return target


def _remove_legacy(root: Path) -> None:
    legacy = root / LEGACY_FOLDER
    if (legacy / LEGACY_MARKER).is_file() and not legacy.is_symlink():
        shutil.rmtree(legacy)


def sync_folder(root: Path, outputs: Mapping[str, bytes]) -> SyncReport:
    """Write ``outputs`` (relative POSIX paths to bytes) under ``root``, remove the files of
    the last run that are no longer planned, and touch nothing else."""
    owned = read_manifest(root)
    targets = {path: _inside(root, path) for path in sorted(outputs)}
    foreign = [
        path
        for path, target in targets.items()
        if path not in owned and (target.exists() or target.is_symlink())
    ]
    if foreign:
        shown = ", ".join(foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        raise UnsafeOutputError(
            f"{root} has files the generator did not write where it would write pages: "
            f"{shown}. Move them away (hand-written pages need names of their own), or "
            "choose another output folder."
        )
    root.mkdir(parents=True, exist_ok=True)
    _remove_legacy(root)
    written: list[str] = []
    unchanged = 0
    for relative_path, target in targets.items():
        data = outputs[relative_path]
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            _write_atomically(target, data)
        else:
            # A new file: no reader (mkdocs serve) can see it half-written under this name
            # before the build that follows, so it is written in place, which is faster.
            target.write_bytes(data)
        written.append(relative_path)
    removed = sorted(owned - set(outputs))
    for relative_path in removed:
        stale = root / relative_path
        if stale.is_file() or stale.is_symlink():
            stale.unlink()
        folder = stale.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    listing = (json.dumps(sorted(outputs), indent=0) + "\n").encode("utf-8")
    manifest = root / MANIFEST
    if not manifest.is_file() or manifest.read_bytes() != listing:
        manifest.write_bytes(listing)
    return SyncReport(tuple(written), tuple(removed), unchanged)
