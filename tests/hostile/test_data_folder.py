"""A DRILLBIT_HOME or database that is not what it should be: one line naming it, exit 1."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.helpers import assert_clean_failure, drillbit


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_drillbit_home_that_is_a_file(tmp_path: Path) -> None:
    home = tmp_path / "home-file"
    home.write_text("not a folder\n")
    run = drillbit("stats", home=home)
    assert_clean_failure(run, str(home))
    assert _one_error_line(run.stderr) == (
        f"drillbit: data folder: DRILLBIT_HOME={home} is a file, not a folder; point DRILLBIT_HOME at a folder"
    )
    assert home.read_text() == "not a folder\n"


def test_drillbit_home_under_a_device(tmp_path: Path) -> None:
    run = drillbit("stats", home=Path("/dev/null/x"))
    assert_clean_failure(run, "/dev/null/x")
    assert _one_error_line(run.stderr) == (
        "drillbit: data folder: DRILLBIT_HOME=/dev/null/x lies under /dev/null, which is a "
        "device, not a folder; point DRILLBIT_HOME at a folder"
    )


@pytest.mark.parametrize("kind", ["folder", "fifo"])
@pytest.mark.parametrize("command", [("stats",), ("export", "progress", "backup.json")])
def test_a_database_that_is_not_a_file(tmp_path: Path, kind: str, command: tuple[str, ...]) -> None:
    home = tmp_path / "home"
    home.mkdir()
    database = home / "drillbit.db"
    if kind == "folder":
        database.mkdir()
    else:
        os.mkfifo(database)
    run = drillbit(*command, home=home, cwd=tmp_path)
    assert_clean_failure(run, str(database))
    assert _one_error_line(run.stderr).startswith(f"drillbit: progress database: {database} is ")
    assert not (tmp_path / "backup.json").exists()


def test_the_app_says_it_in_one_line_too(tmp_path: Path) -> None:
    """`drillbit study` builds the app (make_app -> Store.open): the same one line, no app."""
    home = tmp_path / "home-file"
    home.write_text("")
    run = drillbit("study", home=home)
    assert_clean_failure(run, str(home))
    assert _one_error_line(run.stderr).startswith("drillbit: data folder: ")


@pytest.mark.parametrize("command", [("config",), ("study",)])
def test_a_config_toml_that_is_a_fifo_does_not_hang(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    config = home / "config.toml"
    os.mkfifo(config)
    run = drillbit(*command, home=home)
    assert_clean_failure(run, str(config), "a FIFO (named pipe), not a regular file")


def test_a_damaged_review_log_is_salvaged_by_check_store_and_stats_say_how_much(
    tmp_path: Path,
) -> None:
    """Opening reads only the small tables (a heavy user's log is over 100 MB), so `stats`
    answers from the kept tallies without reading the damaged log page; the full check,
    `check-store` (as Anki's Check Database), finds it, moves the file aside and salvages."""
    from datetime import UTC, datetime

    from quiz.store import Store

    home = tmp_path / "home"
    home.mkdir()
    database = home / "drillbit.db"
    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    with Store.open(database, now=now) as store:
        for i in range(300):
            store.record_review(
                card_id=f"card-{i:04d}",
                rating=3,
                correct=True,
                reviewed_at=now,
                mode="cram",
                card_before=f'{{"row": "payload-{i:04d}", "pad": "{"p" * 120}"}}',
            )
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    whole = bytearray(database.read_bytes())
    hit = whole.index(b"payload-0150")
    start = hit - hit % 4096
    whole[start : start + 4096] = b"\xa5" * 4096  # one damaged table page
    database.write_bytes(bytes(whole))
    run = drillbit("stats", "--json", home=home)
    assert run.returncode == 0, run.output
    assert "Traceback" not in run.output and run.peak_mb < 300
    assert '"reviews": 300' in run.stdout
    check = drillbit("check-store", home=home)
    assert check.returncode == 1, check.output
    assert "Traceback" not in check.output and check.peak_mb < 300
    notice = check.stderr.strip()
    assert "was found damaged" in notice and "It was moved to" in notice
    recovered = int(notice.split(" reviews, ")[0].rsplit(" ", 1)[-1])
    assert 250 < recovered < 300
    after = drillbit("stats", "--json", home=home)
    assert after.returncode == 0 and after.stderr.strip() == "", after.output
    assert f'"reviews": {recovered}' in after.stdout
    moved = [p for p in home.iterdir() if p.name.startswith("drillbit.db") and p != database]
    assert moved, "the damaged file was kept, byte for byte, beside the new one"
