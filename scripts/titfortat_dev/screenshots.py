"""Screenshots of each page type, desktop and phone, light and dark: ``make screenshots``.

    python -m titfortat_dev.screenshots [--out screenshots] [--data data]
        [--pages places-index,place] [--phone-width 412]

Builds the site from the data (in a scratch folder, away from docs/), serves it on 127.0.0.1, and
photographs one page of each type in Chromium, so a person can review the layout without
setting anything up. The browser is offline: a page that needed another host would show it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from titfortat_dev.browser import (
    DESKTOP,
    LAUNCH_ARGS,
    OFFLINE_ARGS,
    PAGE_TYPES,
    PHONE,
    SCHEMES,
    PageWatch,
    find_chromium,
    page_of_type,
    serve_folder,
    wait_for_scheme,
)
from titfortat_dev.sitebuild import PROJECT_ROOT, SiteBuildError, build_site

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

SIZES: dict[str, ViewportSize] = {"desktop": DESKTOP, "phone": PHONE}


def take(
    site_dir: Path,
    base_url: str,
    executable: Path,
    out: Path,
    page_types: Sequence[str] = tuple(PAGE_TYPES),
    sizes: dict[str, ViewportSize] = SIZES,
) -> list[Path]:
    """Photograph every page type in every size and scheme; return the files written."""
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 - a development dependency

    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(executable), args=[*LAUNCH_ARGS, *OFFLINE_ARGS]
        )
        try:
            for scheme, material_scheme in SCHEMES.items():
                for size, viewport in sizes.items():
                    context = browser.new_context(
                        viewport=viewport,
                        color_scheme="dark" if scheme == "dark" else "light",
                        device_scale_factor=2 if size == "phone" else 1,
                    )
                    watch = PageWatch(context.new_page(), base_url)
                    for page_type in page_types:
                        path = page_of_type(site_dir, page_type)
                        log = watch.visit(path)
                        wait_for_scheme(watch.page, material_scheme)
                        target = out / f"{page_type}-{size}-{scheme}.png"
                        watch.page.screenshot(path=str(target), full_page=True)
                        written.append(target)
                        problems = log.problems()
                        note = f"  ({'; '.join(problems)})" if problems else ""
                        print(f"{target}  /{path}{note}", flush=True)
                    context.close()
        finally:
            browser.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Build, serve, photograph; print each file written. 2: no Chromium; 1: build failed."""
    parser = argparse.ArgumentParser(
        prog="python -m titfortat_dev.screenshots", description=__doc__
    )
    parser.add_argument("--out", default="screenshots", help="folder for the PNG files")
    parser.add_argument("--data", default=str(PROJECT_ROOT / "data"), help="data folder")
    parser.add_argument(
        "--pages",
        help=f"page types to photograph, comma-separated (default: all of {', '.join(PAGE_TYPES)})",
    )
    parser.add_argument(
        "--phone-width", type=int, default=PHONE["width"], help="the phone's viewport width"
    )
    args = parser.parse_args(argv)
    page_types = args.pages.split(",") if args.pages else list(PAGE_TYPES)
    unknown = [page for page in page_types if page not in PAGE_TYPES]
    if unknown:
        parser.error(f"unknown page types: {', '.join(unknown)}")
    sizes: dict[str, ViewportSize] = {
        "desktop": DESKTOP,
        "phone": {"width": args.phone_width, "height": PHONE["height"]},
    }

    executable, where = find_chromium()
    if executable is None:
        print(where, file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="titfortat-screenshots-") as scratch:
        site_dir = Path(scratch) / "site"
        site_dir.mkdir()
        with serve_folder(site_dir) as base_url:
            try:
                build_site(Path(args.data), site_dir, Path(scratch) / "work", site_url=base_url)
            except SiteBuildError as error:
                print(error, file=sys.stderr)
                return 1
            written = take(site_dir, base_url, executable, Path(args.out), page_types, sizes)
    print(f"{len(written)} screenshots in {args.out}/ (Chromium: {where})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
