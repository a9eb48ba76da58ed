"""A home whose database a newer drillbit wrote is refused, the file left exactly as it
was: an older copy of drillbit run once (a second install, an old checkout's `uv run`)
moved it aside as "could not be used", started an empty one, and the newer drillbit then
opened that: the person's whole progress was hidden under `drillbit.db.corrupt-...`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quiz.store import LATEST_VERSION
from tests.conftest import FIXED_NOW, RunDrillbit

NEWER = LATEST_VERSION + 1


def test_a_newer_drillbits_database_is_refused_and_kept(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    assert drillbit("plan", "--interview", "2026-07-01", now=FIXED_NOW).returncode == 0
    database = _isolated_home / "drillbit.db"
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute(
        "INSERT INTO schema_migrations VALUES (?, 'from a newer drillbit', '2026-06-15')",
        (NEWER,),
    )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = database.read_bytes()
    for command in (("plan",), ("stats", "--json")):
        refused = drillbit(*command, now=FIXED_NOW)
        assert refused.returncode == 1
        said = (
            f"{database} was written by a newer drillbit (its schema version {NEWER} is newer "
            f"than this drillbit understands ({LATEST_VERSION})); it is left exactly as it "
            "was: upgrade drillbit to use it (`uv tool upgrade drillbit`), or point "
            "DRILLBIT_HOME at another folder"
        )
        assert said in " ".join((refused.stderr + refused.stdout).split())
    assert database.read_bytes() == before
    assert not list(_isolated_home.glob("drillbit.db.corrupt-*"))
