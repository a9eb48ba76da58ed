"""`import-progress` stopped midway or failing at its end: the home is left as it was,
and the message names the database, not the hidden file the import builds it in."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from tests.conftest import RunDrillbit

REVIEWS = [
    {"card_id": f"card-{number}", "rating": 3, "correct": True, "mode": "due"}
    | {"reviewed_at": f"2026-01-05T09:{number:02d}:00+00:00"}
    for number in range(20)
]
BACKUP = {
    "format": "drillbit-progress",
    "version": 1,
    "exported_at": "2026-01-05T10:00:00+00:00",
    "reviews": REVIEWS,
}


def _backup(tmp_path: Path) -> Path:
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(BACKUP))
    return path


def test_a_link_that_fails_is_told_in_the_databases_words(
    tmp_path: Path,
    _isolated_home: Path,
    drillbit: RunDrillbit,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The backup was all in, then giving the new database its name failed (a full disk):
    the message named `.drillbit.db.new-PID-…` and did not say nothing had changed."""
    before = sorted(os.listdir(_isolated_home))  # the card cache, no database yet

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "link", refuse)
    monkeypatch.setattr(os, "rename", refuse)
    run = drillbit("import-progress", str(_backup(tmp_path)))
    assert run.returncode == 1, run
    assert run.stderr == (
        f"progress database: {_isolated_home / 'drillbit.db'} was not created: could not give "
        "it its name (No space left on device). Nothing was changed: there is still no "
        "database there\n"
    )
    assert sorted(os.listdir(_isolated_home)) == before
