"""Property tests: whatever text lands in the data, the checker reports and never crashes,
and data that passes always generates."""

from __future__ import annotations

import copy
import itertools
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import MINIMAL_YAML, run_check
from titfortat.pipeline import DEFAULT_SITE, build_files


class _TextDatesLoader(yaml.SafeLoader):
    """Keep dates as text, as the checker does."""


def _as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    assert isinstance(node, yaml.ScalarNode)
    return str(loader.construct_scalar(node))


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _as_text)

BASE: dict[str, Any] = yaml.load(MINIMAL_YAML, Loader=_TextDatesLoader)

TEXT_FIELDS: list[tuple[str | int, ...]] = [
    ("dataset", "title"),
    ("dataset", "description"),
    ("dataset", "creators", 0),
    ("dataset", "licence"),
    ("dataset", "reviewed"),
    ("sources", 0, "title"),
    ("sources", 0, "author"),
    ("sources", 0, "publisher"),
    ("sources", 0, "copy_of"),
    ("sources", 0, "url"),
    ("sources", 0, "note"),
    ("sources", 0, "published", "note"),
    ("sources", 0, "ledger", 0, "note"),
    ("sources", 0, "archive_url"),
    ("sources", 0, "superseded_by"),
    ("places", 0, "name"),
    ("places", 1, "other_names", 0),
    ("actors", 0, "name"),
    ("actors", 0, "short_name"),
    ("actors", 0, "description"),
    ("actors", 1, "other_names", 0),
    ("actors", 2, "memberships", 0, "note"),
    ("actors", 2, "memberships", 0, "title"),
    ("actors", 2, "memberships", 0, "start"),
    ("actors", 3, "aliases", 0, "name"),
    ("actors", 3, "aliases", 0, "note"),
    ("events", 0, "title"),
    ("events", 0, "note"),
    ("events", 0, "evidence", 0, "quote"),
    ("statements", 0, "id"),
    ("statements", 0, "by"),
    ("statements", 0, "note"),
    ("statements", 0, "said", "wording"),
    ("statements", 0, "said", "date"),
    ("statements", 0, "paraphrase"),
    ("statements", 0, "editorial_words", 0, "word"),
    ("statements", 0, "editorial_words", 0, "reason"),
    ("statements", 0, "reports", 0, "quotes", 0, "quote"),
    ("statements", 0, "reports", 0, "paraphrase"),
    ("statements", 0, "reports", 0, "accused_as"),
    ("statements", 0, "reports", 0, "speaker_as"),
    ("statements", 0, "reports", 0, "groups_as", 0),
    ("statements", 0, "reports", 0, "note"),
    ("statements", 1, "said", "note"),
    ("statements", 1, "title"),
    ("statements", 1, "paraphrase"),
    ("statements", 1, "answers", 0, "note"),
    ("statements", 1, "answers", 0, "evidence", 0, "quote"),
    ("statements", 2, "status", 0, "note"),
    ("statements", 2, "status", 0, "evidence", 0, "quote"),
    ("statements", 2, "framing", "note"),
    ("statements", 2, "framing", "evidence", 0, "quote"),
    ("exchanges", 0, "title"),
    ("exchanges", 0, "summary"),
]

texts = st.text(
    alphabet=st.characters(codec="utf-8"),
    max_size=80,
) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        "](javascript:alert(1))",
        "{{ 7*7 }} {% raw %}",
        "| a | b |",
        '--8<-- "vocabularies.md"',
        "line\n\n<div>",
        "\u202eevil",
        "the group operates from Afghan soil",
        "",
        "   ",
    ]
)


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: str) -> None:
    """Put ``value`` at ``path``, creating the lists and mappings on the way."""
    target: Any = document
    for step, following in itertools.pairwise(path):
        empty: Any = [] if isinstance(following, int) else {}
        if isinstance(step, str):
            target = target.setdefault(step, empty)
        else:
            while len(target) <= step:
                target.append(copy.deepcopy(empty))
            target = target[step]
    last = path[-1]
    if isinstance(last, int):
        while len(target) <= last:
            target.append("x")
    target[last] = value


_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(path=st.sampled_from(TEXT_FIELDS), value=texts)
def test_any_text_in_any_text_field(path: tuple[str | int, ...], value: str) -> None:
    document = copy.deepcopy(BASE)
    _set(document, path, value)
    text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    result = run_check(text)
    if result.dataset is None:
        lines = text.count("\n") + 1
        for problem in result.problems:
            assert problem.path == "data/minimal.yaml"
            assert 0 <= problem.line <= lines
            assert problem.message
            assert "\n" not in problem.message
        return
    files = build_files(result.dataset, DEFAULT_SITE)
    statement_pages = [p for p in files if p.startswith("claims/") and p != "claims/index.md"]
    assert len(statement_pages) == len(result.dataset.statements)
    for name, content in files.items():
        if name.endswith(".md") and not name.startswith("snippets/"):
            front = content.decode("utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
            meta = yaml.safe_load(front)  # MkDocs reads it so; a bad one would lose the page
            assert isinstance(meta, dict), name
            assert meta["title"], name
            assert meta["generated"] is True


def _problems_are_well_formed(content: bytes) -> None:
    """The checker returns (it does not raise), and what it says about the file is usable."""
    result = run_check(extra_files={"data/fuzz.yaml": content})
    lines = content.count(b"\n") + 1
    for problem in result.problems:
        if problem.path == "data/fuzz.yaml":
            assert 0 <= problem.line <= lines
            assert problem.message
            assert "\n" not in problem.message
    if result.dataset is None:
        assert result.problems


@_SETTINGS
@given(content=st.binary(max_size=400))
def test_any_bytes_as_a_file(content: bytes) -> None:
    _problems_are_well_formed(content)


@_SETTINGS
@given(content=st.text(max_size=300))
def test_any_text_as_a_file(content: str) -> None:
    _problems_are_well_formed(content.encode("utf-8"))


BRIEF_PIECES = st.sampled_from(
    [
        "Islamabad says ",
        "the group operates from Afghan soil ",
        "[[statement:pak-accuses-afg]]",
        "[[statement:nope]]",
        "[[actor:ttp|TTP]] ",
        "[[actor:ttp|<script>alert(1)</script>]]",
        "[[place:]] ",
        "[[weird:x]]",
        "[[statement:afg-accuses-pak|",
        "[[exchange:x]]",
        ". ",
        ".\n\n",
        "\n",
        "“quoted.” ",
    ]
)


@_SETTINGS
@given(pieces=st.lists(BRIEF_PIECES | texts, max_size=12))
def test_any_in_brief_is_reported_or_built(pieces: list[str]) -> None:
    """Whatever the summary says, the checker answers with usable problems or a dataset
    that builds a home page."""
    brief = "".join(pieces)
    result = run_check(extra_files={}, in_brief=brief)
    lines = brief.count("\n") + 1
    for problem in result.problems:
        assert problem.message
        assert "\n" not in problem.message
        if problem.path.endswith("in-brief.md"):
            assert 0 <= problem.line <= lines
    if result.dataset is not None:
        files = build_files(result.dataset, DEFAULT_SITE)
        assert "index.md" in files
