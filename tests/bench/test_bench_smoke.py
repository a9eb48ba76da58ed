"""The benchmark's figure functions run end to end on tiny inputs (no timing is asserted)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bench import grading, loading, startup
from bench.__main__ import main, table
from bench.bankgen import generate_bank
from bench.common import QUICK, Figure, Settings

TINY: Settings = replace(
    QUICK,
    grade_reps=1,
    process_reps=1,
    overhead_pairs=2,
    startup_reps=1,
    load_reps=1,
    load_sizes=(5, 10),
    scaling_sizes=(10,),
    big_bank=10,
    warm_up_probes=False,
)


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated banks were just written; let the card cache store them at once."""
    from quiz.bank import cachefile

    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _named(figures: list[Figure], name: str) -> list[Figure]:
    return [f for f in figures if f.name == name]


def test_ratios_are_taken_per_drill_then_the_median_drill() -> None:
    per = {
        "a": {"pytest": [300.0], "cold": [100.0], "warm": [10.0, 30.0], "inprocess": [5.0]},
        "b": {"pytest": [200.0], "cold": [90.0], "warm": [40.0], "inprocess": [4.0]},
    }
    figures = grading.summarize_grades(per, TINY)
    speedups = {f.params["drill"]: f.value for f in _named(figures, "speedup_vs_pytest")}
    assert speedups == {"a": 15.0, "b": 5.0, "median over drills": 10.0}
    overheads = {f.params["drill"]: f.value for f in _named(figures, "overhead_vs_limit_ms")}
    assert overheads == {"a": 15.0, "b": 36.0, "median over drills": 25.5}
    (worst,) = _named(figures, "overhead_vs_limit_ms_max")
    assert (worst.value, worst.params["worst_drill"]) == (36.0, "b")


def test_the_overhead_is_the_median_of_paired_differences_when_there_are_pairs() -> None:
    per = {
        # the medians taken apart differ by 20; the same-seed pairs say 1 ms
        "a": {
            "pytest": [300.0],
            "cold": [100.0],
            "warm": [30.0, 50.0, 30.0],
            "inprocess": [10.0, 49.0, 29.0],
            "paired": [20.0, 1.0, 1.0, 0.5, 2.0],
        },
        "b": {"pytest": [200.0], "cold": [90.0], "warm": [40.0], "inprocess": [36.0]},
    }
    figures = grading.summarize_grades(per, TINY)
    overheads = {f.params["drill"]: f.value for f in _named(figures, "overhead_vs_limit_ms")}
    assert overheads == {"a": 1.0, "b": 4.0, "median over drills": 2.5}
    (worst,) = _named(figures, "overhead_vs_limit_ms_max")
    assert (worst.value, worst.params["worst_drill"]) == (4.0, "b")


def test_a_drill_that_takes_longer_gets_more_pairs_up_to_a_cap() -> None:
    fewest = TINY.overhead_pairs
    assert grading.pairs_for(TINY, 5.0) == fewest
    assert grading.pairs_for(TINY, 2 * grading.PAIR_UNIT_MS) == 2 * fewest
    assert grading.pairs_for(TINY, 1e6) == grading.PAIR_CAP * fewest


def test_grading_figures_run_on_one_drill() -> None:
    drills = grading.bundled_drills(only=("sgd-step",))
    assert [d.drill_id for d in drills] == ["sgd-step"]
    figures = grading.grade_figures(TINY, drills)
    names = {f.name for f in figures}
    assert names == {
        "grade_warm_ms",
        "grade_cold_ms",
        "grade_pytest_ms",
        "grade_inprocess_ms",
        "speedup_vs_pytest",
        "overhead_vs_limit_ms",
        "overhead_vs_limit_ms_max",
    }
    assert all(f.value > 0 for f in figures if f.name.startswith("grade_"))


def test_scaling_and_child_memory_run_on_the_backprop_drill() -> None:
    drills = grading.bundled_drills(only=("two-layer-backprop",))
    scaling = grading.scaling_figures(TINY, drills)
    assert [(f.name, f.params["m"]) for f in scaling] == [
        ("scaling_warm_ms", 10),
        ("scaling_inprocess_ms", 10),
        ("scaling_overhead_ms", 10),
    ]
    rss = grading.child_rss_figure(drills)
    assert len(rss) == 1 and rss[0].unit == "MB" and rss[0].value > 1


def test_the_pytest_baseline_fails_a_wrong_submission(tmp_path: Path) -> None:
    (drill,) = grading.bundled_drills(only=("sgd-step",))
    wrong = replace(drill, source="def sgd_step(theta, grad, lr):\n    return theta + lr * grad\n")
    test = grading.write_pytest_project(wrong, tmp_path, seed=1)
    with pytest.raises(RuntimeError, match="did not pass|failed"):
        grading.run_pytest(test)


def test_load_and_lint_figures_on_small_banks(tmp_path: Path) -> None:
    banks = {size: generate_bank(tmp_path / f"b{size}", size) for size in TINY.load_sizes}
    figures = loading.load_figures(TINY, banks)
    warm = {
        f.params["cards"]: f.value
        for f in figures
        if f.params.get("card_cache") == "warm" and f.name == "load_ms"
    }
    assert set(warm) == {5, 10}
    assert len(_named(figures, "load_growth")) == 1
    assert len(_named(figures, "load_10k_cold_ms")) == 1
    assert (
        len(_named(figures, "load_cold_split_ms")) == len(_named(figures, "load_cold_cpu_ms")) == 2
    )
    lint = loading.lint_figures(TINY, banks[10], 10)
    assert [f.params["card_cache"] for f in lint] == ["off", "warm"]


def test_startup_probe_reaches_home_with_a_generated_bank(tmp_path: Path) -> None:
    bank = generate_bank(tmp_path / "bank", 12)
    env = startup.default_env(tmp_path / "home")
    _, report = startup.probe("app", [bank], env)
    assert report["screen"] == "HomeScreen" and report["cards"] >= 12
    assert report["numpy_loaded"] is False
    _, bare = startup.probe("bare", [], env)
    assert bare["cards"] == 0 and bare["maxrss_kb"] > 0
    assert startup.import_time_ms("quiz", env) > 0


@pytest.mark.slow
def test_quit_figures_take_each_moment_of_the_warm_up_and_count_what_is_left(
    tmp_path: Path,
) -> None:
    from bench import quitting

    figures = quitting.quit_figures(TINY, startup.default_env(tmp_path / "home"))
    waits = _named(figures, "quit_drill_ms")
    assert [f.params["during"] for f in waits] == list(quitting.PHASES)
    assert all(f.value > 0 for f in waits)
    (left,) = _named(figures, "quit_left_processes")
    assert left.value == 0 and left.params["quits"] == len(quitting.PHASES)


def test_table_marks_met_and_missed_targets() -> None:
    figures = [
        Figure("speedup_vs_pytest", 20.0, "x", {"drill": "median over drills"}),
        Figure("overhead_vs_limit_ms", 12.0, "ms", {"drill": "median over drills"}),
    ]
    text = table(figures)
    assert "| >= 15 | speedup_vs_pytest (drill=median over drills) | 20 x | yes |" in text
    assert "| <= 10 ms | overhead_vs_limit_ms (drill=median over drills) | 12 ms | NO |" in text


def test_main_rejects_unknown_sections(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--only", "nonsense", "--out", str(tmp_path / "r.json")])
    assert exit_info.value.code == 2
    assert not (tmp_path / "r.json").exists()


@pytest.fixture
def _environment_restored() -> Iterator[None]:
    """bench's main sets its children's environment in os.environ (DRILLBIT_HOME, a bytecode
    cache prefix inside its own temporary folder): put this process's back afterwards, or
    every later test's processes compile into a deleted folder that then reappears in /tmp."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


@pytest.mark.usefixtures("_environment_restored")
def test_main_writes_every_figure_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bench.__main__.QUICK", TINY)
    out = tmp_path / "r.json"
    assert main(["--quick", "--only", "loading", "--out", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["machine"]["cores"] and data["quick"] is True
    assert {f["name"] for f in data["figures"]} >= {
        "load_ms",
        "lint_ms",
        "load_growth",
        "load_10k_cold_ms",
    }
    assert all({"name", "value", "unit", "params"} <= f.keys() for f in data["figures"])
    assert (
        {f["section"] for f in data["figures"]} == set(data["sections"]) == {"loading", "machine"}
    )


def test_notes_import_figures_on_a_small_file(tmp_path: Path) -> None:
    from bench import notes

    figures = notes.notes_figures(TINY, tmp_path, size=5_000)
    cpu = _named(figures, "import_notes_cpu_ms")[0]
    assert cpu.params["bytes"] >= 5_000 and cpu.params["cards"] > 0
    assert cpu.params["cards"] <= cpu.params["questions"]
    assert cpu.params["how"] == "one process", "a 5 KB file is too small for a helper"
    split = _named(figures, "import_notes_split_ms")
    assert len(split) == 2 and len(_named(figures, "import_notes_split_cpu_ms")) == 2
    assert split[1].params["how"] == "one process"
    command = _named(figures, "import_notes_command_split_ms")
    assert [f.params["how"] == "one process" for f in command] == [False, True]


def test_lint_peak_figures_on_a_small_pack(tmp_path: Path) -> None:
    from bench import memory

    figures = memory.memory_figures(TINY, tmp_path, cards=2)
    assert [f.params["card_cache"] for f in figures] == ["cold", "warm"]
    assert all(f.name == "lint_big_pack_peak_mb" and f.value > 0 for f in figures)
    assert figures[0].params["cards"] == 2 and 1.5 < figures[0].params["pack_mb"] < 2.5


def test_restore_side_by_side_on_a_small_history(tmp_path: Path) -> None:
    """The same tree on both sides: the figures and the results file's section, written."""
    from bench import restore
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = restore.side_by_side(REPO, 1, 60, out, cards=6)
    names = {f.name for f in figures}
    for stem in (
        "restore_cpu",
        "reimport_cpu",
        "lapse_counts_cpu",
        "card_history_cpu",
        "answer_insert_cpu",
        "restore_peak",
        "restore_read_cpu",
        "restore_checked_read_cpu",
    ):
        assert {f"side_{stem}_ratio"} <= names
    assert all(f.value >= 0 and f.params["reviews"] >= 60 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_31" in written["sections"]


def test_screens_side_by_side_on_a_small_history(tmp_path: Path) -> None:
    """The same tree on both sides: every probe's figures, and the stats step's own."""
    from bench import screens
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = screens.side_by_side(REPO, 1, 30, out, cards=6)
    names = {f.name for f in figures}
    stems = ("app_cpu_at_idle", "due_cpu_at_idle", "stats_step_inner_cpu", "answer_step_inner")
    plan = ("search_step_inner_cpu", "plan_answer_step_inner", "plan_stats_frame_step_inner_cpu")
    for stem in (*stems, *plan):
        assert {f"side_{stem}_before_ms", f"side_{stem}_after_ms", f"side_{stem}_ratio"} <= names
    assert all(f.value > 0 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_37_screens" in written["sections"]


def test_recount_side_by_side_on_a_small_history(tmp_path: Path) -> None:
    """The same tree on both sides: each workspace step's CPU, with a plan and without."""
    from bench import recount
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = recount.side_by_side(REPO, 1, 30, out, cards=6)
    names = {f.name for f in figures}
    for prefix in ("", "plan_"):
        for step in ("home_first", "rate_next_card", "home_after_answer", "stats_view"):
            stem = f"{prefix}{step}_cpu"
            assert {f"side_{stem}_before_ms", f"side_{stem}_ratio"} <= names
    assert all(f.value >= 0 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_37_recount" in written["sections"]


def test_first_frames_side_by_side_on_a_small_history(tmp_path: Path) -> None:
    """The same tree on both sides, under a plan: the browser's and the stats screen's
    first frames, wall, CPU and peak."""
    from bench import first_frames
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = first_frames.side_by_side(REPO, 1, 30, out, cards=6)
    names = {f.name for f in figures}
    for stem in ("browser", "browser_cpu", "stats_with_plan", "stats_with_plan_cpu"):
        assert {f"side_{stem}_before_ms", f"side_{stem}_after_ms", f"side_{stem}_ratio"} <= names
    assert {"side_stats_with_plan_peak_before_mb", "side_browser_peak_after_mb"} <= names
    assert all(f.value > 0 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_34_frames" in written["sections"]


def test_heavy_user_figures_on_a_small_history(tmp_path: Path) -> None:
    from bench import heavy

    bank = generate_bank(tmp_path / "bank", 12)
    figures = heavy.heavy_figures(replace(TINY, heavy_reviews=300), tmp_path / "w", bank, 12)
    names = {f.name for f in figures}
    assert {
        "stats_heavy_ms",
        "stats_heavy_peak_mb",
        "stats_screen_heavy_ms",
        "startup_heavy_vs_bare",
        "study_start_heavy_vs_bare",
        "startup_heavy_exit_vs_bare",
        "study_start_heavy_exit_vs_bare",
        "home_refresh_heavy_ms",
        "plan_heavy_cpu_ms",
        "plan_heavy_ms",
        "plan_first_line_heavy_ms",
        "plan_screens_heavy_cpu_ms",
        "forecast_heavy_cpu_ms",
        "export_progress_heavy_ms",
        "export_progress_heavy_cpu_ms",
        "export_progress_heavy_unchanged_cpu_ms",
        "export_progress_heavy_peak_mb",
        "restore_progress_heavy_peak_mb",
        "restore_progress_heavy_cpu_ms",
        "import_progress_heavy_cpu_ms",
        "import_progress_heavy_peak_mb",
        "reimport_progress_heavy_cpu_ms",
    } <= names
    kinds = {f.params["file"] for f in figures if f.name == "export_progress_heavy_mib"}
    assert kinds == {"plain", "gzip"}
    assert _named(figures, "stats_heavy_ms")[0].params["reviews"] >= 300
    assert _named(figures, "plan_heavy_cpu_ms")[0].params["pydantic_loaded"] is False
    screens = _named(figures, "plan_screens_heavy_cpu_ms")[0]
    assert screens.params["forecasts"] == [1], "Home and the stats screen share one forecast"
    from bench.tui_walk import WALK_STEPS

    every = set(WALK_STEPS) - {"answer_next_card"}  # only if a card other than a drill came
    for name in (
        "tui_wait_heavy_ms",
        "tui_wait_small_ms",
        "tui_idle_heavy_ms",
        "tui_idle_small_ms",
    ):
        steps = {f.params["step"] for f in _named(figures, name)}
        assert every <= steps <= set(WALK_STEPS), name
    drawn = {(f.params["step"], f.value) for f in _named(figures, "tui_wait_small_ms")}
    idle = {(f.params["step"], f.value) for f in _named(figures, "tui_idle_small_ms")}
    # from the same first key, the frame comes no later than the idle that follows it
    assert all(ms <= dict(idle)[step] for step, ms in drawn), (drawn, idle)
    assert all(f.value > 0 for f in figures)


def test_heavy_progress_holds_real_fsrs_states(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from fsrs import Card

    from bench import heavy

    now = datetime(2026, 1, 1, tzinfo=UTC)
    paths, count = heavy.progress_files(tmp_path, ["a", "b", "c"], now, reviews=60)
    assert count >= 60
    rows = [r for p in paths for r in json.loads(p.read_text(encoding="utf-8"))["reviews"]]
    assert len(rows) == count
    assert [r["reviewed_at"] for r in rows] == sorted(r["reviewed_at"] for r in rows)
    first: dict[str, dict[str, object]] = {}
    for row in rows:
        first.setdefault(row["card_id"], row)
        after = Card.from_json(row["card_after"])
        assert after.last_review is not None and after.due > after.last_review
    assert all(r["card_before"] is None for r in first.values())
    assert any(r["state_before"] == 2 for r in rows)


def test_import_memory_side_by_side_on_small_notes(tmp_path: Path) -> None:
    """The same tree on both sides: each size's peak and plan time with their ratios, and
    the results file's own section (not the restore's)."""
    from bench import import_memory
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = import_memory.side_by_side(REPO, 1, out, sizes=(0.1,))
    names = {f.name for f in figures}
    for stem, unit in (("import_peak", "mb"), ("import_plan", "ms")):
        assert {f"side_{stem}_before_{unit}", f"side_{stem}_after_{unit}"} <= names
        assert f"side_{stem}_ratio" in names
    assert all(f.value > 0 and f.params["cards"] > 0 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_30_import" in written["sections"]


def test_commands_side_by_side_on_a_small_history(tmp_path: Path) -> None:
    """The same tree on both sides: each command's CPU before, after and their ratio."""
    from bench import commands
    from bench.common import REPO

    out = tmp_path / "results.json"
    figures = commands.side_by_side(REPO, 1, 60, out, cards=6)
    names = {f.name for f in figures}
    stems = ("cards_cpu", "list_cpu", "export_progress_cpu", "plan_stats_json_cpu")
    for stem in (*stems, "plan_export_progress_cpu"):
        assert {f"side_{stem}_before_ms", f"side_{stem}_after_ms", f"side_{stem}_ratio"} <= names
    assert all(f.value > 0 for f in figures)
    written = json.loads(out.read_text(encoding="utf-8"))
    assert "side_by_side_37_commands" in written["sections"]


def test_the_help_names_the_plan_benches(capsys: pytest.CaptureFixture[str]) -> None:
    """`--plan` and `--plan-command` are dispatched before the parser; its help named
    neither, so a reader of `python -m bench --help` never learnt of them."""
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "--plan the interview plan's simulation alone" in shown
    assert "--plan-command `drillbit plan` on heavy homes" in shown
