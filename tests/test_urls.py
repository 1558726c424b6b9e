"""Links between pages are relative, so the site works under any base path."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from titfortat.model.records import COLLECTIONS
from titfortat.plan.urls import (
    RECORD_FOLDERS,
    generated_roots,
    not_in_nav,
    record_list,
    record_url,
    relative,
    source_path,
)

CASES = [
    ("claims/x/", "actors/y/", "../../actors/y/"),
    ("claims/x/", "claims/y/", "../../claims/y/"),
    ("", "actors/y/", "actors/y/"),
    ("claims/x/", "", "../../"),
    ("", "", "./"),
    ("timeline/", "timeline/#c-1", "#c-1"),
    ("claims/", "#x", "#x"),
    ("", "data/x.json", "data/x.json"),
    ("timeline/2024/2/", "timeline/2024/", "../../../timeline/2024/"),
    ("data/", "data/csv/a.csv", "../data/csv/a.csv"),
    ("method/", "", "../"),
]


@pytest.mark.parametrize(("here", "there", "expected"), CASES)
def test_relative_links(here: str, there: str, expected: str) -> None:
    assert relative(here, there) == expected


folders = st.lists(st.sampled_from(["a", "b", "claims", "x"]), max_size=3)


@given(here=folders, there=folders, file=st.sampled_from(["", "f.csv"]))
def test_relative_agrees_with_posixpath(here: list[str], there: list[str], file: str) -> None:
    from_url = "".join(f"{part}/" for part in here)
    to_url = "".join(f"{part}/" for part in there) + file
    link = relative(from_url, to_url)
    resolved = posixpath.normpath(posixpath.join("/site", from_url, link))
    assert resolved == posixpath.normpath(posixpath.join("/site", to_url))


def test_source_paths() -> None:
    assert source_path("") == "index.md"
    assert source_path("claims/") == "claims/index.md"
    assert source_path("claims/x/") == "claims/x/index.md"
    assert source_path("timeline/2024/") == "timeline/2024/index.md"
    assert source_path("data/tit-for-tat.json") == "data/tit-for-tat.json"


def test_record_addresses() -> None:
    """A statement keeps the claims/ address every statement page has always had; each
    collection has its folder, and a record's full list of statements sits under its page."""
    assert record_url("statements", "x") == "claims/x/"
    assert record_url("exchanges", "x") == "exchanges/x/"
    assert record_url("sources", "x") == "sources/x/"
    assert set(RECORD_FOLDERS) == set(COLLECTIONS)
    assert record_list("sources/x/") == "sources/x/statements/"
    assert record_list("sources/x/", 2) == "sources/x/statements/2/"
    assert "/exchanges/*/" in not_in_nav()
    assert "exchanges/" in generated_roots()
