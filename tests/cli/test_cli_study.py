"""The study loop's commands: config, unknown names with a suggestion."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from quiz.settings import load_settings
from quiz.store import Store
from tests.conftest import DATA, FIXED_NOW, RunDrillbit, modules_imported_by, run_at


def test_config_lists_reads_and_changes_a_setting(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    listed = drillbit("config")
    assert listed.returncode == 0
    assert "new_per_day          = 20" in listed.stdout and "desired_retention" in listed.stdout
    assert not (_isolated_home / "config.toml").exists()  # created on the first change only
    # no "Saved in" a file that is not there: where the first change will save
    file = _isolated_home / "config.toml"
    assert listed.stderr == f"\nAll defaults: {file} is written at the first change\n"
    changed = drillbit("config", "new_per_day", "5")
    assert changed.returncode == 0 and "new_per_day = 5" in changed.stdout
    assert drillbit("config").stderr == f"\nSaved in {file}\n"
    assert drillbit("config", "new_per_day").stdout.strip() == "5"
    assert load_settings(_isolated_home / "config.toml").new_per_day == 5
    assert "(changed)" in drillbit("config").stdout
    steps = drillbit("config", "learning_steps", "30s, 5m")
    assert steps.returncode == 0
    assert load_settings(_isolated_home / "config.toml").learning_steps == ("30s", "5m")


def test_config_refuses_bad_keys_and_values_without_saving(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    typo = drillbit("config", "new_per_dya", "3")
    assert typo.returncode == 2 and "did you mean 'new_per_day'?" in typo.stderr
    for key, value, says in [
        ("new_per_day", "-1", "new_per_day: '-1' is not a whole number from 0 to 9999"),
        ("desired_retention", "1.5", "desired_retention"),
        ("learning_steps", "1m, soon", "'soon' is not a duration"),
        ("shuffle_choices", "maybe", "'maybe' is not true or false"),
        ("new_per_day", "five", "new_per_day"),
    ]:
        bad = drillbit("config", key, value)
        assert bad.returncode == 2, (key, value)
        assert says in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
        assert "Traceback" not in bad.stderr
    assert not (_isolated_home / "config.toml").exists()


def test_a_broken_config_file_is_one_line_naming_the_key(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    (_isolated_home / "config.toml").write_text('new_per_day = "lots"\n', encoding="utf-8")
    result = drillbit("config", "new_per_day")
    assert result.returncode == 1, "a bad file is not a wrong command line"
    assert (
        'config.toml:1: new_per_day = "lots":' in result.stderr and "Traceback" not in result.stderr
    )


def test_unknown_names_are_usage_errors_with_a_suggestion(drillbit: RunDrillbit) -> None:
    study = drillbit("study", "--topic", "optimisers")
    assert study.returncode == 2
    assert "unknown topic 'optimisers': did you mean 'optimizers'?" in study.stderr
    listing = drillbit("list", "--topic", "optimisers")
    assert listing.returncode == 2 and listing.stdout == ""
    tag = drillbit("list", "--tag", "no-such-tag-anywhere")
    assert tag.returncode == 2 and "unknown tag" in tag.stderr and "known tags:" in tag.stderr
    known = drillbit("list", "--topic", "optimizers")
    assert known.returncode == 0 and "optimizers" in known.stdout


def test_list_says_when_names_hold_no_card_together(drillbit: RunDrillbit) -> None:
    """`list --pack architectures --topic losses` printed a bare header, where `drills`
    says "No coding drill matches ..." (SPEC audit, round 42)."""
    none = drillbit("list", "--pack", "architectures", "--topic", "losses")
    assert none.returncode == 0 and none.stdout == ""
    assert none.stderr == "No card matches --pack architectures --topic losses.\n"
    some = drillbit("list", "--pack", "deep-training", "--topic", "losses")
    assert some.returncode == 0 and some.stderr == ""
    assert "bce-with-logits" in some.stdout


def test_study_checks_names_in_the_card_index_and_loads_no_card(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`drillbit study` opens the app without loading the bank first (10,000 cards: most of
    a second); a topic, tag or kind given is checked against the card index."""
    import quiz.tui.launch
    from quiz.bank import loader
    from quiz.bank.index import card_index
    from quiz.bank.sources import bundled_content_dir, content_roots
    from quiz.cli import main

    card_index(content_roots([]))  # remembered, as after the app's first start
    opened: list[dict[str, object]] = []
    monkeypatch.setattr(quiz.tui.launch, "run_study", lambda _content, **how: opened.append(how))
    monkeypatch.setattr(loader, "load_bank", lambda *_a, **_k: pytest.fail("loaded the bank"))
    main(["study"])  # (without click: tests/cli/test_cli_main.py)
    main(["--content", str(bundled_content_dir()), "study"])  # the click group's command
    main(["study", "--topic", "optimizers", "--kind", "concept"])
    main(["study", "--pack", "architectures", "--topic", "attention"])
    assert [(how.get("pack"), how.get("topic"), how.get("kind")) for how in opened] == [
        (None, None, None),
        (None, None, None),
        (None, "optimizers", "concept"),
        ("architectures", "attention", None),
    ]
    with pytest.raises(SystemExit) as exited:
        main(["study", "--tag", "no-such-tag-anywhere"])
    assert exited.value.code == 2 and len(opened) == 4
    with pytest.raises(SystemExit) as exited:
        main(["study", "--pack", "architecturs"])
    assert exited.value.code == 2 and len(opened) == 4


def test_study_refuses_names_no_card_has_together(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--pack architectures --topic losses` names a pack and a topic that each exist, but
    no card is in both: the app opened on "no card is due and today's new cards are done",
    a wrong reason for a selection that holds no card at all (SPEC audit, round 42)."""
    import quiz.tui.launch
    from quiz.cli import main

    opened: list[dict[str, object]] = []
    monkeypatch.setattr(quiz.tui.launch, "run_study", lambda _content, **how: opened.append(how))
    for mode in ("due", "cram", "mock"):
        with pytest.raises(SystemExit) as exited:
            main(["study", "--mode", mode, "--pack", "architectures", "--topic", "losses"])
        assert exited.value.code == 2, mode
        err = capsys.readouterr().err
        assert "no card matches --pack architectures --topic losses together" in err, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    with pytest.raises(SystemExit) as exited:
        main(["study", "--topic", "schedules", "--kind", "choice", "--tag", "attention"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "no card matches --topic schedules --tag attention --kind choice together" in err
    assert opened == []
    # names that some card has together still open the session
    main(["study", "--pack", "deep-training", "--topic", "losses", "--kind", "coding"])
    assert [(how["pack"], how["topic"], how["kind"]) for how in opened] == [
        ("deep-training", "losses", "coding")
    ]


def test_study_minutes_is_a_mock_length_in_the_settings_range(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--minutes 10` in a due session was dropped without a word (the session ran
    untimed), and `--mode mock --minutes 100000` started a 1666-hour clock, where the
    mock_minutes setting takes 1 to 600."""
    import quiz.tui.launch
    from quiz.cli import main

    opened: list[dict[str, object]] = []
    monkeypatch.setattr(quiz.tui.launch, "run_study", lambda _content, **how: opened.append(how))
    for args in (["--minutes", "10"], ["--mode", "cram", "--minutes", "10"]):
        with pytest.raises(SystemExit) as exited:
            main(["study", *args])
        assert exited.value.code == 2, args
        assert "--minutes is a mock interview's length: only with --mode mock" in (
            capsys.readouterr().err
        )
    with pytest.raises(SystemExit) as exited:
        main(["study", "--mode", "mock", "--minutes", "100000"])
    assert exited.value.code == 2
    assert "100000 is out of range; give one from 1 to 600" in capsys.readouterr().err
    assert opened == []
    main(["study", "--mode", "mock", "--minutes", "600"])
    assert [(how["mode"], how["minutes"]) for how in opened] == [("mock", 600)]


def test_drills_says_draft_for_a_drill_with_kept_code(drillbit: RunDrillbit) -> None:
    """A draft typed and kept in the drill editor, never graded: not "not started"."""
    with Store.open() as store:
        store.save_draft("sigmoid", "def sigmoid(z):\n    pass\n", updated_at=datetime.now(UTC))
    result = drillbit("drills")
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if line.startswith("sigmoid "))
    assert line.split()[1:3] == ["draft", "0"], line
    rows = json.loads(drillbit("drills", "--json").stdout)["drills"]
    assert {row["id"]: row["state"] for row in rows}["sigmoid"] == "draft"


def test_drills_json_lists_every_coding_drill_with_its_state(drillbit: RunDrillbit) -> None:
    from quiz.bank.loader import load_bank
    from quiz.bank.sources import content_roots

    result = drillbit("drills", "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1
    rows = document["drills"]
    coding = [c.id for c in load_bank(content_roots([])).cards if c.kind == "coding"]
    assert [row["id"] for row in rows] == coding and len(coding) > 10
    assert {row["state"] for row in rows} == {"not started"}
    assert set(rows[0]) == {
        "id",
        "title",
        "pack",
        "topic",
        "state",
        "attempts",
        "best_ms",
        "last_attempt",
    }
    table = drillbit("drills")
    assert table.returncode == 0 and f"0/{len(coding)} solved" in table.stdout
    assert f"next: drillbit drill {coding[0]}" in table.stdout


def test_drills_takes_a_pack_and_a_topic_as_list_and_cards_do(drillbit: RunDrillbit) -> None:
    """`drills` listed every drill of every pack; `list` and `cards` took --pack and --topic."""
    from quiz.bank.loader import load_bank
    from quiz.bank.sources import content_roots

    cards = load_bank(content_roots([])).cards
    in_pack = [c.id for c in cards if c.kind == "coding" and c.pack == "architectures"]
    rows = json.loads(drillbit("drills", "--pack", "architectures", "--json").stdout)["drills"]
    assert [row["id"] for row in rows] == in_pack and len(in_pack) > 1
    table = drillbit("drills", "--topic", "schedules")
    assert [line.split()[0] for line in table.stdout.splitlines()[1:-1]] == ["warmup-cosine"]
    assert table.stdout.splitlines()[-1] == "0/1 solved; next: drillbit drill warmup-cosine"
    # the whole listing on stdout, as `cards`' count: `drillbit drills | less` sees its end
    assert table.stderr == ""
    typo = drillbit("drills", "--pack", "archtectures")
    assert typo.returncode != 0 and "did you mean 'architectures'?" in typo.stderr
    none = drillbit("drills", "--pack", "architectures", "--topic", "schedules")
    assert none.returncode == 0 and none.stdout == ""
    assert none.stderr == "No coding drill matches --pack architectures --topic schedules.\n"


def test_the_drills_table_shows_no_grading_time_as_a_best(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    """A grading's time is mostly the sandbox's and the machine's: the table leaves it out
    (it read "best 14 ms"); the JSON keeps it as best_ms."""
    from datetime import UTC, datetime

    from quiz.store import Store

    first = json.loads(drillbit("drills", "--json").stdout)["drills"][0]["id"]
    with Store.open() as store:
        store.record_attempt(
            card_id=first,
            status="passed",
            verdict_json='{"status": "passed"}',
            attempted_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
            duration_ms=14.0,
        )
    table = drillbit("drills")
    header, row = table.stdout.splitlines()[:2]
    assert header.split() == ["ID", "STATE", "TRIES", "TITLE"]  # as `list` and `cards`
    assert row.split()[:3] == [first, "passed", "1"]
    assert " ms" not in table.stdout and "best" not in table.stdout
    assert json.loads(drillbit("drills", "--json").stdout)["drills"][0]["best_ms"] == 14.0


def test_drill_without_an_id_opens_the_first_unsolved(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        "quiz.tui.launch.run_drill", lambda _dirs, card_id, **_how: opened.append(card_id)
    )
    rows = json.loads(drillbit("drills", "--json").stdout)["drills"]
    assert drillbit("drill").returncode == 0
    assert opened == [rows[0]["id"]]
    unknown = drillbit("drill", "sigmoidd")
    assert unknown.returncode == 2 and opened == [rows[0]["id"]]


def test_show_prints_the_card_as_the_app_does(drillbit: RunDrillbit) -> None:
    question = drillbit("show", "sigmoid-derivative-bound")
    assert question.returncode == 0
    assert "σ(z) = 1/(1 + e⁻ᶻ)" in question.stdout and "$" not in question.stdout
    assert "## Answer" not in question.stdout and "0.25" not in question.stdout
    answer = drillbit("show", "sigmoid-derivative-bound", "--answer")
    assert "## Answer" in answer.stdout and "0.25 ± 0.001" in answer.stdout
    assert "## Explanation" in answer.stdout
    typo = drillbit("show", "sigmoid-derivative-bund")
    assert typo.returncode == 2 and "did you mean 'sigmoid-derivative-bound'?" in typo.stderr


def test_stats_json_imports_neither_pydantic_nor_the_sessions(
    drillbit_process: RunDrillbit,
) -> None:
    # pydantic's import was half of `stats --json`'s time on a large history; the
    # output is held to the schema's model in tests/study/test_counts_stats.py
    assert drillbit_process("stats", "--json").returncode == 0  # the card index is remembered
    loaded, printed = modules_imported_by("stats", "--json")
    assert json.loads(printed)["schema_version"] == 1
    assert "quiz.study.stats" in loaded
    heavy = {"pydantic", "quiz.bank.models", "quiz.study.session", "numpy", "textual", "fsrs"}
    assert not heavy & loaded
    # with DRILLBIT_HOME set (as here) the platform dirs are not asked for, and tempfile
    # is for writing the card index only: together a twentieth of the command's CPU
    assert not {"platformdirs", "tempfile"} & loaded


def test_stats_forecasts_the_next_seven_days_and_gives_way_to_a_plan(
    drillbit: RunDrillbit,
) -> None:
    """`drillbit stats` had no "Future due" as Anki has: now a line of the next 7 study
    days' due counts, the same numbers as `--json`'s `forecast`; under an interview plan,
    the plan picks the days, and no numbers say otherwise. Every command at FIXED_NOW: the
    text's seven days are compared with an earlier command's, which the study day's start
    (4:00) on the wall clock could shift by one."""
    drillbit = run_at(drillbit, FIXED_NOW)
    drillbit("grade", "sigmoid", str(DATA / "answers" / "sigmoid" / "correct_masks.py"))
    report = json.loads(drillbit("stats", "--json").stdout)
    forecast = report["forecast"]
    assert len(forecast) == 7
    assert [day["date"] for day in forecast] == sorted({day["date"] for day in forecast})
    assert sum(day["due"] for day in forecast) <= report["cards"]["total"]
    figures = " · ".join(str(day["due"]) for day in forecast)
    line = f"Future due: {figures} (7 days, overdue counted today)"
    assert line in drillbit("stats").stdout.splitlines()
    interview = date.fromisoformat(forecast[0]["date"]) + timedelta(days=20)
    assert drillbit("plan", "--interview", interview.isoformat()).returncode == 0
    assert json.loads(drillbit("stats", "--json").stdout)["forecast"] is None
    planned = [row for row in drillbit("stats").stdout.splitlines() if "Future due" in row]
    assert planned == ["Future due: the interview plan decides, not fsrs (`drillbit plan`)"]
