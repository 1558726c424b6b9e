"""The checker: each class of bad input gives its own message, at the right line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import MINIMAL_TEXT, MINIMAL_YAML, run_check
from titfortat.check import check
from titfortat.check.problems import Problem, report
from titfortat.check.yamlsafe import MAX_FILE_BYTES
from titfortat.load.inputs import Inputs


def test_minimal_dataset_passes() -> None:
    result = run_check()
    assert result.problems == []
    assert result.dataset is not None
    assert result.dataset.stats.quotes_verified == 7
    assert result.dataset.stats.wordings_verified == 1


@dataclass(frozen=True)
class Case:
    """A change to the minimal dataset, the line it should be reported at, and the words."""

    name: str
    change: Callable[[str], str]
    needle: str
    message: str
    occurrence: int = 1

    def line(self, text: str) -> int:
        """The 1-based line holding the n-th occurrence of the needle."""
        found = [i for i, line in enumerate(text.splitlines(), start=1) if self.needle in line]
        assert len(found) >= self.occurrence, f"{self.name}: needle {self.needle!r} not in text"
        return found[self.occurrence - 1]


def swap(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def change(text: str) -> str:
        assert old in text, f"{old!r} not in the minimal dataset"
        return text.replace(old, new, count)

    return change


CASES = [
    Case(
        "yaml syntax",
        swap("    title: A source", "    title: A source: oops"),
        "title: A source: oops",
        "YAML syntax error: mapping values are not allowed",
    ),
    Case(
        "several documents",
        swap("dataset:\n", "---\na: 1\n---\ndataset:\n"),
        "---",
        "YAML syntax error",
        occurrence=2,
    ),
    Case(
        "wrong type",
        swap("paragraph: 1\n", "paragraph: one\n"),
        "paragraph: one",
        "statements[0] (id=pak-accuses-afg) reports[0].quotes[0].paragraph: expected a whole "
        "number, got text",
    ),
    Case(
        "number where text is expected",
        swap('cameo: "112"', "cameo: 112"),
        "cameo: 112",
        "cameo: expected text, got a number (112); put the value in quotes",
    ),
    Case(
        "missing field",
        swap(
            '            quote: the group operates from Afghan soil\n    cameo: "112"\n',
            "            quote: the group operates from Afghan soil\n",
        ),
        "- id: pak-accuses-afg",
        "statements[0] (id=pak-accuses-afg) cameo: required field is missing",
    ),
    Case(
        "unknown field",
        swap("    about: afg\n", "    abut: afg\n"),
        "abut: afg",
        "unknown field 'abut' (did you mean 'about'?)",
    ),
    Case(
        "unknown top-level key",
        lambda t: t + "statement: []\n",
        "statement: []",
        "unknown top-level key 'statement' (did you mean 'statements'?)",
    ),
    Case(
        "closed vocabulary",
        swap("allegation: territory-used", "allegation: harbours"),
        "allegation: harbours",
        "'harbours' is not a known allegation type; use one of: territory-used, shelters",
    ),
    Case(
        "date format",
        swap("date: 2025-12\n", "date: 2025-13\n"),
        "date: 2025-13",
        "said.date: '2025-13' is not a date",
    ),
    Case(
        "date precision",
        swap("date: 2025-12\n      precision: month", "date: 2025-12\n      precision: day"),
        "date: 2025-12",
        "'2025-12' has the precision of a month, not a day",
    ),
    Case(
        "interval backwards",
        swap("date: 2025-12-01/2025-12-31", "date: 2025-12-31/2025-12-01"),
        "date: 2025-12-31/2025-12-01",
        "ends before it starts",
    ),
    Case(
        "date basis needs its proof",
        swap(
            "      basis: relative\n      source: src\n      wording: Islamabad says\n",
            "      basis: relative\n",
        ),
        "date: 2025-12",
        "a date with basis 'relative' needs source and wording",
    ),
    Case(
        "duplicate mapping key",
        swap("    kind: allegation\n", "    kind: allegation\n    kind: concern\n"),
        "kind: concern",
        "duplicate field 'kind': YAML would keep only the last one",
    ),
    Case(
        "duplicate id",
        swap("- id: afg-accuses-pak", "- id: pak-accuses-afg"),
        "- id: pak-accuses-afg",
        "duplicate id 'pak-accuses-afg': already used at data/minimal.yaml:",
        occurrence=2,
    ),
    Case(
        "reserved id",
        swap("- id: afg-accuses-pak", "- id: index"),
        "- id: index",
        "'index' is reserved for listing pages",
    ),
    Case(
        "bad id",
        swap("- id: afg-accuses-pak", "- id: Afg Accuses"),
        "- id: Afg Accuses",
        "'Afg Accuses' is not a valid id",
    ),
    Case(
        "unknown speaker's organisation",
        swap("    by: pak\n", "    by: pakk\n"),
        "by: pakk",
        "by: no actor has the id 'pakk' (did you mean 'pak'?)",
    ),
    Case(
        "unknown accused",
        swap("about: afg\n", "about: afgh\n"),
        "about: afgh",
        "about: no actor has the id 'afgh'",
    ),
    Case(
        "unknown speaker",
        swap("speaker: spokesman", "speaker: spokesmen"),
        "speaker: spokesmen",
        "speaker: no actor has the id 'spokesmen'",
    ),
    Case(
        "unknown group",
        swap("groups: [iskp]", "groups: [isis]"),
        "groups: [isis]",
        "groups[0]: no actor has the id 'isis'",
    ),
    Case(
        "unknown place",
        swap("places: [mastung]", "places: [mastungg]"),
        "places: [mastungg]",
        "places[0]: no place has the id 'mastungg' (did you mean 'mastung'?)",
    ),
    Case(
        "unknown source",
        swap(
            "      - source: src\n        quotes:\n          - paragraph: 1",
            "      - source: srcc\n        quotes:\n          - paragraph: 1",
        ),
        "source: srcc",
        "reports[0].source: no source has the id 'srcc'",
    ),
    Case(
        "unknown answered statement",
        swap("      - statement: pak-accuses-afg\n", "      - statement: nope\n"),
        "statement: nope",
        "answers[0].statement: no statement has the id 'nope'",
    ),
    Case(
        "unknown event",
        swap("events: [statement]", "events: [statment]"),
        "events: [statment]",
        "events[0]: no event has the id 'statment'",
    ),
    Case(
        "unknown parent place",
        swap("parent: pakistan", "parent: pakistn"),
        "parent: pakistn",
        "parent: no place has the id 'pakistn'",
    ),
    Case(
        "quote not found",
        swap(
            "quote: the group operates from Afghan soil",
            "quote: the group operates from Afghan land",
        ),
        "Afghan land",
        "not found in paragraph 1 of source 'src'; closest text: "
        '"the group operates from Afghan soil."',
    ),
    Case(
        "quote in another paragraph",
        swap(
            "paragraph: 2\n            quote: the other group",
            "paragraph: 1\n            quote: the other group",
        ),
        "quote: the other group",
        "not in paragraph 1 of source 'src' but in paragraph 2: set paragraph: 2",
    ),
    Case(
        "paragraph out of range",
        swap("paragraph: 5\n", "paragraph: 3\n"),
        "paragraph: 3",
        "the excerpt of source 'src' holds paragraphs 1, 2, 5, not 3: store that paragraph",
    ),
    Case(
        "elision out of order",
        swap(
            "quote: the group operates from Afghan soil",
            "quote: from Afghan soil … the group operates",
        ),
        "from Afghan soil …",
        "not found in paragraph 1",
    ),
    Case(
        "quote too short",
        swap("quote: Kabul denies it and says", "quote: Kabul says"),
        "quote: Kabul says",
        "a quote needs at least 3 words to be evidence, unless it lies inside a longer quote",
    ),
    Case(
        "quote not on word boundaries",
        swap(
            "quote: the group operates from Afghan soil", "quote: e group operates from Afghan soi"
        ),
        "quote: e group",
        "not found in paragraph 1",
    ),
    Case(
        "elision joining single words",
        swap("quote: the group operates from Afghan soil", "quote: group … Afghan soil"),
        "quote: group …",
        "the part 'group' between elisions is too short",
    ),
    Case(
        "licence that is not an SPDX id",
        swap("  creators: [Tests]", "  creators: [Tests]\n  licence: CC BY 4.0"),
        "licence:",
        "does not have the expected form",
    ),
    Case(
        "C1 control character",
        swap("  title: Minimal", '  title: "Minimal\\u0085"'),
        "title:",
        "contains the invisible control character U+0085",
    ),
    Case(
        "date wording not in source",
        swap("wording: Islamabad says", "wording: Islamabad claims"),
        "wording: Islamabad claims",
        "the words 'Islamabad claims' do not occur in source 'src'",
    ),
    Case(
        "group is not an armed group",
        swap("groups: [ttp]", "groups: [pak]"),
        "groups: [pak]",
        "'pak' is not an armed group",
    ),
    Case(
        "speaker not a member",
        swap("      - organization: afg", "      - organization: pak"),
        "speaker: spokesman",
        "the speaker 'spokesman' has no membership in 'afg'",
    ),
    Case(
        "unanswered without a quote",
        swap(
            "      - state: unanswered\n        as_of: src\n"
            "        evidence:\n          - source: src\n"
            "            paragraph: 5\n"
            "            quote: Islamabad has yet to respond\n",
            "      - state: unanswered\n        as_of: src\n",
        ),
        "state: unanswered",
        "'unanswered' needs the words of a source that says so",
    ),
    Case(
        "an answered state written as a status",
        swap("      - state: unanswered\n", "      - state: denied\n"),
        "state: denied",
        "'denied' is set by an answer: record the answer as a statement of its own",
        occurrence=2,
    ),
    Case(
        "answer by someone who does not speak for the accused",
        swap("      - statement: pak-accuses-afg\n", "      - statement: afg-accuses-pak\n"),
        "statement: afg-accuses-pak",
        "only the one it is about answers 'afg-accuses-pak'",
    ),
    Case(
        "a tie named without the words",
        swap(
            "        tie: named\n        evidence:\n          - source: src\n"
            "            paragraph: 2\n            quote: Kabul denies it\n",
            "        tie: named\n",
        ),
        "      - statement: pak-accuses-afg",
        "a tie 'named' quotes the words of a report of this answer",
    ),
    Case(
        "a statement framed as answering itself",
        swap(
            "      statement: pak-accuses-afg\n      framed_by",
            "      statement: afg-accuses-pak\n      framed_by",
        ),
        "      statement: afg-accuses-pak",
        "a statement cannot answer itself",
    ),
    Case(
        "a paragraph missing from the ledger",
        swap("      - paragraphs: [6]\n", "      - paragraphs: [6, 7]\n"),
        "paragraphs: [6, 7]",
        "paragraph 7 is past the original's 6",
    ),
    Case(
        "a report credited with words its quotes lack",
        swap(
            "            quote: the other group has camps in Pakistan\n",
            "            quote: the other group has\n",
        ),
        "      - source: src",
        "\"camps\" of the paraphrase is not in the quotes of source 'src'",
        occurrence=5,
    ),
    Case(
        "control character",
        swap("  title: Minimal", '  title: "Minimal\\a"'),
        'title: "Minimal',
        "contains the invisible control character U+0007",
    ),
    Case(
        "multi-line name",
        swap("  title: Minimal", '  title: "Two\\nlines"'),
        'title: "Two',
        "must be one line",
    ),
    Case(
        "place inside itself",
        swap("    kind: country\n", "    kind: country\n    parent: mastung\n"),
        "parent: mastung",
        "is inside itself",
    ),
    Case(
        "url that is not a web address",
        swap("    url: https://example.org/a-source\n", "    url: javascript:alert(1)\n"),
        "url: javascript",
        "'javascript:alert(1)' is not a web address",
    ),
    Case(
        "country that is not a country",
        swap("    country: pakistan", "    country: mastung"),
        "country: mastung",
        "place 'mastung' is not a country",
    ),
    Case(
        "stored text missing",
        swap("text: texts/src.txt", "text: texts/missing.txt"),
        "text: texts/missing.txt",
        "stored text not found: data/texts/missing.txt",
    ),
    Case(
        "YAML tag",
        swap("  title: Minimal", "  title: !!python/object:os.system x"),
        "title: !!python",
        "the YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
    ),
    Case(
        "merge key",
        swap("  title: Minimal", "  <<: {title: Minimal}"),
        "<<:",
        "YAML merge keys (<<) are not allowed",
    ),
    Case(
        "non-text key",
        swap("  title: Minimal", "  title: Minimal\n  1: one"),
        "  1: one",
        "a field name must be plain text",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_reported_at_its_line(case: Case) -> None:
    text = case.change(MINIMAL_YAML)
    result = run_check(text)
    assert result.dataset is None
    expected_line = case.line(text)
    matching = [p for p in result.problems if case.message in p.message]
    assert matching, f"no problem says {case.message!r}; got:\n{report(result.problems)}"
    assert any(p.line == expected_line for p in matching), (
        f"{case.message!r} reported at line(s) {[p.line for p in matching]}, "
        f"expected {expected_line}"
    )
    for problem in result.problems:
        assert problem.path == "data/minimal.yaml"
        assert str(problem).startswith(f"data/minimal.yaml:{problem.line}:{problem.column}: ")


BILLION_LAUGHS = b"""\
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""

BAD_FILES = [
    ("empty file", b"", 0, "file is empty: expected a mapping with keys such as 'statements:'"),
    ("only comments", b"# nothing here\n\n", 0, "file is empty"),
    (
        "not UTF-8",
        b"statements:\n  - id: caf\xe9\n",
        2,
        "not UTF-8 text (byte 0xe9): save the file as UTF-8",
    ),
    ("NUL byte", b"statements: []\n\x00\n", 2, "the file contains a NUL character"),
    (
        "character YAML refuses",
        "statements: []\nx: \x80\n".encode(),
        2,
        "the file contains the character U+0080, which YAML does not allow",
    ),
    (
        "top level is a list",
        b"- id: x\n",
        1,
        "the top level must be a mapping (keys such as 'statements:'), not a list",
    ),
    ("top level is a scalar", b"just some text\n", 1, "the top level must be a mapping"),
    (
        "collection is not a list",
        b"statements:\n  id: x\n",
        1,
        "statements: expected a list of records",
    ),
    (
        "record is not a mapping",
        b"statements:\n  - just text\n",
        2,
        "statements[0]: expected a mapping of fields",
    ),
    (
        "billion laughs",
        BILLION_LAUGHS,
        1,
        "YAML anchors and aliases (&name, *name) are not allowed in data files",
    ),
    (
        "oversized file",
        b"statements: []\n" + b"#" * MAX_FILE_BYTES,
        0,
        "over the limit of 8,388,608: split its records over several files",
    ),
    (
        "too deep",
        b"statements: " + b"[" * 40 + b"]" * 40 + b"\n",
        1,
        "nests deeper than 32 levels",
    ),
]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_file_gives_one_line(content: bytes, line: int, message: str) -> None:
    result = run_check(extra_files={"data/bad.yaml": content})
    bad = [p for p in result.problems if p.path == "data/bad.yaml"]
    assert len(bad) == 1, report(result.problems)
    assert message in bad[0].message
    assert bad[0].line == line
    assert "\n" not in str(bad[0])


def test_unreadable_files_are_reported(tmp_path: Path) -> None:
    from titfortat.load.files import read_inputs  # noqa: PLC0415

    data = tmp_path / "data"
    data.mkdir()
    (data / "minimal.yaml").write_text(MINIMAL_YAML, encoding="utf-8")
    (data / "texts").mkdir()
    (data / "texts" / "src.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    (data / "broken.yaml").symlink_to(data / "nowhere.yaml")
    result = check(read_inputs(data, tmp_path))
    assert [str(p) for p in result.problems] == [
        "data/broken.yaml: cannot be read (No such file or directory)"
    ]


def test_no_data_files_is_a_problem() -> None:
    result = check(Inputs(files={}, texts={}, data_dir="nowhere"))
    assert result.problems == [
        Problem("nowhere", 0, 0, "no data files (*.yaml) found in this folder")
    ]


def test_every_problem_is_reported_at_once() -> None:
    text = MINIMAL_YAML
    for change in (
        swap("    by: pak\n", "    by: pakk\n"),
        swap("allegation: territory-used", "allegation: harbours"),
        swap("quote: the group operates from Afghan soil", "quote: words that are not there"),
        swap("places: [mastung]", "places: [nowhere]"),
    ):
        text = change(text)
    result = run_check(text, extra_files={"data/empty.yaml": b""})
    messages = "\n".join(p.message for p in result.problems)
    for expected in (
        "no actor has the id 'pakk'",
        "'harbours' is not a known allegation type",
        "not found in paragraph 1",
        "no place has the id 'nowhere'",
        "file is empty",
    ):
        assert expected in messages
    rendered = report(result.problems)
    assert rendered.endswith(f"{len(result.problems)} problems found")


def test_quotes_of_an_invalid_record_are_still_checked() -> None:
    text = swap("allegation: territory-used", "allegation: harbours")(MINIMAL_YAML)
    text = swap("quote: the group operates from Afghan soil", "quote: not in the text at all")(text)
    messages = [p.message for p in run_check(text).problems]
    assert any("harbours" in m for m in messages)
    assert any("reports[0].quotes[0].quote: not found in paragraph 1" in m for m in messages)


def test_references_of_an_invalid_record_are_still_resolved_nested_ones_too() -> None:
    """References come from the models' declarations, so even the nested ones (a date's
    source, a status's source, a quote's source) of a record that fails validation are
    checked in the same run."""
    text = swap("allegation: territory-used", "allegation: harbours")(MINIMAL_YAML)
    text = swap(
        "      source: src\n      wording: Islamabad says",
        "      source: srcc\n      wording: Islamabad says",
    )(text)
    text = swap(
        "        quotes:\n          - paragraph: 1",
        "        quotes:\n          - paragraph: 1",
    )(text)
    text = swap("    about: afg\n", "    about: nobody\n")(text)
    text = swap(
        '    cameo: "112"\n  - id: afg-denies',
        '    restates: nothing\n    cameo: "112"\n  - id: afg-denies',
    )(text)
    messages = [p.message for p in run_check(text).problems]
    for expected in (
        "statements[0] (id=pak-accuses-afg) allegation: 'harbours' is not a known allegation type",
        "statements[0] (id=pak-accuses-afg) said.source: no source has the id 'srcc'",
        "statements[0] (id=pak-accuses-afg) restates: no statement has the id 'nothing'",
        "statements[0] (id=pak-accuses-afg) about: no actor has the id 'nobody'",
    ):
        assert any(m.startswith(expected) for m in messages), (expected, messages)


def test_every_reference_declared_on_a_model_is_resolved() -> None:
    """The checker's count of resolved references is the number of ids the records name,
    as the models declare them: nothing is resolved by a list kept elsewhere."""
    from titfortat.model.records import COLLECTIONS  # noqa: PLC0415
    from titfortat.model.references import references  # noqa: PLC0415

    result = run_check()
    assert result.dataset is not None
    named = sum(
        len(list(references(record)))
        for collection in COLLECTIONS
        for record in getattr(result.dataset, collection).values()
    )
    # A parent, a country, a membership, an event's quote, and 5 + 6 + 12 in the three
    # statements.
    assert named == result.dataset.stats.references_resolved == 27


def test_stored_text_that_is_not_utf8() -> None:
    result = run_check(text=b"caf\xe9\n")
    assert any("data/texts/src.txt is not UTF-8 text" in p.message for p in result.problems)


def test_quote_normalisation_forgives_typography_only() -> None:
    text = MINIMAL_TEXT.replace("Afghan soil", "Afghan \u201csoil\u201d \u2014 it\u2019s")
    yaml_text = swap(
        "quote: the group operates from Afghan soil",
        "quote: 'the group  operates from Afghan \"soil\" - it''s'",
    )(MINIMAL_YAML)
    assert run_check(yaml_text, text).problems == []
    changed_case = swap(
        "quote: the group operates from Afghan soil", "quote: The group operates from Afghan soil"
    )(MINIMAL_YAML)
    assert run_check(changed_case).problems


def test_elisions_with_three_dots_or_ellipsis() -> None:
    quotes = (
        "the group operates ... from Afghan soil",
        "the group operates … from Afghan soil.",
        "… operates from Afghan …",
    )
    for quote in quotes:
        yaml_text = swap("quote: the group operates from Afghan soil", f"quote: {quote}")(
            MINIMAL_YAML
        )
        yaml_text = swap(
            "paraphrase: the group operates from Afghan soil",
            "paraphrase: the TTP operates from Afghan",
        )(yaml_text)
        assert run_check(yaml_text).problems == [], quote
