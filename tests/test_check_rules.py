"""The checker's rules of fidelity: excerpts and ledgers, reports and the support check,
answers and their ties, restatements and standing positions, time, framings, exchanges and the
In brief. One test per rule, each on a small variant of the minimal dataset, each saying what
must be reported (or must not) and where."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MINIMAL_TEXT, MINIMAL_YAML, SECOND_EVENT, SECOND_SOURCE, SECOND_TEXT
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
        yaml_text = yaml_text.replace("events:\n", "events:\n" + SECOND_EVENT, 1)
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
    found = messages(run(moved))
    assert any("the excerpt of source 'src' holds paragraphs 1, 2, 5, not 3" in m for m in found)


def test_a_date_reference_is_never_quoted() -> None:
    quoted = swap(
        MINIMAL_YAML,
        "      - source: src\n        quotes:\n          - paragraph: 1\n",
        "      - source: reference\n        quotes:\n          - paragraph: 1\n",
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


# --- ledgers ----------------------------------------------------------------------------


def test_every_paragraph_of_the_original_is_stored_or_in_the_ledger() -> None:
    missing = swap(MINIMAL_YAML, "      - paragraphs: [3, 4]\n", "      - paragraphs: [3]\n")
    found = only_problem(run(missing), "paragraph 4 of the original not accounted for")
    assert found.startswith(f"data/minimal.yaml:{line_of(missing, '- paragraphs: [3]')}:")
    grown = swap(MINIMAL_YAML, "    original_paragraphs: 6\n", "    original_paragraphs: 9\n")
    only_problem(run(grown), "paragraphs 7-9 of the original not accounted for")


def test_a_stored_paragraph_is_not_also_in_the_ledger() -> None:
    both = swap(MINIMAL_YAML, "      - paragraphs: [6]\n", "      - paragraphs: [5, 6]\n")
    only_problem(run(both), "paragraph 5 is stored in the excerpt")


def test_a_stored_paragraph_that_nothing_quotes_is_refused() -> None:
    text = MINIMAL_TEXT + "\n[6]\nSixth paragraph, stored but never quoted.\n"
    ledger = swap(MINIMAL_YAML, "      - paragraphs: [6]\n        reason: analysis\n", "")
    found = only_problem(run(ledger, text=text), "[6] of data/texts/src.txt is stored but nothing")
    assert "list it in the ledger with the reason" in found


def test_a_stored_source_says_how_long_the_original_is() -> None:
    unknown = swap(MINIMAL_YAML, "    original_paragraphs: 6\n", "")
    only_problem(run(unknown), "a stored source says how many paragraphs the original has")


# --- reports and the support check --------------------------------------------------------

PARAPHRASE = "paraphrase: the group operates from Afghan soil"


def paraphrased(words: str, extra: str = "") -> str:
    return swap(MINIMAL_YAML, PARAPHRASE, f"paraphrase: {words}{extra}")


def test_a_word_the_quotes_lack_is_reported_at_the_report() -> None:
    changed = paraphrased("the group operates from Afghan soil and could destabilise the region")
    result = run(changed)
    at = line_of(changed, "quote: the group operates from Afghan soil") - 3  # its report
    found = [str(p) for p in result.problems]
    assert found == [
        f"data/minimal.yaml:{at}:9: statements[0] (id=pak-accuses-afg) reports[0]: "
        f"\"{word}\" of the paraphrase is not in the quotes of source 'src' or the names of "
        "the records the statement links: quote the words that hold it, or give this report "
        "a paraphrase of the part it reports (it is then credited with that part only)"
        for word in ("could", "destabilise", "region")
    ]


def second_report(report: str) -> str:
    """The minimal data with the second source, and a second report of the first statement."""
    return swap(
        MINIMAL_YAML,
        "            quote: the group operates from Afghan soil\n",
        "            quote: the group operates from Afghan soil\n" + report,
    )


def test_a_report_that_gives_part_is_held_to_its_own_quotes_and_credited_with_that() -> None:
    partial = second_report(
        "      - source: later\n        paraphrase: Pakistan has not answered\n"
        "        quotes:\n          - paragraph: 4\n"
        "            quote: Pakistan has not answered the charge\n"
    )
    result = run(partial, second=True)
    assert result.problems == [], report(result.problems)
    whole = swap(partial, "        paraphrase: Pakistan has not answered\n", "")
    found = [m for m in messages(run(whole, second=True)) if "reports[1]" in m]
    assert found
    assert all("of the paraphrase is not in the quotes of source 'later'" in m for m in found)
    wrong = swap(partial, "paraphrase: Pakistan has not answered", "paraphrase: Pakistan denies it")
    only_problem(run(wrong, second=True), 'reports[1].paraphrase: "denies" is not in the quotes')


def test_some_report_gives_the_whole_statement() -> None:
    part = swap(
        MINIMAL_YAML,
        "      - source: src\n        quotes:\n          - paragraph: 1\n",
        "      - source: src\n        paraphrase: the group operates from Afghan soil\n"
        "        quotes:\n          - paragraph: 1\n",
    )
    only_problem(run(part), "no report gives the whole statement")


def test_one_report_per_source() -> None:
    twice = second_report(
        "      - source: src\n        quotes:\n          - paragraph: 1\n"
        "            quote: the group operates from Afghan soil\n"
    )
    only_problem(run(twice), "source 'src' reports it already (reports[0]): one report per source")


def test_a_reports_own_wording_is_in_its_source() -> None:
    named = swap(
        MINIMAL_YAML,
        "            quote: the group operates from Afghan soil\n",
        "            quote: the group operates from Afghan soil\n"
        "        accused_as: Afghan soil\n        speaker_as: the Kabul spokesman\n",
    )
    only_problem(run(named), "speaker_as: the words 'the Kabul spokesman' do not occur in source")


def test_a_reports_places_are_the_statements() -> None:
    placed = swap(
        MINIMAL_YAML,
        "            quote: the other group has camps in Pakistan\n",
        "            quote: the other group has camps in Pakistan\n"
        "        places: [mastung, pakistan]\n",
    )
    only_problem(
        run(placed), "reports[0].places[1]: 'pakistan' is not among the statement's places"
    )


def test_case_plurals_and_suffixes_are_forgiven() -> None:
    assert run(paraphrased("Groups operating from Afghan soil")).problems == []


def test_names_of_linked_records_support_a_paraphrase() -> None:
    # The speaker's other name (Islamabad), the one it is about (Kabul) and the group (TTP).
    assert run(paraphrased("Islamabad and the TTP operate from Kabul's Afghan soil")).problems == []


def test_a_name_of_a_record_the_statement_does_not_link_is_not_support() -> None:
    only_problem(run(paraphrased("IS-KP operates from Afghan soil")), '"IS-KP" of the paraphrase')


def test_negations_and_modals_must_be_supported() -> None:
    result = run(paraphrased("the group may not operate from Afghan soil"))
    assert [m.split('reports[0]: "')[1].split('"')[0] for m in messages(result)] == ["may", "not"]


def test_numbers_must_be_supported() -> None:
    only_problem(run(paraphrased("the 3 group operates from Afghan soil")), '"3" of the')


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


def test_an_editors_title_is_held_to_the_quotes() -> None:
    titled = swap(
        MINIMAL_YAML, "    title: Kabul denies it\n", "    title: Kabul denies all charges\n"
    )
    found = [m for m in messages(run(titled)) if "title:" in m]
    assert [m.split('title: "')[1].split('"')[0] for m in found] == ["all", "charges"]


def test_a_denial_needs_an_editors_title_and_a_position_names_no_one() -> None:
    untitled = swap(MINIMAL_YAML, "    title: Kabul denies it\n", "")
    only_problem(run(untitled), "a denial needs a title written by an editor")
    position = swap(MINIMAL_YAML, "    kind: denial\n", "    kind: standing-position\n")
    found = messages(run(position))
    assert any("a standing position is about no one: remove about:" in m for m in found), found
    assert any("a standing position answers no statement" in m for m in found), found


def test_only_a_standing_position_covers_allegations() -> None:
    covered = swap(
        MINIMAL_YAML,
        "    allegation: hosts-training-camps\n",
        "    allegation: hosts-training-camps\n    covers: [shelters]\n",
    )
    only_problem(run(covered), "only a standing position covers allegation types")


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


# --- short quotes -----------------------------------------------------------------------


def test_a_two_word_quote_is_evidence_inside_a_longer_quote_of_the_same_record() -> None:
    inside = swap(
        MINIMAL_YAML,
        "            quote: Kabul denies it\n",
        "            quote: Kabul denies it\n"
        "          - source: src\n            paragraph: 2\n            quote: denies it\n",
    )
    assert run(inside).problems == []


def test_a_two_word_quote_alone_is_not_evidence() -> None:
    alone = swap(
        MINIMAL_YAML,
        "            quote: Islamabad has yet to respond\n",
        "            quote: has yet\n",
    )
    found = only_problem(run(alone), "a quote needs at least 3 words to be evidence")
    assert found.startswith(f"data/minimal.yaml:{line_of(alone, 'quote: has yet')}:")


def test_a_two_word_quote_inside_a_quote_of_another_source_is_not_evidence() -> None:
    other_source = swap(
        MINIMAL_YAML,
        "            quote: Islamabad has yet to respond\n",
        "            quote: Islamabad has yet to respond\n"
        "          - source: later\n            paragraph: 3\n"
        "            quote: weird propaganda\n",
    )
    found = [
        m for m in messages(run(other_source, second=True)) if "a quote needs at least 3 words" in m
    ]
    assert len(found) == 1
    assert "status[0].evidence[1].quote" in found[0]


# --- answers and their ties ---------------------------------------------------------------


def test_an_answered_state_is_set_by_an_answer_never_written_as_a_status() -> None:
    state = swap(MINIMAL_YAML, "      - state: unanswered\n", "      - state: countered\n")
    only_problem(run(state), "'countered' is set by an answer: record the answer as a statement")


def test_a_denial_tied_by_name_sets_the_state_of_what_it_answers() -> None:
    from titfortat.model import answers  # noqa: PLC0415

    result = run()
    assert result.dataset is not None
    answering = answers.answers_to(result.dataset)
    claim = result.dataset.statements["pak-accuses-afg"]
    current = answers.current(claim, result.dataset, answering)
    assert current.state.value == "denied"
    assert current.answer is not None
    assert current.answer.id == "afg-denies"


def test_the_words_that_tie_an_answer_come_from_a_report_of_it() -> None:
    elsewhere = swap(
        MINIMAL_YAML,
        "          - source: src\n            paragraph: 2\n            quote: Kabul denies it\n",
        "          - source: later\n            paragraph: 3\n"
        "            quote: Kabul rejected the claim\n",
    )
    only_problem(run(elsewhere, second=True), "source 'later' does not report this answer")


def test_a_kind_sets_only_its_own_states() -> None:
    wrong = swap(MINIMAL_YAML, "        state: denied\n", "        state: countered\n")
    only_problem(run(wrong), "a denial sets no 'countered' state (it may set: denied")


def test_an_answer_comes_after_what_it_answers() -> None:
    early = swap(
        MINIMAL_YAML,
        "      date: 2025-12\n      precision: month\n",
        "      date: 2026-01-01\n      precision: day\n",
    )
    only_problem(run(early), "was said after this answer")


MET = (
    "        tie: named\n        evidence:\n          - source: src\n            paragraph: 2\n"
    "            quote: Kabul denies it\n"
)


def test_a_tie_met_meets_the_side_on_the_allegation() -> None:
    met = swap(MINIMAL_YAML, MET, "        tie: met\n")
    assert run(met).problems == [], report(run(met).problems)
    other = swap(
        met,
        "    allegation: territory-used\n    said:\n      date: 2025-12-01",
        "    allegation: shelters\n    said:\n      date: 2025-12-01",
    )
    only_problem(run(other), "it does not meet that allegation")


def test_a_tie_met_fails_when_the_allegation_was_made_again_first() -> None:
    met = swap(MINIMAL_YAML, MET, "        tie: met\n")
    met = swap(met, "      date: 2025-12\n", "      date: 2025-11\n")
    again = swap(
        met,
        "  - id: afg-denies\n",
        "  - id: pak-again\n    kind: allegation\n    by: pak\n    about: afg\n"
        "    allegation: territory-used\n    said:\n      date: 2025-12-10\n"
        "      precision: day\n      basis: inferred\n      note: For tests.\n"
        "    paraphrase: Islamabad says the group operates from Afghan soil\n"
        "    reports:\n      - source: src\n        quotes:\n          - paragraph: 1\n"
        "            quote: Islamabad says the group operates from Afghan soil\n"
        "    restates: pak-accuses-afg\n"
        '    cameo: "112"\n'
        "  - id: afg-denies\n",
    )
    again = swap(
        again,
        "      date: 2025-12-01/2025-12-31\n      precision: interval\n"
        "      basis: inferred\n      note: For tests.\n    title",
        "      date: 2025-12-20\n      precision: day\n"
        "      basis: inferred\n      note: For tests.\n    title",
    )
    only_problem(
        run(again),
        "'pak-again' made this allegation again (2025-12-10) before this answer (2025-12-20): "
        "tie the answer to 'pak-again'",
    )


def test_a_related_denial_is_shown_on_the_earlier_statement_not_as_its_state() -> None:
    from titfortat.model import answers  # noqa: PLC0415
    from titfortat.plan.views import Views  # noqa: PLC0415

    again = swap(
        MINIMAL_YAML,
        "  - id: afg-denies\n",
        "  - id: pak-again\n    kind: allegation\n    by: pak\n    about: afg\n"
        "    allegation: territory-used\n    said:\n      date: 2025-12-10\n"
        "      precision: day\n      basis: inferred\n      note: For tests.\n"
        "    paraphrase: Islamabad says the group operates from Afghan soil\n"
        "    reports:\n      - source: src\n        quotes:\n          - paragraph: 1\n"
        "            quote: Islamabad says the group operates from Afghan soil\n"
        "    restates: pak-accuses-afg\n"
        '    cameo: "112"\n'
        "  - id: afg-denies\n",
    )
    again = swap(again, "      - statement: pak-accuses-afg\n", "      - statement: pak-again\n")
    again = swap(
        again,
        "      date: 2025-12-01/2025-12-31\n      precision: interval\n"
        "      basis: inferred\n      note: For tests.\n    title",
        "      date: 2025-12-20\n      precision: day\n"
        "      basis: inferred\n      note: For tests.\n    title",
    )
    result = run(again)
    assert result.problems == [], report(result.problems)
    assert result.dataset is not None
    first = result.dataset.statements["pak-accuses-afg"]
    step = answers.current(first, result.dataset, answers.answers_to(result.dataset))
    assert step.state.value == "no-response-reported"
    views = Views.build(result.dataset)
    related = views.related_denials("pak-accuses-afg")
    assert [(r.answer_id, r.via_id, r.state.value) for r in related] == [
        ("afg-denies", "pak-again", "denied")
    ]
    assert views.statements["pak-again"].current.state.value == "denied"


def test_a_restatement_is_later_and_by_the_same_side_about_the_same_side() -> None:
    earlier = swap(
        MINIMAL_YAML,
        "            quote: the other group has camps in Pakistan\n",
        "            quote: the other group has camps in Pakistan\n",
    )
    earlier = swap(earlier, "      date: 2025-12\n", "      date: 2025-11\n")
    backwards = swap(
        earlier,
        '    cameo: "112"\n  - id: afg-denies',
        '    restates: afg-accuses-pak\n    cameo: "112"\n  - id: afg-denies',
    )
    found = messages(run(backwards))
    assert any("is later than this statement" in m for m in found), found
    assert any("is not by the same side about the same side" in m for m in found), found


def test_a_standing_position_is_shown_beside_the_allegations_it_covers() -> None:
    from titfortat.plan.views import Views  # noqa: PLC0415

    position = swap(
        MINIMAL_YAML,
        "  - id: afg-accuses-pak\n",
        "  - id: afg-position\n    kind: standing-position\n    by: afg\n"
        "    allegation: territory-used\n    covers: [shelters]\n    said:\n"
        "      date: ../2026-01-01\n      precision: interval\n      basis: inferred\n"
        "      note: For tests.\n    title: Kabul denies it\n    paraphrase: Kabul denies it\n"
        "    reports:\n      - source: src\n        quotes:\n          - paragraph: 2\n"
        "            quote: Kabul denies it\n"
        '    cameo: "016"\n'
        "  - id: afg-accuses-pak\n",
    )
    position = swap(
        position,
        "    country: pakistan\n    description: A government.\n    other_names: [Islamabad]\n"
        "  - id: afg\n    name: Taliban government\n    type: government\n",
        "    country: pakistan\n    description: A government.\n    other_names: [Islamabad]\n"
        "  - id: afg\n    name: Taliban government\n    type: government\n"
        "    country: afghanistan\n",
    )
    position = swap(
        position,
        "places:\n",
        "places:\n  - id: afghanistan\n    name: Afghanistan\n    kind: country\n",
    )
    result = run(position)
    assert result.problems == [], report(result.problems)
    assert result.dataset is not None
    views = Views.build(result.dataset)
    assert views.standing_on("pak-accuses-afg") == ["afg-position"]
    assert views.concerned_by("afg-position") == ["pak-accuses-afg"]
    # Never an answer: the allegation's state is still the denial's.
    assert views.statements["pak-accuses-afg"].current.answer_id == "afg-denies"


# --- speakers and their posts ---------------------------------------------------------------


def test_a_speaker_held_a_post_when_the_statement_was_made() -> None:
    ended = swap(
        MINIMAL_YAML,
        "        role: spokesperson\n",
        "        role: spokesperson\n        end: 2025-06\n",
    )
    found = messages(run(ended))
    assert found, found
    assert all("held no post in 'afg' on" in m for m in found), found
    titled = swap(
        MINIMAL_YAML,
        "        role: spokesperson\n",
        "        role: spokesperson\n        title: chief spokesman\n        start: 2025-01\n",
    )
    result = run(titled)
    assert result.problems == []
    from titfortat.plan.views import Views  # noqa: PLC0415

    assert result.dataset is not None
    views = Views.build(result.dataset)
    assert "through its chief spokesman A Spokesman" in views.statements["afg-accuses-pak"].text


# --- sources that replace others ------------------------------------------------------------


def test_a_superseded_source_keeps_its_page_but_is_cited_no_more() -> None:
    superseded = swap(
        MINIMAL_YAML,
        "    text: texts/src.txt\n",
        "    text: texts/src.txt\n    superseded_by: later\n",
    )
    found = messages(run(superseded, second=True))
    assert any("move its excerpt and quotes there, and remove text: here" in m for m in found)
    assert any(
        "source 'src' is superseded by 'later': cite that source instead" in m for m in found
    )


# --- notes that link records ----------------------------------------------------------------


def test_a_note_links_records_and_every_link_resolves() -> None:
    linked = swap(
        MINIMAL_YAML,
        "        reason: analysis\n",
        "        reason: analysis\n        note: See [[statement:pak-accuses-afg|the claim]].\n",
    )
    assert run(linked).problems == []
    broken = swap(linked, "[[statement:pak-accuses-afg|", "[[statement:pak-accuse|")
    only_problem(run(broken), "no statement has the id 'pak-accuse' (did you mean")
    wrong_kind = swap(linked, "[[statement:", "[[claim:")
    only_problem(run(wrong_kind), "[[claim:...]] is not a kind of link")


# --- time ---------------------------------------------------------------------------------


def said_on(date: str, precision: str = "month") -> str:
    return swap(
        MINIMAL_YAML,
        "      date: 2025-12\n      precision: month\n",
        f"      date: {date}\n      precision: {precision}\n",
    )


def test_a_statement_said_after_the_source_that_reports_it_is_refused() -> None:
    later = said_on("2026-02")
    found = [m for m in messages(run(later)) if "statements[0]" in m]
    assert found == [
        f"data/minimal.yaml:{line_of(later, 'date: 2026-02')}:7: statements[0] "
        "(id=pak-accuses-afg) said: the statement is dated 2026-02, after source 'src' that "
        "reports it was published (2026-01-01): correct one of the dates"
    ]


def test_only_a_certain_contradiction_is_an_error() -> None:
    # A statement in January 2026 may have been made before the source of 1 January 2026
    # (it cannot have been before the denial of December, which the checker says instead).
    assert not [m for m in messages(run(said_on("2026-01"))) if "after source 'src'" in m]
    assert run(said_on("2025-12-20/2026-01-10", "interval")).problems == []


def test_a_status_as_of_a_source_older_than_the_statement_is_refused() -> None:
    changed = swap(
        MINIMAL_YAML,
        "    paraphrase: the other group has camps in Pakistan, in Mastung\n",
        "    paraphrase: the other group has camps in Pakistan, in Mastung\n",
    )
    changed = changed.replace(
        "    said:\n      date: 2025-12-01/2025-12-31\n      precision: interval\n"
        "      basis: inferred\n      note: For tests.\n"
        "    paraphrase: the other group",
        "    said:\n      date: 2026-03-01/2026-03-02\n      precision: interval\n"
        "      basis: inferred\n      note: For tests.\n"
        "    paraphrase: the other group",
    )
    changed = swap(
        changed,
        "            quote: the other group has camps in Pakistan\n",
        "            quote: the other group has camps in Pakistan\n"
        "      - source: later\n        paraphrase: camps in Mastung\n        quotes:\n"
        "          - paragraph: 4\n            quote: charge of camps in Mastung\n",
    )
    result = run(changed, second=True)
    assert any(
        "status[0].as_of: source 'src' (2026-01-01) is older than the statement" in m
        for m in messages(result)
    ), report(result.problems)


def test_states_out_of_time_order_are_refused() -> None:
    history = swap(
        MINIMAL_YAML,
        "      - state: unanswered\n        as_of: src\n",
        "      - state: no-response-reported\n        as_of: later\n"
        "      - state: unanswered\n        as_of: src\n",
    )
    result = run(history, second=True)
    assert any(
        "status[1]: dated 2026-01-01, before the state above it (2026-03-02)" in m
        for m in messages(result)
    ), report(result.problems)


def test_a_state_quotes_the_source_it_is_as_of() -> None:
    changed = swap(
        MINIMAL_YAML,
        "      - state: unanswered\n        as_of: src\n",
        "      - state: unanswered\n        as_of: later\n",
    )
    result = run(changed, second=True)
    assert any(
        "status[0].evidence[0].source: the state is as of 'later': quote that source" in m
        for m in messages(result)
    ), report(result.problems)


def test_a_state_dated_after_its_source_is_refused() -> None:
    changed = swap(
        MINIMAL_YAML,
        "      - state: unanswered\n        as_of: src\n",
        "      - state: unanswered\n        as_of: src\n        date:\n          date: 2026-02\n"
        "          precision: month\n          basis: inferred\n          note: For tests.\n",
    )
    result = run(changed)
    assert any(
        "status[0].date: dated 2026-02, after source 'src' that reports it was published" in m
        for m in messages(result)
    ), report(result.problems)


# --- framings -----------------------------------------------------------------------------


def test_a_framing_quotes_the_source_that_frames() -> None:
    changed = swap(MINIMAL_YAML, "      framed_by: src\n", "      framed_by: later\n")
    found = only_problem(
        run(changed, second=True), "the framing is 'later''s: quote the passage of that source"
    )
    assert "framing.evidence[0].source" in found


def test_statements_framed_as_answering_each_other_in_a_loop_are_refused() -> None:
    loop = swap(
        MINIMAL_YAML,
        '            quote: the group operates from Afghan soil\n    cameo: "112"\n',
        "            quote: the group operates from Afghan soil\n"
        "    framing:\n      statement: afg-accuses-pak\n      framed_by: src\n      evidence:\n"
        "        - source: src\n          paragraph: 2\n          quote: Kabul denies it and says\n"
        '    cameo: "112"\n',
    )
    assert any(
        "statements are framed as answering each other in a loop" in m for m in messages(run(loop))
    )


# --- exchanges ----------------------------------------------------------------------------

EXCHANGE = """\
exchanges:
  - id: december
    title: December 2025
    period:
      date: 2025-12
      precision: month
      basis: inferred
      note: For tests.
    statements: [pak-accuses-afg, afg-denies]
    summary: >-
      Islamabad says the group operates from Afghan soil [[statement:pak-accuses-afg]].
      Kabul denies it [[statement:afg-denies]].
    moments:
      - label: Kabul denies it
        statements: [afg-denies]
"""


def test_an_exchange_that_says_what_its_statements_say_passes() -> None:
    result = run(MINIMAL_YAML + EXCHANGE)
    assert result.problems == [], report(result.problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("Kabul denies it [[statement", "Kabul flatly denies it [[statement", '"flatly" is not in'),
        (
            "    statements: [pak-accuses-afg, afg-denies]",
            "    statements: [pak-accuses-afg, afg-accuses-pak]",
            "the summary cites 'afg-denies', which is not one of this exchange's statements",
        ),
        (
            "      - label: Kabul denies it",
            "      - label: Kabul denies everything",
            '"everything" is not',
        ),
        (
            "      date: 2025-12\n      precision: month\n"
            "      basis: inferred\n      note: For tests.\n    statements",
            "      date: 2025-10\n      precision: month\n"
            "      basis: inferred\n      note: For tests.\n    statements",
            "falls outside the exchange's period",
        ),
    ],
    ids=["summary word", "member", "moment word", "period"],
)
def test_an_exchange_is_held_to_its_statements(old: str, new: str, expected: str) -> None:
    changed = swap(MINIMAL_YAML + EXCHANGE, old, new)
    result = run(changed)
    if not expected:
        assert result.problems == [], report(result.problems)
        return
    assert any(expected in m for m in messages(result)), report(result.problems)


def test_a_statement_belongs_to_one_exchange_and_the_chart_labels_eight_moments() -> None:
    second = EXCHANGE.replace("exchanges:\n", "").replace("id: december", "id: again")
    twice = MINIMAL_YAML + EXCHANGE + second
    assert any("is in exchange 'december' already" in m for m in messages(run(twice)))
    many = EXCHANGE + "".join(
        "      - label: Kabul denies it\n        statements: [afg-denies]\n" for _ in range(8)
    )
    assert any(
        "9 moments in all: the chart labels at most 8" in m
        for m in messages(run(MINIMAL_YAML + many))
    )


# --- the data folder ----------------------------------------------------------------------


def test_a_data_file_linked_from_outside_the_data_folder_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "texts").mkdir(parents=True)
    (data / "minimal.yaml").write_text(MINIMAL_YAML, encoding="utf-8")
    (data / "texts" / "src.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    secret = tmp_path / "secret.yaml"
    secret.write_text("statements: []\n", encoding="utf-8")
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
    "[[statement:pak-accuses-afg]]. The [[actor:afg|Taliban government]] denies it "
    "[[statement:afg-denies]].\n\nThe Taliban government says the other group has camps "
    "in Pakistan, in [[place:mastung|Mastung]] [[statement:afg-accuses-pak]].\n"
)


def test_a_summary_that_says_what_its_statements_say_passes() -> None:
    result = run(in_brief=BRIEF)
    assert result.problems == [], report(result.problems)
    assert result.dataset is not None
    assert result.dataset.in_brief is not None
    assert len(result.dataset.in_brief.paragraphs) == 2


@pytest.mark.parametrize(
    ("old", "new", "line", "expected"),
    [
        (
            "[[statement:afg-accuses-pak]]",
            "[[statement:afg-accuses-pakistan]]",
            3,
            "no statement has the id 'afg-accuses-pakistan' (did you mean 'afg-accuses-pak'?)",
        ),
        (
            " [[statement:afg-accuses-pak]]",
            "",
            3,
            "this sentence cites no statement: put [[statement:<id>]] for each statement",
        ),
        (
            "has camps in Pakistan",
            "has many camps in Pakistan",
            3,
            '"many" is not in the quotes, names or dates of the statements this sentence cites',
        ),
        (
            "in [[place:mastung|Mastung]]",
            "in [[place:mastung|Mastung]] and [[actor:ttp|TTP]] territory",
            3,
            "'ttp' is linked already (line 1): link a name once, on its first mention",
        ),
        ("[[actor:ttp|TTP]]", "[[person:ttp|TTP]]", 1, "[[person:...]] is not a kind of reference"),
    ],
    ids=["unknown reference", "no statement cited", "unsupported word", "linked twice", "bad kind"],
)
def test_a_summary_is_held_to_its_statements(old: str, new: str, line: int, expected: str) -> None:
    result = run(in_brief=swap(BRIEF, old, new))
    found = [p for p in result.problems if expected in p.message]
    assert found, report(result.problems)
    assert found[0].path == "data/in-brief.md"
    assert found[0].line == line


def test_a_summary_that_cites_nothing_is_refused() -> None:
    result = run(in_brief="Nothing here is cited.\n")
    assert any("this sentence cites no statement" in m for m in messages(result))


def test_a_restatement_makes_the_same_allegation_again() -> None:
    other = swap(
        MINIMAL_YAML,
        "    status:\n      - state: unanswered",
        "    restates: afg-denies\n    status:\n      - state: unanswered",
    )
    found = [m for m in messages(run(other)) if "restates" in m]
    assert len(found) == 1, found
    assert "is on 'territory-used', this statement on 'hosts-training-camps'" in found[0]
    assert "restates only the same allegation, made again" in found[0]


def test_two_actors_of_no_country_are_not_one_side() -> None:
    """An answer about a group does not meet what another actor of no country said: being of
    no country is not a side."""
    answer = """\
  - id: pak-answers-about-a-group
    kind: denial
    by: pak
    about: ttp
    allegation: hosts-training-camps
    said:
      date: 2026-01-01
      precision: day
      basis: inferred
      note: For tests.
    title: Islamabad has yet to respond
    paraphrase: Islamabad has yet to respond
    reports:
      - source: src
        quotes:
          - paragraph: 5
            quote: Islamabad has yet to respond to these new allegations
    answers:
      - statement: afg-accuses-pak
        state: denied
        tie: met
    cameo: "016"
"""
    found = messages(run(MINIMAL_YAML + answer))
    assert any(
        "the answer is about 'ttp', not the side of 'afg' that made 'afg-accuses-pak'" in m
        for m in found
    ), found


def test_a_standing_position_covers_an_allegation_once() -> None:
    twice = swap(
        MINIMAL_YAML,
        "    allegation: hosts-training-camps\n",
        "    allegation: hosts-training-camps\n    covers: [shelters, shelters]\n",
    )
    found = messages(run(twice))
    assert any("'shelters' is listed already: list it once" in m for m in found), found


def test_a_report_that_dates_the_statement_after_its_source_is_refused() -> None:
    dated = swap(
        MINIMAL_YAML,
        "    reports:\n      - source: src\n        quotes:\n          - paragraph: 1\n",
        "    reports:\n      - source: src\n        said:\n          date: 2026-02\n"
        "          precision: month\n          basis: inferred\n          note: For tests.\n"
        "        quotes:\n          - paragraph: 1\n",
    )
    found = [m for m in messages(run(dated)) if "this report dates" in m]
    assert found == [
        f"data/minimal.yaml:{line_of(dated, 'date: 2026-02')}:11: statements[0] "
        "(id=pak-accuses-afg) reports[0].said: this report dates the statement 2026-02, "
        "after its source was published (2026-01-01): correct one of the dates"
    ], messages(run(dated))


def test_a_summary_citing_a_statement_with_problems_adds_none_of_its_own() -> None:
    """A statement with a mistyped field is reported once, where it is; the summary that
    cites it is not checked against it, so no 'no statement has the id' follows."""
    broken = swap(
        MINIMAL_YAML, "    allegation: territory-used\n", "    allegaton: territory-used\n"
    )
    found = messages(run(broken, in_brief=BRIEF))
    assert not any("in-brief" in m for m in found), found
    assert any("allegaton: unknown field 'allegaton'" in m for m in found), found


def test_a_moment_labels_its_own_exchanges_statements() -> None:
    other = swap(
        MINIMAL_YAML + EXCHANGE,
        "        statements: [afg-denies]",
        "        statements: [afg-accuses-pak]",
    )
    found = messages(run(other))
    assert any("'afg-accuses-pak' is not one of this exchange's statements" in m for m in found)


def test_a_links_words_name_the_record_it_links() -> None:
    wrong = BRIEF.replace("[[actor:ttp|TTP]]", "[[actor:ttp|IS-KP]]")
    found = messages(run(in_brief=wrong))
    assert any("the link's words \"IS-KP\" do not name 'ttp'" in m for m in found), found


def test_a_data_file_whose_name_starts_with_an_underscore_is_not_read(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "texts").mkdir(parents=True)
    (data / "minimal.yaml").write_text(MINIMAL_YAML, encoding="utf-8")
    (data / "texts" / "src.txt").write_text(MINIMAL_TEXT, encoding="utf-8")
    (data / "_draft.yaml").write_text("not: [valid", encoding="utf-8")
    inputs = read_inputs(data, base=tmp_path)
    assert sorted(inputs.files) == ["data/minimal.yaml"]


def test_an_old_address_leads_to_one_statement_and_never_hides_a_live_one() -> None:
    """``formerly``: each old id once, and none the id of a statement still on the site."""
    clean = swap(
        MINIMAL_YAML,
        '    cameo: "112"\n  - id: afg-denies',
        '    cameo: "112"\n    formerly: [pak-says-old]\n  - id: afg-denies',
    )
    assert run(clean).problems == []
    both = swap(
        clean,
        '    cameo: "112"\n    events: [statement]\n',
        '    cameo: "112"\n    events: [statement]\n    formerly: [pak-says-old, afg-denies]\n',
    )
    found = messages(run(both))
    assert len(found) == 2, found
    line = line_of(both, "formerly: [pak-says-old, afg-denies]")
    assert any(
        f"minimal.yaml:{line}:" in m
        and "'pak-says-old' is already listed in 'formerly' of 'pak-accuses-afg'" in m
        for m in found
    ), found
    assert any(
        "'afg-denies' is the id of a statement on the site: an old id must no longer be in use" in m
        for m in found
    ), found


def test_a_third_states_proxy_needs_an_editors_title() -> None:
    """ "X accuses Y: a third state's proxy" would call Y the proxy, whatever was said."""
    proxy = swap(
        MINIMAL_YAML,
        "    allegation: hosts-training-camps\n    groups: [iskp]\n",
        "    allegation: proxy-for-third-state\n    groups: [iskp]\n",
    )
    found = only_problem(run(proxy), "afg-accuses-pak")
    assert f"minimal.yaml:{line_of(proxy, 'allegation: proxy-for-third-state')}:" in found
    assert "needs a title written by an editor (title:)" in found
    titled = swap(
        proxy,
        "    paraphrase: the other group has camps in Pakistan, in Mastung\n",
        "    title: the other group has camps in Pakistan\n"
        "    paraphrase: the other group has camps in Pakistan, in Mastung\n",
    )
    assert run(titled).problems == []
