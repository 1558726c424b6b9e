"""The ``titfortat`` command: check the data, generate the pages, write the schema."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from titfortat.check import check
from titfortat.check.problems import DataError, report
from titfortat.load.files import read_inputs
from titfortat.model.records import schema_text
from titfortat.pipeline import DEFAULT_SITE, blob_url, generate, site_from_mkdocs
from titfortat.write.sync import UnsafeOutputError


def _check(args: argparse.Namespace) -> int:
    result = check(read_inputs(Path(args.data)))
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 1
    assert result.dataset is not None
    stats = result.dataset.stats
    counts = ", ".join(f"{n} {kind}" for kind, n in stats.records.items())
    print(
        f"data OK: {counts}; {stats.quotes_verified} quotes and "
        f"{stats.wordings_verified} date wordings verified against {stats.texts} stored "
        f"text(s); {stats.references_resolved} references resolved"
    )
    return 0


def _generate(args: argparse.Namespace) -> int:
    config = Path(args.config) if args.config else None
    site = site_from_mkdocs(config) if config and config.is_file() else DEFAULT_SITE
    if args.site_url is not None:
        site = replace(site, site_url=args.site_url)
    if args.site_name is not None:
        site = replace(site, site_name=args.site_name)
    if args.repo_url is not None:
        site = replace(site, repo_blob_url=blob_url(args.repo_url, args.edit_uri or "edit/main/"))
    base = Path(args.base) if args.base else None
    try:
        generated = generate(Path(args.data), Path(args.out), site, base=base)
    except DataError as error:
        print(report(error.problems), file=sys.stderr)
        print("Nothing was written.", file=sys.stderr)
        return 1
    except UnsafeOutputError as error:
        print(f"titfortat: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"titfortat: cannot write to {args.out}: {error.strerror} ({error.filename})",
            file=sys.stderr,
        )
        return 2
    assert generated.report is not None
    print(
        f"{len(generated.files)} files in {args.out}: {len(generated.report.written)} written, "
        f"{len(generated.report.removed)} removed, {generated.report.unchanged} unchanged"
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.write:
        Path(args.write).write_text(text, encoding="utf-8")
        print(f"wrote {args.write}")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command line, one sub-command per job."""
    parser = argparse.ArgumentParser(prog="titfortat", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="check the data and report every problem")
    check_cmd.add_argument("--data", default="data", help="the data folder (default: data)")
    check_cmd.set_defaults(run=_check)
    generate_cmd = commands.add_parser(
        "generate", help="check the data, then write the site's Markdown pages"
    )
    generate_cmd.add_argument("--data", default="data", help="the data folder (default: data)")
    generate_cmd.add_argument(
        "--out",
        default="docs",
        help="the docs folder the pages go in, beside the hand-written ones (default: docs)",
    )
    generate_cmd.add_argument(
        "--config",
        default="mkdocs.yml",
        help="read the site's address and repository from this file (default: mkdocs.yml)",
    )
    generate_cmd.add_argument("--site-url", default=None, help="override the site's address")
    generate_cmd.add_argument("--site-name", default=None, help="override the site's name")
    generate_cmd.add_argument(
        "--repo-url", default=None, help="override the repository (for links to the data)"
    )
    generate_cmd.add_argument(
        "--edit-uri", default=None, help="with --repo-url: its edit path, like edit/main/docs/"
    )
    generate_cmd.add_argument(
        "--base", default=None, help="show data paths relative to this folder (default: here)"
    )
    generate_cmd.set_defaults(run=_generate)
    schema_cmd = commands.add_parser("schema", help="print or write the data's JSON Schema")
    schema_cmd.add_argument("--write", metavar="PATH", help="write it to PATH")
    schema_cmd.set_defaults(run=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit status is 0 on success, 1 on bad data, 2 on bad usage."""
    args = build_parser().parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
