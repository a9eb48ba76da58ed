"""A file of more questions than one import plans is refused before any card is made: a
CSV of 200,000 short rows, within the 8 MiB file limit, previewed in 393 MB and 48 s of
CPU, every card held until the end (bench/csv_rows.py measures it). The limit is patched
low here so that the files stay small; the rule is the same at `MAX_QUESTIONS`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from quiz.ecosystem import cardplan, importer, importlimit, importsplit, planjobs
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.importlimit import MAX_QUESTIONS, TooManyQuestions
from quiz.ecosystem.importplan import ImportPlan
from quiz.errors import InputFileError
from tests.conftest import RunDrillbit
from tests.ecosystem.test_import_notes import run_import

LIMIT = 40


@pytest.fixture(autouse=True)
def low_limit(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The limit at `LIMIT`; every card made recorded (none may be, past the limit)."""
    monkeypatch.setattr(importlimit, "MAX_QUESTIONS", LIMIT)
    made: list[object] = []
    real = cardplan.plan_card

    def counting(*args: object, **kwargs: object) -> object:
        made.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(planjobs, "plan_card", counting)
    monkeypatch.setattr(importer, "split_pays", lambda _questions: False)
    return made


def _rows(count: int) -> str:
    return "Front,Back\n" + "".join(
        f"What is term {n}?,It is the term numbered {n} in this list.\n" for n in range(count)
    )


def _plan(tmp_path: Path, name: str, text: str) -> ImportPlan:
    notes = tmp_path / name
    notes.write_text(text, encoding="utf-8")
    return plan_import(notes, content_dir=tmp_path / "content", pack="big")


def test_the_limit_is_one_an_interview_bank_never_meets() -> None:
    assert MAX_QUESTIONS == 25_000  # the bundled bank has a few hundred cards


def test_a_card_list_at_the_limit_is_planned_whole(tmp_path: Path, low_limit: list[object]) -> None:
    plan = _plan(tmp_path, "sheet.csv", _rows(LIMIT))
    assert len(plan.cards) == LIMIT and len(low_limit) == LIMIT


def test_a_card_list_past_the_limit_is_refused_before_any_card_is_made(
    tmp_path: Path, low_limit: list[object]
) -> None:
    with pytest.raises(TooManyQuestions) as refused:
        _plan(tmp_path, "sheet.csv", _rows(LIMIT * 5))
    assert str(refused.value).startswith(f"201 rows, over the limit of {LIMIT} a file")
    assert "split its rows into files of at most 40, each under a copy of its header row" in (
        str(refused.value)
    )
    assert low_limit == []  # the plan never held a card


def test_rows_whose_quoted_fields_run_over_lines_count_as_rows(tmp_path: Path) -> None:
    """A row is a card whatever its lines: a TSV of two-line answers at the limit is read."""
    text = "".join(
        f'What is term {n}?\t"It is the term numbered {n}.\nIt ends the list here."\n'
        for n in range(LIMIT)
    )
    assert len(_plan(tmp_path, "notes.tsv", text).cards) == LIMIT


def test_cloze_notes_count_a_question_a_number(tmp_path: Path, low_limit: list[object]) -> None:
    """Fewer rows than the limit can give more cards: each cloze number is one."""
    text = "#separator:tab\n" + "".join(
        f"The {{{{c1::term {n}}}}} is {{{{c2::number {n}}}}} here.\tfrom the list\n"
        for n in range(LIMIT // 2 + 1)
    )
    with pytest.raises(TooManyQuestions, match=f"^42 questions, over the limit of {LIMIT}"):
        _plan(tmp_path, "clozes.txt", text)
    assert low_limit == []


@pytest.mark.parametrize("count", [LIMIT, LIMIT + 1])
def test_markdown_notes_past_the_limit_are_refused_before_any_card_is_made(
    tmp_path: Path, low_limit: list[object], count: int
) -> None:
    text = "".join(
        f"## Q{n}: What is term {n}?\n\nIt is the term numbered {n} in these notes.\n\n"
        for n in range(count)
    )
    if count <= LIMIT:
        assert len(_plan(tmp_path, "notes.md", text).cards) == count
        return
    with pytest.raises(TooManyQuestions) as refused:
        _plan(tmp_path, "notes.md", text)
    assert str(refused.value).startswith(f"{count} questions, over the limit of {LIMIT}")
    assert "split it at headings into files of at most 40 questions" in str(refused.value)
    assert low_limit == []


def test_the_command_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "sheet.csv"
    notes.write_text(_rows(LIMIT + 1), encoding="utf-8")
    content = tmp_path / "content"

    result = run_import(str(notes), "--pack", "big", "--into", str(content))

    assert isinstance(result.exception, InputFileError)  # `drillbit: import: ` and its words
    assert result.exception.title == "import"
    assert str(result.exception) == (
        f"{notes}: 42 rows, over the limit of 40 a file (an import holds every card it "
        "makes until they are written): split its rows into files of at most 40, each "
        "under a copy of its header row, and import each with the same --pack"
    )
    assert not content.exists() or not any(content.rglob("*.md"))


def test_a_sheet_past_the_real_limit_is_refused_by_drillbit(
    tmp_path: Path, drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlimit, "MAX_QUESTIONS", MAX_QUESTIONS)  # not `LIMIT`
    notes = tmp_path / "sheet.csv"
    notes.write_text(_rows(MAX_QUESTIONS + 1), encoding="utf-8")

    result = drillbit("import", str(notes), "--pack", "big", "--into", str(tmp_path / "c"))

    assert result.returncode == 1
    assert result.stderr == (
        f"drillbit: import: {notes}: 25,002 rows, over the limit of 25,000 a file (an import "
        "holds every card it makes until they are written): split its rows into files of at "
        "most 25,000, each under a copy of its header row, and import each with the same "
        "--pack\n"
    )
    assert result.stdout == ""


def test_notes_read_by_two_processes_are_refused_and_the_helper_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, low_limit: list[object]
) -> None:
    """Long notes are read in two halves at once (`read_in_two`): the count is of both,
    this process refuses before handing its half over, and the helper is reaped."""
    monkeypatch.setattr(importer, "early_split_pays", lambda _text: True)
    split: list[int] = []
    real_split = importsplit.read_and_plan

    def read_and_plan(*args: Any, **kwargs: Any) -> Any:
        split.append(1)
        return real_split(*args, **kwargs)

    monkeypatch.setattr(planjobs, "read_and_plan", read_and_plan)
    forked: list[int] = []
    real_fork = os.fork

    def fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    text = "".join(
        f"## Q{n}: What is term {n}?\n\nIt is the term numbered {n} in these notes.\n\n"
        for n in range(LIMIT * 2)
    )
    with pytest.raises(TooManyQuestions, match=f"^{LIMIT * 2} questions, over the limit"):
        _plan(tmp_path, "notes.md", text)
    assert low_limit == [] and split == [1] and len(forked) == 1  # two processes, no card
    # the helper reaped: no longer this process's child (any child was asked before, and a
    # test worker's others, a warm sandbox worker, failed it in a CI run)
    with pytest.raises(ChildProcessError):
        os.waitpid(forked[0], os.WNOHANG)
