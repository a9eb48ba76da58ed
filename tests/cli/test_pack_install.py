"""The example pack is a real project: uv builds and installs it offline into a temp venv,
drillbit then finds it; a pack's `drillbit.requires` is checked when drillbit loads it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import DATA, PROCESS_TIMEOUT_SECONDS, RunDrillbit

EXAMPLE = DATA / "example_pack"


def _uv() -> str:
    uv = shutil.which("uv")
    assert uv is not None, "uv is not on PATH (the project's tooling installs it)"
    return uv


def test_uv_installs_the_example_pack_offline_and_drillbit_loads_it(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    venv = tmp_path / "venv"
    offline = {"UV_OFFLINE": "1", "UV_NO_CONFIG": "1"}
    env = {**{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}, **offline}
    subprocess.run(
        [_uv(), "venv", "--quiet", "--python", sys.executable, str(venv)],
        check=True,
        env=env,
        capture_output=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    python = venv / "bin" / "python"
    installed = subprocess.run(
        [_uv(), "pip", "install", "--offline", "--python", str(python), str(EXAMPLE)],
        env=env,
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert installed.returncode == 0, installed.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    ).stdout.strip()
    assert (Path(site) / "drillbit_example_pack" / "content" / "example" / "pack.yaml").is_file()
    result = drillbit_process("list", "--json", "--pack", "example", env={"PYTHONPATH": site})
    assert result.returncode == 0, result.stderr
    ids = {row["id"] for row in json.loads(result.stdout)["cards"]}
    assert ids == {"example-double", "example-why-vectorize"}


def test_the_project_and_the_checked_in_metadata_agree() -> None:
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text())["project"]
    assert "drillbit" not in " ".join(project["dependencies"])
    groups = project["entry-points"]
    text = (EXAMPLE / "drillbit_example_pack-0.1.0.dist-info" / "entry_points.txt").read_text()
    for group, entries in groups.items():
        for name, value in entries.items():
            assert f"[{group}]" in text and f"{name} = {value}" in text
    assert groups["drillbit.requires"] == {"example": "drillbit_example_pack:DRILLBIT_REQUIRES"}


def _pack_requiring(tmp_path: Path, specifier: str) -> dict[str, str]:
    copy = tmp_path / "pack"
    shutil.copytree(EXAMPLE, copy)
    init = copy / "drillbit_example_pack" / "__init__.py"
    init.write_text(init.read_text().replace('">=0.1"', repr(specifier)))
    return {"PYTHONPATH": str(copy)}


def test_a_pack_needing_another_drillbit_is_not_loaded_and_says_why(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    result = drillbit_process("list", "--json", env=_pack_requiring(tmp_path, ">=99"))
    assert result.returncode == 0, result.stderr
    assert not [r for r in json.loads(result.stdout)["cards"] if r["pack"] == "example"]
    assert "pack 'example' (drillbit-example-pack 0.1.0) needs drillbit >=99" in result.stderr
    assert "it is not loaded" in result.stderr


def test_a_pack_whose_requirement_is_met_loads(
    tmp_path: Path, drillbit_process: RunDrillbit
) -> None:
    result = drillbit_process("list", "--json", env=_pack_requiring(tmp_path, ">=0.1,<99"))
    assert result.returncode == 0, result.stderr
    assert {r["id"] for r in json.loads(result.stdout)["cards"] if r["pack"] == "example"} == {
        "example-double",
        "example-why-vectorize",
    }
    assert "needs drillbit" not in result.stderr


def test_a_malformed_requirement_is_named(tmp_path: Path, drillbit_process: RunDrillbit) -> None:
    result = drillbit_process("list", env=_pack_requiring(tmp_path, "recent please"))
    assert result.returncode == 0
    assert "drillbit.requires is not a version specifier: 'recent please'" in result.stderr
