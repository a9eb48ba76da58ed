"""`drillbit lint`, `list` and `schema` through the real entry point (`quiz.cli.main`)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, RunDrillbit


def test_lint_clean_bank_exits_0(mini_bank: Path, drillbit: RunDrillbit) -> None:
    result = drillbit("lint", str(mini_bank))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 cards checked, no problems" in result.stderr


def test_lint_reports_file_and_line_in_every_format(mini_bank: Path, drillbit: RunDrillbit) -> None:
    target = mini_bank / "mini" / "basics" / "unknown-key.md"
    shutil.copy(DATA / "bad_cards" / "unknown-key.md", target)
    text = drillbit("lint", str(mini_bank))
    assert text.returncode == 1
    assert f"{target}:4:1: unknown key 'tittle'" in text.stdout
    as_json = drillbit("lint", str(mini_bank), "--format", "json")
    assert as_json.returncode == 1
    report = json.loads(as_json.stdout)
    assert report["schema_version"] == 1
    assert report["totals"] == {
        "errors": 1,
        "warnings": 0,
        "files_with_errors": 1,
        "cards_loaded": 3,
    }
    problems = report["problems"]
    # 'tittle' is one slip: its did-you-mean, not also a missing 'title'
    assert {p["code"] for p in problems} == {"unknown-key"}
    [problem] = [p for p in problems if p["code"] == "unknown-key"]
    assert (
        problem["line"] == 4 and problem["code"] == "unknown-key" and problem["path"] == str(target)
    )
    github = drillbit("lint", str(mini_bank), "--format", "github")
    assert github.returncode == 1
    assert (
        f"::error file={target},line=4,col=1,title=drillbit lint (unknown-key)::unknown key"
        in github.stdout
    )


def test_lint_of_a_file_in_no_pack_says_it_is_no_card(
    tmp_path: Path, mini_bank: Path, drillbit: RunDrillbit
) -> None:
    """A person linting their notes (or a card saved outside the content folder) got "0
    cards checked, no problems", exit 0: the file was skipped without a word."""
    notes = tmp_path / "notes.md"
    notes.write_text("## Q1: What is a ReLU?\n\nmax(0, z).\n", encoding="utf-8")
    card = next((mini_bank / "mini").rglob("*.md"))
    run = drillbit("lint", str(notes), str(card))
    assert run.returncode == 1, run.stdout + run.stderr
    assert run.stdout.splitlines() == [
        f"{notes}:1:1: not in a pack, so not a card: a card is <pack>/<topic>/<id>.md in a "
        "folder with a pack.yaml (`drillbit import` makes cards of Q&A notes) [no-pack]"
    ]
    assert run.stderr.strip() == "1 problem in 1 file; 1 card is fine"
    report = json.loads(drillbit("lint", str(notes), "--format", "json").stdout)
    assert [(p["code"], p["severity"]) for p in report["problems"]] == [("no-pack", "error")]


def test_lint_usage_errors_exit_2(tmp_path: Path, drillbit: RunDrillbit) -> None:
    assert drillbit("lint", str(tmp_path / "nope")).returncode == 2
    assert drillbit("lint", "--format", "xml").returncode == 2


def test_list_json_has_the_documented_fields(mini_bank: Path, drillbit: RunDrillbit) -> None:
    result = drillbit("--content", str(mini_bank), "list", "--json", "--topic", "basics")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)["cards"]
    ids = {row["id"] for row in rows}
    assert ids == {"what-is-relu", "sigmoid-bound", "dropout-inference"}
    for row in rows:
        assert set(row) >= {"id", "kind", "title", "topic", "tags", "difficulty", "path"}


def test_list_filters_by_kind_and_tag(mini_bank: Path, drillbit: RunDrillbit) -> None:
    by_kind = json.loads(
        drillbit(
            "--content", str(mini_bank), "list", "--json", "--kind", "choice", "--topic", "basics"
        ).stdout
    )["cards"]
    assert [row["id"] for row in by_kind] == ["dropout-inference"]
    by_tag = json.loads(
        drillbit(
            "--content", str(mini_bank), "list", "--json", "--tag", "sigmoid", "--topic", "basics"
        ).stdout
    )["cards"]
    assert [row["id"] for row in by_tag] == ["sigmoid-bound"]


def test_list_says_how_many_files_are_broken(mini_bank: Path, drillbit: RunDrillbit) -> None:
    def broken_count() -> int:
        result = drillbit("--content", str(mini_bank), "list", "--topic", "basics")
        assert result.returncode == 0
        assert "what-is-relu" in result.stdout
        counts = re.findall(r"(\d+) card files? could not be loaded", result.stderr)
        return int(counts[0]) if counts else 0

    before = broken_count()
    shutil.copy(
        DATA / "bad_cards" / "invalid-yaml.md", mini_bank / "mini" / "basics" / "invalid-yaml.md"
    )
    assert broken_count() == before + 1


def test_schema_is_json_schema_with_every_kind(drillbit: RunDrillbit) -> None:
    result = drillbit("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    kinds = {
        d["properties"]["kind"]["const"]
        for d in schema["$defs"].values()
        if "kind" in d.get("properties", {})
    }
    assert kinds == {"concept", "choice", "numeric", "coding"}
    assert schema["$defs"]["ConceptFront"]["additionalProperties"] is False


def test_an_unknown_kind_is_named_in_every_format(mini_bank: Path, drillbit: RunDrillbit) -> None:
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    target.write_text(target.read_text().replace("kind: concept", "kind: essay"))
    expected = "kind must be one of concept, choice, numeric, coding, not 'essay'"
    text = drillbit("lint", str(target))
    assert text.returncode == 1
    assert f"{target}:3:1: {expected} [bad-kind]" in text.stdout
    assert "key_points" not in text.stdout
    as_json = drillbit("lint", str(target), "--format", "json")
    [problem] = json.loads(as_json.stdout)["problems"]
    assert problem["message"] == expected
    github = drillbit("lint", str(target), "--format", "github")
    assert github.stdout.rstrip("\n").endswith(f"::{expected}")


def test_a_mistyped_content_folder_is_named_as_missing(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path
) -> None:
    """`--content` with a typo said "problems in <folder>; run `drillbit lint` to see why",
    as if the folder held broken cards."""
    missing = tmp_path / "contnet"
    alone = drillbit("--content", str(missing), "list", "--json")
    assert alone.returncode == 0 and json.loads(alone.stdout)["cards"]
    assert alone.stderr.splitlines() == [f"no such content folder: {missing}"]
    broken = mini_bank / "mini" / "basics" / "unknown-key.md"
    shutil.copy(DATA / "bad_cards" / "unknown-key.md", broken)
    both = drillbit("--content", str(missing), "--content", str(mini_bank), "list")
    assert both.stderr.splitlines()[-1] == (
        f"no such content folder: {missing}; 1 card file could not be loaded; "
        "run `drillbit lint` to see why"
    )


def test_every_command_names_a_content_folder_that_is_not_there(
    mini_bank: Path, drillbit: RunDrillbit, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only `list` and `cards` said so: `stats`, `plan`, `drills`, `show` and `grade` left a
    mistyped `--content` (or DRILLBIT_CONTENT) folder out without a word, and the person
    studied without their cards, not knowing why they were not there. A command that prints
    the load's summary names it there, once, as `list` does (`hint` too)."""
    missing = tmp_path / "my-packs"
    said = (
        f"drillbit: no such content folder (--content or DRILLBIT_CONTENT): {missing}; "
        "its cards are not loaded"
    )
    summary = f"no such content folder: {missing}"
    commands = [["stats"], ["stats", "--json"], ["plan"], ["drills"], ["show", "sigmoid"]]
    for command in commands:
        run = drillbit("--content", str(missing), "--content", str(mini_bank), *command)
        assert run.returncode == 0, (command, run.stderr)
        assert run.stderr.splitlines() == [summary], command
    hinted = drillbit("--content", str(missing), "--content", str(mini_bank), "hint", "nope")
    assert hinted.stderr.splitlines()[0] == summary  # in its load summary, as `list` says it
    assert said not in hinted.stderr
    monkeypatch.setenv("DRILLBIT_CONTENT", str(missing))
    run = drillbit("--content", str(mini_bank), "drills")
    assert run.returncode == 0 and run.stderr.splitlines() == [summary]
    listed = drillbit("--content", str(mini_bank), "list")
    assert said not in listed.stderr, "list names it once, in its load summary"
    assert listed.stderr.splitlines() == [f"no such content folder: {missing}"]
