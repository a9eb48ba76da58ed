"""The heavy user: 10,000 cards and 200,000+ reviews over three years, imported as a backup.

The progress file is simulated with the real fsrs Scheduler (every review's card_before and
card_after are genuine `Card.to_json()` states), imported with `drillbit import-progress`
into a private DRILLBIT_HOME, and then `stats --json`, the stats screen, start-up and the
first card of a due session are measured there, side by side with a bare Textual app.
The waits of a walk through the app are measured there and on a small home
(`walk_figures`). The user's own backup is measured too: `export progress` of that home (plain and .gz) and
its `import-progress` into a fresh home, wall time, peak memory and size, and into a copy
of the heavy home itself (every row already there).
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from bench.common import (
    Figure,
    Settings,
    against_parser,
    child_env,
    median,
    print_figures,
    run_python,
)
from quiz.plan_file import FILE_NAME as KEPT_FORECAST
from quiz.store.leftovers import checked_path
from quiz.store.opening import CHECKED_QUIET_SECONDS

YEARS = 3
REVIEWS = 200_000
MAX_INTERVAL_DAYS = 25
"""Short enough that a diligent learner reviews each card ~20 times in three years."""


class HistorySideBySide(Protocol):
    """A bench module's `side_by_side`: both trees measured on one simulated history."""

    def __call__(
        self, against: Path, rounds: int, reviews: int, out: Path, cards: int, section: str
    ) -> list[Figure]: ...


def history_main(
    module: str,
    doc: str | None,
    side_by_side: HistorySideBySide,
    *,
    rounds: int,
    cards: int,
    section: str,
    argv: list[str] | None = None,
) -> None:
    """`python -m MODULE --against DIR [--rounds N] [--reviews N] [--cards N]`: one parser
    for the modules that measure both trees on the heavy user's history (commands, restore,
    screens), which each wrote the same one."""
    parser = against_parser(module, doc, rounds=rounds, section=section)
    parser.add_argument("--reviews", type=int, default=REVIEWS)
    parser.add_argument("--cards", type=int, default=cards)
    args = parser.parse_args(argv)
    against = args.against.resolve()
    print_figures(
        side_by_side(against, args.rounds, args.reviews, args.out, args.cards, args.section)
    )


def _rating(rng: random.Random) -> int:
    """Again 15 %, Hard 15 %, Good 60 %, Easy 10 %."""
    roll = rng.random()
    return 1 if roll < 0.15 else 2 if roll < 0.30 else 3 if roll < 0.90 else 4


def progress_files(
    folder: Path, card_ids: list[str], now: datetime, *, reviews: int = REVIEWS, seed: int = 17
) -> tuple[list[Path], int]:
    """Write drillbit-progress files of at least `reviews` due-mode reviews in all.

    Returns the files (one: the importer streams a file of any size) and the review count.
    Cards are introduced over the three years (most early, as a learner starting a bank) and
    reviewed when fsrs says they are due, until `now`.
    """
    from fsrs import Card, Rating, Scheduler

    from quiz.study.ratings import is_success

    rng = random.Random(seed)
    scheduler = Scheduler(maximum_interval=MAX_INTERVAL_DAYS, enable_fuzzing=False)
    start = now - timedelta(days=365 * YEARS)
    span = (now - start).total_seconds()
    states: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    per_card = reviews // len(card_ids) + 1
    for number, card_id in enumerate(card_ids):
        # Introduction time: skewed early; the review count per card is capped so the total
        # lands just above `reviews` however the intervals fall.
        moment = start + timedelta(seconds=span * rng.random() ** 2 * 0.6)
        card = Card(card_id=number + 1, due=moment)
        introduced = moment
        for _ in range(per_card):
            if moment > now:
                break
            rating = _rating(rng)
            before = card.to_json()
            state_before = int(card.state) if card.last_review is not None else None
            card, _ = scheduler.review_card(card, Rating(rating), moment)
            rows.append(
                {
                    "card_id": card_id,
                    "rating": rating,
                    "correct": is_success(rating),  # as the app records it: Hard is a pass
                    "reviewed_at": _text(moment),
                    "duration_ms": 4000 + rng.randrange(20_000),
                    "mode": "due",
                    "state_before": state_before,
                    "card_before": before if state_before is not None else None,
                    "card_after": card.to_json(),
                }
            )
            # The learner sits down at the due time, give or take a few hours.
            moment = max(card.due, moment + timedelta(minutes=1)) + timedelta(
                seconds=rng.randrange(6 * 3600)
            )
        if card.last_review is not None:
            states.append(
                {
                    "card_id": card_id,
                    "fsrs_card": card.to_json(),
                    "introduced_at": _text(introduced),
                    "updated_at": _text(card.last_review),
                }
            )
    rows.sort(key=lambda row: str(row["reviewed_at"]))
    document = {
        "format": "drillbit-progress",
        "version": 2,
        "exported_at": _text(now),
        "card_states": states,
        "reviews": rows,
    }
    path = folder / "progress.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return [path], len(rows)


def _text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


@dataclass(frozen=True)
class HomeImport:
    """The heavy home's making: its simulated backup imported into a new home."""

    home: Path
    reviews: int
    wall_ms: float
    cpu_ms: float
    """The command's own CPU (user + system), summed over the files."""
    peak_mb: float
    """The largest VmHWM of the commands."""


def heavy_home(work: Path, bank: Path, cards: int, reviews: int) -> HomeImport:
    """A DRILLBIT_HOME holding the heavy history, with what its import cost."""
    home = work / "heavy-home"
    home.mkdir(parents=True, exist_ok=True)
    ids = [f"card-{index:05d}" for index in range(cards)]
    backups, count = progress_files(
        work, ids, datetime.now(UTC) - timedelta(minutes=5), reviews=reviews
    )
    env = child_env(DRILLBIT_HOME=str(home))
    env.pop("DRILLBIT_CONTENT", None)
    elapsed = cpu = peak = 0.0
    for backup in backups:
        spent, high, used = _peak_run(
            ["quiz", "--content", str(bank), "import-progress", str(backup)], env
        )
        elapsed, cpu, peak = elapsed + spent, cpu + used, max(peak, high)
        backup.unlink()
    return HomeImport(home, count, elapsed, cpu, peak)


PEAK_WRAPPER = """
import atexit, resource, runpy, sys
out = sys.argv[1]
def report():
    with open("/proc/self/status", encoding="utf-8") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    used = resource.getrusage(resource.RUSAGE_SELF)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(f"{peak} {(used.ru_utime + used.ru_stime) * 1000:.1f} {'pydantic' in sys.modules}")
atexit.register(report)
sys.argv = [sys.argv[2], *sys.argv[3:]]
runpy.run_module(sys.argv[0], run_name="__main__", alter_sys=True)
"""


def _peak_run(module_args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(wall ms, peak RSS MB, CPU ms: user + system) of `python -m MODULE ARGS`.

    The peak is the child's own VmHWM, read at its exit: ru_maxrss of a forked child
    starts from this (large) process's peak. The CPU time is the child's own too (on a
    shared machine it moves far less than the wall time).
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak"
        elapsed, _ = run_python(["-c", PEAK_WRAPPER, str(out), *module_args], env=env)
        peak, cpu, _ = out.read_text(encoding="utf-8").split()
        return elapsed, int(peak) / 1024, float(cpu)


def _pydantic_loaded(module_args: list[str], env: dict[str, str]) -> bool:
    """Whether `python -m MODULE ARGS` imported pydantic (by its exit)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "peak"
        run_python(["-c", PEAK_WRAPPER, str(out), *module_args], env=env)
        return out.read_text(encoding="utf-8").split()[2] == "True"


def _probe(
    mode: str, bank: Path | None, env: dict[str, str]
) -> tuple[float, dict[str, Any], float]:
    """(wall ms from spawn to exit, the probe's report, wall ms from spawn to its idle).

    The idle time is when the probe wrote its report (the file's modification time, on
    the system clock like the spawn's), so the two show apart the start and the exit.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "probe.json"
        spawned = time.time_ns()
        banks = [str(bank)] if bank is not None else []
        elapsed, _ = run_python(["-m", "bench.probe", mode, str(out), *banks], env=env)
        idle = (out.stat().st_mtime_ns - spawned) / 1e6
        report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return elapsed, report, idle


def _home_env(home: Path) -> dict[str, str]:
    env = child_env(DRILLBIT_HOME=str(home))
    env.pop("DRILLBIT_CONTENT", None)
    return env


def _without_time(stats: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in stats.items() if key != "generated_at"}


def backup_figures(work: Path, bank: Path, home: Path, shape: dict[str, Any]) -> list[Figure]:
    """The heavy user's own backup: `export progress` (plain and .gz) and its restore.

    Each file is imported into a fresh home, whose `stats --json` must equal the heavy
    home's (the round trip loses nothing); wall ms, peak RSS (VmHWM) and file size, and
    the CPU ms (user + system) of both: on a shared machine the wall time of writing
    130 MiB moves with the disk and the load, the CPU far less (the twenty-fourth round
    wrote the long lists without a model a row: the export's CPU 1.8x lower side by side).
    Each export finds no stamp of a passed integrity check, as after a day's study; the
    twenty-fifth round's skip of that check for a file unchanged since is
    `export_progress_heavy_unchanged_cpu_ms`, the plain export made again at once.
    """
    stats_args = ["-m", "quiz", "--content", str(bank), "stats", "--json"]
    _, done = run_python(stats_args, env=_home_env(home))
    expected = _without_time(json.loads(done.stdout))
    figures: list[Figure] = []
    for kind, name in (("plain", "backup.json"), ("gzip", "backup.json.gz")):
        backup, restored = work / name, work / f"restored-{kind}"
        params = {**shape, "file": kind, "repeats": 1}
        export_args = ["quiz", "--content", str(bank), "export", "progress", str(backup)]
        checked_path(home / "drillbit.db", "intact").unlink(missing_ok=True)
        export_ms, export_peak, export_cpu = _peak_run(export_args, _home_env(home))
        if kind == "plain":
            time.sleep(CHECKED_QUIET_SECONDS)  # its stamp is kept only for a quiet file
            _peak_run(export_args, _home_env(home))  # the check passes and is stamped
            _, _, unchanged_cpu = _peak_run(export_args, _home_env(home))
            figures.append(
                Figure(
                    "export_progress_heavy_unchanged_cpu_ms", round(unchanged_cpu, 1), "ms", params
                )
            )
        size = backup.stat().st_size
        if kind == "plain":
            figures.append(_reimport_figure(work, bank, home, backup, params))
        import_ms, import_peak, import_cpu = _peak_run(
            ["quiz", "--content", str(bank), "import-progress", str(backup)],
            _home_env(restored),
        )
        _, done = run_python(stats_args, env=_home_env(restored))
        if _without_time(json.loads(done.stdout)) != expected:
            raise RuntimeError(f"the {kind} backup's restore has other stats than its home")
        backup.unlink()
        shutil.rmtree(restored)
        figures += [
            Figure("export_progress_heavy_ms", round(export_ms, 3), "ms", params),
            Figure("export_progress_heavy_cpu_ms", round(export_cpu, 1), "ms", params),
            Figure("export_progress_heavy_peak_mb", round(export_peak, 1), "MB", params),
            Figure("export_progress_heavy_mib", round(size / 2**20, 2), "MiB", params),
            Figure("restore_progress_heavy_ms", round(import_ms, 3), "ms", params),
            Figure("restore_progress_heavy_peak_mb", round(import_peak, 1), "MB", params),
            Figure("restore_progress_heavy_cpu_ms", round(import_cpu, 1), "ms", params),
        ]
    return figures


def _reimport_figure(
    work: Path, bank: Path, home: Path, backup: Path, params: dict[str, Any]
) -> Figure:
    """`reimport_progress_heavy_cpu_ms`: the home's own backup imported into a copy of it.

    Every row is already there (`nothing new`): each review is looked up, none inserted,
    the path of a merge into a home with history, which a restore into a new home (whose
    card indexes and tallies are built once at its end, since the twenty-sixth round) no
    longer measures.
    """
    copy = work / "reimport-home"
    shutil.copytree(home, copy)
    try:
        _, _, cpu = _peak_run(
            ["quiz", "--content", str(bank), "import-progress", str(backup)], _home_env(copy)
        )
    finally:
        shutil.rmtree(copy)
    return Figure("reimport_progress_heavy_cpu_ms", round(cpu, 1), "ms", params)


PLAN_DAYS = 14
"""The heavy plan figure's interview: this many days ahead (the reviewer's case)."""


_PLAN_SCREENS = """
import json, resource, sys
from pathlib import Path
import quiz.study.plan
from quiz.workspace import Workspace
made = []
forecast = quiz.study.plan.forecast
def counted(*args, **kwargs):
    made.append(1)
    return forecast(*args, **kwargs)
quiz.study.plan.forecast = counted
ws = Workspace.open([Path(sys.argv[1])])
ws.content.refs
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
start = cpu()
ws.home_view()
ws.plan_status()  # Home's line
ws.plan_status(with_forecast=True)  # Home's target warning (its worker)
ws.stats()
ws.plan_status(with_forecast=True)  # the stats screen's plot
print(json.dumps({"cpu_ms": (cpu() - start) * 1000, "forecasts": len(made)}))
"""
"""Home's counts and plan line, its target warning, then the stats screen opened: the
workspace calls the screens make, in one process (`plan_screens_heavy_cpu_ms`)."""


_FORECAST = """
import json, resource, statistics, sys
from pathlib import Path
import quiz.study.plan
from quiz.workspace import Workspace
calls = []
forecast = quiz.study.plan.forecast
def kept(*args, **kwargs):
    found = forecast(*args, **kwargs)
    calls.append((args, kwargs, found))
    return found
quiz.study.plan.forecast = kept
ws = Workspace.open([Path(sys.argv[1])])
ws.plan_status(with_forecast=True)
args, kwargs, first = calls[0]
def cpu():
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime
spent = []
for _ in range(int(sys.argv[2])):
    start = cpu()
    again = forecast(*args, **kwargs)
    spent.append((cpu() - start) * 1000)
    assert again == first
print(json.dumps({"cpu_ms": statistics.median(spent)}))
"""
"""The forecast alone, on the arguments the app's status passes it, computed again in the
same process (numpy and fsrs's checks already paid): `forecast_heavy_cpu_ms`."""


def _first_line_ms(module_args: list[str], env: dict[str, str]) -> float:
    """Wall ms from spawning `python -m MODULE ARGS` to its first line on stdout; the child
    is stopped then (what follows is `plan_heavy_ms`'s)."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, "-m", *module_args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as child:
        assert child.stdout is not None
        first = child.stdout.readline()
        elapsed = (time.perf_counter() - start) * 1000
        child.kill()
    if not first:
        raise RuntimeError(f"python -m {' '.join(module_args)} printed nothing")
    return elapsed


def plan_figures(
    work: Path, bank: Path, home: Path, shape: dict[str, Any], repeats: int
) -> list[Figure]:
    """`drillbit plan --json` on a copy of the heavy home with a plan `PLAN_DAYS` ahead:
    the child's CPU (user + system: it moves far less than the wall on a shared machine)
    and wall, spawn to exit. Its forecast plans each day to the interview, the last days
    with the last pass over every seen card; Home and the stats screen compute the same
    (`Workspace.plan_status(with_forecast=True)`). A copy: the other figures are of a
    home without a plan. `plan_screens_heavy_cpu_ms`: Home then the stats screen, which
    share one status and one forecast (`PlanCache`; `forecasts` says how many were
    computed: 3 until the twentieth round). The twentieth round also took the forecast's
    per-card fsrs calls out (its recall and review stabilities, the same bits): one forecast
    1.47x quicker side by side, so both figures fall by the forecast's share of them; the
    twenty-first round built the last pass's looks as columns and skipped the looks that
    can do nothing in its walk: one forecast 2.14x quicker side by side; the twenty-second
    priced relearning cards by fsrs's formulas, sorted only the due cards plan mode takes
    and worked the points' curve with numpy: one forecast 1.47x quicker side by side; the
    twenty-third sorted the last pass's rankings only as far as its walk reads them and
    built its looks from a matrix: one forecast 1.23x quicker side by side, the whole
    command 1.06x; the twenty-fourth printed the JSON without pydantic's model
    (`pydantic_loaded` says whether the command imported it): the command 1.10x, and wrote
    out the last pass's review stabilities once per card: the forecast 1.12x
    (`forecast_heavy_cpu_ms`, the forecast alone; docs/performance.md)."""
    planned = work / "plan-home"
    shutil.copytree(home, planned)
    env = _home_env(planned)
    interview = (datetime.now().astimezone().date() + timedelta(days=PLAN_DAYS)).isoformat()
    run_python(["-m", "quiz", "--content", str(bank), "plan", "--interview", interview], env=env)
    walls: list[float] = []
    cpus: list[float] = []
    screens: list[float] = []
    firsts: list[float] = []
    forecasts: set[int] = set()
    # Each run computes its forecast, as these figures always measured: the forecast a run
    # keeps for the rest of the day (`quiz.plan_file`, fifty-third round) is taken out first
    kept = planned / "cache" / KEPT_FORECAST
    for _ in range(repeats):
        kept.unlink(missing_ok=True)
        wall, _, cpu = _peak_run(["quiz", "--content", str(bank), "plan", "--json"], env)
        walls.append(wall)
        cpus.append(cpu)
        kept.unlink(missing_ok=True)
        firsts.append(_first_line_ms(["quiz", "--content", str(bank), "plan"], env))
        kept.unlink(missing_ok=True)
        _, done = run_python(["-c", _PLAN_SCREENS, str(bank)], env=env)
        report = json.loads(done.stdout)
        screens.append(float(report["cpu_ms"]))
        forecasts.add(int(report["forecasts"]))
    kept.unlink(missing_ok=True)
    pydantic = _pydantic_loaded(["quiz", "--content", str(bank), "plan", "--json"], env)
    kept.unlink(missing_ok=True)
    _, done = run_python(["-c", _FORECAST, str(bank), str(max(3, repeats))], env=env)
    forecast_ms = float(json.loads(done.stdout)["cpu_ms"])
    params = {**shape, "repeats": repeats, "days_left": PLAN_DAYS}
    return [
        Figure(
            "plan_screens_heavy_cpu_ms",
            median(screens),
            "ms",
            {
                **params,
                "measure": "CPU of Home's plan line and target warning, then the stats "
                "screen opened (their Workspace calls), one process",
                "forecasts": sorted(forecasts),
            },
        ),
        Figure(
            "plan_heavy_cpu_ms",
            median(cpus),
            "ms",
            {
                **params,
                "measure": "CPU (user + system) of drillbit plan --json, one process",
                "pydantic_loaded": pydantic,
            },
        ),
        Figure(
            "plan_heavy_ms", median(walls), "ms", {**params, "measure": "spawn to exit, same runs"}
        ),
        Figure(
            "plan_first_line_heavy_ms",
            median(firsts),
            "ms",
            {
                **params,
                "measure": "spawn to the first line of drillbit plan (text): before the "
                "thirty-fourth round it came after the whole forecast (60.1 s at 46 days "
                "left, 0.8 s after)",
            },
        ),
        Figure(
            "forecast_heavy_cpu_ms",
            round(forecast_ms, 1),
            "ms",
            {
                **params,
                "repeats": max(3, repeats),
                "measure": "CPU of the forecast alone, computed again on the arguments the "
                "status passed it (median), one process",
            },
        ),
    ]


def walk_figures(
    work: Path, bank: Path, home: Path, shape: dict[str, Any], repeats: int
) -> list[Figure]:
    """The waits of a walk through the app (`bench.tui_walk`: a due session's first card, an
    answer to the next card, the stats, the drill list and a drill, the settings, each back
    to Home), on a copy of the heavy home and on a small one (the bundled bank, a fresh
    home), alternating in each round: `tui_wait_heavy_ms` and `tui_wait_small_ms` per step,
    medians. A copy: the walk answers a card. The twenty-fourth round listed the drills
    from the card index (the drill list loaded every card model: 4.5x less CPU there).
    Since the twenty-eighth round every step is timed to the frame that shows its result
    (`tui_wait_*`); `tui_idle_*` keeps each step's wait to the next idle, as before."""
    walked = work / "walk-home"
    shutil.copytree(home, walked)
    small = work / "walk-small-home"
    small.mkdir()
    envs = {"heavy": (_home_env(walked), bank), "small": (_home_env(small), None)}
    _probe("app", None, envs["small"][0])  # its card cache and index, as after a first run
    waits: dict[str, dict[str, dict[str, list[float]]]] = {
        kind: {"heavy": {}, "small": {}} for kind in ("waits", "idles")
    }
    for round_ in range(repeats):
        order = ("heavy", "small") if round_ % 2 == 0 else ("small", "heavy")
        for which in order:
            env, extra = envs[which]
            _, report, _ = _probe("walk", extra, env)
            for kind in ("waits", "idles"):
                for step, ms in report[kind].items():
                    waits[kind][which].setdefault(step, []).append(float(ms))
    measures = {
        "waits": ("tui_wait", "first key to the first frame showing the step's result"),
        "idles": ("tui_idle", "first key to the next idle (tui_wait until the 27th round)"),
    }
    figures: list[Figure] = []
    for kind, (name, measure) in measures.items():
        for which in ("heavy", "small"):
            for step, values in waits[kind][which].items():
                params = {"step": step, "repeats": len(values), "measure": measure}
                if which == "heavy":
                    params = {**shape, **params}
                figures.append(Figure(f"{name}_{which}_ms", median(values), "ms", params))
    return figures


def heavy_figures(settings: Settings, work: Path, bank: Path, cards: int) -> list[Figure]:
    """stats --json time and peak, the stats screen, start-up and due-session start ratios,
    and the heavy user's backup round trip (`backup_figures`)."""
    made = heavy_home(work, bank, cards, settings.heavy_reviews)
    home, reviews = made.home, made.reviews
    env = _home_env(home)
    shape = {"cards": cards, "reviews": reviews}
    stats_args = ["quiz", "--content", str(bank), "stats", "--json"]
    _, done = run_python(
        ["-m", *stats_args], env=env
    )  # also warms the card cache and the file cache
    told = json.loads(done.stdout)["reviews"]
    if told != reviews:
        raise RuntimeError(f"stats --json counts {told} reviews; {reviews} were imported")
    backups = backup_figures(work, bank, home, shape)
    variants = {"bare": "bare", "home": "app", "due": "due", "stats": "stats", "answer": "answer"}
    if settings.warm_up_probes:
        for mode in variants.values():
            _probe(mode, bank, env)
    stats_ms: list[float] = []
    peaks: list[float] = []
    times: dict[str, list[float]] = {key: [] for key in variants}
    idles: dict[str, list[float]] = {key: [] for key in variants}
    inner: dict[str, list[float]] = {"stats": [], "answer": []}
    for _ in range(settings.startup_reps):
        elapsed, peak, _ = _peak_run(stats_args, env)
        stats_ms.append(elapsed)
        peaks.append(peak)
        for key, mode in variants.items():
            elapsed, report, idle = _probe(mode, bank, env)
            times[key].append(elapsed)
            idles[key].append(idle)
            if key in inner:
                inner[key].append(float(report["inner_ms"]))
            if key == "due" and report["screen"] != "StudyScreen":
                raise RuntimeError(f"a due session did not show a card first: {report}")
    plans = plan_figures(work, bank, home, shape, settings.startup_reps)
    walks = walk_figures(work, bank, home, shape, settings.startup_reps)
    bare = median(times["bare"])
    base = {**shape, "repeats": settings.startup_reps}
    return [
        *backups,
        *plans,
        *walks,
        Figure("import_progress_heavy_ms", round(made.wall_ms, 3), "ms", {**shape, "repeats": 1}),
        Figure(
            "import_progress_heavy_cpu_ms",
            round(made.cpu_ms, 1),
            "ms",
            {**shape, "repeats": 1, "measure": "user + system of import-progress, a new home"},
        ),
        Figure(
            "import_progress_heavy_peak_mb", round(made.peak_mb, 1), "MB", {**shape, "repeats": 1}
        ),
        Figure(
            "stats_heavy_ms",
            median(stats_ms),
            "ms",
            {**base, "measure": "spawn to exit of drillbit stats --json", "target": "<= 400"},
        ),
        Figure("stats_heavy_peak_mb", max(peaks), "MB", {**base, "target": "<= 150"}),
        Figure(
            "stats_screen_heavy_ms",
            median(inner["stats"]),
            "ms",
            {**base, "measure": "s pressed on Home to the stats screen idle", "target": "<= 300"},
        ),
        Figure("bare_textual_ms", bare, "ms", {**base, "run": "heavy"}),
        Figure("startup_heavy_ms", median(times["home"]), "ms", base),
        Figure(
            "startup_heavy_vs_bare",
            round(median(idles["home"]) / median(idles["bare"]), 2),
            "x",
            {**base, "measure": "spawn to Home's first idle, over bare's", "target": "<= 1.5"},
        ),
        Figure(
            "startup_heavy_exit_vs_bare",
            round(median(times["home"]) / bare, 2),
            "x",
            {
                **base,
                "measure": "spawn to exit at Home's first idle (until the seventh round's figure)",
            },
        ),
        Figure("study_start_heavy_ms", median(times["due"]), "ms", base),
        Figure(
            "study_start_heavy_vs_bare",
            round(median(idles["due"]) / median(idles["bare"]), 2),
            "x",
            {**base, "measure": "spawn to the first card's idle, over bare's", "target": "<= 1.5"},
        ),
        Figure(
            "study_start_heavy_exit_vs_bare",
            round(median(times["due"]) / bare, 2),
            "x",
            {
                **base,
                "measure": "spawn to exit at the first card's idle (until the seventh round's)",
            },
        ),
        Figure(
            "home_refresh_heavy_ms",
            median(inner["answer"]),
            "ms",
            {**base, "measure": "one answer recorded, then Home's counts re-read and drawn"},
        ),
    ]
