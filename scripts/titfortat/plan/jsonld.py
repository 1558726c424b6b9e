"""schema.org descriptions of pages, as JSON-LD mappings.

The site reports claims and rates none, so a claim is a schema.org ``Claim`` with its author
and where it appeared, never a ``ClaimReview`` with a rating.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from titfortat.model import vocab
from titfortat.model.dataset import Dataset
from titfortat.model.records import Actor, Source
from titfortat.plan.views import DateView, StatementView, Views

CONTEXT = "https://schema.org"


def absolute(site_url: str, url: str) -> str:
    """A site-relative URL made absolute for metadata."""
    return urljoin(site_url if site_url.endswith("/") else site_url + "/", url)


def _date(view: DateView | None) -> str | None:
    """An ISO 8601 date for schema.org at the precision the date is certain to: a day, month
    or year as given; an interval as the month or year all of it falls in ("2024-10" for 3-5
    October 2024); None when even the year is not certain (an open start, years apart)."""
    if view is None:
        return None
    if view.precision is not vocab.Precision.INTERVAL:
        return view.end_iso
    start, end = view.start_iso, view.end_iso
    if start is None:
        return None
    if start[:7] == end[:7]:
        return end[:7]
    if start[:4] == end[:4]:
        return end[:4]
    return None


def agent(actor: Actor, site_url: str, url: str) -> dict[str, Any]:
    """A person or an organisation (schema.org has no type for an unnamed collective)."""
    kind = "Person" if actor.type is vocab.ActorType.PERSON else "Organization"
    node: dict[str, Any] = {"@type": kind, "name": actor.name, "url": absolute(site_url, url)}
    if actor.other_names:
        node["alternateName"] = list(actor.other_names)
    return node


def creative_work(source: Source, views: Views, site_url: str) -> dict[str, Any]:
    """A source as the work a claim appears in."""
    kind = source.kind.schema_type
    node: dict[str, Any] = {"@type": kind, "name": source.title, "headline": source.title}
    node["url"] = source.url or absolute(site_url, f"sources/{source.id}/")
    if source.author:
        node["author"] = {"@type": "Person", "name": source.author}
    if source.publisher:
        node["publisher"] = {"@type": "Organization", "name": source.publisher}
    if published := _date(views.date(source.published) if source.published else None):
        node["datePublished"] = published
    node["inLanguage"] = source.language
    return node


def claim(view: StatementView, views: Views, site_url: str) -> dict[str, Any]:
    """A statement page's ``Claim``: its sentence, its author and its appearance in every
    source that reports it (the one credited first is its first appearance)."""
    dataset = views.dataset
    author_id = view.speaker_id or view.by_id
    author = agent(dataset.actors[author_id], site_url, f"actors/{author_id}/")
    appearances = [
        creative_work(dataset.sources[report.source_id], views, site_url) for report in view.reports
    ]
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Claim",
        "@id": absolute(site_url, view.url),
        "url": absolute(site_url, view.url),
        "name": view.text,
        "text": view.lead_quote.text,
        "author": author,
        "appearance": appearances,
        "firstAppearance": appearances[0],
    }
    if view.about_id is not None:
        node["about"] = [agent(dataset.actors[view.about_id], site_url, f"actors/{view.about_id}/")]
    if view.speaker_id:
        node["creator"] = agent(dataset.actors[view.by_id], site_url, f"actors/{view.by_id}/")
    if created := _date(view.said):
        node["dateCreated"] = created
    return node


def actor(record: Actor, site_url: str, url: str) -> dict[str, Any]:
    """An actor page's ``Person`` or ``Organization``."""
    node = agent(record, site_url, url)
    node["@context"] = CONTEXT
    node["@id"] = absolute(site_url, url)
    node["description"] = record.description
    return node


def website(dataset: Dataset, site_url: str, site_name: str) -> dict[str, Any]:
    """The home page's ``WebSite``."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": absolute(site_url, ""),
        "url": absolute(site_url, ""),
        "name": site_name,
        "description": dataset.info.description,
        "inLanguage": "en",
        "license": f"https://spdx.org/licenses/{dataset.info.licence}.html",
    }
