"""Golden pages: a few whole pages of the payload fixture, pinned.

They hold what focused tests cannot name one by one: the whole of a page, its order and its
words, with every text field an attack that must come out inert. Golden files are kept only
for fixture datasets: the real data changes with every new record, and is held by invariants
(tests/test_real_data.py), so an editor who adds a correct record never has to touch tests/.
A change to a template shows up here as a diff to review; to accept it,
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
from sitecheck import Page
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset

GOLDEN = ROOT / "tests" / "golden"
SITE = replace(DEFAULT_SITE, repo_blob_url="https://github.com/example/tit-for-tat/blob/main/")
UPDATE = os.environ.get("TITFORTAT_UPDATE_GOLDEN") == "1"

PINNED = {
    "payload": (
        "index.md",
        "claims/payload-claim/index.md",
        "claims/payload-denial/index.md",
        "sources/payload-source/index.md",
        "exchanges/payload-exchange/index.md",
        "actors/payload-group/index.md",
    ),
}
"""The payload's home page (its In brief and its exchange), a statement reported twice with
its answers over time, a related denial and a standing position; a denial reported by an
original and a copy; a source with its ledger; the exchange; an actor with an alias."""


def _pages(data: Path) -> dict[str, str]:
    files = build_files(load_dataset(data, base=data.parent), SITE)
    return {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".md")}


def test_only_fixture_datasets_have_golden_files() -> None:
    """The real data is never pinned: a data-only edit must pass without touching tests/."""
    folders = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())
    assert folders == sorted(PINNED)
    assert all((ROOT / "tests" / "fixtures" / name).is_dir() for name in PINNED)


@pytest.mark.parametrize(("name", "data"), [("payload", PAYLOAD)])
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


FROM_THE_DATA = {"script", "img", "iframe", "style", "marquee", "textarea", "b", "i", "u"}
"""Elements the payloads try to inject; the generated pages write none of them."""


@pytest.mark.parametrize("path", PINNED["payload"])
def test_the_pinned_payload_pages_are_inert(path: str) -> None:
    """What a reviewer checks by eye in a golden diff, checked here too: the body holds no
    element, handler or javascript: link from the data, only its text."""
    body = (GOLDEN / "payload" / path).read_text(encoding="utf-8").split("---\n", 2)[2]
    page = Page(body)
    found = []
    for tag, attrs in page.tags:
        values = dict(attrs)
        if tag in FROM_THE_DATA:
            found.append(f"<{tag}>")
        found += [f"<{tag} {name}>" for name in values if name.startswith("on")]
        target = (values.get("href") or values.get("xlink:href") or "").strip().lower()
        if target.startswith("javascript:"):
            found.append(f"<{tag} href={target}>")
    assert found == []
    assert "alert(" in page.text  # the payloads are there, as text


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
