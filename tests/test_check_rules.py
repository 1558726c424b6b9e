"""The checker's rules of fidelity: excerpts, the support check, time, framings and the
In brief. One test per rule, each on a small variant of the minimal dataset, each saying
what must be reported (or must not) and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_TEXT, MINIMAL_YAML, SECOND_SOURCE, SECOND_TEXT
from titfortat.check import CheckResult, check
from titfortat.check.problems import report
from titfortat.load.files import read_inputs
from titfortat.load.inputs import Inputs
from titfortat.model.support import content_words, fold, unsupported, vocabulary


def run(
    yaml_text: str = MINIMAL_YAML,
    *,
    text: str = MINIMAL_TEXT,
    second: bool = False,
    in_brief: str | None = None,
) -> CheckResult:
    """Check a variant, with the second source and its text when asked."""
    texts = {"texts/src.txt": text.encode()}
    if second:
        yaml_text = yaml_text.replace("places:\n", SECOND_SOURCE + "places:\n", 1)
        texts["texts/later.txt"] = SECOND_TEXT.encode()
    return check(
        Inputs(
            files={"data/minimal.yaml": yaml_text.encode()},
            texts=texts,
            in_brief=in_brief.encode() if in_brief is not None else None,
        )
    )


def messages(result: CheckResult) -> list[str]:
    return [str(p) for p in result.problems]


def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} not in the text"
    return text.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def only_problem(result: CheckResult, expected: str) -> str:
    """The one problem reported, which must contain ``expected``."""
    assert len(result.problems) == 1, report(result.problems)
    found = str(result.problems[0])
    assert expected in found, found
    return found


def test_the_variants_start_clean() -> None:
    assert run().problems == []
    assert run(second=True).problems == []


# --- excerpts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Just a whole article.\n", "line 1: text before the first paragraph marker"),
        ("# only a comment\n", "no paragraph markers"),
        ("[1]\nOne.\n\n[1]\nAgain.\n", "line 4: [1] appears twice"),
        ("[2]\nTwo.\n\n[1]\nOne.\n", "line 4: [1] comes after [2]: keep the original's order"),
        ("[1]\n\n[2]\nTwo.\n", "[1] is empty"),
    ],
    ids=["no markers before text", "no markers", "twice", "out of order", "empty"],
)
def test_an_excerpt_in_the_wrong_form_is_refused(text: str, expected: str) -> None:
    result = run(text=text)
    found = [str(p) for p in result.problems if "data/texts/src.txt" in p.message]
    assert len(found) == 1, report(result.problems)
    assert expected in found[0]
    assert found[0].startswith(f"data/minimal.yaml:{line_of(MINIMAL_YAML, 'text: texts/src.txt')}:")


def test_quotes_cite_the_original_paragraph_numbers() -> None:
    # Paragraph 5 of the original is the third block of the excerpt: it is cited as 5.
    assert run().dataset is not None
    moved = swap(MINIMAL_YAML, "            paragraph: 5\n", "            paragraph: 3\n")
    only_problem(run(moved), "the excerpt of source 'src' holds paragraphs 1, 2, 5, not 3")


def test_a_date_reference_is_never_quoted() -> None:
    quoted = swap(
        MINIMAL_YAML,
        "      - source: src\n        paragraph: 1\n",
        "      - source: reference\n        paragraph: 1\n",
    )
    result = run(quoted, second=True)
    assert any("'reference' is a date reference" in m for m in messages(result)), report(
        result.problems
    )


def test_a_labelled_block_dates_but_is_not_a_paragraph() -> None:
    """The dateline holds the wording of the later source's date; no quote may cite it."""
    result = run(second=True)
    assert result.dataset is not None
    assert result.dataset.stats.wordings_verified == 2


# --- short quotes -----------------------------------------------------------------------


def test_a_two_word_quote_is_evidence_inside_a_longer_quote_of_the_same_record() -> None:
    inside = swap(
        MINIMAL_YAML,
        "            quote: Kabul denies it\n",
        "            quote: Kabul denies it and says\n"
        "          - source: src\n            paragraph: 2\n            quote: denies it\n",
    )
    assert run(inside).problems == []


def test_a_two_word_quote_alone_is_not_evidence() -> None:
    alone = swap(
        MINIMAL_YAML, "            quote: Kabul denies it\n", "            quote: denies it\n"
    )
    found = only_problem(run(alone), "a quote needs at least 3 words to be evidence")
    assert found.startswith(f"data/minimal.yaml:{line_of(alone, 'quote: denies it')}:")


def test_a_two_word_quote_inside_a_quote_of_another_source_is_not_evidence() -> None:
    def denial(*quotes: tuple[str, int, str]) -> str:
        evidence = "".join(
            f"          - source: {source}\n            paragraph: {number}\n"
            f"            quote: {quote}\n"
            for source, number, quote in quotes
        )
        return swap(
            MINIMAL_YAML,
            "          - source: src\n            paragraph: 2\n"
            "            quote: Kabul denies it\n",
            evidence,
        )

    same_source = denial(
        ("later", 3, "rejected the claim as weird propaganda"), ("later", 3, "weird propaganda")
    ).replace(
        "      - state: denied\n        as_of: src\n",
        "      - state: denied\n        as_of: later\n",
    )
    assert run(same_source, second=True).problems == []
    other_source = denial(("src", 2, "Kabul denies it"), ("later", 3, "weird propaganda"))
    found = [
        m for m in messages(run(other_source, second=True)) if "a quote needs at least 3 words" in m
    ]
    assert len(found) == 1
    assert "status[0].evidence[1].quote" in found[0]


# --- the support check ------------------------------------------------------------------

PARAPHRASE = "paraphrase: the group operates from Afghan soil"


def paraphrased(words: str, extra: str = "") -> str:
    return swap(MINIMAL_YAML, PARAPHRASE, f"paraphrase: {words}{extra}")


def test_a_word_the_quotes_lack_is_reported_at_the_paraphrase() -> None:
    changed = paraphrased("the group operates from Afghan soil and could destabilise the region")
    result = run(changed)
    at = line_of(changed, "paraphrase: the group operates")
    found = [str(p) for p in result.problems]
    assert found == [
        f'data/minimal.yaml:{at}:17: claims[0] (id=pak-accuses-afg) paraphrase: "{word}" is not '
        "in the quotes or the names of the records the claim links: use the source's word, or "
        "list it under editorial_words with the reason"
        for word in ("could", "destabilise", "region")
    ]


def test_case_plurals_and_suffixes_are_forgiven() -> None:
    assert run(paraphrased("Groups operating from Afghan soil")).problems == []


def test_names_of_linked_records_support_a_paraphrase() -> None:
    # The accuser's other name (Islamabad), the accused's (Kabul) and the group's (TTP).
    assert run(paraphrased("Islamabad and the TTP operate from Kabul's Afghan soil")).problems == []


def test_a_name_of_a_record_the_claim_does_not_link_is_not_support() -> None:
    only_problem(
        run(paraphrased("IS-KP operates from Afghan soil")), '"IS-KP" is not in the quotes'
    )


def test_negations_and_modals_must_be_supported() -> None:
    result = run(paraphrased("the group may not operate from Afghan soil"))
    assert [m.split('paraphrase: "')[1].split('"')[0] for m in messages(result)] == ["may", "not"]


def test_numbers_must_be_supported() -> None:
    only_problem(run(paraphrased("the 3 group operates from Afghan soil")), '"3" is not')


def test_an_editorial_word_with_its_reason_is_accepted() -> None:
    changed = paraphrased(
        "the group operates from Afghan territory",
        "\n    editorial_words:\n      - word: territory\n        reason: the quote says soil",
    )
    assert run(changed).problems == []


def test_an_editorial_word_not_in_the_paraphrase_is_reported() -> None:
    changed = paraphrased(
        "the group operates from Afghan soil",
        "\n    editorial_words:\n      - word: region\n        reason: not used",
    )
    only_problem(run(changed), '"region" is not a word of the paraphrase: remove it from the list')


def test_an_editorial_word_the_quotes_have_is_reported() -> None:
    changed = paraphrased(
        "the group operates from Afghan soil",
        "\n    editorial_words:\n      - word: soil\n        reason: not needed",
    )
    only_problem(run(changed), '"soil" is in the quotes already: remove it from the list')


def test_a_missing_or_overlong_paraphrase_is_refused() -> None:
    missing = swap(MINIMAL_YAML, f"    {PARAPHRASE}\n", "")
    only_problem(run(missing), "paraphrase: required field is missing")
    long = paraphrased("the group operates from Afghan soil " * 9)
    assert any("characters long; the limit is 300" in m for m in messages(run(long)))


def test_support_folding_table() -> None:
    """The normalisation, case by case: grammar is forgiven, a new word never."""
    pairs = {
        "militants": "militant",
        "trained": "training",
        "centres": "centers",
        "destabilise": "destabilize",
        "defence": "defense",
        "Pakistan's": "Pakistan",
        "activities": "activity",
        "Labour": "labor",
    }
    for written, quoted in pairs.items():
        assert fold(written) == fold(quoted), (written, quoted)
    assert fold("deny") == fold("denied")
    for one, other in (("camp", "camel"), ("not", "note"), ("may", "many"), ("no", "now")):
        assert fold(one) != fold(other), (one, other)
    assert content_words("It is not the case that a group may be there") == [
        "not",
        "case",
        "group",
        "may",
    ]
    support = vocabulary(["cross-border attacks by IS-KP"])
    assert unsupported("cross-border IS-KP attack", support) == []
    assert unsupported("border attacks", support) == []
    assert unsupported("cross-country attacks", support) == ["cross-country"]


# --- time ---------------------------------------------------------------------------------


def asserted_on(date: str, precision: str = "month") -> str:
    return swap(
        MINIMAL_YAML,
        "      date: 2025-12\n      precision: month\n",
        f"      date: {date}\n      precision: {precision}\n",
    )


def test_a_claim_asserted_after_the_source_that_reports_it_is_refused() -> None:
    later = asserted_on("2026-02")
    # The claim cannot be reported by a source of January; nor can its status be as of it.
    assert messages(run(later)) == [
        f"data/minimal.yaml:{line_of(later, 'date: 2026-02')}:7: claims[0] "
        "(id=pak-accuses-afg) asserted: the claim is dated 2026-02, after source 'src' that "
        "reports it was published (2026-01-01): correct one of the dates",
        f"data/minimal.yaml:{line_of(later, '        as_of: src')}:16: claims[0] "
        "(id=pak-accuses-afg) status[0].as_of: source 'src' (2026-01-01) is older than the "
        "claim (2026-02): a status holds as of a source that knows the claim",
    ]


def test_only_a_certain_contradiction_is_an_error() -> None:
    # A claim in January 2026 may have been made before the source of 1 January 2026 … or not.
    assert run(asserted_on("2026-01")).problems == []
    assert run(asserted_on("2025-12-20/2026-01-10", "interval")).problems == []


def test_a_status_as_of_a_source_older_than_the_claim_is_refused() -> None:
    # The claim made in March 2026 or later cannot be unanswered as of 1 January 2026.
    changed = swap(
        MINIMAL_YAML,
        "      date: 2025-12-01/2025-12-31\n      precision: interval\n",
        "      date: 2026-03-01/2026-03-02\n      precision: interval\n",
    )
    changed = swap(
        changed,
        "    evidence:\n      - source: src\n        paragraph: 2\n        quote: the other group",
        "    evidence:\n      - source: later\n        paragraph: 4\n"
        "        quote: camps in Mastung"
        "\n      - source: src\n        paragraph: 2\n        quote: the other group",
    )
    result = run(changed, second=True)
    assert any(
        "status[0].as_of: source 'src' (2026-01-01) is older than the claim" in m
        for m in messages(result)
    ), report(result.problems)


def test_states_out_of_time_order_are_refused() -> None:
    history = swap(
        MINIMAL_YAML,
        "      - state: denied\n        as_of: src\n",
        "      - state: no-response-reported\n        as_of: later\n"
        "      - state: denied\n        as_of: src\n",
    )
    result = run(history, second=True)
    assert any(
        "status[1]: dated 2026-01-01, before the state above it (2026-03-02)" in m
        for m in messages(result)
    ), report(result.problems)


def test_a_history_in_order_passes_and_its_latest_state_is_current() -> None:
    history = swap(
        MINIMAL_YAML,
        "      - state: unanswered\n",
        "      - state: unanswered\n",
    )
    history = swap(
        history,
        "            quote: Islamabad has yet to respond\n",
        "            quote: Islamabad has yet to respond\n"
        "      - state: denied\n        as_of: later\n        evidence:\n"
        "          - source: later\n            paragraph: 3\n"
        "            quote: rejected the claim as weird propaganda\n",
    )
    result = run(history, second=True)
    assert result.problems == [], report(result.problems)
    assert result.dataset is not None
    claim = result.dataset.claims["afg-accuses-pak"]
    assert [s.state.value for s in claim.status] == ["unanswered", "denied"]


# --- framings -----------------------------------------------------------------------------


def test_a_framing_quotes_the_source_that_frames() -> None:
    changed = swap(MINIMAL_YAML, "      framed_by: src\n", "      framed_by: later\n")
    found = only_problem(
        run(changed, second=True), "the framing is 'later''s: quote the passage of that source"
    )
    inserted = changed.replace("places:\n", SECOND_SOURCE + "places:\n", 1)
    at = line_of(inserted, "quote: Kabul denies it and says") - 2
    assert found.startswith(f"data/minimal.yaml:{at}:")
    assert "answers.evidence[0].source" in found


def test_claims_framed_as_answering_each_other_in_a_loop_are_refused() -> None:
    loop = swap(
        MINIMAL_YAML,
        '    cameo: "112"\n    evidence:\n      - source: src\n        paragraph: 1\n',
        "    answers:\n      claim: afg-accuses-pak\n      framed_by: src\n      evidence:\n"
        "        - source: src\n          paragraph: 2\n          quote: Kabul denies it and says\n"
        '    cameo: "112"\n    evidence:\n      - source: src\n        paragraph: 1\n',
    )
    assert any("claims answer each other in a loop" in m for m in messages(run(loop)))


# --- the data folder ----------------------------------------------------------------------


def test_a_data_file_linked_from_outside_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "texts").mkdir(parents=True)
    (data / "minimal.yaml").write_text(MINIMAL_YAML, encoding="utf-8")
    (data / "texts" / "src.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    secret = tmp_path / "secret.yaml"
    secret.write_text("claims: []\n", encoding="utf-8")
    (data / "linked.yaml").symlink_to(secret)
    (data / "in-brief.md").symlink_to(tmp_path / "elsewhere.md")
    (tmp_path / "elsewhere.md").write_text("Anything.\n", encoding="utf-8")
    result = check(read_inputs(data, tmp_path))
    assert sorted(str(p) for p in result.problems) == [
        f"data/in-brief.md: is a symbolic link to {(tmp_path / 'elsewhere.md').as_posix()}, "
        "outside the data folder: copy the file into the data folder instead",
        f"data/linked.yaml: is a symbolic link to {secret.as_posix()}, outside the data "
        "folder: copy the file into the data folder instead",
    ]


def test_a_link_inside_the_data_folder_is_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "texts").mkdir(parents=True)
    (data / "real.yaml").write_text(MINIMAL_YAML, encoding="utf-8")
    (data / "texts" / "src.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    (data / "_drafts").mkdir()
    (data / "minimal.yaml").symlink_to(data / "real.yaml")
    result = check(read_inputs(data, tmp_path))
    # Both names are read: the same records twice are duplicates, reported as such.
    found = messages(result)
    assert any("duplicate id 'src'" in m for m in found), found
    assert not any("symbolic link" in m for m in found)


# --- In brief -----------------------------------------------------------------------------

BRIEF = (
    "Islamabad says the [[actor:ttp|TTP]] operates from Afghan soil "
    "[[claim:pak-accuses-afg]]. The [[actor:afg|Taliban government]] denies it "
    "[[claim:pak-accuses-afg]].\n\nThe Taliban government says the other group has camps "
    "in Pakistan, in [[place:mastung|Mastung]] [[claim:afg-accuses-pak]].\n"
)


def test_a_summary_that_says_what_its_claims_say_passes() -> None:
    result = run(in_brief=BRIEF)
    assert result.problems == [], report(result.problems)
    assert result.dataset is not None
    assert result.dataset.in_brief is not None
    assert len(result.dataset.in_brief.paragraphs) == 2


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        (
            "[[claim:afg-accuses-pak]]",
            "[[claim:afg-accuses-pakistan]]",
            3,
            "no claim has the id 'afg-accuses-pakistan' (did you mean 'afg-accuses-pak'?)",
        ),
        (
            " [[claim:afg-accuses-pak]]",
            "",
            3,
            "this sentence cites no claim: put [[claim:<id>]] for each claim it summarises",
        ),
        (
            "has camps in Pakistan",
            "has many camps in Pakistan",
            3,
            '"many" is not in the quotes, names or dates of the claims this sentence cites',
        ),
        (
            "in [[place:mastung|Mastung]]",
            "in [[place:mastung|Mastung]] and [[actor:ttp|TTP]] territory",
            3,
            "'ttp' is linked already (line 1): link a name once, on its first mention",
        ),
        ("[[actor:ttp|TTP]]", "[[person:ttp|TTP]]", 1, "[[person:...]] is not a kind of reference"),
    ],
    ids=["unknown reference", "no claim cited", "unsupported word", "linked twice", "bad kind"],
)
def test_a_summary_is_held_to_its_claims(old: str, new: str, line: int, expected: str) -> None:
    result = run(in_brief=swap(BRIEF, old, new))
    found = [p for p in result.problems if expected in p.message]
    assert found, report(result.problems)
    assert found[0].path == "data/in-brief.md"
    assert found[0].line == line


def test_a_summary_that_cites_nothing_is_refused() -> None:
    result = run(in_brief="Nothing here is cited.\n")
    assert any("this sentence cites no claim" in m for m in messages(result))


def test_a_state_quotes_the_source_it_is_as_of() -> None:
    changed = swap(
        MINIMAL_YAML,
        "      - state: denied\n        as_of: src\n",
        "      - state: denied\n        as_of: later\n",
    )
    result = run(changed, second=True)
    assert any(
        "status[0].evidence[0].source: the state is as of 'later': quote that source" in m
        for m in messages(result)
    ), report(result.problems)


def test_a_state_dated_after_its_source_is_refused() -> None:
    changed = swap(
        MINIMAL_YAML,
        "      - state: denied\n        as_of: src\n",
        "      - state: denied\n        as_of: src\n        date:\n          date: 2026-02\n"
        "          precision: month\n          basis: inferred\n          note: For tests.\n",
    )
    result = run(changed)
    assert any(
        "status[0].date: dated 2026-02, after source 'src' that reports it was published" in m
        for m in messages(result)
    ), report(result.problems)
