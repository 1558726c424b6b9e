"""The site's pages, one module per family (home, timeline, claims, actors...): each plans
its pages from the dataset's views, with a typed context per template."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from titfortat.model.dataset import Dataset
from titfortat.plan.feed import Feed, build_feed
from titfortat.plan.map import Basemap, build_basemap
from titfortat.plan.page import Page, SiteInfo
from titfortat.plan.pages.actors import actors_pages
from titfortat.plan.pages.claims import ClaimPage, claims_pages
from titfortat.plan.pages.common import Plan
from titfortat.plan.pages.downloads import data_page
from titfortat.plan.pages.events import events_pages
from titfortat.plan.pages.exchanges import exchanges_pages
from titfortat.plan.pages.health import health_page
from titfortat.plan.pages.home import home_page
from titfortat.plan.pages.matrix import matrix_pages
from titfortat.plan.pages.places import places_pages
from titfortat.plan.pages.sources import sources_pages
from titfortat.plan.pages.timeline import timeline_pages
from titfortat.plan.redirects import Redirect, build_redirects


@dataclass(frozen=True)
class SitePlan:
    """Everything the site shows: its pages, in URL order, its feed, its maps' shared
    boundaries and the old addresses that lead to its pages."""

    pages: list[Page]
    feed: Feed
    basemap: Basemap
    redirects: list[Redirect]


def plan_site(
    dataset: Dataset, site: SiteInfo, downloads: Mapping[str, bytes] | None = None
) -> SitePlan:
    """Every page of the site, and the feed."""
    plan = Plan(dataset, site, downloads or {})
    pages = plan_pages(dataset, site, downloads, plan)
    titles = {
        page.context.c.id: page.title for page in pages if isinstance(page.context, ClaimPage)
    }
    return SitePlan(
        pages,
        build_feed(plan.views, site, titles),
        build_basemap(),
        build_redirects(plan.views, site, titles),
    )


def plan_pages(
    dataset: Dataset,
    site: SiteInfo,
    downloads: Mapping[str, bytes] | None = None,
    plan: Plan | None = None,
) -> list[Page]:
    """Every page of the site, in URL order (with the downloads page when there are any)."""
    plan = plan or Plan(dataset, site, downloads or {})
    claims = claims_pages(plan)
    titles = {
        page.context.c.id: page.title for page in claims if isinstance(page.context, ClaimPage)
    }
    pages = [
        home_page(plan, titles),
        *timeline_pages(plan),
        *matrix_pages(plan),
        *claims,
        *exchanges_pages(plan),
        *actors_pages(plan),
        *places_pages(plan),
        *events_pages(plan),
        *sources_pages(plan),
    ]
    if plan.downloads:
        pages.append(data_page(dataset, site, plan.downloads))
    pages.append(health_page(plan, len(pages)))
    return sorted(pages, key=lambda page: page.url)
