"""Every address on the site, declared once: pages, listings, records and downloads.

URLs are site-relative ("claims/some-id/"); pages link to each other with relative paths so
the site works at any base path (GitHub Pages serves a project under /REPO/). Planning,
templates (as the ``urls`` global), the browser tests and the navigation exclusions in
mkdocs.yml (checked by a test) all take their addresses from here.
"""

from __future__ import annotations

HOME = ""
TIMELINE = "timeline/"
MATRIX = "matrix/"
CLAIMS = "claims/"
"""Every statement (claims, answers, positions) has its page under claims/: the addresses
the site has always had."""
EXCHANGES = "exchanges/"
ACTORS = "actors/"
PLACES = "places/"
EVENTS = "events/"
SOURCES = "sources/"
DOWNLOADS = "data/"
"""The downloads page; the files it lists sit in the same folder."""
HEALTH = "health/"
METHOD = "method/"
"""Hand-written (docs/method.md), linked from generated pages."""
DATA_MODEL = "data-model/"
"""Hand-written (docs/data-model.md)."""
PERFORMANCE = "performance/"
"""Written by the benchmark (docs/performance.md)."""
FEED = "feed.xml"
"""The Atom feed of new statements (claims and answers) and sources."""
BASEMAP = PLACES + "basemap.svg"
"""The map's boundaries, one file every map refers to (see plan/map.py)."""
SNIPPETS = "snippets/"
"""Generated pieces that hand-written pages include; not pages of their own."""

RECORD_FOLDERS = {
    "actors": "actors",
    "statements": "claims",
    "exchanges": "exchanges",
    "places": "places",
    "events": "events",
    "sources": "sources",
}
"""The folder of each collection's record pages (``claims/<id>/`` for a statement)."""

TIMELINE_UNDATED = f"{TIMELINE}undated/"
PLACES_LIST = "places-list/"
"""Every place in one list, when the places index is too long to show them as a tree."""

_CLAIMS_BY_ACCUSER = "claims-by-accuser/"
_ACTORS_BY_TYPE = "actors-by-type/"
_EVENTS_BY_YEAR = "events-by-year/"
_SOURCES_BY_KIND = "sources-by-kind/"
_MATRIX_BY_ACCUSER = "matrix-by-accuser/"

SPLIT_LISTINGS = (
    _CLAIMS_BY_ACCUSER,
    _ACTORS_BY_TYPE,
    _EVENTS_BY_YEAR,
    _SOURCES_BY_KIND,
    PLACES_LIST,
    _MATRIX_BY_ACCUSER,
)
"""Where the parts of a listing too long for one page go (on large datasets only)."""


def record_url(kind: str, record_id: str) -> str:
    """The permalink of a record page: ``claims/<id>/`` (by collection: "statements")."""
    return f"{RECORD_FOLDERS[kind]}/{record_id}/"


def record_list(record: str, part: int = 1) -> str:
    """Page ``part`` of the statements of a record (``sources/<id>/statements/``), when its
    page shows only the first of them."""
    return part_url(f"{record}statements/", part)


def download(name: str) -> str:
    """The address of a download, by its path inside the downloads folder."""
    return DOWNLOADS + name


def claims_by_accuser(actor_id: str) -> str:
    """The claims of one accuser, when the claims table is split."""
    return f"{_CLAIMS_BY_ACCUSER}{actor_id}/"


def actors_by_type(actor_type: str) -> str:
    """The actors of one type, when the actors index is split."""
    return f"{_ACTORS_BY_TYPE}{actor_type}/"


def events_by_year(year: str) -> str:
    """The events of one year, when the events index is split."""
    return f"{_EVENTS_BY_YEAR}{year}/"


def sources_by_kind(kind: str) -> str:
    """The sources of one kind, when the sources index is split."""
    return f"{_SOURCES_BY_KIND}{kind}/"


def matrix_by_accuser(actor_id: str) -> str:
    """The pairs of one accuser, when there are too many pairs for one page."""
    return f"{_MATRIX_BY_ACCUSER}{actor_id}/"


def timeline_year(year: str) -> str:
    """The timeline of one year, when the timeline is split."""
    return f"{TIMELINE}{year}/"


def part_url(base: str, number: int) -> str:
    """Page ``number`` of a listing at ``base`` (page 1 is the base itself)."""
    return base if number == 1 else f"{base}{number}/"


def pair_anchor(accuser: str, accused: str) -> str:
    """The anchor of the claims of one accuser about one accused, in a list of pairs."""
    return f"pair-{accuser}--{accused}"


def not_in_nav() -> list[str]:
    """The pages kept out of the navigation, as mkdocs.yml's ``not_in_nav`` patterns.

    Record pages are reached from their indexes: with every record in the navigation, each
    page would embed all of them. A test holds mkdocs.yml to this list.
    """
    return [
        *(f"/{folder}/*/" for folder in RECORD_FOLDERS.values()),
        f"/{TIMELINE}*/",
        *(f"/{listing}" for listing in SPLIT_LISTINGS),
    ]


def generated_roots() -> list[str]:
    """The top-level files and folders of docs/ that the generator owns (git ignores them)."""
    folders = [
        *RECORD_FOLDERS.values(),
        TIMELINE,
        MATRIX,
        DOWNLOADS,
        HEALTH,
        SNIPPETS,
        *SPLIT_LISTINGS,
    ]
    return ["index.md", FEED, *sorted({folder.strip("/") + "/" for folder in folders})]


def source_path(url: str) -> str:
    """The Markdown file (inside the docs folder) that becomes ``url``: always an index.md
    in the page's own folder, so that a relative link means the same thing whether an engine
    reads it from the page's address (MkDocs) or from its source file (Zensical)."""
    return f"{url}index.md" if url.endswith("/") or url == "" else url


def redirect_path(url: str) -> str:
    """The HTML file (inside the docs folder) at an old address: copied as it is by either
    engine, where no Markdown page is."""
    return f"{url}index.html"


def depth(url: str) -> int:
    """How many folders down a page is: "" is 0, "claims/" 1, "claims/x/" 2."""
    return url.count("/")


def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url``, both site-relative.

    Always up to the site's root, then down: "../../actors/x/" from any claim page. A link
    then depends only on how deep the page is, so a fragment of HTML with links can be made
    once per depth and reused on every page that deep. A link to a place on the same page
    is just its fragment.
    """
    target, _, fragment = to_url.partition("#")
    if fragment and target in ("", from_url):
        return f"#{fragment}"
    link = "../" * depth(from_url) + target
    link = link or "./"
    return f"{link}#{fragment}" if fragment else link
