"""Golden pages: a few whole pages of the real data and of the payload data, pinned.

They hold what focused tests cannot name one by one: the whole of a page, its order and its
words. tests/test_pages.py and the sentence tests hold the rest. A change to a template or to
the data shows up here as a diff to review; to accept it,
``TITFORTAT_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` and commit tests/golden/.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import DATA, PAYLOAD, ROOT
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset

GOLDEN = ROOT / "tests" / "golden"
SITE = replace(DEFAULT_SITE, repo_blob_url="https://github.com/example/tit-for-tat/blob/main/")
UPDATE = os.environ.get("TITFORTAT_UPDATE_GOLDEN") == "1"

PINNED = {
    "real": (
        "index.md",
        "claims/taliban-says-iskp-has-training-camps-in-pakistan/index.md",
        "actors/taliban-government/index.md",
        "timeline/index.md",
    ),
    "payload": ("index.md", "claims/payload-claim/index.md"),
}
"""The home page, a claim, an actor and the timeline of the real data; the payload's home
and claim (every text field there an attack, which must come out inert)."""


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
        for path in PINNED[name]:
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pages[path], encoding="utf-8")
    stored = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md"))
    assert stored == sorted(PINNED[name]), "golden files added or removed: update them"
    for path in PINNED[name]:
        golden = (folder / path).read_text(encoding="utf-8")
        if pages[path] != golden:
            diff = "".join(
                difflib.unified_diff(
                    golden.splitlines(keepends=True),
                    pages[path].splitlines(keepends=True),
                    fromfile=f"golden/{name}/{path}",
                    tofile="generated",
                    n=1,
                )
            )
            pytest.fail(f"{path} differs from its golden copy:\n{diff[:3000]}")


def _generate(data: Path, out: Path, seed: str) -> dict[str, bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    completed = subprocess.run(
        [sys.executable, "-m", "titfortat", "generate", "--data", str(data), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return {
        p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("data", [DATA, PAYLOAD], ids=["real", "payload"])
def test_generation_is_deterministic_across_processes(data: Path, tmp_path: Path) -> None:
    """Two processes with different hash seeds (so sets and dicts of strings iterate in
    different orders) write byte-identical files."""
    first = _generate(data, tmp_path / "first", "1")
    second = _generate(data, tmp_path / "second", "2")
    assert len(first) > 30
    assert sorted(first) == sorted(second)
    differ = [path for path in first if first[path] != second[path]]
    assert not differ, f"{len(differ)} files differ between hash seeds, first {differ[0]}"
