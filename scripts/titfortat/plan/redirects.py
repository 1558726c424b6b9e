"""Old addresses that lead on: a statement merged into another, or renamed, keeps its page.

Readers and other sites link to a statement's address; when an editor merges two records or
renames one, its old id goes into the survivor's ``formerly`` and its address becomes a small
page that sends the reader on (at once, and by a link for browsers that do not follow a
refresh). It is not a page of the site: no navigation, no search, no sitemap entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from titfortat.plan import urls
from titfortat.plan.jsonld import absolute
from titfortat.plan.page import SiteInfo
from titfortat.plan.views import Views


@dataclass(frozen=True)
class Redirect:
    """An old address and the page it now leads to."""

    url: str
    """The old address, site-relative (``claims/<old id>/``)."""
    href: str
    """The new page, relative to the old address (so it works at any base path)."""
    canonical: str
    """The new page's absolute address, for search engines."""
    title: str
    """The new page's title."""


def build_redirects(views: Views, site: SiteInfo, titles: Mapping[str, str]) -> list[Redirect]:
    """One redirect for every former id of every statement, in address order."""
    redirects = []
    for statement in views.dataset.statements.values():
        target = urls.record_url("statements", statement.id)
        for former in statement.formerly:
            old = urls.record_url("statements", former)
            redirects.append(
                Redirect(
                    url=old,
                    href=urls.relative(old, target),
                    canonical=absolute(site.site_url, target),
                    title=titles[statement.id],
                )
            )
    return sorted(redirects, key=lambda redirect: redirect.url)
