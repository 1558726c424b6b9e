"""The command line: clear output, exit statuses, and never a traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import DATA, ROOT
from titfortat.model.records import schema_text


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "titfortat", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_check_passes_on_the_real_data() -> None:
    completed = run("check")
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("data OK: ")
    assert "quotes and" in completed.stdout


def test_check_fails_with_compiler_style_messages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    statements = next(
        p
        for p in sorted(data.glob("*.yaml"))
        if re.search(r"^    by: \S+$", p.read_text("utf-8"), re.M)
    )
    text = statements.read_text(encoding="utf-8")
    found = re.search(r"^    by: (\S+)$", text, re.MULTILINE)
    assert found is not None
    statements.write_text(
        text[: found.start()] + "    by: x" + text[found.end() :], encoding="utf-8"
    )
    (data / "broken.yaml").write_bytes(b"\xff\xfe")
    completed = run("check", "--data", str(data), cwd=tmp_path)
    assert completed.returncode == 1
    lines = completed.stderr.strip().splitlines()
    assert lines[0].startswith("data/broken.yaml:1:1: not UTF-8 text")
    line = text[: found.start()].count("\n") + 1
    located = [x for x in lines if x.startswith(f"data/{statements.name}:{line}:")]
    assert located, lines
    assert "by: no actor has the id 'x'" in located[0]
    assert lines[-1] == f"{len(lines) - 1} problems found"
    assert "Traceback" not in completed.stderr


def test_generate_refuses_bad_data_and_writes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "empty.yaml").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    completed = run("generate", "--data", str(data), "--out", str(out), cwd=tmp_path)
    assert completed.returncode == 1
    assert "file is empty" in completed.stderr
    assert "Nothing was written." in completed.stderr
    assert not out.exists()
    assert "Traceback" not in completed.stderr


def test_generate_never_overwrites_a_file_it_did_not_write(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    (out / "claims").mkdir(parents=True)
    (out / "index.md").write_text("hand-written home", encoding="utf-8")
    (out / "claims" / "index.md").write_text("hand-written claims", encoding="utf-8")
    (out / "notes.md").write_text("hand-written notes", encoding="utf-8")
    completed = run("generate", "--out", str(out))
    assert completed.returncode == 2
    assert "did not write where it would write pages: claims/index.md, index.md" in (
        completed.stderr
    )
    assert "Traceback" not in completed.stderr
    assert sorted(p.name for p in out.rglob("*")) == ["claims", "index.md", "index.md", "notes.md"]
    (out / "index.md").unlink()
    (out / "claims" / "index.md").unlink()
    completed = run("generate", "--out", str(out))
    assert completed.returncode == 0, completed.stderr
    assert (out / "notes.md").read_text(encoding="utf-8") == "hand-written notes"
    assert (out / "claims" / "index.md").read_text(encoding="utf-8").startswith("---")


def test_generate_refuses_a_folder_that_leads_elsewhere(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "claims").symlink_to(elsewhere, target_is_directory=True)
    completed = run("generate", "--out", str(out))
    assert completed.returncode == 2
    assert "leads outside" in completed.stderr
    assert not any(elsewhere.iterdir())


def test_generate_removes_the_folder_earlier_versions_wrote(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    legacy = out / "generated"
    (legacy / "claims").mkdir(parents=True)
    (legacy / ".generated-by-titfortat").write_text("marker", encoding="utf-8")
    (legacy / "claims" / "x.md").write_text("old", encoding="utf-8")
    (out / "mine").mkdir()
    (out / "mine" / "page.md").write_text("kept", encoding="utf-8")
    completed = run("generate", "--out", str(out))
    assert completed.returncode == 0, completed.stderr
    assert not legacy.exists()
    assert (out / "mine" / "page.md").read_text(encoding="utf-8") == "kept"


def test_schema_command_prints_the_schema() -> None:
    """The schema of the model (tests/test_real_data.py holds data/dataset.schema.json to it)."""
    completed = run("schema")
    assert completed.returncode == 0
    assert completed.stdout == schema_text()
