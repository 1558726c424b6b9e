"""Templates to Markdown: the one place where data text meets markup.

Every value from the data is text. Pages put it only where its escaping is known:

- in HTML blocks of the Markdown (Jinja's autoescape: ``& < > " '`` become entities);
  Python-Markdown passes block-level HTML through untouched, so no Markdown syntax in the
  data (``*``, ``[x](javascript:...)``, backticks, ``|``) is ever interpreted;
- in front matter, as JSON strings (valid YAML) of HTML-escaped text, because Material
  prints ``title`` and ``description`` into the page unescaped;
- in JSON-LD, as a front-matter mapping that the theme writes with ``tojson``, which
  escapes ``< > & '`` for a script element;
- in SVG text and attributes, by the same autoescape;
- always on one line (see ``_one_line``).

Markdown proper (headings, lists) holds only text written in the templates.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from titfortat.model import vocab
from titfortat.plan import urls
from titfortat.plan.feed import Feed
from titfortat.plan.map import Basemap
from titfortat.plan.page import Page
from titfortat.plan.redirects import Redirect
from titfortat.plan.urls import depth, relative


@pass_context
def _url(context: Context, target: str) -> str:
    return relative(context["page_url"], target)


_NOT_YAML_PRINTABLE = re.compile(
    "[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def _yaml_json(value: Any) -> str:
    """JSON that YAML reads back unchanged.

    JSON is YAML, except that YAML refuses some characters JSON allows raw (C1 controls,
    U+FFFE...): those are written as \\u escapes. Everything else stays as it is, since a
    YAML parser turns a JSON surrogate pair back into two broken halves.
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _NOT_YAML_PRINTABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _front_matter_value(value: str) -> Markup:
    """A YAML scalar holding HTML-escaped text (Material prints it as HTML)."""
    return Markup(_yaml_json(str(escape(value))))


def _json_value(value: Any) -> Markup:
    """A YAML flow value holding JSON data (for the JSON-LD mapping)."""
    return Markup(_yaml_json(value))


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def _one_line(value: Any) -> Any:
    """Data text is printed on one line.

    A line break in a YAML value could otherwise start a line of the Markdown with syntax
    that Markdown's preprocessors act on even inside HTML (a snippet include ``--8<--``), or
    end an HTML block early with a blank line. Markup from the templates is left as it is.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return " ".join(value.splitlines()) if "\n" in value or "\r" in value else value
    return value


@pass_context
def _memo(context: Context, name: str, obj: Any) -> Markup:
    """The fragment ``fragments/<name>.j2`` for ``obj``, made once per page depth.

    Its links depend only on the depth (see urls.relative), so a claim listed on a hundred
    actor pages is rendered once. The cache lives as long as the environment: one build.
    """
    environment = context.environment
    cache: dict[tuple[str, Any, int], Markup] = environment.globals["_memo_cache"]  # type: ignore[assignment]
    level = depth(context["page_url"])
    # Records by their id; anything else (a date) by its value, which is hashable.
    key = (name, getattr(obj, "id", None) or obj, level)
    found = cache.get(key)
    if found is None:
        template = environment.get_template(f"fragments/{name}.j2")
        found = Markup(template.render(obj=obj, page_url="_/" * level, site=context["site"]))
        cache[key] = found
    return found


def make_environment() -> Environment:
    """The Jinja environment for page templates: autoescaped, strict about undefined names."""
    environment = Environment(
        loader=PackageLoader("titfortat.render", "templates"),
        autoescape=True,
        auto_reload=False,
        finalize=_one_line,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters.update(
        url=_url,
        fm=_front_matter_value,
        json_value=_json_value,
        plural=_plural,
    )
    environment.globals.update(vocab=vocab, urls=urls, memo=_memo, _memo_cache={})
    return environment


def render_page(environment: Environment, page: Page, shared: Mapping[str, Any]) -> str:
    """The Markdown of one page, front matter first."""
    template = environment.get_template(page.template)
    return template.render(
        {
            **shared,
            **page.context.variables(),
            "page_url": page.url,
            "page_title": page.title,
            "page_description": page.description,
            "page_data_file": page.data_file,
            "page_jsonld": page.jsonld,
            "page_search_exclude": page.search_exclude,
            "page_search_boost": page.search_boost,
        }
    )


def render_basemap(environment: Environment, basemap: Basemap) -> str:
    """The maps' shared boundaries, as an SVG file."""
    return environment.get_template("basemap.svg.j2").render(b=basemap)


def render_redirect(environment: Environment, redirect: Redirect) -> str:
    """An old address's page (autoescaped HTML, standing alone: no theme, nothing fetched)."""
    return environment.get_template("redirect.html.j2").render(redirect=redirect)


def render_feed(environment: Environment, feed: Feed) -> str:
    """The Atom feed (autoescaped: XML needs the same five escapes as HTML)."""
    return environment.get_template("feed.xml.j2").render(feed=feed)
