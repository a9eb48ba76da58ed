"""The command line says one thing one way: a filter that leaves no card, and a name that
is not kebab-case, are said as the other commands say them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunDrillbit

NOTES = Path(__file__).parents[1] / "data" / "notes"


def test_cards_with_no_match_says_it_as_list_and_drills_do(drillbit: RunDrillbit) -> None:
    """`cards --state due` on a fresh home printed "0 of 147 cards"."""
    none_due = drillbit("cards", "--state", "due")
    assert none_due.returncode == 0, none_due.stderr
    assert "No card matches --state due." in none_due.stderr
    assert " of " not in none_due.stdout, "no count of nothing"
    searched = drillbit("cards", "--pack", "neural-networks", "--search", "zzqx nothing")
    assert "No card matches --pack neural-networks --search 'zzqx nothing'." in searched.stderr
    both = ("--pack", "neural-networks", "--topic", "attention")  # a topic of another pack
    said = "No card matches --pack neural-networks --topic attention.\n"
    assert drillbit("list", *both).stderr == said
    assert drillbit("cards", *both).stderr == said, "the same words as `list`"


def test_cards_that_match_are_still_counted(drillbit: RunDrillbit) -> None:
    shown = drillbit("cards", "--state", "new")
    assert shown.returncode == 0, shown.stderr
    assert " of 147 cards" in shown.stdout and "No card matches" not in shown.stderr


def test_a_bad_import_tag_says_what_kebab_case_is(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """`--pack` and `--topic` gave the example; `--tag` said only "must be kebab-case"."""
    into = tmp_path / "content"
    bad = drillbit("import", str(NOTES / "qa-lines.md"), "--into", str(into), "--tag", "Bad Tag")
    assert bad.returncode == 2
    assert (
        "tag 'Bad Tag' must be kebab-case (lowercase letters and digits joined by '-')"
        in bad.stderr
    )
    assert not into.exists(), "nothing written"
    pack = drillbit("import", str(NOTES / "qa-lines.md"), "--into", str(into), "--pack", "Bad P")
    assert "pack 'Bad P' must be kebab-case (lowercase letters and digits joined by '-')" in (
        pack.stderr
    )


def test_a_drills_graded_runs_are_tries_wherever_they_are_read(drillbit: RunDrillbit) -> None:
    """`drills --help` said "number of attempts" over a table headed TRIES, while the drill
    list and stats screens say "tries": a user reading both wondered if they differed."""
    helped = drillbit("drills", "--help")
    assert helped.returncode == 0, helped.stderr
    assert "number of tries" in " ".join(helped.stdout.split())
    assert "attempt" not in helped.stdout.lower()
    listed = drillbit("drills")
    assert listed.stdout.splitlines()[0].split()[:4] == ["ID", "STATE", "TRIES", "TITLE"]
    schema = drillbit("schema", "drills")
    assert "Graded tries." in schema.stdout and "Graded attempts" not in schema.stdout
    docs = Path(__file__).parents[2] / "docs"
    for page in ("commands.md", "study.md"):
        said = " ".join((docs / page).read_text(encoding="utf-8").split())
        assert "attempt" not in said, f"docs/{page} calls a try an attempt"
