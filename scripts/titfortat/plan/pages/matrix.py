"""Who accuses whom: accusers against accused in a grid, and every pair's accusations. Only
accusations by a party count: answers, positions and an author's own sentences are not."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from titfortat.plan import urls
from titfortat.plan.graph import Graph, build_graph
from titfortat.plan.page import Context, Page
from titfortat.plan.pages.common import SECTION_LIMIT, Plan
from titfortat.plan.paging import PAGE_LIMIT, Part, paginate
from titfortat.plan.views import Seg, StatementView, Views

GRID_LIMIT = 16
"""The who-accuses-whom grid is drawn while accusers and accused are each at most this many."""


@dataclass(frozen=True)
class Pair:
    """One accuser and one accused, with the accusations between them (a cell of the
    matrix)."""

    by: Seg
    about: Seg
    anchor: str
    claims: tuple[StatementView, ...]
    total: int
    reciprocal: bool
    by_id: str


@dataclass(frozen=True)
class MatrixPage(Context):
    """The grid (when it is small enough to read) and the pairs."""

    TEMPLATE: ClassVar[str] = "matrix.md.j2"
    grid: bool
    accusers: tuple[Seg, ...]
    accuser_ids: tuple[str, ...]
    accused: tuple[Seg, ...]
    accused_ids: tuple[str, ...]
    cells: Mapping[str, tuple[StatementView, ...]]
    pairs: tuple[Pair, ...]
    accuser_links: tuple[tuple[Seg, int, str], ...]
    reciprocal_count: int
    both_ways: frozenset[str]
    """The cells ("accuser|accused") between countries that accuse each other."""
    graph: Graph


@dataclass(frozen=True)
class MatrixPartPage(Context):
    """One accuser's pairs, when there are too many pairs for one page."""

    TEMPLATE: ClassVar[str] = "matrix_part.md.j2"
    accuser: Seg
    rows: tuple[Pair, ...]
    pager: tuple[Part, ...]
    part: int


PAIRS_ON_ONE_PAGE = 100
"""Most accusations listed pair by pair on the who-accuses-whom page itself: past this, each
accuser's pairs have a page of their own, so the page (its grid and graph, and links to
them) stays near a phone's budget of 103 KiB however many accusations there are."""


def split_pairs(pairs: int, accusations: int) -> bool:
    """Whether the pairs are listed on their accusers' pages, not on the page itself."""
    return pairs > PAGE_LIMIT or accusations > PAIRS_ON_ONE_PAGE


@dataclass(frozen=True)
class PairAddresses:
    """Where the claims of one accuser against one accused are listed: on the who accuses
    whom page, or, when it is split, on its accuser's page of pairs."""

    views: Views

    @cached_property
    def order(self) -> dict[tuple[str, str], int]:
        """Each (accuser, accused) pair's position among its accuser's pairs."""
        positions: dict[tuple[str, str], int] = {}
        counts: dict[str, int] = defaultdict(int)
        for claim in self.views.accusations:
            assert claim.about_id is not None
            key = (claim.by_id, claim.about_id)
            if key not in positions:
                positions[key] = counts[claim.by_id]
                counts[claim.by_id] += 1
        return positions

    @cached_property
    def split(self) -> bool:
        """Whether the pairs are listed on their accusers' pages (see split_pairs)."""
        return split_pairs(len(self.order), len(self.views.accusations))

    def __call__(self, accuser: str, accused: str) -> str:
        anchor = "#" + urls.pair_anchor(accuser, accused)
        if not self.split:
            return urls.MATRIX + anchor
        number = self.order[(accuser, accused)] // PAGE_LIMIT + 1
        return urls.part_url(urls.matrix_by_accuser(accuser), number) + anchor


def matrix_pages(plan: Plan) -> list[Page]:
    """The who-accuses-whom page, and its accusers' pages when there are many pairs."""
    views = plan.views
    involved = views.involved_actors()
    order = {actor_id: i for i, actor_id in enumerate(involved)}
    accusing: dict[str, int] = defaultdict(int)
    accused_in: dict[str, int] = defaultdict(int)
    for statement in views.accusations:
        assert statement.about_id is not None
        accusing[statement.by_id] += 1
        accused_in[statement.about_id] += 1
    # The busiest actors first; the busiest pair that accuse each other leads both
    # axes, crosswise, so their two cells sit side by side in the grid's top corner.
    accusers = sorted(
        (a for a in involved if a in accusing), key=lambda a: (-accusing[a], order[a])
    )
    accused = sorted(
        (a for a in involved if a in accused_in), key=lambda a: (-accused_in[a], order[a])
    )
    sides = views.sides()
    if sides:
        first, second = sides
        accusers = [first, second, *(a for a in accusers if a not in (first, second))]
        leading = [a for a in (second, first) if a in accused_in]
        accused = [*leading, *(a for a in accused if a not in leading)]
    cells: dict[tuple[str, str], list[StatementView]] = defaultdict(list)
    for claim in views.accusations:
        assert claim.about_id is not None
        cells[(claim.by_id, claim.about_id)].append(claim)
    grid = len(accusers) <= GRID_LIMIT and len(accused) <= GRID_LIMIT
    pairs = [
        Pair(
            by=views.actor_seg(a, short=True),
            about=views.actor_seg(b, short=True),
            anchor=urls.pair_anchor(a, b),
            claims=tuple(claims[:SECTION_LIMIT]),
            total=len(claims),
            reciprocal=views.both_ways(a, b),
            by_id=a,
        )
        for (a, b), claims in cells.items()
    ]
    reciprocal = [p for p in pairs if p.reciprocal]
    description = (
        f"Who accuses whom: {len(accusing)} accusers and "
        f"{len(accused_in)} accused; "
        f"{len(reciprocal)} pairs between countries that accuse each other."
    )
    pages: list[Page] = []
    pairs_shown: list[Pair] = pairs
    accuser_links: tuple[tuple[Seg, int, str], ...] = ()
    if split_pairs(len(pairs), len(views.accusations)):
        by_accuser: dict[str, list[Pair]] = defaultdict(list)
        for pair in pairs:
            by_accuser[pair.by_id].append(pair)
        for accuser_id, accuser_pairs in by_accuser.items():
            name = views.actor(accuser_id).name
            for part in paginate(urls.matrix_by_accuser(accuser_id), accuser_pairs):
                pages.append(
                    Page(
                        url=part.url,
                        title=f"Who {name} accuses{part.suffix}",
                        description=f"The actors {name} accuses, and of what.",
                        context=MatrixPartPage(
                            accuser=views.actor_seg(accuser_id),
                            rows=part.rows,
                            pager=part.pager,
                            part=part.number,
                        ),
                        search_exclude=plan.large,
                    )
                )
        pairs_shown = []
        accuser_links = tuple(
            (views.actor_seg(a), len(by_accuser[a]), urls.matrix_by_accuser(a)) for a in accusers
        )
    pages.append(
        Page(
            url=urls.MATRIX,
            title="Who accuses whom",
            description=description,
            context=MatrixPage(
                grid=grid,
                accusers=tuple(views.actor_seg(a, short=True) for a in accusers),
                accuser_ids=tuple(accusers),
                accused=tuple(views.actor_seg(b, short=True) for b in accused),
                accused_ids=tuple(accused),
                cells={f"{a}|{b}": tuple(v) for (a, b), v in cells.items()},
                pairs=tuple(pairs_shown),
                accuser_links=accuser_links,
                reciprocal_count=len(reciprocal),
                both_ways=frozenset(f"{a}|{b}" for (a, b) in cells if views.both_ways(a, b)),
                graph=build_graph(views, PairAddresses(views)),
            ),
        )
    )
    return pages
