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
First paragraph: Islamabad says the group operates from Afghan soil.

Second paragraph: Kabul denies it and says the other group has camps in Pakistan, in Mastung.

Third paragraph: Islamabad has yet to respond to these new allegations.
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
    kind: article
    published:
      date: 2026-01-01
      precision: day
      basis: inferred
      note: For tests.
    text: texts/src.txt
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
  - id: afg
    name: Taliban government
    type: government
    description: A government.
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
claims:
  - id: pak-accuses-afg
    kind: allegation
    accuser: pak
    accused: afg
    allegation: territory-used
    group: ttp
    asserted:
      date: 2025-12
      precision: month
      basis: relative
      source: src
      wording: Islamabad says
    status:
      state: countered
      as_of: src
    cameo: "112"
    evidence:
      - source: src
        paragraph: 1
        quote: the group operates from Afghan soil
  - id: afg-accuses-pak
    kind: counter-allegation
    accuser: afg
    speaker: spokesman
    accused: pak
    allegation: hosts-training-camps
    group: iskp
    places: [mastung]
    asserted:
      date: 2025-12-01/2025-12-31
      precision: interval
      basis: inferred
      note: For tests.
    status:
      state: unanswered
      as_of: src
      evidence:
        - source: src
          paragraph: 3
          quote: Islamabad has yet to respond
    answers: pak-accuses-afg
    cameo: "112"
    events: [statement]
    evidence:
      - source: src
        paragraph: 2
        quote: the other group has camps in Pakistan
"""


def run_check(
    yaml_text: str | bytes = MINIMAL_YAML,
    text: str | bytes = MINIMAL_TEXT,
    extra_files: dict[str, bytes] | None = None,
) -> CheckResult:
    """Check the minimal dataset, or a variant of it, entirely in memory."""
    data = yaml_text.encode("utf-8") if isinstance(yaml_text, str) else yaml_text
    stored = text.encode("utf-8") if isinstance(text, str) else text
    files = {"data/minimal.yaml": data, **(extra_files or {})}
    return check(Inputs(files=files, texts={"texts/src.txt": stored}))


@pytest.fixture(scope="session")
def real_result() -> CheckResult:
    """The checker's verdict on the real data (read once)."""
    from titfortat.load.files import read_inputs  # noqa: PLC0415

    return check(read_inputs(DATA))
