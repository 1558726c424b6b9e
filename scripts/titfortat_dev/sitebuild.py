"""Build the whole site from any data folder into any output folder, away from docs/.

Tests, benchmarks and screenshots build the site from fixtures and synthetic data. They must
not write into the working tree's docs/generated/ (a `mkdocs serve` may be watching it), so
the configuration and the hand-written docs are copied into a scratch folder, with the
hook's path made absolute, and MkDocs runs there in a child process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The repository: scripts/titfortat/ is two levels below it."""


@dataclass(frozen=True)
class SiteBuild:
    """A finished build: where the site is, and what MkDocs printed."""

    site_dir: Path
    work_dir: Path
    output: str


class SiteBuildError(Exception):
    """MkDocs failed; the message carries its output."""


def prepare(work_dir: Path, project: Path = PROJECT_ROOT) -> Path:
    """Copy mkdocs.yml and the hand-written docs into ``work_dir``; return the config path."""
    work_dir.mkdir(parents=True, exist_ok=True)
    docs = work_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(
        project / "docs", docs, ignore=shutil.ignore_patterns("generated", "__pycache__")
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    hook = (project / "scripts" / "mkdocs_hooks.py").as_posix()
    config = config.replace("  - scripts/mkdocs_hooks.py", f"  - {hook}")
    config = config.replace("  - data\n", f"  - {(project / 'data').as_posix()}\n")
    config = config.replace(
        "  - scripts/titfortat\n", f"  - {(project / 'scripts' / 'titfortat').as_posix()}\n"
    )
    target = work_dir / "mkdocs.yml"
    target.write_text(config, encoding="utf-8")
    return target


def build_site(
    data_dir: Path,
    site_dir: Path,
    work_dir: Path,
    *,
    strict: bool = True,
    site_url: str | None = None,
) -> SiteBuild:
    """Run ``mkdocs build`` on ``data_dir`` into ``site_dir``; raise SiteBuildError on failure."""
    config = prepare(work_dir)
    env = {
        **os.environ,
        "TITFORTAT_DATA": str(data_dir.resolve()),
        "NO_MKDOCS_2_WARNING": "1",
    }
    if site_url is not None:
        env["SITE_URL"] = site_url
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config),
        "-d",
        str(site_dir.resolve()),
    ]
    if strict:
        command.append("--strict")
    completed = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, capture_output=True, text=True, env=env, cwd=work_dir, check=False
    )
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        raise SiteBuildError(f"mkdocs build failed ({completed.returncode}):\n{output}")
    return SiteBuild(site_dir=site_dir, work_dir=work_dir, output=output)
