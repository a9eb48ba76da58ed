"""The heavy user's one-shot commands, side by side with an older source tree.

`python -m bench.commands --against DIR` (DIR made by `git archive main quiz engine
content | tar -x -C DIR`) simulates the heavy user's backup and a bank of 10,000 generated
cards once, restores the backup into a home per tree (each its own card cache and card
index: the two trees' caches need not agree) and adds what a person's study leaves besides
reviews (a study session a day, some graded drills). Each tree runs each command once
unmeasured (the card cache, the card index), then in each round (which tree goes first
alternating) `cards`, `list` (the control: unchanged), `export progress` and `stats` (text
and `--json`), each in a fresh process, its own CPU measured (`heavy.PEAK_WRAPPER`); both
trees must print the same listings and write the same backup (but for its time). The last
three run again on a copy of the home given an interview plan (`PLAN_COMMANDS`). Medians
and ratios go to bench/results.json's section `SECTION` (`--section`).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.bankgen import generate_bank
from bench.common import (
    REPO,
    SIDES,
    Figure,
    alternate,
    merge_results,
    run_python,
    run_stamp,
    source_env,
)
from bench.heavy import PEAK_WRAPPER, history_main, progress_files

CARDS = 10_000
SESSIONS = 1_000
ATTEMPTS = 300
SECTION = "side_by_side_37_commands"
"""The results file's section of this round's run."""
COMMANDS = {
    "cards_cpu_ms": ["cards"],
    "list_cpu_ms": ["list"],
    "export_progress_cpu_ms": ["export", "progress"],
    "stats_cpu_ms": ["stats"],
    "stats_json_cpu_ms": ["stats", "--json"],
}
"""Each measure and the command it times (`export progress` is given its file)."""
PLAN_COMMANDS = {
    f"plan_{name}": COMMANDS[name]
    for name in ("export_progress_cpu_ms", "stats_cpu_ms", "stats_json_cpu_ms")
}
"""The same commands on a copy of the home given an interview plan `PLAN_DAYS` ahead: their
backup and stats carry the plan, set by each tree at its own moment."""
PLAN_DAYS = 14
UNCOMPARED = {"stats_cpu_ms", "stats_json_cpu_ms", *PLAN_COMMANDS}
"""Measures whose output the two trees may print differently: `stats` gained the due
forecast (thirty-second round) and `--json` carries the time it was made."""


def _add_sessions(database: Path, now: datetime) -> None:
    """A study session a day for the last `SESSIONS` days and `ATTEMPTS` graded drills."""
    with sqlite3.connect(database) as conn:
        for day in range(SESSIONS):
            start = now - timedelta(days=SESSIONS - day)
            conn.execute(
                "INSERT INTO study_session (mode, started_at, ended_at, filters) "
                "VALUES ('due', ?, ?, '{}')",
                (_text(start), _text(start + timedelta(minutes=20))),
            )
        for number in range(ATTEMPTS):
            conn.execute(
                "INSERT INTO drill_attempt (card_id, status, seed, duration_ms, hints_used, "
                "verdict, attempted_at, session_id) VALUES ('sigmoid', 'passed', ?, ?, 0, "
                '\'{"status": "passed"}\', ?, ?)',
                (number, 40.5 + number, _text(now - timedelta(hours=number)), number + 1),
            )
    conn.close()


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def _run(source: Path, home: Path, bank: Path, args: list[str]) -> tuple[float, str]:
    """(CPU ms, what it printed) of `drillbit --content BANK ARGS` from `source`'s tree."""
    out = home.parent / f"{home.name}.cpu"
    _, done = run_python(
        ["-c", PEAK_WRAPPER, str(out), "quiz", "--content", str(bank), *args],
        env=source_env(source, home),
        cwd=home.parent,  # outside any tree, so `source` is the quiz that runs
    )
    _, cpu, _ = out.read_text(encoding="utf-8").split()
    out.unlink()
    return float(cpu), done.stdout


def _given(args: list[str], file: Path) -> list[str]:
    """A command's arguments: `export progress` writes `file`."""
    return [*args, str(file)] if args[0] == "export" else args


def _backup_body(path: Path) -> bytes:
    """The backup without its header's export time (the one line that differs)."""
    return b"\n".join(line for line in path.read_bytes().split(b"\n") if b"exported_at" not in line)


def side_by_side(
    against: Path,
    rounds: int,
    reviews: int,
    out: Path,
    cards: int = CARDS,
    section: str = SECTION,
) -> list[Figure]:
    """`cards`, `list`, `export progress` and `stats` of `against` (before) and this tree (after)."""
    stamp = run_stamp()
    printed: dict[tuple[str, str], set[str]] = {}
    with tempfile.TemporaryDirectory(prefix="drillbit-commands-") as tmp:
        work = Path(tmp)
        bank = generate_bank(work / "bank", cards)
        ids = [f"card-{index:05d}" for index in range(cards)]
        now = datetime.now(UTC) - timedelta(minutes=5)
        interview = (date.today() + timedelta(days=PLAN_DAYS)).isoformat()
        (backup,), count = progress_files(work, ids, now, reviews=reviews)
        for side, source in zip(SIDES, (against, REPO), strict=True):
            home = work / f"home-{side}"
            home.mkdir()
            _run(source, home, bank, ["import-progress", str(backup)])
            _add_sessions(home / "drillbit.db", now)
            for args in COMMANDS.values():  # the card cache and the card index, once
                _run(source, home, bank, _given(args, work / "warm.json"))
            planned = home.with_name(f"{home.name}-plan")
            shutil.copytree(home, planned)
            _run(source, planned, bank, ["plan", "--interview", interview])
        backup.unlink()

        def measure(number: int, side: str, source: Path) -> dict[str, float]:
            home = work / f"home-{side}"
            found: dict[str, float] = {}
            planned = home.with_name(f"{home.name}-plan")
            for name, args in {**COMMANDS, **PLAN_COMMANDS}.items():
                file = work / f"export-{side}.json"
                at = planned if name in PLAN_COMMANDS else home
                found[name], shown = _run(source, at, bank, _given(args, file))
                if file.exists():
                    shown = _backup_body(file).decode()
                    file.unlink()
                shown = shown.replace("*", " ")  # a card may fall due between the two runs
                printed.setdefault((side, name), set()).add(shown)
            print(
                f"  round {number + 1} {side}: "
                + ", ".join(f"{name} {value:.0f}" for name, value in found.items())
            )
            return found

        found = alternate(against, rounds, measure)
    for name in COMMANDS.keys() - UNCOMPARED:
        if printed[("before", name)] != printed[("after", name)]:
            raise RuntimeError(f"the two trees differ in what {name} printed or wrote")
    params = {"cards": cards, "reviews": count, "sessions": SESSIONS, "rounds": rounds}
    figures = found.figures([*COMMANDS, *PLAN_COMMANDS], {**params, "plan_days": PLAN_DAYS})
    merge_results(out, {section: figures}, {}, stamp)
    return figures


def main() -> None:
    """`python -m bench.commands --against DIR [--rounds N] [--reviews N] [--cards N]`."""
    history_main("bench.commands", __doc__, side_by_side, rounds=5, cards=CARDS, section=SECTION)


if __name__ == "__main__":
    main()
