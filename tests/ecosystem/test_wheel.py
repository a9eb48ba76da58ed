"""The distribution as an index would get it: uv builds the wheel offline; it holds the
code, the bundled bank, the `drillbit` script and the classifiers an index shows."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from email.parser import Parser
from pathlib import Path

from tests.conftest import PROCESS_TIMEOUT_SECONDS, REPO


def test_the_wheel_holds_the_app_the_bank_and_its_metadata(tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv is not None, "uv is not on PATH"
    built = subprocess.run(
        [uv, "build", "--wheel", "--offline", "--out-dir", str(tmp_path), str(REPO)],
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT_SECONDS,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("drillbit-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        [meta_name] = [n for n in names if n.endswith(".dist-info/METADATA")]
        metadata = Parser().parsestr(archive.read(meta_name).decode())
        [entry_name] = [n for n in names if n.endswith(".dist-info/entry_points.txt")]
        entry_points = archive.read(entry_name).decode()
    assert {"quiz/cli/group.py", "engine/verdict.py", "quiz/py.typed"} <= names
    bundled = [n for n in names if n.startswith("quiz/_bundled_content/") and n.endswith(".md")]
    assert len(bundled) >= 100
    assert not [n for n in names if n.startswith("tests/") or "__pycache__" in n]
    assert "drillbit = quiz.cli:main" in entry_points
    assert metadata["Name"] == "drillbit" and metadata["Requires-Python"] == ">=3.11"
    classifiers = metadata.get_all("Classifier") or []
    assert "Programming Language :: Python :: 3.11" in classifiers
    assert "Environment :: Console" in classifiers
