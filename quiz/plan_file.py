"""The plan-followed forecast kept on disk beside the card cache (`ForecastFile`), for the
workspace's `PlanCache`: the next start of the same study day with nothing changed shows
Home's plan line without computing the forecast again (`quiz.study.plan_kept` says what
the key is made of).

One sealed file of the card cache's folder (`cachefile.write_sealed_file`), stamped with
the code that computes a forecast (`quiz/study` and `quiz/study/plan` sources, fsrs's
sources, Python's version): another drillbit's file is a miss. So is a missing, damaged or
hand-made file, or an entry not of the shape written (`plan_kept.points_of`): the forecast
is computed and the file written again. It holds the last `KEPT` forecasts (a few homes or
plans in turn). `DRILLBIT_CACHE=0` turns it off with the card cache.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import fsrs

import quiz.study
from quiz.bank import cachefile
from quiz.study.plan_cache import PlanCache
from quiz.study.plan_kept import points_of, rows_of

if TYPE_CHECKING:
    from quiz.study.plan import ForecastDay

FORMAT = 1
"""Bumped when the file changes shape."""

FILE_NAME = "plan-forecast.json"
"""The file's name in the card cache's folder (`cachefile.cache_dir`)."""

KEPT = 4
"""Forecasts the file holds, the newest last."""

LIMIT = 4 * 1024 * 1024
"""A larger file is neither read nor written (a forecast is some hundred bytes a day)."""


@cache
def code_stamp() -> str:
    """What computes a forecast: the study package's sources, fsrs's, Python's version."""
    study = Path(quiz.study.__file__).resolve().parent
    library = Path(fsrs.__file__).resolve().parent
    digest = hashlib.sha256(f"{FORMAT}|{sys.version}".encode())
    for folder in (study, study / "plan", library):
        for source in sorted(folder.glob("*.py")):
            digest.update(f"|{folder.name}/{source.name}|".encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()


def cache_path() -> Path:
    """Where the kept forecasts are: beside the card cache."""
    return cachefile.cache_dir() / FILE_NAME


class ForecastFile:
    """`plan_kept.ForecastShelf` on disk: the file at `path` (`cache_path()` when None)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        return self._path or cache_path()

    def taken(self, key: str) -> tuple[ForecastDay, ...] | None:
        """The forecast kept under `key`, or None (a miss, or the cache turned off)."""
        if not cachefile.enabled():
            return None
        entry = self._entries().get(key)
        return None if entry is None else points_of(entry)

    def keep(self, key: str, points: Sequence[ForecastDay]) -> None:
        """Keep `points` under `key` with the newest `KEPT - 1` others."""
        if not cachefile.enabled():
            return
        entries = self._entries()
        entries.pop(key, None)
        entries[key] = rows_of(points)
        newest = dict(list(entries.items())[-KEPT:])
        payload = {"stamp": code_stamp(), "forecasts": newest}
        cachefile.write_sealed_file(self.path, payload, spread="forecasts", limit=LIMIT)

    def _entries(self) -> dict[str, Any]:
        """The file's forecasts by key, or none unless this code wrote it whole."""
        data: Any = cachefile.read_file(self.path, LIMIT)
        if not isinstance(data, dict) or data.get("stamp") != code_stamp():
            return {}
        forecasts = data.get("forecasts")
        return dict(forecasts) if isinstance(forecasts, dict) else {}


def kept_plans() -> PlanCache:
    """The workspace's `PlanCache`, its finished forecasts kept in the file."""
    return PlanCache(shelf=ForecastFile())
