"""The accusation graph's geometry: actors on a circle, accusations as curved directed edges.

Only numbers and names are worked out here; ``templates/graph.j2`` draws the SVG. Edges
between the same two actors in opposite directions bend to opposite sides, so an accusation
and the counter-accusation are both visible.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from titfortat.plan.urls import record_url
from titfortat.plan.views import StatementView, Views

WIDTH = 860
HEIGHT = 600
NODE_RADIUS = 20
MAX_NODES = 16
"""Beyond this the drawing stops being readable; the table beside it lists every pair."""


@dataclass(frozen=True)
class Node:
    """An actor placed on the drawing."""

    id: str
    label: str
    lines: tuple[str, ...]
    name: str
    type: str
    type_label: str
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    href: str


@dataclass(frozen=True)
class Edge:
    """All claims by one accuser against one accused, drawn as one arrow."""

    accuser: str
    accused: str
    accuser_name: str
    accused_name: str
    count: int
    allegations: tuple[str, ...]
    path: str
    label_x: float
    label_y: float
    reciprocal: bool
    href: str


@dataclass(frozen=True)
class Graph:
    """The drawing, plus what was left out of it."""

    width: int
    height: int
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    omitted_actors: int
    types: tuple[tuple[str, str], ...]


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def build_graph(views: Views, pair_url: Callable[[str, str], str]) -> Graph:
    """Lay out the actors that accuse or are accused, busiest first when there are many."""
    claims = views.accusations
    degree: Counter[str] = Counter()
    for claim in claims:
        assert claim.about_id is not None
        degree[claim.by_id] += 1
        degree[claim.about_id] += 1
    involved = views.involved_actors()
    order = {actor_id: i for i, actor_id in enumerate(involved)}
    chosen = sorted(involved, key=lambda a: (-degree[a], order[a]))[:MAX_NODES]
    shown = _arrange(sorted(chosen, key=order.__getitem__), claims)
    centre_x, centre_y = WIDTH / 2, HEIGHT / 2
    radius = min(WIDTH, HEIGHT) / 2 - 80
    nodes: dict[str, Node] = {}
    for i, actor_id in enumerate(shown):
        angle = math.pi + 2 * math.pi * i / max(1, len(shown))
        x = centre_x + radius * math.cos(angle)
        y = centre_y + radius * math.sin(angle)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        label_distance = NODE_RADIUS + 8
        actor = views.actor(actor_id)
        label = actor.short_name or actor.name
        lines = _wrap(label)
        # Labels above a node grow upwards, so their last line sits by the node.
        lift = (len(lines) - 1) * 15 if math.sin(angle) < -0.3 else 0
        nodes[actor_id] = Node(
            id=actor_id,
            label=label,
            lines=lines,
            name=actor.name,
            type=actor.type,
            type_label=actor.type.label,
            x=round(x, 1),
            y=round(y, 1),
            label_x=round(x + label_distance * cos, 1),
            label_y=round(y + label_distance * math.sin(angle) + 5 - lift, 1),
            anchor=anchor,
            href=record_url("actors", actor_id),
        )
    pairs: dict[tuple[str, str], list[str]] = {}
    for claim in claims:
        assert claim.about_id is not None
        key = (claim.by_id, claim.about_id)
        pairs.setdefault(key, []).append(claim.allegation_label)
    edges: list[Edge] = []
    for (accuser, accused), allegations in pairs.items():
        if accuser not in nodes or accused not in nodes:
            continue
        a, b = nodes[accuser], nodes[accused]
        path, label_x, label_y = _curve(a.x, a.y, b.x, b.y)
        edges.append(
            Edge(
                accuser=accuser,
                accused=accused,
                accuser_name=a.name,
                accused_name=b.name,
                count=len(allegations),
                allegations=tuple(dict.fromkeys(allegations)),
                path=path,
                label_x=label_x,
                label_y=label_y,
                reciprocal=views.both_ways(accuser, accused),
                href=pair_url(accuser, accused),
            )
        )
    types = tuple(dict.fromkeys((n.type, n.type_label) for n in nodes.values()))
    return Graph(
        width=WIDTH,
        height=HEIGHT,
        nodes=tuple(nodes.values()),
        edges=tuple(edges),
        omitted_actors=len(involved) - len(shown),
        types=types,
    )


def _arrange(actors: list[str], claims: Iterable[StatementView]) -> list[str]:
    """Seat the busiest pair of actors opposite each other (left and right), others between.

    Their accusation and counter-accusation then cross the middle of the drawing as two
    clearly separate arcs, instead of crowding between neighbours.
    """
    if len(actors) < 2:
        return actors
    weight: Counter[frozenset[str]] = Counter()
    for claim in claims:
        if claim.about_id and claim.by_id in actors and claim.about_id in actors:
            weight[frozenset((claim.by_id, claim.about_id))] += 1
    if not weight:
        return actors
    top = max(weight, key=lambda pair: (weight[pair], -min(actors.index(a) for a in pair)))
    first, second = sorted(top, key=actors.index)
    rest = [a for a in actors if a not in top]
    half = len(actors) // 2
    return [first, *rest[: half - 1], second, *rest[half - 1 :]]


def _wrap(label: str, width: int = 16) -> tuple[str, ...]:
    """A label on one line, or two split at the space nearest the middle."""
    if len(label) <= width or " " not in label:
        return (label,)
    middle = len(label) // 2
    spaces = [i for i, char in enumerate(label) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return (label[:cut], label[cut + 1 :])


def _curve(x1: float, y1: float, x2: float, y2: float) -> tuple[str, float, float]:
    """A quadratic curve from one node's rim to the other's, bent to the right of travel."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = min(60.0, length * 0.18)
    # The normal to the right of the direction of travel.
    nx, ny = -uy, ux
    mx, my = (x1 + x2) / 2 + nx * bend, (y1 + y2) / 2 + ny * bend
    start_x, start_y = _towards(x1, y1, mx, my, NODE_RADIUS + 2)
    end_x, end_y = _towards(x2, y2, mx, my, NODE_RADIUS + 6)
    path = f"M{_fmt(start_x)} {_fmt(start_y)} Q{_fmt(mx)} {_fmt(my)} {_fmt(end_x)} {_fmt(end_y)}"
    # The curve's midpoint (t = 0.5) is where its count sits.
    label_x = 0.25 * start_x + 0.5 * mx + 0.25 * end_x
    label_y = 0.25 * start_y + 0.5 * my + 0.25 * end_y
    return path, round(label_x, 1), round(label_y, 1)


def _towards(x: float, y: float, tx: float, ty: float, distance: float) -> tuple[float, float]:
    dx, dy = tx - x, ty - y
    length = math.hypot(dx, dy) or 1.0
    return x + dx / length * distance, y + dy / length * distance
