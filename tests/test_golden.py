"""Golden tests: the generated Markdown of the real data (and of the payload data) is pinned.

A change to a template or to the data shows up here as a diff to review. To accept it:
``TITFORTAT_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and commit tests/golden/.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DATA, PAYLOAD, ROOT
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset

GOLDEN = ROOT / "tests" / "golden"
SITE = replace(DEFAULT_SITE, repo_blob_url="https://github.com/example/tit-for-tat/blob/main/")
UPDATE = os.environ.get("TITFORTAT_UPDATE_GOLDEN") == "1"


def _pages(data: Path) -> dict[str, str]:
    files = build_files(load_dataset(data, base=data.parent), SITE)
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".md")}


@pytest.mark.parametrize(("name", "data"), [("real", DATA), ("payload", PAYLOAD)])
def test_generated_markdown_matches_golden(name: str, data: Path) -> None:
    pages = _pages(data)
    folder = GOLDEN / name
    if UPDATE:
        for old in folder.rglob("*.md"):
            old.unlink()
        for path, content in pages.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    stored = {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
    }
    assert sorted(pages) == sorted(stored), "pages added or removed: update the golden files"
    for path in sorted(pages):
        if pages[path] != stored[path]:
            diff = "".join(
                difflib.unified_diff(
                    stored[path].splitlines(keepends=True),
                    pages[path].splitlines(keepends=True),
                    fromfile=f"golden/{name}/{path}",
                    tofile="generated",
                    n=1,
                )
            )
            pytest.fail(f"{path} differs from its golden copy:\n{diff[:3000]}")


def test_generation_is_deterministic() -> None:
    first = build_files(load_dataset(DATA, base=ROOT), SITE)
    second = build_files(load_dataset(DATA, base=ROOT), SITE)
    assert first == second
