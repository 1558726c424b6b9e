"""Build the whole site from any data folder into any output folder, away from docs/.

Tests, benchmarks and screenshots build the site from fixtures and synthetic data. They must
not write into the working tree's docs/ (a `mkdocs serve` may be watching it), so the
hand-written docs are copied into a scratch folder, the pages are generated there, and the
engine runs there in a child process: MkDocs through a small configuration that inherits
the project's mkdocs.yml (``INHERIT:``) and changes only the paths that must point back at
the project; Zensical, which runs no hooks, after ``titfortat generate``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from titfortat.plan import urls
from titfortat.write.sync import LEGACY_FOLDER, MANIFEST

PROJECT_ROOT = Path(__file__).resolve().parents[2]
"""The repository: scripts/titfortat_dev/ is two levels below it."""


@dataclass(frozen=True)
class SiteBuild:
    """A finished build: where the site is, and what the engine printed."""

    site_dir: Path
    work_dir: Path
    output: str


class SiteBuildError(Exception):
    """The build failed; the message carries the engine's output."""


def copy_docs(work_dir: Path, project: Path = PROJECT_ROOT) -> Path:
    """Copy the hand-written docs (not what the generator wrote there) to ``work_dir/docs``."""
    work_dir.mkdir(parents=True, exist_ok=True)
    docs = work_dir / "docs"
    if docs.exists():
        shutil.rmtree(docs)
    generated = {root.rstrip("/") for root in urls.generated_roots()} | {MANIFEST, LEGACY_FOLDER}
    source = project / "docs"

    def ignore(folder: str, names: list[str]) -> set[str]:
        skip = {"__pycache__"}
        if Path(folder) == source:
            skip |= generated
        return skip & set(names)

    shutil.copytree(source, docs, ignore=ignore)
    return docs


def prepare(work_dir: Path, project: Path = PROJECT_ROOT) -> Path:
    """Copy the hand-written docs into ``work_dir`` and write a configuration there that
    inherits the project's; return its path."""
    copy_docs(work_dir, project)
    overlay = {
        "INHERIT": (project / "mkdocs.yml").as_posix(),
        "docs_dir": "docs",
        "hooks": [(project / "scripts" / "mkdocs_hooks.py").as_posix()],
        "watch": [(project / "data").as_posix(), (project / "scripts" / "titfortat").as_posix()],
    }
    target = work_dir / "mkdocs.yml"
    # JSON is YAML: the overlay needs no YAML writer.
    target.write_text(json.dumps(overlay, indent=2) + "\n", encoding="utf-8")
    return target


def _run(command: list[str], env: dict[str, str], cwd: Path, what: str) -> str:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        command, capture_output=True, text=True, env=env, cwd=cwd, check=False
    )
    output = completed.stdout + completed.stderr
    if completed.returncode != 0:
        raise SiteBuildError(f"{what} failed ({completed.returncode}):\n{output}")
    return output


def _env(data_dir: Path | None, site_url: str | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TITFORTAT_DATA", None)
    if data_dir is not None:
        env["TITFORTAT_DATA"] = str(data_dir.resolve())
    if site_url is not None:
        env["SITE_URL"] = site_url
    return env


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
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    command += ["-d", str(site_dir.resolve())]
    if strict:
        command.append("--strict")
    output = _run(command, _env(data_dir, site_url), work_dir, "mkdocs build")
    return SiteBuild(site_dir=site_dir, work_dir=work_dir, output=output)


def zensical_command() -> list[str] | None:
    """How to run Zensical: the ZENSICAL environment variable's program (to try another
    release), else the one the development tools installed; None if there is none."""
    found = os.environ.get("ZENSICAL") or shutil.which(
        "zensical", path=str(Path(sys.executable).parent)
    )
    return [found] if found else None


def build_site_with_zensical(
    data_dir: Path, site_dir: Path, work_dir: Path, *, site_url: str | None = None
) -> SiteBuild:
    """Generate the pages from ``data_dir`` with the plain command, then ``zensical build``
    with the project's mkdocs.yml as it is; the site ends up in ``site_dir``."""
    command = zensical_command()
    if command is None:
        raise SiteBuildError("zensical is not installed (it comes with `make test`)")
    docs = copy_docs(work_dir)
    env = _env(None, site_url)
    generate = [sys.executable, "-m", "titfortat", "generate", "--data", str(data_dir.resolve())]
    generate += ["--out", str(docs), "--config", str(PROJECT_ROOT / "mkdocs.yml")]
    generate += ["--base", str(data_dir.resolve().parent)]
    output = _run(generate, env, work_dir, "titfortat generate")
    shutil.copy(PROJECT_ROOT / "mkdocs.yml", work_dir / "mkdocs.yml")
    output += _run([*command, "build", "--clean"], env, work_dir, "zensical build")
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.move(work_dir / "site", site_dir)
    return SiteBuild(site_dir=site_dir, work_dir=work_dir, output=output)
