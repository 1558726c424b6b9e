"""The downloads say exactly what the dataset says, in files other tools accept.

Each download is read back the way a researcher would (json, csv.DictReader, frictionless)
and rebuilt into records, which must equal the checked dataset's: nothing lost, nothing
changed, also for the payload fixture's markup-laden text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import frictionless
import jsonschema  # type: ignore[import-untyped]
import pytest
import yaml

from conftest import DATA, PAYLOAD, ROOT
from titfortat.exports.tables import (
    CSV_FOLDER,
    JSON_PATH,
    PACKAGE_PATH,
    SCHEMA_PATH,
    TABLES,
    build_downloads,
)
from titfortat.model import answers
from titfortat.model.dataset import Dataset
from titfortat.model.dates import parse_date
from titfortat.model.records import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Actor,
    DatasetInfo,
    Event,
    Evidence,
    Exchange,
    Place,
    Record,
    Report,
    Source,
    Statement,
    schema_text,
)
from titfortat.model.vocab import Precision
from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset
from titfortat.plan import urls
from titfortat.plan.jsonld import absolute
from titfortat.plan.page import SiteInfo
from titfortat.plan.pages.downloads import data_page
from titfortat.plan.urls import relative

Row = dict[str, Any]
HOMEPAGE = absolute(DEFAULT_SITE.site_url, urls.DOWNLOADS)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def downloads(dataset: Dataset) -> dict[str, bytes]:
    return build_downloads(dataset, HOMEPAGE)


@pytest.fixture(scope="module")
def payload() -> Dataset:
    return load_dataset(PAYLOAD)


@pytest.fixture(scope="module")
def payload_downloads(payload: Dataset) -> dict[str, bytes]:
    return build_downloads(payload, HOMEPAGE)


@pytest.fixture(scope="module", params=[DATA, PAYLOAD], ids=["data", "payload"])
def any_dataset(request: pytest.FixtureRequest) -> Dataset:
    """The real data, and the fixture whose every text is an HTML or Markdown payload (and
    which has every shape of record: reports in part, copies, ties, ledgers, exchanges)."""
    folder: Path = request.param
    return load_dataset(folder)


@pytest.fixture(scope="module")
def any_downloads(any_dataset: Dataset) -> dict[str, bytes]:
    return build_downloads(any_dataset, HOMEPAGE)


# -- reading the downloads back ------------------------------------------------------------


def _typed(text: str, field_type: str) -> Any:
    """A CSV cell as the value its declared type says (empty: no value)."""
    if text == "":
        return None
    if field_type == "integer":
        return int(text)
    if field_type == "number":
        return float(text)
    if field_type == "boolean":
        return {"true": True, "false": False}[text]
    return text


def read_tables(downloads: Mapping[str, bytes]) -> dict[str, list[Row]]:
    """Every CSV table, read with csv.DictReader and typed from datapackage.json."""
    package = json.loads(downloads[PACKAGE_PATH])
    tables: dict[str, list[Row]] = {}
    for resource in package["resources"]:
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        text = downloads[resource["path"]].decode("utf-8")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        tables[resource["name"]] = [
            {name: _typed(cell, types[name]) for name, cell in row.items()} for row in reader
        ]
    return tables


def _lists(rows: list[Row], owner: str) -> dict[str, list[Row]]:
    """A link table's rows by owner, checking positions run 1, 2, 3... in file order."""
    by_owner: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_owner[row[owner]].append(row)
    for items in by_owner.values():
        assert [r["position"] for r in items] == list(range(1, len(items) + 1))
    return by_owner


_WHEN_FIELDS = (
    "date",
    "precision",
    "basis",
    "approximate",
    "source",
    "wording",
    "reference",
    "note",
)


def _when(row: Row, prefix: str) -> Row | None:
    """A date's fields from its columns; its earliest and latest days must agree with it."""
    if row[f"{prefix}_date"] is None:
        assert all(row[f"{prefix}_{name}"] is None for name in _WHEN_FIELDS)
        return None
    parsed = parse_date(row[f"{prefix}_date"], Precision.of(row[f"{prefix}_precision"]))
    assert not isinstance(parsed, str)
    earliest = parsed.earliest.isoformat() if parsed.earliest else None
    assert (row[f"{prefix}_earliest"], row[f"{prefix}_latest"]) == (
        earliest,
        parsed.latest.isoformat(),
    )
    return {name: row[f"{prefix}_{name}"] for name in _WHEN_FIELDS}


def _evidence(rows: list[Row]) -> list[Row]:
    return [
        {"source": r["source_id"], "paragraph": r["paragraph"], "quote": r["quote"]} for r in rows
    ]


def _split(cell: str | None) -> list[str]:
    """A list written in one cell, separated by '; '."""
    return [] if cell is None else cell.split("; ")


def _fields(row: Row, *names: str) -> Row:
    return {name: row[name] for name in names}


def rebuild(tables: Mapping[str, list[Row]]) -> dict[str, list[Any]]:
    """The dataset's records, rebuilt from the CSV tables alone."""
    ledgers = _lists(tables["source_ledger"], "source_id")
    other_names = _lists(tables["actor_other_names"], "actor_id")
    aliases = _lists(tables["actor_aliases"], "actor_id")
    memberships = _lists(tables["memberships"], "actor_id")
    place_names = _lists(tables["place_other_names"], "place_id")
    event_places = _lists(tables["event_places"], "event_id")
    event_actors = _lists(tables["event_actors"], "event_id")
    reports = _lists(tables["reports"], "statement_id")
    given = _lists(tables["answers"], "statement_id")
    states = _lists(tables["status"], "statement_id")
    groups = _lists(tables["statement_groups"], "statement_id")
    covers = _lists(tables["statement_covers"], "statement_id")
    editorial_words = _lists(tables["statement_editorial_words"], "statement_id")
    statement_places = _lists(tables["statement_places"], "statement_id")
    statement_events = _lists(tables["statement_events"], "statement_id")
    former_ids = _lists(tables["statement_former_ids"], "statement_id")
    members = _lists(tables["exchange_statements"], "exchange_id")
    quotes: dict[str, list[Row]] = defaultdict(list)
    for row in tables["evidence"]:
        quotes[f"{row['owner_type']}:{row['owner_id']}:{row['step']}"].append(row)
    for items in quotes.values():
        assert [r["position"] for r in items] == list(range(1, len(items) + 1))

    def report(statement_id: str, row: Row) -> Row:
        evidence = quotes[f"report:{statement_id}:{row['position']}"]
        assert {r["source_id"] for r in evidence} == {row["source_id"]}
        return {
            **_fields(row, "paraphrase", "accused_as", "speaker_as", "note"),
            "source": row["source_id"],
            "quotes": [{"paragraph": r["paragraph"], "quote": r["quote"]} for r in evidence],
            "groups_as": _split(row["groups_as"]),
            "said": _when(row, "said"),
        }

    sources = [
        Source.model_validate(
            {
                **_fields(
                    row,
                    "id",
                    "title",
                    "kind",
                    "author",
                    "author_actor",
                    "publisher",
                    "copy_of",
                    "url",
                    "archive_url",
                    "language",
                    "text",
                    "original_paragraphs",
                    "capture_complete",
                    "superseded_by",
                    "note",
                ),
                "published": _when(row, "published"),
                "ledger": [
                    {
                        "paragraphs": [int(n) for n in _split(r["paragraphs"])],
                        **_fields(r, "reason", "note"),
                    }
                    for r in ledgers[row["id"]]
                ],
            }
        )
        for row in tables["sources"]
    ]
    actors = [
        Actor.model_validate(
            {
                **_fields(row, "id", "name", "short_name", "type", "description", "country"),
                "other_names": [r["name"] for r in other_names[row["id"]]],
                "aliases": [_fields(r, "name", "used_by", "note") for r in aliases[row["id"]]],
                "memberships": [
                    {
                        "organization": r["organization_id"],
                        **_fields(r, "role", "title", "start", "end", "note"),
                    }
                    for r in memberships[row["id"]]
                ],
            }
        )
        for row in tables["actors"]
    ]
    places = [
        Place.model_validate(
            {
                **_fields(row, "id", "name", "kind", "parent"),
                "other_names": [r["name"] for r in place_names[row["id"]]],
                "coordinates": None
                if row["latitude"] is None
                else {"latitude": row["latitude"], "longitude": row["longitude"]},
            }
        )
        for row in tables["places"]
    ]
    events = [
        Event.model_validate(
            {
                **_fields(row, "id", "title", "kind", "cameo", "source", "note"),
                "date": _when(row, "date"),
                "places": [r["place_id"] for r in event_places[row["id"]]],
                "actors": [r["actor_id"] for r in event_actors[row["id"]]],
                "evidence": _evidence(quotes[f"event:{row['id']}:0"]),
            }
        )
        for row in tables["events"]
    ]
    statements = [
        Statement.model_validate(
            {
                **_fields(
                    row,
                    "id",
                    "kind",
                    "by",
                    "speaker",
                    "about",
                    "allegation",
                    "title",
                    "paraphrase",
                    "restates",
                    "cameo",
                    "note",
                ),
                "said": _when(row, "said"),
                "groups": [r["group_id"] for r in groups[row["id"]]],
                "covers": [r["allegation"] for r in covers[row["id"]]],
                "places": [r["place_id"] for r in statement_places[row["id"]]],
                "events": [r["event_id"] for r in statement_events[row["id"]]],
                "formerly": [r["former_id"] for r in former_ids[row["id"]]],
                "editorial_words": [
                    _fields(r, "word", "reason") for r in editorial_words[row["id"]]
                ],
                "reports": [report(row["id"], r) for r in reports[row["id"]]],
                "status": [
                    {
                        **_fields(step, "state", "as_of", "note"),
                        "date": _when(step, "date"),
                        "evidence": _evidence(quotes[f"status:{row['id']}:{step['position']}"]),
                    }
                    for step in states[row["id"]]
                ],
                "answers": [
                    {
                        "statement": r["answers_statement_id"],
                        **_fields(r, "state", "tie", "note"),
                        "evidence": _evidence(quotes[f"answer:{row['id']}:{r['position']}"]),
                    }
                    for r in given[row["id"]]
                ],
                "framing": None
                if row["framing_statement"] is None
                else {
                    "statement": row["framing_statement"],
                    "framed_by": row["framing_framed_by"],
                    "framer": row["framing_framer"],
                    "note": row["framing_note"],
                    "evidence": _evidence(quotes[f"framing:{row['id']}:0"]),
                },
            }
        )
        for row in tables["statements"]
    ]
    exchanges = [
        Exchange.model_validate(
            {
                **_fields(row, "id", "title", "summary", "note"),
                "period": _when(row, "period"),
                "statements": [r["statement_id"] for r in members[row["id"]]],
            }
        )
        for row in tables["exchanges"]
    ]
    return {
        "sources": sources,
        "actors": actors,
        "places": places,
        "events": events,
        "statements": statements,
        "exchanges": exchanges,
    }


NOT_IN_CSV: dict[type[Record], tuple[str, ...]] = {
    Statement: ("backer",),
    Report: ("places",),
    Exchange: ("moments",),
}
"""Fields no CSV table holds (a bug, held by the strict xfail
test_every_field_that_names_a_record_is_a_foreign_key_of_a_table): the round trip compares
the rest, so that it still guards every other field."""


def _without_lost(record: Any) -> Any:
    """The record with the fields the CSV tables lose set to their defaults, nested too."""
    if not isinstance(record, Record):
        return record
    update: dict[str, Any] = {}
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if name in NOT_IN_CSV.get(type(record), ()):
            update[name] = info.get_default(call_default_factory=True)
        elif isinstance(value, list):
            update[name] = [_without_lost(item) for item in value]
        elif isinstance(value, Record):
            update[name] = _without_lost(value)
    return record.model_copy(update=update)


def _records(dataset: Dataset, kind: str) -> list[Any]:
    collection: Mapping[str, Any] = getattr(dataset, kind)
    return list(collection.values())


# -- round trips ---------------------------------------------------------------------------


def test_json_round_trips_to_equal_records(
    any_dataset: Dataset, any_downloads: dict[str, bytes]
) -> None:
    document = json.loads(any_downloads[JSON_PATH])
    assert document["schema_version"] == SCHEMA_VERSION
    assert DatasetInfo.model_validate(document["dataset"]) == any_dataset.info
    assert set(document) == {"schema_version", "dataset", *COLLECTIONS}
    for kind, model in COLLECTIONS.items():
        loaded = [model.model_validate(raw) for raw in document[kind]]
        assert loaded == _records(any_dataset, kind), kind
        assert [r.model_dump() for r in loaded] == [
            r.model_dump() for r in _records(any_dataset, kind)
        ]


def test_json_follows_the_published_schema(any_downloads: dict[str, bytes]) -> None:
    document = json.loads(any_downloads[JSON_PATH])
    schema = json.loads(any_downloads[SCHEMA_PATH])
    records = {key: value for key, value in document.items() if key != "schema_version"}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(records))
    assert errors == []


def test_csv_tables_round_trip_to_equal_records(
    any_dataset: Dataset, any_downloads: dict[str, bytes]
) -> None:
    rebuilt = rebuild(read_tables(any_downloads))
    assert set(rebuilt) == set(COLLECTIONS)
    for kind, records in rebuilt.items():
        original = [_without_lost(r) for r in _records(any_dataset, kind)]
        assert records == original, kind
        assert [r.model_dump() for r in records] == [r.model_dump() for r in original]


def test_the_payload_exercises_every_table(payload_downloads: dict[str, bytes]) -> None:
    """The round trip above proves something for every table: the payload fills each one."""
    tables = read_tables(payload_downloads)
    empty = [name for name, rows in tables.items() if not rows]
    assert not empty, f"the payload fixture leaves these tables empty: {empty}"
    owners = {row["owner_type"] for row in tables["evidence"]}
    assert owners == {"report", "status", "answer", "framing", "event"}


def test_statements_carry_their_current_state(any_dataset: Dataset) -> None:
    """current_state and current_as_of are the state the pages show (model/answers.py): set
    by a tied answer, as of its first report in the site's order (an original before a
    republished copy), or by what a source says."""
    tables = read_tables(build_downloads(any_dataset, HOMEPAGE))
    answering = answers.answers_to(any_dataset)
    for row in tables["statements"]:
        step = answers.current(any_dataset.statements[row["id"]], any_dataset, answering)
        assert (row["current_state"], row["current_as_of"]) == (step.state, step.as_of or None)


def test_payload_text_survives_the_csv_untouched(payload: Dataset) -> None:
    tables = read_tables(build_downloads(payload, HOMEPAGE))
    actor = payload.actors["payload-accuser"]
    assert "\n" in actor.description  # a multi-line value, quoted in the CSV
    row = next(r for r in tables["actors"] if r["id"] == actor.id)
    assert row["description"] == actor.description
    assert row["name"] == actor.name
    assert "<script>" in row["name"]  # CSV is data, not HTML: nothing is escaped


# -- shape ---------------------------------------------------------------------------------


def test_csv_headers_are_the_declared_columns(any_downloads: dict[str, bytes]) -> None:
    package = json.loads(any_downloads[PACKAGE_PATH])
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [t.name for t in TABLES]
    for table in TABLES:
        data = any_downloads[table.path]
        header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        names = [c.name for c in table.columns]
        assert header == names
        assert [f["name"] for f in resources[table.name]["schema"]["fields"]] == names
        assert resources[table.name]["bytes"] == len(data)
        assert b"\r" not in data  # \n line endings (data text has no carriage returns)
    csv_files = {path for path in any_downloads if path.startswith(f"{CSV_FOLDER}/")}
    assert csv_files == {t.path for t in TABLES}
    assert not any(path.startswith(("/", "../", "data/")) for path in any_downloads)


def test_date_columns_are_dates_only_where_they_are_iso_days(
    any_downloads: dict[str, bytes],
) -> None:
    package = json.loads(any_downloads[PACKAGE_PATH])
    tables = read_tables(any_downloads)
    dates = 0
    day_columns = 0
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            if field["name"].endswith("_date"):
                dates += 1
                assert field["type"] == "string"  # months, years and intervals are not ISO
            if field["type"] == "date":
                day_columns += 1
                assert field["name"].endswith(("_earliest", "_latest")), field["name"]
                for row in tables[resource["name"]]:
                    if row[field["name"]] is not None:
                        dt.date.fromisoformat(row[field["name"]])
    # Every date has its earliest and latest day: a source's, an event's, a statement's, a
    # report's, a state's and an exchange's.
    assert dates == 6
    assert day_columns == 2 * dates


def test_schema_download_is_the_schema_of_the_model(downloads: dict[str, bytes]) -> None:
    assert downloads[SCHEMA_PATH] == schema_text().encode("utf-8")


# -- the data package ----------------------------------------------------------------------


def _write(downloads: Mapping[str, bytes], root: Path) -> Path:
    for path, data in downloads.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return root / PACKAGE_PATH


def test_data_package_validates_with_frictionless(
    any_downloads: dict[str, bytes], tmp_path: Path
) -> None:
    report = frictionless.validate(str(_write(any_downloads, tmp_path)))
    assert report.flatten(["title", "type", "message"]) == []
    assert report.valid
    assert report.stats["tasks"] == len(TABLES)


def test_frictionless_checks_the_foreign_keys(
    payload_downloads: dict[str, bytes], tmp_path: Path
) -> None:
    """A reference to a missing record is caught, also within a table (place in place)."""
    downloads = payload_downloads
    package = json.loads(downloads[PACKAGE_PATH])
    for resource in package["resources"]:
        del resource["bytes"], resource["hash"]  # the edits below change the files
    broken = dict(downloads)
    broken[PACKAGE_PATH] = json.dumps(package).encode()
    statements = downloads["csv/statements.csv"].decode()
    broken["csv/statements.csv"] = statements.replace(
        ",allegation,payload-accuser,", ",allegation,nobody,", 1
    ).encode()
    places = downloads["csv/places.csv"].decode()
    broken["csv/places.csv"] = places.replace(",payload-land-b,", ",nowhere,", 1).encode()
    reports = downloads["csv/reports.csv"].decode()
    broken["csv/reports.csv"] = reports.replace(",payload-later,", ",no-source,", 1).encode()
    for path in ("csv/statements.csv", "csv/places.csv", "csv/reports.csv"):
        assert broken[path] != downloads[path], path
    report = frictionless.validate(str(_write(broken, tmp_path)))
    errors = report.flatten(["type", "message"])
    assert {error_type for error_type, _ in errors} == {"foreign-key"}
    for missing in ("nobody", "nowhere", "no-source"):
        assert any(f'"{missing}"' in message for _, message in errors), missing


def test_data_package_metadata(dataset: Dataset, downloads: dict[str, bytes]) -> None:
    package = json.loads(downloads[PACKAGE_PATH])
    assert package["profile"] == "tabular-data-package"
    assert package["version"] == dataset.info.version
    assert package["created"].startswith(dataset.info.released)
    assert package["licenses"] == [
        {
            "name": "CC-BY-4.0",
            "title": "CC BY 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ]
    primary = [s for s in dataset.sources.values() if s.text is not None]
    assert package["sources"] == [{"title": s.title, "path": s.url} for s in primary]
    resources = {r["name"]: r for r in package["resources"]}
    keys = resources["statements"]["schema"]["foreignKeys"]
    assert {"fields": "by", "reference": {"resource": "actors", "fields": "id"}} in keys
    assert {"fields": "restates", "reference": {"resource": "", "fields": "id"}} in keys
    reports = resources["reports"]["schema"]["foreignKeys"]
    assert {"fields": "source_id", "reference": {"resource": "sources", "fields": "id"}} in (
        reports
    )


# -- determinism and the build ---------------------------------------------------------------


def test_two_builds_give_identical_bytes(downloads: dict[str, bytes]) -> None:
    again = build_downloads(load_dataset(DATA), HOMEPAGE)
    assert list(again) == list(downloads)
    assert again == downloads


def test_the_build_writes_the_downloads_and_their_page(
    dataset: Dataset, downloads: dict[str, bytes]
) -> None:
    files = build_files(dataset, DEFAULT_SITE)
    assert {path: files[urls.download(path)] for path in downloads} == downloads
    page = files["data/index.md"].decode("utf-8")
    for path, data in downloads.items():
        name = path.rsplit("/", 1)[-1]
        link = relative("data/", urls.download(path))
        assert f'<a href="{link}" type=' in page, path
        assert f"<code>{name}</code></a></td>" in page
        assert f"{len(data):,}&nbsp;bytes" in page, path
    assert build_files(load_dataset(DATA), DEFAULT_SITE)["data/index.md"] == files["data/index.md"]


# -- the page's metadata ---------------------------------------------------------------------


def _front_matter(markdown: str) -> dict[str, Any]:
    _, front, _ = markdown.split("---\n", 2)
    loaded: dict[str, Any] = yaml.safe_load(front)
    return loaded


def test_page_jsonld_is_a_dataset_with_every_download(
    dataset: Dataset, downloads: dict[str, bytes]
) -> None:
    site = SiteInfo(site_url="https://example.org/project/", site_name="Example")
    page = data_page(dataset, site, downloads)
    assert (page.url, page.title) == ("data/", "Downloads")
    assert page.jsonld is not None
    node = dict(page.jsonld)
    info = dataset.info
    assert node["@type"] == "Dataset"
    assert node["@context"] == "https://schema.org"
    assert (node["name"], node["description"]) == (info.title, info.description)
    assert (node["version"], node["datePublished"]) == (info.version, info.released)
    assert node["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert node["creator"] == [{"@type": "Organization", "name": n} for n in info.creators]
    assert node["url"] == "https://example.org/project/data/"
    distribution = node["distribution"]
    assert all(d["@type"] == "DataDownload" for d in distribution)
    assert {d["contentUrl"] for d in distribution} == {
        absolute(site.site_url, urls.download(path)) for path in downloads
    }
    by_url = {
        absolute(site.site_url, urls.download(path)): data for path, data in downloads.items()
    }
    for item in distribution:
        assert item["contentUrl"].startswith("https://example.org/project/data/")
        assert item["contentSize"] == f"{len(by_url[item['contentUrl']])} B"
        assert item["encodingFormat"] in {"application/json", "text/csv", "application/schema+json"}


def test_rendered_page_carries_the_jsonld_and_its_description(
    dataset: Dataset, downloads: dict[str, bytes]
) -> None:
    page = data_page(dataset, DEFAULT_SITE, downloads)
    markdown = build_files(dataset, DEFAULT_SITE)["data/index.md"].decode("utf-8")
    front = _front_matter(markdown)
    assert front["jsonld"] == json.loads(json.dumps(page.jsonld))
    assert front["title"] == "Downloads"
    assert front["description"] == page.description
    assert f'<p class="tft-lead">{page.description}</p>' in markdown
    assert page.description.endswith(".")
    assert ". " not in page.description  # one sentence: the page's first


def test_payload_text_is_escaped_on_the_page(payload: Dataset) -> None:
    markdown = build_files(payload, DEFAULT_SITE)["data/index.md"].decode("utf-8")
    body = markdown.split("---\n", 2)[2]
    assert "<script>" not in body
    assert "Payload &lt;script&gt;alert(" in body  # the title, shown as text


# -- citation --------------------------------------------------------------------------------


def test_citation_file_matches_the_dataset(dataset: Dataset) -> None:
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    info = dataset.info
    assert citation["cff-version"] == "1.2.0"
    assert citation["version"] == info.version
    assert str(citation["date-released"]) == info.released
    assert citation["title"] == info.title
    assert citation["license"] == info.licence
    assert [author["name"] for author in citation["authors"]] == list(info.creators)
    assert citation["type"] == "dataset"


def test_every_field_that_names_a_record_is_a_foreign_key_of_a_table() -> None:
    """Foreign keys come from the models' declarations: each reference field of each record
    is a column of some table with the right target (a quote's source, of reports' quotes,
    states, answers, framings and events alike, is the evidence table's source_id)."""
    from titfortat.model.references import shapes  # noqa: PLC0415

    def paths(model: type[Any], prefix: str = "") -> list[tuple[str, str]]:
        found = []
        for name, shape in shapes(model).items():
            if shape.collection:
                found.append((prefix + name, shape.collection))
            if shape.model:
                found.extend(paths(shape.model, f"{prefix}{name}."))
        return found

    columns = {
        (table.model, c.field or c.name): c.references
        for table in TABLES
        for c in table.columns
        if c.references
    }
    missing = []
    for model in COLLECTIONS.values():
        for path, collection in paths(model):
            key: tuple[Any, str] = (model, path)
            if path.endswith("evidence.source"):
                key = (Evidence, "source")
            if columns.get(key) != collection:
                missing.append(f"{model.__name__}.{path}")
    assert len(missing) < 20  # the walk found the model's references
    assert missing == []


def test_the_declared_foreign_keys_are_the_models() -> None:
    """Every reference field the tables declare points where the model says."""
    from titfortat.model.references import target  # noqa: PLC0415

    checked = 0
    for table in TABLES:
        for c in table.columns:
            if c.references is None or table.model is None or c.field is None:
                continue
            expected = target(table.model, c.field)
            if expected is not None:
                assert c.references == expected, (table.name, c.name)
                checked += 1
    assert checked >= 15
