"""A symbolic link that leads nowhere is told in one set of words wherever the command line
is given it (DRILLBIT_HOME, --content, config.toml, a FILE argument), by one function
(`quiz.paths.dead_link`): a link to nothing, a link whose target's folder is a file, a
loop of links and a link into a folder this user may not enter.

Before, three checks told them apart differently: a FILE behind a file or in a loop was
"File ... does not exist", a loop was "not there (a drive not mounted?)" as DRILLBIT_HOME
and config.toml, and a loop given as --content ended in RuntimeError's traceback (a link
into a closed folder, in PermissionError's)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from quiz.bank.sources import folder_trouble
from quiz.paths import dead_link
from tests.conftest import RunDrillbit
from tests.nobody import as_someone_else

"""The user a root test runs the closed-folder case as: root enters every folder."""


def _behind_a_file(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "notes.txt" / "inner")
    return link, (
        f"a symbolic link to {tmp_path / 'notes.txt' / 'inner'}, which is not there "
        f"({tmp_path / 'notes.txt'} is a file, not a folder)"
    )


def _a_loop(tmp_path: Path) -> tuple[Path, str]:
    link, other = tmp_path / "link", tmp_path / "other"
    link.symlink_to(other)
    other.symlink_to(link)
    return link, f"a symbolic link to {other}, which goes round in a loop of symbolic links"


def _to_nothing(tmp_path: Path) -> tuple[Path, str]:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "usb" / "gone")
    return link, f"a symbolic link to {tmp_path / 'usb' / 'gone'}, which is not there ("


EDGES: list[Callable[[Path], tuple[Path, str]]] = [_behind_a_file, _a_loop, _to_nothing]


@pytest.mark.parametrize("edge", EDGES)
def test_a_file_argument_names_the_link_and_why(
    drillbit: RunDrillbit, tmp_path: Path, edge: Callable[[Path], tuple[Path, str]]
) -> None:
    link, words = edge(tmp_path)
    refused = drillbit("grade", "sigmoid", str(link))
    assert refused.returncode == 2
    assert f"'{link}' is {words}" in refused.stderr.splitlines()[0]
    inside = drillbit("grade", "sigmoid", str(link / "answer.py"))
    assert inside.returncode == 2
    assert f"'{link / 'answer.py'}' is under {link}, {words}" in inside.stderr.splitlines()[0]


@pytest.mark.parametrize("edge", EDGES)
def test_drillbit_home_names_the_link_and_why(
    drillbit: RunDrillbit,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    edge: Callable[[Path], tuple[Path, str]],
) -> None:
    link, words = edge(tmp_path)
    monkeypatch.setenv("DRILLBIT_HOME", str(link))
    refused = drillbit("stats")
    assert refused.returncode != 0
    assert f"DRILLBIT_HOME={link} is {words}" in refused.stderr
    fix = "mount it" if edge is _to_nothing else "repair the link"
    assert f"; {fix}, or point DRILLBIT_HOME at a folder" in refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("edge", EDGES)
def test_a_content_folder_names_the_link_and_why(
    drillbit: RunDrillbit, tmp_path: Path, edge: Callable[[Path], tuple[Path, str]]
) -> None:
    link, words = edge(tmp_path)
    listed = drillbit("--content", str(link), "list")
    assert listed.returncode == 0, listed.stderr  # the bundled bank is listed
    assert f"{link}: content folder is {words}" in listed.stderr
    assert "no such content folder" not in listed.stderr  # told in full, not as missing


@pytest.mark.parametrize("edge", EDGES)
def test_config_toml_names_the_link_and_why(
    drillbit: RunDrillbit, tmp_path: Path, edge: Callable[[Path], tuple[Path, str]]
) -> None:
    link, words = edge(tmp_path)
    config = Path(os.environ["DRILLBIT_HOME"]) / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.symlink_to(link)
    refused = drillbit("config")
    assert refused.returncode != 0
    expected = words.replace(str(link.readlink()), str(link), 1)  # it points at the link
    assert f"{config}: {expected}" in refused.stderr


def test_a_working_link_is_no_trouble(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    assert dead_link(tmp_path / "link" / "answer.py") is None  # not there yet, not a link
    assert dead_link(tmp_path / "link") is None


def test_a_link_into_a_folder_this_user_may_not_enter(tmp_path: Path) -> None:
    """Root enters every folder, so as root the link is followed in a forked child that
    has become `nobody` (the kernel then refuses it, as it refuses any other user); any
    other user meets the closed folder in this process. The words are checked as the
    FILE argument, DRILLBIT_HOME and --content put them (`folder_trouble` raised
    PermissionError's traceback for --content)."""
    with tempfile.TemporaryDirectory() as place:
        top = Path(place)
        top.chmod(0o755)
        closed = top / "closed"
        (closed / "inner").mkdir(parents=True)
        closed.chmod(0o700 if os.geteuid() == 0 else 0o000)
        link = top / "link"
        link.symlink_to(closed / "inner")
        try:
            told = as_someone_else(lambda: _told(link))
        finally:
            closed.chmod(0o700)
    words = (
        f"a symbolic link to {closed / 'inner'}, which this user may not reach "
        f"(no permission to enter {closed})"
    )
    assert told == [words, f"under {link}, {words}", f"is {words}"]


def _told(link: Path) -> list[str]:
    """What `dead_link` says of `link` and of a file under it, and `folder_trouble` of it."""
    whole, under = dead_link(link), dead_link(link / "answer.py")
    assert whole is not None and under is not None
    return [
        whole.words(),
        f"{under.under(link / 'answer.py')}{under.words()}",
        str(folder_trouble(link)),
    ]
