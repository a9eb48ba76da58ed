"""Every distribution the app imports by name is declared in pyproject.toml's dependencies:
`rich` reached us only through Textual while quiz/tui and quiz/wrapping.py imported it, so a
Textual that dropped or capped it would have broken the app with nothing in our metadata
saying so."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import REPO

APP = ("quiz", "engine")

PART_OF = {"pydantic_core": "pydantic"}
"""Modules of a declared distribution shipped as another one it pins exactly (pydantic
requires one pydantic-core version): declaring it too would be a second pin to keep in step."""


def _imported_top_levels(package: Path) -> dict[str, str]:
    """Top-level module name -> one file that imports it, for every import in `package`."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.partition(".")[0], str(path.relative_to(REPO)))
    return found


def _declared() -> set[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return {canonicalize_name(Requirement(line).name) for line in project["dependencies"]}


def test_every_imported_distribution_is_declared() -> None:
    imported: dict[str, str] = {}
    for package in APP:
        imported |= _imported_top_levels(REPO / package)
    third_party = {
        name: where
        for name, where in imported.items()
        if name not in sys.stdlib_module_names and name not in APP and name != "__future__"
    }
    assert set(PART_OF) <= set(third_party), "a PART_OF entry no longer imported: drop it"
    owners = packages_distributions()
    missing = {
        f"{name} ({where})": sorted(owners.get(name, ["not installed"]))
        for name, where in third_party.items()
        if not {canonicalize_name(dist) for dist in owners.get(name, [])} & _declared()
        and PART_OF.get(name) not in _declared()
    }
    assert missing == {}, f"imported but not declared in [project].dependencies: {missing}"
    assert "rich" in {name for name in third_party}  # the case that started this test
