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
import jsonschema
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
from titfortat.model.dataset import Dataset
from titfortat.model.dates import parse_date
from titfortat.model.records import (
    COLLECTIONS,
    SCHEMA_VERSION,
    Actor,
    Claim,
    DatasetInfo,
    Event,
    Evidence,
    Place,
    Source,
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


@pytest.fixture(scope="module", params=[DATA, PAYLOAD], ids=["data", "payload"])
def any_dataset(request: pytest.FixtureRequest) -> Dataset:
    """The real data, and the fixture whose every text is an HTML or Markdown payload."""
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


def rebuild(tables: Mapping[str, list[Row]]) -> dict[str, list[Any]]:
    """The dataset's records, rebuilt from the CSV tables alone."""
    other_names = _lists(tables["actor_other_names"], "actor_id")
    memberships = _lists(tables["memberships"], "actor_id")
    place_names = _lists(tables["place_other_names"], "place_id")
    event_places = _lists(tables["event_places"], "event_id")
    event_actors = _lists(tables["event_actors"], "event_id")
    claim_places = _lists(tables["claim_places"], "claim_id")
    claim_events = _lists(tables["claim_events"], "claim_id")
    editorial_words = _lists(tables["claim_editorial_words"], "claim_id")
    states = _lists(tables["status"], "claim_id")
    quotes: dict[str, list[Row]] = defaultdict(list)
    for row in tables["evidence"]:
        quotes[f"{row['owner_type']}:{row['owner_id']}:{row['step']}"].append(row)
    for items in quotes.values():
        assert [r["position"] for r in items] == list(range(1, len(items) + 1))
    sources = [
        Source.model_validate(
            {
                **{
                    k: row[k]
                    for k in (
                        "id",
                        "title",
                        "kind",
                        "author",
                        "author_actor",
                        "publisher",
                        "url",
                        "archive_url",
                        "language",
                        "text",
                        "original_paragraphs",
                        "note",
                    )
                },
                "published": _when(row, "published"),
            }
        )
        for row in tables["sources"]
    ]
    actors = [
        Actor.model_validate(
            {
                **{
                    k: row[k]
                    for k in ("id", "name", "short_name", "type", "description", "country")
                },
                "other_names": [r["name"] for r in other_names[row["id"]]],
                "memberships": [
                    {"organization": r["organization_id"], "role": r["role"], "note": r["note"]}
                    for r in memberships[row["id"]]
                ],
            }
        )
        for row in tables["actors"]
    ]
    places = [
        Place.model_validate(
            {
                **{k: row[k] for k in ("id", "name", "kind", "parent")},
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
                **{k: row[k] for k in ("id", "title", "kind", "cameo", "source", "note")},
                "date": _when(row, "date"),
                "places": [r["place_id"] for r in event_places[row["id"]]],
                "actors": [r["actor_id"] for r in event_actors[row["id"]]],
                "evidence": _evidence(quotes[f"event:{row['id']}:0"]),
            }
        )
        for row in tables["events"]
    ]
    claims = [
        Claim.model_validate(
            {
                **{
                    k: row[k]
                    for k in (
                        "id",
                        "kind",
                        "accuser",
                        "speaker",
                        "accused",
                        "allegation",
                        "group",
                        "paraphrase",
                        "cameo",
                        "note",
                    )
                },
                "asserted": _when(row, "asserted"),
                "editorial_words": [
                    {"word": r["word"], "reason": r["reason"]} for r in editorial_words[row["id"]]
                ],
                "status": [
                    {
                        "state": step["state"],
                        "as_of": step["as_of"],
                        "date": _when(step, "date"),
                        "speaker": step["speaker"],
                        "note": step["note"],
                        "evidence": _evidence(quotes[f"status:{row['id']}:{step['position']}"]),
                    }
                    for step in states[row["id"]]
                ],
                "answers": None
                if row["answers_claim"] is None
                else {
                    "claim": row["answers_claim"],
                    "framed_by": row["answers_framed_by"],
                    "framer": row["answers_framer"],
                    "note": row["answers_note"],
                    "evidence": _evidence(quotes[f"framing:{row['id']}:0"]),
                },
                "places": [r["place_id"] for r in claim_places[row["id"]]],
                "events": [r["event_id"] for r in claim_events[row["id"]]],
                "evidence": _evidence(quotes[f"claim:{row['id']}:0"]),
            }
        )
        for row in tables["claims"]
    ]
    return {
        "sources": sources,
        "actors": actors,
        "places": places,
        "events": events,
        "claims": claims,
    }


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
    for kind, records in rebuilt.items():
        original = _records(any_dataset, kind)
        assert records == original, kind
        assert [r.model_dump() for r in records] == [r.model_dump() for r in original]


def test_payload_text_survives_the_csv_untouched() -> None:
    dataset = load_dataset(PAYLOAD)
    tables = read_tables(build_downloads(dataset, HOMEPAGE))
    actor = dataset.actors["payload-accuser"]
    assert "\n" in actor.description  # a multi-line value, quoted in the CSV
    row = next(r for r in tables["actors"] if r["id"] == actor.id)
    assert row["description"] == actor.description
    assert row["name"] == actor.name
    assert "<script>" in row["name"]  # CSV is data, not HTML: nothing is escaped


# -- shape ---------------------------------------------------------------------------------


def test_csv_headers_are_the_declared_columns(downloads: dict[str, bytes]) -> None:
    package = json.loads(downloads[PACKAGE_PATH])
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [t.name for t in TABLES]
    for table in TABLES:
        data = downloads[table.path]
        header = next(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
        names = [c.name for c in table.columns]
        assert header == names
        assert [f["name"] for f in resources[table.name]["schema"]["fields"]] == names
        assert resources[table.name]["bytes"] == len(data)
        assert b"\r" not in data  # \n line endings (data text has no carriage returns)
    csv_files = {path for path in downloads if path.startswith(f"{CSV_FOLDER}/")}
    assert csv_files == {t.path for t in TABLES}
    assert not any(path.startswith(("/", "../", "data/")) for path in downloads)


def test_date_columns_are_dates_only_where_they_are_iso_days(
    downloads: dict[str, bytes],
) -> None:
    package = json.loads(downloads[PACKAGE_PATH])
    tables = read_tables(downloads)
    date_fields = 0
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            if field["name"].endswith("_date"):
                assert field["type"] == "string"  # months, years and intervals are not ISO
            if field["type"] == "date":
                date_fields += 1
                for row in tables[resource["name"]]:
                    if row[field["name"]] is not None:
                        dt.date.fromisoformat(row[field["name"]])
    # earliest and latest of published (sources), date (events), asserted (claims) and date
    # (status: when a state began)
    assert date_fields == 8
    assert any(row["published_precision"] == "interval" for row in tables["sources"])


def test_schema_download_is_the_schema_in_the_repository(downloads: dict[str, bytes]) -> None:
    assert downloads[SCHEMA_PATH] == (DATA / "dataset.schema.json").read_bytes()


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


def test_frictionless_checks_the_foreign_keys(downloads: dict[str, bytes], tmp_path: Path) -> None:
    """A reference to a missing record is caught, also within a table (place in place)."""
    package = json.loads(downloads[PACKAGE_PATH])
    for resource in package["resources"]:
        del resource["bytes"], resource["hash"]  # the edits below change the files
    broken = dict(downloads)
    broken[PACKAGE_PATH] = json.dumps(package).encode()
    claims = downloads["csv/claims.csv"].decode()
    broken["csv/claims.csv"] = claims.replace(",taliban-government,", ",nobody,", 1).encode()
    places = downloads["csv/places.csv"].decode()
    broken["csv/places.csv"] = places.replace(",pakistan,", ",nowhere,", 1).encode()
    assert broken["csv/claims.csv"] != downloads["csv/claims.csv"]
    assert broken["csv/places.csv"] != downloads["csv/places.csv"]
    report = frictionless.validate(str(_write(broken, tmp_path)))
    errors = report.flatten(["type", "message"])
    assert {error_type for error_type, _ in errors} == {"foreign-key"}
    assert any('"nobody"' in message for _, message in errors)
    assert any('"nowhere"' in message for _, message in errors)


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
    claims = next(r for r in package["resources"] if r["name"] == "claims")
    assert {"fields": "accuser", "reference": {"resource": "actors", "fields": "id"}} in (
        claims["schema"]["foreignKeys"]
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


def test_payload_text_is_escaped_on_the_page() -> None:
    dataset = load_dataset(PAYLOAD)
    markdown = build_files(dataset, DEFAULT_SITE)["data/index.md"].decode("utf-8")
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


def test_every_reference_on_the_models_is_a_foreign_key_of_a_table() -> None:
    """Foreign keys come from the models' declarations: each reference field of each record
    is a column of some table with the right target (a quote's source, of claims, statuses
    and events alike, is the evidence table's source_id)."""
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
    for model in COLLECTIONS.values():
        for path, collection in paths(model):
            if path.endswith("evidence.source") or path == "evidence.source":
                key: tuple[Any, str] = (Evidence, "source")
            else:
                key = (model, path)
            assert columns.get(key) == collection, (model.__name__, path)
