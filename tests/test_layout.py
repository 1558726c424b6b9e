"""The shape of the code: stages in folders, imports that flow one way, addresses and
generated files declared once and agreed on by mkdocs.yml, .gitignore and the README."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from conftest import ROOT
from titfortat.plan import urls

PACKAGE = ROOT / "scripts" / "titfortat"

STAGES = ["model", "load", "check", "exports", "plan", "render", "write"]
"""The runtime's folders in pipeline order: a module may import from its own stage and
earlier ones only. The modules at the top (pipeline, cli) tie the stages together."""

DEVELOPMENT_ONLY = {
    "titfortat_dev",
    "playwright",
    "pytest",
    "hypothesis",
    "frictionless",
    "jsonschema",
    "axe_playwright_python",
    "zensical",
    "shapely",
    "pyproj",
    "numpy",
}


def _imports(path: Path) -> list[str]:
    """Every module a file imports (absolute names; the runtime has no relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: relative import"
            assert node.module is not None
            found.append(node.module)
            found.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _runtime_modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_runtime_module_is_in_a_stage_folder_or_ties_them_together() -> None:
    for path in _runtime_modules():
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            assert parts[0] in {"__init__.py", "__main__.py", "cli.py", "pipeline.py"}, path
        else:
            assert parts[0] in STAGES, path
    for stage in STAGES:
        assert (PACKAGE / stage / "__init__.py").is_file()
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc, f"{stage}/__init__.py says what the stage does"


def test_the_runtime_never_imports_development_tooling() -> None:
    for path in _runtime_modules():
        for name in _imports(path):
            assert name.split(".")[0] not in DEVELOPMENT_ONLY, f"{path} imports {name}"


def test_imports_flow_one_way_through_the_stages() -> None:
    for path in _runtime_modules():
        parts = path.relative_to(PACKAGE).parts
        if len(parts) == 1:
            continue
        own = STAGES.index(parts[0])
        for name in _imports(path):
            pieces = name.split(".")
            if pieces[0] != "titfortat" or len(pieces) < 2 or pieces[1] not in STAGES:
                continue
            later = STAGES.index(pieces[1])
            assert later <= own, f"{path.relative_to(ROOT)} ({parts[0]}) imports {name}"


def test_development_tooling_is_not_installed_with_the_runtime() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'include = ["titfortat", "titfortat.*"]' in pyproject


def _mkdocs_config() -> dict[str, object]:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as stream:
        loaded: dict[str, object] = yaml_load(stream)  # MkDocs' own reader (!ENV...)
    return loaded


def test_navigation_exclusions_agree_with_the_addresses() -> None:
    config = _mkdocs_config()
    listed = str(config["not_in_nav"]).split()
    assert listed == urls.not_in_nav()


def test_mkdocs_yml_points_only_inside_the_repository() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "../" not in text
    assert "shared/" not in text


@pytest.mark.parametrize("root", urls.generated_roots())
def test_git_ignores_what_the_generator_writes(root: str) -> None:
    target = f"docs/{root}"
    completed = subprocess.run(
        ["git", "check-ignore", "-q", "--no-index", target], cwd=ROOT, check=False
    )
    assert completed.returncode == 0, f".gitignore does not cover {target}"


def test_gitignore_lists_nothing_the_generator_does_not_write() -> None:
    listed = [
        line.removeprefix("/docs/")
        for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
        if line.startswith("/docs/")
    ]
    expected = {*urls.generated_roots(), ".titfortat-generated", "generated/"}
    assert set(listed) == expected


def test_the_readme_maps_every_folder_of_the_code() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for stage in STAGES:
        assert f"scripts/titfortat/{stage}/" in readme, stage
    assert "scripts/titfortat_dev/" in readme


def test_every_file_the_generator_writes_is_under_a_generated_root() -> None:
    """The payload fixture has every family of page (exchanges too): each file it generates
    lies under a root that .gitignore and mkdocs.yml know (the tests above)."""
    from conftest import PAYLOAD  # noqa: PLC0415
    from titfortat.pipeline import DEFAULT_SITE, build_files, load_dataset  # noqa: PLC0415

    files = build_files(load_dataset(PAYLOAD, base=PAYLOAD.parent), DEFAULT_SITE)
    roots = set(urls.generated_roots())
    tops = {path if "/" not in path else path.split("/")[0] + "/" for path in files}
    assert urls.EXCHANGES in tops
    assert tops <= roots, sorted(tops - roots)
    record_folders = {f"{folder}/" for folder in urls.RECORD_FOLDERS.values()}
    assert record_folders <= tops
