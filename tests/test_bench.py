"""The synthetic data and the benchmark: valid at every size we try, the same bytes every time.

The benchmark's numbers are only worth comparing if the data behind them is valid and stable,
so these tests check the generator against the real checker, and run the benchmark itself at
its smallest size (two small `mkdocs build`s, a few seconds).
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from titfortat.check import CheckResult, check
from titfortat.load.files import read_inputs
from titfortat.load.inputs import Inputs
from titfortat.model.records import Claim
from titfortat.pipeline import DEFAULT_SITE, build_files
from titfortat_dev import bench, synth


def _check(files: dict[str, bytes]) -> CheckResult:
    return check(
        Inputs(
            files={p: b for p, b in files.items() if p.endswith(".yaml")},
            texts={p: b for p, b in files.items() if p.endswith(".txt")},
        )
    )


def test_smallest_size_end_to_end(tmp_path: Path) -> None:
    files = synth.synthesize(10, seed=1)
    assert files == synth.synthesize(10, seed=1)
    assert files != synth.synthesize(10, seed=2)
    synth.write_dataset(files, tmp_path / "data")
    result = check(read_inputs(tmp_path / "data"))
    assert result.problems == []
    assert result.dataset is not None
    assert len(result.dataset.claims) == 10
    pages = build_files(result.dataset, DEFAULT_SITE)
    for claim_id in result.dataset.claims:
        assert f"claims/{claim_id}/index.md" in pages
    assert "index.md" in pages


@pytest.mark.parametrize("claims", [10, 100])
def test_synthesized_data_passes_the_checker(claims: int) -> None:
    result = _check(synth.synthesize(claims, seed=1))
    assert [str(p) for p in result.problems] == []
    assert result.dataset is not None
    assert len(result.dataset.claims) == claims
    assert result.dataset.stats.quotes_verified > claims


def test_small_data_has_every_kind_of_date_status_and_answer() -> None:
    result = _check(synth.synthesize(10, seed=1))
    assert result.dataset is not None
    dataset = result.dataset
    claims = list(dataset.claims.values())
    whens = [c.asserted for c in claims]
    assert {w.precision for w in whens} == {"day", "month", "year", "interval"}
    assert {w.basis for w in whens} == {"stated", "relative", "outside-reference", "inferred"}
    from titfortat.model import vocab  # noqa: PLC0415

    assert {step.state for c in claims for step in c.status} == set(vocab.Status)
    assert {c.status[-1].state for c in claims} == set(vocab.Status)
    assert any(len(c.status) >= 3 for c in claims), "a history that changes twice"
    assert {c.kind for c in claims} == set(vocab.ClaimKind)
    chain = max(_chain_length(dataset.claims, c.id) for c in claims)
    assert chain >= 3
    assert any(c.answers and c.answers.framer for c in claims)
    assert any(c.editorial_words for c in claims)
    assert any(m.role == "spokesperson" for a in dataset.actors.values() for m in a.memberships)
    assert any(c.speaker for c in claims)
    assert any(p.parent and dataset.places[p.parent].parent for p in dataset.places.values())
    assert {s.kind for s in dataset.sources.values()} == set(vocab.SourceKind)
    assert any(s.text is None for s in dataset.sources.values())
    # Excerpts: only the quoted paragraphs, under their numbers in the original, with gaps.
    assert any(len(p.cited) < max(p.cited) for p in dataset.paragraphs.values() if p.cited), (
        "an excerpt whose numbering has gaps"
    )


def _chain_length(claims: Mapping[str, Claim], claim_id: str) -> int:
    """How many claims lead back from this one: A, B answering A, C answering B is 3."""
    length, current = 1, claims[claim_id]
    while current.answers is not None:
        length += 1
        current = claims[current.answers.claim]
    return length


def test_records_are_split_over_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(synth, "RECORDS_PER_FILE", 30)
    files = synth.synthesize(100, seed=3)
    assert [p for p in files if p.startswith("claims")] == [
        "claims-01.yaml",
        "claims-02.yaml",
        "claims-03.yaml",
        "claims-04.yaml",
    ]
    assert _check(files).problems == []


def test_same_bytes_in_another_process() -> None:
    """No hash-order or clock dependence: a different PYTHONHASHSEED gives the same data."""
    code = (
        "import hashlib, sys; from titfortat_dev.synth import synthesize; "
        "files = synthesize(100, 7); h = hashlib.sha256(); "
        "[h.update(p.encode() + b'\\0' + b) for p, b in files.items()]; print(h.hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    local = hashlib.sha256()
    for path, data in synth.synthesize(100, 7).items():
        local.update(path.encode() + b"\0" + data)
    assert digests == {local.hexdigest()}


def test_baseline_page_keeps_title_and_visible_text() -> None:
    page = (
        '---\ntitle: "A &amp; B"\ndescription: "x"\njsonld: {"a": 1}\n---\n\n'
        '<p class="tft-lead">Kabul <a href="../x/">says</a> it.</p>\n\n## Evidence\n\n'
        "<ul>\n<li>One &lt;item&gt;</li>\n<li>Two</li>\n</ul>\n"
    )
    assert bench.plain_page(page) == (
        '---\ntitle: "A & B"\n---\n\nKabul says it.\n\n## Evidence\n\n- One &lt;item&gt;\n- Two\n'
    )


def test_sizes_accept_commas_and_spaces() -> None:
    assert bench.parse_sizes(["10,100", "1000"]) == [10, 100, 1000]


@pytest.mark.build
def test_benchmark_runs_at_the_smallest_size(tmp_path: Path) -> None:
    docs = tmp_path / "performance.md"
    assert bench.main(["--sizes", "10", "--out", str(tmp_path / "out"), "--docs", str(docs)]) == 0
    results = json.loads((tmp_path / "out" / "results.json").read_text(encoding="utf-8"))
    (size,) = results["sizes"]
    assert size["claims"] == 10
    assert size["ours"]["html_pages"] > 10
    assert size["baseline"]["html_pages"] >= size["ours"]["html_pages"] - 5
    assert size["ours"]["max_rss_mb"] > 0
    assert size["ours"]["search_index_mb"] > 0
    text = docs.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Performance\n")
    assert "| 10 |" in text
    # The build ran on a copy: the working tree's docs/ never holds synthetic pages.
    home = bench.PROJECT / "docs" / "index.md"
    assert not home.exists() or "Synthetic" not in home.read_text(encoding="utf-8")
