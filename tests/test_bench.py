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
from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.dates import parse_date
from titfortat.model.inbrief import REFERENCE
from titfortat.model.records import Statement
from titfortat.model.roles import held_at
from titfortat.pipeline import DEFAULT_SITE, build_files
from titfortat_dev import bench, synth


def _check(files: dict[str, bytes]) -> CheckResult:
    return check(
        Inputs(
            files={p: b for p, b in files.items() if p.endswith(".yaml")},
            texts={p: b for p, b in files.items() if p.endswith(".txt")},
            in_brief=files.get("in-brief.md"),
        )
    )


@pytest.fixture(scope="module")
def small() -> Dataset:
    """The smallest dataset the benchmark builds: 10 statements."""
    result = _check(synth.synthesize(10, seed=1))
    assert [str(p) for p in result.problems] == []
    assert result.dataset is not None
    return result.dataset


def test_smallest_size_end_to_end(tmp_path: Path) -> None:
    files = synth.synthesize(10, seed=1)
    assert files == synth.synthesize(10, seed=1)
    assert files != synth.synthesize(10, seed=2)
    synth.write_dataset(files, tmp_path / "data")
    result = check(read_inputs(tmp_path / "data"))
    assert result.problems == []
    assert result.dataset is not None
    assert len(result.dataset.statements) == 10
    assert result.dataset.in_brief is not None, "in-brief.md is read from the folder"
    pages = build_files(result.dataset, DEFAULT_SITE)
    for statement_id in result.dataset.statements:
        assert f"claims/{statement_id}/index.md" in pages
    assert "index.md" in pages


@pytest.mark.parametrize("size", [10, 50, 100, 450, 1000])
def test_synthesized_data_passes_the_checker(size: int) -> None:
    result = _check(synth.synthesize(size, seed=1))
    assert [str(p) for p in result.problems] == []
    assert result.dataset is not None
    assert len(result.dataset.statements) == size
    assert result.dataset.stats.quotes_verified > size
    moments = sum(len(e.moments) for e in result.dataset.exchanges.values())
    assert 0 < moments <= 8


def test_small_data_has_every_kind_of_statement_date_and_answer(small: Dataset) -> None:
    statements = list(small.statements.values())
    assert {s.kind for s in statements} == set(vocab.StatementKind)
    whens = [s.said for s in statements]
    assert {w.precision for w in whens} == set(vocab.Precision)
    assert {w.basis for w in whens} == set(vocab.Basis)
    # What sources say of the answers: every state a status entry may hold...
    entries = {entry.state for s in statements for entry in s.status}
    assert entries == {state for state in vocab.Status if not state.answered}
    assert any(len(s.status) >= 2 for s in statements), "a history that changes"
    # ...and every state an answer sets, tied both ways.
    answers = [(s, a) for s in statements for a in s.answers]
    assert {a.state for _, a in answers} == {state for state in vocab.Status if state.answered}
    assert {a.tie for _, a in answers} == set(vocab.Tie)
    chain = max(_chain_length(small.statements, s.id) for s in statements)
    assert chain >= 3, "A, an answer to A, an answer to that"
    assert any(s.editorial_words for s in statements)
    assert any(s.framing and s.framing.framer for s in statements)


def test_answers_are_tied_as_the_rule_allows(small: Dataset) -> None:
    named = [(s, a) for s in small.statements.values() for a in s.answers if a.tie == "named"]
    met = [(s, a) for s in small.statements.values() for a in s.answers if a.tie == "met"]
    assert named
    assert met
    for answer, tie in named:
        # The words that name what it answers are quoted from a report of the answer, and
        # they are in that report's stored excerpt.
        assert tie.evidence
        for evidence in tie.evidence:
            assert evidence.source in answer.sources()
            assert small.paragraphs[evidence.source].contains(evidence.quote, evidence.paragraph)
    for answer, tie in met:
        target = small.statements[tie.statement]
        assert not tie.evidence
        assert answer.allegation is target.allegation
        assert answer.about == target.by


def test_small_data_has_reports_copies_and_ledgers(small: Dataset) -> None:
    statements = list(small.statements.values())
    sources = small.sources
    reports = [r for s in statements for r in s.reports]
    assert any(len(s.reports) >= 3 for s in statements), "a statement reported three times"
    partial = [r for r in reports if r.paraphrase]
    assert partial, "a report that gives only part of a statement"
    assert any(r.places for r in partial), "a report that names fewer places"
    assert any(sources[r.source].copy_of for r in reports), "a republished copy reports one"
    assert any(r.said for r in reports), "a report that dates it differently"
    assert any(r.speaker_as for r in reports)
    assert any(r.groups_as for r in reports)
    superseded = [s for s in sources.values() if s.superseded_by]
    assert superseded
    for source in superseded:
        assert source.text is None
        assert not source.ledger
        assert sources[source.superseded_by or ""].text is not None
    cited = {r.source for r in reports}
    assert not cited & {s.id for s in superseded}, "reports have moved to the better source"
    assert {s.kind for s in sources.values()} == set(vocab.SourceKind)
    assert any(s.text is None and not s.superseded_by for s in sources.values())
    assert any(not s.capture_complete for s in sources.values())
    assert {entry.reason for s in sources.values() for entry in s.ledger} == set(vocab.NotCoded)
    for source in sources.values():
        if source.text is None:
            continue
        # Every paragraph of the original is stored or in the ledger, never both.
        stored = set(small.paragraphs[source.id].cited)
        listed = [n for entry in source.ledger for n in entry.paragraphs]
        assert sorted([*stored, *listed]) == list(range(1, (source.original_paragraphs or 0) + 1))
    # Excerpts: only the quoted paragraphs, under their numbers in the original, with gaps.
    assert any(len(p.cited) < max(p.cited) for p in small.paragraphs.values() if p.cited), (
        "an excerpt whose numbering has gaps"
    )


def test_small_data_has_restatements_positions_and_exchanges(small: Dataset) -> None:
    statements = list(small.statements.values())
    restating = [s for s in statements if s.restates]
    assert restating
    for statement in restating:
        earlier = small.statements[statement.restates or ""]
        assert earlier.allegation is statement.allegation
        assert earlier.about == statement.about
    positions = [s for s in statements if s.kind is vocab.StatementKind.STANDING_POSITION]
    assert positions
    assert all(p.covers and p.about is None and p.title for p in positions)
    assert small.exchanges
    for exchange in small.exchanges.values():
        cited = {
            m.group(2) for m in REFERENCE.finditer(exchange.summary) if m.group(1) == "statement"
        }
        assert cited
        assert cited <= set(exchange.statements)
        assert exchange.moments
    assert small.in_brief is not None
    assert small.in_brief.cited_statements()


def test_small_data_has_every_kind_of_actor_post_and_event(small: Dataset) -> None:
    actors = small.actors.values()
    assert {a.type for a in actors} == set(vocab.ActorType)
    memberships = [m for a in actors for m in a.memberships]
    assert {m.role for m in memberships} == set(vocab.MembershipRole)
    assert any(m.title for m in memberships)
    assert any(m.start and m.end for m in memberships), "a post held for a time"
    assert any(alias.used_by for a in actors for alias in a.aliases), "a side's name for a group"
    assert {e.kind for e in small.events.values()} == set(vocab.EventKind)
    assert any(p.parent and small.places[p.parent].parent for p in small.places.values())
    # Speakers held a post in the one the statement is by, as their memberships date them.
    speaking = [s for s in small.statements.values() if s.speaker]
    assert speaking
    for statement in speaking:
        said = parse_date(statement.said.date, statement.said.precision)
        assert not isinstance(said, str)
        posts = small.actors[statement.speaker or ""].memberships
        assert any(m.organization == statement.by and held_at(m, said) for m in posts)
    # Notes link records as [[kind:id|words]].
    notes = [s.note or "" for s in small.statements.values()]
    notes += [e.note or "" for s in small.sources.values() for e in s.ledger]
    notes += [alias.note or "" for a in actors for alias in a.aliases]
    assert sum(1 for note in notes if REFERENCE.search(note)) >= 3


def test_vocabularies_are_covered_as_documented() -> None:
    """Every allegation type by 100 statements, every CAMEO code by 200 (the docstring's
    promise)."""
    hundred = _check(synth.synthesize(100, seed=1)).dataset
    assert hundred is not None
    assert {s.allegation for s in hundred.statements.values()} == set(vocab.Allegation)
    two_hundred = _check(synth.synthesize(200, seed=1)).dataset
    assert two_hundred is not None
    codes = {s.cameo for s in two_hundred.statements.values()}
    codes |= {e.cameo for e in two_hundred.events.values() if e.cameo}
    assert codes == set(vocab.CameoCode)


def test_restatements_form_chains() -> None:
    dataset = _check(synth.synthesize(50, seed=1)).dataset
    assert dataset is not None

    def depth(statement: Statement) -> int:
        steps = 0
        while statement.restates:
            statement = dataset.statements[statement.restates]
            steps += 1
        return steps

    assert max(depth(s) for s in dataset.statements.values()) >= 2


def _chain_length(statements: Mapping[str, Statement], statement_id: str) -> int:
    """How many statements lead back from this one: A, B answering A, C answering B is 3."""
    length, current = 1, statements[statement_id]
    while current.answers:
        length += 1
        current = statements[current.answers[0].statement]
    return length


def test_records_are_split_over_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(synth, "RECORDS_PER_FILE", 30)
    files = synth.synthesize(100, seed=3)
    assert [p for p in files if p.startswith("statements")] == [
        "statements-01.yaml",
        "statements-02.yaml",
        "statements-03.yaml",
        "statements-04.yaml",
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
    assert size["records"]["statements"] == 10
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


def test_a_benchmark_run_keeps_the_readers_phone_section() -> None:
    """`make bench` rewrites docs/performance.md; the Lighthouse section it does not measure
    is carried over, and not added twice."""
    from titfortat_dev.bench import with_reader_section  # noqa: PLC0415

    old = "# Performance\n\nold table\n\n## On a reader's phone\n\nLighthouse figures.\n"
    new = "# Performance\n\nnew table\n"
    kept = with_reader_section(new, old)
    assert kept == "# Performance\n\nnew table\n\n## On a reader's phone\n\nLighthouse figures.\n"
    assert with_reader_section(kept, old) == kept
    assert with_reader_section(new, "# Performance\n") == new
