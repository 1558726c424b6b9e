"""Reading built sites in tests: the parts of an HTML page tests look at, and its links."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from titfortat.model.quotes import normalise


class Page(HTMLParser):
    """The parts of an HTML page the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text_parts: list[str] = []
        self._in_script = False
        self._in_content = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(str(values[name]))
        self._in_script = tag in {"script", "style"}

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)
        else:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return normalise("".join(self.text_parts))


def _resolve(page_path: Path, link: str) -> tuple[Path, str] | None:
    """The file a relative link points at, and its fragment (None for external links)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
        return None
    target = page_path.parent if not parts.path else (page_path.parent / unquote(parts.path))
    target = target.resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site_dir: Path) -> list[str]:
    """Every internal link or anchor of a built site that leads nowhere."""
    broken: list[str] = []
    pages: dict[Path, Page] = {}
    for path in sorted(site_dir.rglob("*.html")):
        pages[path.resolve()] = Page(path.read_text(encoding="utf-8"))
    for path, page in pages.items():
        if path.name == "404.html" and path.parent == site_dir.resolve():
            continue  # MkDocs writes the 404 page with links from the site's root path
        for link in page.links:
            resolved = _resolve(path, link)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.exists():
                broken.append(f"{path.relative_to(site_dir.resolve())}: {link}")
                continue
            if fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(site_dir.resolve())}: {link} (anchor)")
    return broken


class _ContentLinks(HTMLParser):
    """The links inside a page's <article> (its content, not the theme's navigation)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._depth += 1
        values = dict(attrs)
        href = values.get("href") or values.get("xlink:href")
        if self._depth and tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._depth -= 1


def page_urls(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as its path under the site ("claims/x/index.html")."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def content_links(site_dir: Path) -> dict[str, set[str]]:
    """Per page, where the links in its content lead, as paths under the site (with their
    fragments): the same page built by two engines should link to the same places."""
    found: dict[str, set[str]] = {}
    root = site_dir.resolve()
    for name in page_urls(site_dir):
        path = (site_dir / name).resolve()
        targets: set[str] = set()
        for link in _ContentLinks(path.read_text(encoding="utf-8")).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if target.is_dir():
                target = target / "index.html"
            where = target.relative_to(root).as_posix() if target.is_relative_to(root) else link
            targets.add(f"{where}#{parts.fragment}" if parts.fragment else where)
        found[name] = targets
    return found
