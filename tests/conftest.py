"""Shared fixtures: the real data, and a small valid dataset to break on purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from titfortat.check import CheckResult, check
from titfortat.load.inputs import Inputs

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
PAYLOAD = ROOT / "tests" / "fixtures" / "payload"

MINIMAL_TEXT = """\
# A test source: an excerpt holding paragraphs 1, 2 and 5 of six.
[1]
First paragraph: Islamabad says the group operates from Afghan soil.

[2]
Second paragraph: Kabul denies it and says the other group has camps in Pakistan, in Mastung.

[5]
Fifth paragraph: Islamabad has yet to respond to these new allegations.
"""

MINIMAL_YAML = """\
dataset:
  title: Minimal
  description: A small dataset for tests.
  version: 0.1.0
  released: "2026-01-01"
  creators: [Tests]
sources:
  - id: src
    title: A source
    kind: analysis
    url: https://example.org/a-source
    published:
      date: 2026-01-01
      precision: day
      basis: inferred
      note: For tests.
    text: texts/src.txt
    original_paragraphs: 6
    ledger:
      - paragraphs: [3, 4]
        reason: background
        note: For tests.
      - paragraphs: [6]
        reason: analysis
places:
  - id: pakistan
    name: Pakistan
    kind: country
  - id: mastung
    name: Mastung
    kind: district
    parent: pakistan
actors:
  - id: pak
    name: Government of Pakistan
    type: government
    country: pakistan
    description: A government.
    other_names: [Islamabad]
  - id: afg
    name: Taliban government
    type: government
    description: A government.
    other_names: [Kabul]
  - id: spokesman
    name: A Spokesman
    type: person
    description: A person.
    memberships:
      - organization: afg
        role: spokesperson
  - id: ttp
    name: TTP
    type: armed-group
    description: A group.
  - id: iskp
    name: IS-KP
    type: armed-group
    description: A group.
events:
  - id: statement
    title: A statement
    kind: statement
    evidence:
      - source: src
        paragraph: 2
        quote: Kabul denies it
statements:
  - id: pak-accuses-afg
    kind: allegation
    by: pak
    about: afg
    allegation: territory-used
    groups: [ttp]
    said:
      date: 2025-12
      precision: month
      basis: relative
      source: src
      wording: Islamabad says
    paraphrase: the group operates from Afghan soil
    reports:
      - source: src
        quotes:
          - paragraph: 1
            quote: the group operates from Afghan soil
    cameo: "112"
  - id: afg-denies
    kind: denial
    by: afg
    speaker: spokesman
    about: pak
    allegation: territory-used
    said:
      date: 2025-12-01/2025-12-31
      precision: interval
      basis: inferred
      note: For tests.
    title: Kabul denies it
    paraphrase: Kabul denies it
    reports:
      - source: src
        quotes:
          - paragraph: 2
            quote: Kabul denies it and says
    answers:
      - statement: pak-accuses-afg
        state: denied
        tie: named
        evidence:
          - source: src
            paragraph: 2
            quote: Kabul denies it
    cameo: "016"
  - id: afg-accuses-pak
    kind: allegation
    by: afg
    speaker: spokesman
    about: pak
    allegation: hosts-training-camps
    groups: [iskp]
    places: [mastung]
    said:
      date: 2025-12-01/2025-12-31
      precision: interval
      basis: inferred
      note: For tests.
    paraphrase: the other group has camps in Pakistan, in Mastung
    reports:
      - source: src
        quotes:
          - paragraph: 2
            quote: the other group has camps in Pakistan
    status:
      - state: unanswered
        as_of: src
        evidence:
          - source: src
            paragraph: 5
            quote: Islamabad has yet to respond
    framing:
      statement: pak-accuses-afg
      framed_by: src
      evidence:
        - source: src
          paragraph: 2
          quote: Kabul denies it and says
    cameo: "112"
    events: [statement]
"""


"""A second source for variants that need one: a news report of March 2026 (add it before
``places:``, and its text as texts/later.txt), and a date reference."""
SECOND_SOURCE = """\
  - id: later
    title: A later report
    kind: news-report
    url: https://example.org/later
    published:
      date: 2026-03-02
      precision: day
      basis: stated
      source: later
      wording: 2 March 2026
    text: texts/later.txt
    original_paragraphs: 4
    ledger:
      - paragraphs: [1, 2]
        reason: off-topic
  - id: reference
    title: A calendar
    kind: date-reference
    url: https://example.org/calendar
"""

SECOND_EVENT = """\
  - id: later-report
    title: A later report
    kind: publication
    source: later
    evidence:
      - source: later
        paragraph: 3
        quote: Kabul rejected the claim as weird propaganda
      - source: later
        paragraph: 4
        quote: The ministry said Pakistan has not answered
"""
"""An event that quotes the second source's stored paragraphs (add it after ``events:``), so
that a variant with the second source accounts for every paragraph it stores."""

SECOND_TEXT = """\
[dateline]
2 March 2026

[3]
Kabul rejected the claim as weird propaganda, a spokesman said on Sunday.

[4]
The ministry said Pakistan has not answered the charge of camps in Mastung.
"""


def run_check(
    yaml_text: str | bytes = MINIMAL_YAML,
    text: str | bytes = MINIMAL_TEXT,
    extra_files: dict[str, bytes] | None = None,
    in_brief: str | None = None,
) -> CheckResult:
    """Check the minimal dataset, or a variant of it, entirely in memory."""
    data = yaml_text.encode("utf-8") if isinstance(yaml_text, str) else yaml_text
    stored = text.encode("utf-8") if isinstance(text, str) else text
    files = {"data/minimal.yaml": data, **(extra_files or {})}
    summary = in_brief.encode("utf-8", "surrogatepass") if in_brief is not None else None
    return check(Inputs(files=files, texts={"texts/src.txt": stored}, in_brief=summary))


@pytest.fixture(scope="session")
def real_result() -> CheckResult:
    """The checker's verdict on the real data (read once)."""
    from titfortat.load.files import read_inputs  # noqa: PLC0415

    return check(read_inputs(DATA))
