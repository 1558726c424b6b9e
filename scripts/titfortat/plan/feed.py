"""The Atom feed: the dispute as it moves, for readers who follow it.

An entry for each statement (dated when it was made: a claim, an answer, a position, tagged
as the timeline draws it, each once however many sources report it) and each quoted source
(dated when it was published), built from the data alone: the same data gives the same feed,
byte for byte. Entry ids are tag URIs built from the site's host and each record's id, so
they stay the same across builds and releases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from titfortat.plan import urls
from titfortat.plan.jsonld import absolute
from titfortat.plan.page import SiteInfo
from titfortat.plan.sentences import plural
from titfortat.plan.views import DateView, Views

TAG_YEAR = "2026"
"""The year in every entry's tag URI (RFC 4151): when the project's address was first used.
Fixed, so that ids never change."""

ENTRY_LIMIT = 200
"""Entries in the feed, newest first; readers want the latest."""


@dataclass(frozen=True)
class FeedEntry:
    """One thing that happened in the dispute, as a feed reader shows it."""

    id: str
    title: str
    updated: str
    """RFC 3339, at the start of the last day the date may stand for."""
    link: str
    summary: str
    category: str


@dataclass(frozen=True)
class Feed:
    """The whole feed."""

    id: str
    title: str
    subtitle: str
    updated: str
    self_link: str
    home_link: str
    author: str
    rights: str
    entries: tuple[FeedEntry, ...]


def _stamp(date: DateView) -> str:
    day: dt.date = date.value.latest
    return f"{day.isoformat()}T00:00:00Z"


def build_feed(views: Views, site: SiteInfo, titles: Mapping[str, str]) -> Feed:
    """The feed of statements and quoted sources; ``titles`` are the statement pages'."""
    host = urlsplit(site.site_url).netloc or "localhost"

    def tag(path: str) -> str:
        return f"tag:{host},{TAG_YEAR}:{path}"

    entries: list[FeedEntry] = []
    for statement in views.statements.values():
        if statement.answers_given:
            answered = ", ".join(
                f"{given.state.label.lower()}: {titles[given.statement_id]}"
                for given in statement.answers_given
            )
            title = f"Answer: {titles[statement.id]}"
            summary = f"{statement.text} It answers, as a source ties it ({answered})."
        else:
            title = f"{statement.kind_label}: {titles[statement.id]}"
            summary = statement.text
        category, _ = statement.entry_kind
        entries.append(
            FeedEntry(
                id=tag(f"claims/{statement.id}"),
                title=title,
                updated=_stamp(statement.said),
                link=absolute(site.site_url, statement.url),
                summary=summary,
                category=category,
            )
        )
    for source_id, source in views.dataset.sources.items():
        published = views.published(source_id)
        if source.text is None or published is None:
            continue
        entries.append(
            FeedEntry(
                id=tag(f"sources/{source_id}"),
                title=f"Source: {source.title}",
                updated=_stamp(published),
                link=absolute(site.site_url, urls.record_url("sources", source_id)),
                summary=f"{source.publisher or source.title}, {published.display}: it reports "
                f"{plural(len(views.reported_in.get(source_id, [])), 'statement')}.",
                category="source",
            )
        )
    entries.sort(key=lambda e: (e.updated, e.id), reverse=True)
    info = views.dataset.info
    return Feed(
        id=tag("feed"),
        title=info.title,
        subtitle="New statements (claims and answers) and sources in the dispute, each linked "
        "to its page.",
        updated=max((e.updated for e in entries), default=f"{info.released}T00:00:00Z"),
        self_link=absolute(site.site_url, urls.FEED),
        home_link=absolute(site.site_url, urls.HOME),
        author=", ".join(info.creators),
        rights=f"Data: {info.licence}",
        entries=tuple(entries[:ENTRY_LIMIT]),
    )
