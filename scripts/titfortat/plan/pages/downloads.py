"""The downloads page: each file with its size and contents, the licence, how to cite."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from titfortat.exports.tables import (
    JSON_PATH,
    PACKAGE_PATH,
    SCHEMA_PATH,
    TABLES,
    Table,
    licence,
)
from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.records import DatasetInfo
from titfortat.plan import urls
from titfortat.plan.jsonld import CONTEXT, absolute
from titfortat.plan.page import Context, Page, SiteInfo


@dataclass(frozen=True)
class Download:
    """A file as the downloads page lists it."""

    path: str
    title: str
    media_type: str
    description: str
    size: int
    rows: int | None = None
    table: Table | None = None

    @property
    def name(self) -> str:
        """The file's name, as the link shows it."""
        return self.path.rsplit("/", 1)[-1]


def describe_downloads(dataset: Dataset, downloads: Mapping[str, bytes]) -> list[Download]:
    """The downloads in the page's order: the JSON, the data package, its tables, the schema."""
    records = sum(dataset.stats.records.values())
    listed = [
        Download(
            urls.download(JSON_PATH),
            "The dataset (JSON)",
            "application/json",
            f"The whole dataset in one document: its description and all {records:,} "
            "records with every field (empty ones as null), in the shape of the data "
            "files.",
            len(downloads[JSON_PATH]),
        ),
        Download(
            urls.download(PACKAGE_PATH),
            "Data package",
            "application/json",
            "Frictionless Data Package: describes the CSV tables below (columns, types, "
            "keys, links between tables), the licence and the sources.",
            len(downloads[PACKAGE_PATH]),
        ),
    ]
    for table in TABLES:
        listed.append(
            Download(
                urls.download(table.path),
                f"Table {table.name} (CSV)",
                "text/csv",
                table.description,
                len(downloads[table.path]),
                rows=sum(1 for _ in table.rows(dataset)),
                table=table,
            )
        )
    listed.append(
        Download(
            urls.download(SCHEMA_PATH),
            "JSON Schema",
            "application/schema+json",
            "JSON Schema of a data file: what each field means and which values it may take.",
            len(downloads[SCHEMA_PATH]),
        )
    )
    return listed


def dataset_jsonld(dataset: Dataset, site: SiteInfo, listed: Sequence[Download]) -> dict[str, Any]:
    """The downloads page's schema.org ``Dataset``, with every file as a ``DataDownload``."""
    info = dataset.info
    return {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": absolute(site.site_url, urls.DOWNLOADS),
        "url": absolute(site.site_url, urls.DOWNLOADS),
        "name": info.title,
        "description": info.description,
        "version": info.version,
        "datePublished": info.released,
        "license": licence(info.licence)[1],
        "isAccessibleForFree": True,
        "inLanguage": "en",
        "creator": [{"@type": "Organization", "name": creator} for creator in info.creators],
        "distribution": [
            {
                "@type": "DataDownload",
                "name": download.title,
                "contentUrl": absolute(site.site_url, download.path),
                "encodingFormat": download.media_type,
                "contentSize": f"{download.size} B",
            }
            for download in listed
        ],
    }


@dataclass(frozen=True)
class DataPage(Context):
    """The downloads page."""

    TEMPLATE: ClassVar[str] = "data.md.j2"
    info: DatasetInfo
    downloads: tuple[Download, ...]
    data_licence: tuple[str, str]
    code_licence: tuple[str, str]
    vocabulary_anchors: Mapping[str, str]
    """Each vocabulary's anchor on the method page."""


def data_page(dataset: Dataset, site: SiteInfo, downloads: Mapping[str, bytes]) -> Page:
    """The downloads page: each file with its size and contents, the licence, how to cite."""
    listed = describe_downloads(dataset, downloads)
    description = (
        f"The dataset to download, made from the same checked data as these pages: one JSON "
        f"document, {len(TABLES)} CSV tables described by a Frictionless Data Package, and "
        "the JSON Schema."
    )
    return Page(
        url=urls.DOWNLOADS,
        title="Downloads",
        description=description,
        context=DataPage(
            info=dataset.info,
            downloads=tuple(listed),
            data_licence=licence(dataset.info.licence),
            code_licence=licence(dataset.info.code_licence),
            vocabulary_anchors={
                name: "vocabulary-" + name.replace(" ", "-").lower() for name in vocab.VOCABULARIES
            },
        ),
        jsonld=dataset_jsonld(dataset, site, listed),
    )
