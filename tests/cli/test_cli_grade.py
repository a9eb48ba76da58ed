"""`drillbit grade` and `drillbit watch` through the real entry point, with real answers.

`grade` runs in this process (its sandbox child is a real process either way); `watch`
runs as a process, since it is stopped by Ctrl-C."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import State

from engine.outcome import NOT_WRITTEN
from engine.verdict import CaseResult, CaseStatus, Status, Verdict
from quiz.bank.loader import load_bank
from quiz.cli.grading import _next_step
from quiz.drafts import Drafts
from quiz.drill_grading import starter_text
from quiz.store import InterviewPlan, Store
from quiz.watch import CtrlC
from quiz.watch_report import CLEAR
from tests.cli.printing import WAIT_SECONDS, Printing
from tests.conftest import (
    DATA,
    DRILLBIT_COMMAND,
    FIXED_DAY,
    FIXED_NOW,
    REPO,
    RunDrillbit,
    command_at,
)

ANSWERS = DATA / "answers"


def test_a_correct_answer_passes_with_exit_0_and_json(drillbit: RunDrillbit) -> None:
    result = drillbit("grade", "sigmoid", str(ANSWERS / "sigmoid" / "correct_masks.py"), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    verdict = json.loads(result.stdout)
    assert verdict["status"] == "passed"
    assert verdict["isolation"] and verdict["cases"]
    assert isinstance(verdict["seed"], int)
    # the id the command took and `drills --json` lists, beside the checker's name
    assert verdict["id"] == "sigmoid" and verdict["drill"] != "sigmoid"


def test_a_wrong_answer_fails_with_exit_1_and_names_the_case(drillbit: RunDrillbit) -> None:
    result = drillbit(
        "grade", "sigmoid", str(ANSWERS / "sigmoid" / "wrong_naive_overflow.py"), "--seed", "7"
    )
    assert result.returncode == 1
    assert re.fullmatch(r"FAILED  sigmoid: \d/10 cases passed", result.stdout.splitlines()[0])
    assert "First problem: case" in result.stdout
    # once, in the block: it stood in the headline, the case's row and the block
    assert result.stdout.count("numpy reported overflow") == 1
    assert "case seed 7 (replay with --case-seed 7)" in result.stdout


def test_code_that_does_not_load_is_offered_a_fix_not_a_seed_replay(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A syntax error's verdict said "replay with --case-seed N", and its next step named
    `--case-seed 5` again: no case ran, so a replay cannot help; fixing the line named can."""
    broken = tmp_path / "broken.py"
    broken.write_text("def sigmoid(z):\n    return z +\n")
    result = drillbit("grade", "sigmoid", str(broken), "--case-seed", "5")
    assert result.returncode == 1
    assert "line 2: return z +" in result.stdout, "the first problem names the line"
    assert "case-seed" not in result.stdout and "replay with" not in result.stdout
    lines = result.stdout.splitlines()
    assert any(line.startswith("no case ran, so no case seed to replay · ") for line in lines)
    assert lines[-3:] == [
        "next: fix what the first problem above names (its line, or the missing name)",
        "so your code loads, then grade it again:",
        f"  drillbit grade sigmoid {broken}",
    ]


def test_grading_unchanged_code_again_is_no_new_try(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """Grading the same file again (`-v`, a `--case-seed` replay, `--json`) logged a try
    each time: softmax showed 5 tries for 2 different files. As Exercism takes no unchanged
    submission as a new iteration, code identical to the last try's is graded, said so in
    one line and not counted; changed code is a new try."""
    mine = tmp_path / "mine.py"
    mine.write_text((ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text())
    assert drillbit("grade", "sigmoid", str(mine)).returncode == 1
    said = "drillbit: The same code as this drill's last try: not counted as another try.\n"
    for again in ((), ("-v",), ("--case-seed", "3"), ("--json",)):
        regraded = drillbit("grade", "sigmoid", str(mine), *again)
        assert regraded.returncode == 1 and regraded.stderr == said, again
    tries = json.loads(drillbit("drills", "--json").stdout)["drills"][0]
    assert (tries["id"], tries["attempts"]) == ("sigmoid", 1)
    mine.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
    passed = drillbit("grade", "sigmoid", str(mine))
    assert passed.returncode == 0 and "not counted" not in passed.stderr
    assert json.loads(drillbit("drills", "--json").stdout)["drills"][0]["attempts"] == 2


def test_the_same_file_after_the_apps_own_try_is_a_new_try(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Only the last try's code is no new try: after code typed in the app, the file graded
    again is counted (the last try was no longer its code)."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    mine = tmp_path / "mine.py"
    mine.write_text((ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text())
    assert drillbit("grade", "sigmoid", str(mine)).returncode == 1
    with Store.open() as store:
        Drafts(store, lambda: datetime.now(UTC) + timedelta(seconds=1)).save(card, "typed\n")
    again = drillbit("grade", "sigmoid", str(mine))
    assert again.returncode == 1 and "not counted" not in again.stderr
    with Store.open() as store:
        assert len(store.attempts(card_id="sigmoid")) == 2


def test_a_file_that_is_not_there_names_the_command_that_writes_the_starter(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`grade sigmoid my.py` before the file existed said only that it does not exist; as
    rustlings gives each exercise's file, the refusal names `watch`, which writes it."""
    missing = tmp_path / "my answer.py"
    result = drillbit("grade", "sigmoid", str(missing))
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for 'FILE': File '{missing}' does not exist; `drillbit watch "
        f"sigmoid '{missing}'` writes the drill's starter code there and grades it on every "
        "save"
    )
    assert not missing.exists()


def test_each_text_verdict_ends_with_what_to_do_next(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """As rustlings and Exercism end: a pass names the next drill not passed yet, a failure
    the command that grades the file again (its path quoted for a shell). The verdict ended
    on its case seed and left the next command to guess."""
    wrong = tmp_path / "my answer.py"
    wrong.write_text((ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text())
    failed = drillbit("grade", "sigmoid", str(wrong))
    assert failed.returncode == 1
    assert failed.stdout.splitlines()[-3:] == [
        "next: fix the first problem above, then grade it again:",
        f"  drillbit grade sigmoid '{wrong}'",
        "stuck? `drillbit hint sigmoid` shows a hint",
    ]
    replayed = drillbit("grade", "sigmoid", str(wrong), "--seed", "7")
    assert f"\n  drillbit grade sigmoid '{wrong}' --case-seed 7\n" in replayed.stdout
    loading = tmp_path / "loads.py"
    loading.write_text("import numpy as np\nimport scipy\n\ndef sigmoid(z):\n    return z\n")
    assert drillbit("grade", "sigmoid", str(loading)).stdout.splitlines()[-3] == (
        "next: fix what the first problem above names (its line, or the missing name)"
    )
    passed = drillbit("grade", "sigmoid", str(ANSWERS / "sigmoid" / "correct_masks.py"))
    assert passed.returncode == 0
    # sigmoid is the bank's first drill; the next one not passed yet follows it
    drills = sum(card.kind == "coding" for card in load_bank([REPO / "content"]).cards)
    assert passed.stdout.splitlines()[-2:] == [
        "why it works: `drillbit show sigmoid --answer`",  # the explanation watch prints
        f"1/{drills} drills solved; next: drillbit drill sigmoid-grad",
    ]
    as_json = drillbit("grade", "sigmoid", str(wrong), "--json")
    assert json.loads(as_json.stdout)["status"] == "failed", "JSON stays the verdict alone"


def test_a_grader_problem_points_to_doctor_not_to_the_code() -> None:
    internal = Verdict(drill="nn.activations.sigmoid", status=Status.INTERNAL, seed=1)
    line = _next_step(internal, drill_id="sigmoid", file=Path("a.py"), seed=None, rows=None)
    assert line == "next: `drillbit doctor` checks the grader on this machine"


def test_a_grader_that_cannot_start_says_so_once_with_its_reason(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The verdict said "the grader failed, not your code" three times (the headline, a
    "First problem: grader" block under a row for the grader, the next step): now the
    headline says it, the reason is under it, and --json keeps the engine's whole message."""
    import engine.grade_sandboxed
    from engine.sandbox.pool import SandboxUnavailableError

    def cannot_start(_config: object) -> None:
        raise SandboxUnavailableError("bubblewrap could not start: no user namespaces")

    monkeypatch.setattr(engine.grade_sandboxed, "start_worker", cannot_start)
    answer = str(ANSWERS / "sigmoid" / "correct_masks.py")
    graded = drillbit("grade", "sigmoid", answer)
    assert graded.returncode == 1
    lines = graded.stdout.splitlines()
    assert lines[:2] == [
        "GRADER PROBLEM  sigmoid: the grader failed, not your code",
        "  bubblewrap could not start: no user namespaces",
    ]
    assert graded.stdout.count("not your code") == 1, graded.stdout
    assert "First problem" not in graded.stdout and "[ERR ]" not in graded.stdout
    assert lines[-1] == "next: `drillbit doctor` checks the grader on this machine"
    as_json = json.loads(drillbit("grade", "sigmoid", answer, "--json").stdout)
    assert as_json["summary"] == (
        "internal: the grader failed, not your code: bubblewrap could not start: no user namespaces"
    )


def test_the_same_seed_replays_the_same_cases(drillbit: RunDrillbit) -> None:
    path = str(ANSWERS / "softmax" / os.listdir(ANSWERS / "softmax")[0])
    # --seed is the older spelling of --case-seed; both name the same option
    first = json.loads(drillbit("grade", "softmax", path, "--json", "--case-seed", "42").stdout)
    second = json.loads(drillbit("grade", "softmax", path, "--json", "--seed", "42").stdout)
    assert [c["inputs"] for c in first["cases"]] == [c["inputs"] for c in second["cases"]]


def test_broken_submissions_get_their_status(tmp_path: Path, drillbit: RunDrillbit) -> None:
    syntax = tmp_path / "syntax.py"
    syntax.write_text("import numpy as np\n\ndef sigmoid(z)\n    return z\n")
    missing = tmp_path / "missing.py"
    missing.write_text("import numpy as np\n\ndef sigmod(z):\n    return z\n")
    for path, status in ((syntax, "error"), (missing, "error")):
        result = drillbit("grade", "sigmoid", str(path), "--json")
        assert result.returncode == 1
        assert json.loads(result.stdout)["status"] == status


def test_usage_errors_exit_2(tmp_path: Path, drillbit: RunDrillbit) -> None:
    answer = str(ANSWERS / "sigmoid" / "correct_masks.py")
    unknown = drillbit("grade", "no-such-drill", answer)
    assert unknown.returncode == 2
    assert "'no-such-drill' is not a drill" in unknown.stderr
    typo = drillbit("grade", "sigmod", answer)
    assert typo.returncode == 2
    assert typo.stderr == "drillbit: 'sigmod' is not a drill in the bank: did you mean 'sigmoid'?\n"
    not_a_drill = drillbit("grade", "vanishing-gradient", answer)
    assert not_a_drill.returncode == 2
    assert drillbit("grade", "sigmoid", str(tmp_path / "absent.py")).returncode == 2


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["grade", "no-such-drill", "answer.py"], "'no-such-drill' is not a drill"),
        (["drill", "no-such-drill"], "'no-such-drill' is not a drill"),
        (
            ["watch", "vanishing-gradient", "a.py"],
            "'vanishing-gradient' is a concept card, not a drill",
        ),
    ],
)
def test_an_id_of_no_drill_says_where_the_drills_are_listed_in_one_short_line(
    tmp_path: Path, drillbit: RunDrillbit, command: list[str], said: str
) -> None:
    """An id far from every drill's printed all 33 drill ids on one line of 600 columns.
    Now one short line says what the id is and which command lists the drills (a near id
    still gets "did you mean")."""
    drills = len(json.loads(drillbit("drills", "--json").stdout)["drills"])
    run = drillbit(*command, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr == f"drillbit: {said}; `drillbit drills` lists all {drills}\n"
    assert "sigmoid" not in run.stderr  # no drill is listed


def test_a_text_verdicts_own_lines_fit_80_columns(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """The grade's closing lines were one of 150 columns (case seed, time and isolation) and
    one of 166 (the next step with its command), cut mid-word by an 80-column terminal, and
    the starter's note took 89. Each now fits; the command to run again has its own line."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "softmax")
    starter = tmp_path / "s.py"
    starter.write_text(starter_text(card))
    graded = drillbit("grade", "softmax", str(starter))
    assert graded.returncode == 1
    closing = graded.stdout.split("\n\n")[-1].splitlines()  # after the first problem's block
    assert closing[0].startswith("case seed ") and closing[-1].startswith("stuck? ")
    again = f"  drillbit grade softmax {starter}"  # as wide as the path: alone on its line
    assert again in closing
    mine = [*closing, *graded.stderr.splitlines()]
    assert [line for line in mine if len(line) > 80 and line != again] == []
    assert graded.stderr == "drillbit: This is the starter code, unchanged: not counted as a try.\n"


def test_grading_is_recorded_in_stats(drillbit: RunDrillbit) -> None:
    drillbit("grade", "sigmoid", str(ANSWERS / "sigmoid" / "correct_masks.py"))
    stats = json.loads(drillbit("stats", "--json").stdout)
    assert stats["drills_passed"] == 1


def test_ctrl_c_during_a_grading_exits_130_not_a_failures_1(
    drillbit: RunDrillbit, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C mid-grade exited 1, the code of a failed grading: a script could not tell
    "the code fails" from "I stopped it". Now 130 (128 + SIGINT), with no try logged."""
    import quiz.drill_grading

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(quiz.drill_grading, "grade_source", interrupted)
    graded = drillbit("grade", "sigmoid", str(ANSWERS / "sigmoid" / "correct_masks.py"))
    assert (graded.returncode, graded.stderr, graded.stdout) == (130, "\nAborted.\n", "")
    with Store.open() as store:
        assert store.attempts(card_id="sigmoid") == []


def test_the_untouched_starter_is_graded_but_no_try(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """Grading the starter as written shows what fails, but it was counted as a failed try
    (`drillbit drills` read 'tries 3' after one real pass); `watch` and rustlings do not."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    starter = tmp_path / "sigmoid.py"
    starter.write_text(starter_text(card).rstrip() + "\n\n")
    graded = drillbit("grade", "sigmoid", str(starter))
    assert graded.returncode == 1 and "NotImplementedError" in graded.stdout
    assert "starter code, unchanged" in graded.stderr
    stats = json.loads(drillbit("stats", "--json").stdout)
    assert stats["drill_attempts"] == 0, stats
    starter.write_text(starter_text(card).replace("raise NotImplementedError", "return z  #"))
    drillbit("grade", "sigmoid", str(starter))
    assert json.loads(drillbit("stats", "--json").stdout)["drill_attempts"] == 1


def test_the_untouched_starter_reads_not_written_yet_in_every_output(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """The app said NOT WRITTEN YET and `drillbit grade` said ERROR above a red row per
    case: each output now says what the app says, in one line; `--json` keeps `status`
    "error" and adds `not_written`, exit 1 as before. Code that raises on its own is ERROR."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "relu-family")
    starter = tmp_path / "relu.py"
    starter.write_text(starter_text(card))
    text = drillbit("grade", "relu-family", str(starter))
    assert text.returncode == 1
    lines = text.stdout.splitlines()
    assert lines[:2] == [
        "NOT WRITTEN YET  relu-family: 0/11 cases passed",
        "  every case stopped at the starter's NotImplementedError: "
        "write relu, relu_grad, leaky_relu and elu; see the Task",
    ]
    assert "ERR" not in text.stdout and "First problem" not in text.stdout
    rows = drillbit("grade", "relu-family", str(starter), "-v").stdout
    assert rows.startswith("NOT WRITTEN YET") and rows.count("[ERR ]") == 11  # -v: every case
    report = json.loads(drillbit("grade", "relu-family", str(starter), "--json").stdout)
    assert report["status"] == "error" and report["not_written"] is True
    exercism = json.loads(
        drillbit("grade", "relu-family", str(starter), "--format", "exercism").stdout
    )
    assert exercism["status"] == "error"
    assert exercism["message"] == "NOT WRITTEN YET: " + lines[1].strip()
    starter.write_text(starter_text(card).replace("NotImplementedError", "ValueError"))
    raised = drillbit("grade", "relu-family", str(starter), "--json")
    assert json.loads(raised.stdout)["not_written"] is False
    assert drillbit("grade", "relu-family", str(starter)).stdout.startswith("ERROR  ")


def test_the_graded_code_is_the_apps_draft_unless_the_app_saved_a_newer_one(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """Code graded with `drillbit grade` was nowhere in the app: its drill editor opened on
    the starter (or an older draft), and ctrl+o brings back only the code from before a
    review. The graded code is now the drill's draft, so the editor opens on it (once it
    passed, on the starter with it one key away, as after a pass in the app); a draft the
    app saved after the file was last written is newer work and is kept, said so."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    mine = tmp_path / "sigmoid.py"
    wrong = (ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text()
    mine.write_text(wrong)
    assert drillbit("grade", "sigmoid", str(mine), "--seed", "7").returncode == 1
    with Store.open() as store:
        assert Drafts(store, datetime.now).initial_code(card) == wrong
    # the app's draft, saved after the file was written: the next grading keeps it
    in_app = wrong.replace("return", "# typed in the app\n    return")
    with Store.open() as store:
        store.save_draft("sigmoid", in_app, updated_at=datetime.now(UTC))
    week_ago = (datetime.now(UTC) - timedelta(days=7)).timestamp()
    os.utime(mine, (week_ago, week_ago))
    graded = drillbit("grade", "sigmoid", str(mine), "--seed", "7")
    assert graded.returncode == 1
    assert f"the app's draft of 'sigmoid' was saved after {mine} was written" in graded.stderr
    with Store.open() as store:
        assert Drafts(store, datetime.now).initial_code(card) == in_app
    # the file written again (now): it is the newer work
    passed = (ANSWERS / "sigmoid" / "correct_masks.py").read_text()
    mine.write_text(passed)
    graded = drillbit("grade", "sigmoid", str(mine))
    assert graded.returncode == 0 and "app's draft" not in graded.stderr
    with Store.open() as store:  # passed: the starter, the code one key away (ctrl+o)
        assert Drafts(store, datetime.now).previous_code(card) == passed
        assert Drafts(store, datetime.now).initial_code(card) == starter_text(card)


def test_grading_the_same_file_again_says_nothing_of_the_apps_draft(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """The first grading keeps the code as the drill's draft, saved then, after the file
    was written: grading the same file again (another seed, a replay) said "the app's draft
    of 'sigmoid' was saved after FILE was written and is kept" of that very code, with no
    app ever opened."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    mine = tmp_path / "sigmoid.py"
    wrong = (ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text()
    mine.write_text(wrong)
    hour_ago = (datetime.now(UTC) - timedelta(hours=1)).timestamp()
    os.utime(mine, (hour_ago, hour_ago))  # written before the first grading, as always
    for seed in ("7", "8"):
        graded = drillbit("grade", "sigmoid", str(mine), "--seed", seed)
        assert graded.returncode == 1
        assert "app's draft" not in graded.stderr, graded.stderr
    with Store.open() as store:
        assert Drafts(store, datetime.now).initial_code(card) == wrong


def test_grading_another_file_replaces_the_draft_the_first_file_left(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """The first file's code, kept as the draft at its grading, is no work of the app's:
    grading a second file of the drill, written before that, said "the app's draft of
    'sigmoid' was saved after second.py was written and is kept", and the app's editor
    kept opening on the first file. The store now knows where the draft came from."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    first, second = tmp_path / "first.py", tmp_path / "second.py"
    wrong = (ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text()
    passed = (ANSWERS / "sigmoid" / "correct_masks.py").read_text()
    first.write_text(wrong)
    second.write_text(passed)
    hour_ago = (datetime.now(UTC) - timedelta(hours=1)).timestamp()
    os.utime(second, (hour_ago, hour_ago))  # written before the first grading
    assert drillbit("grade", "sigmoid", str(first), "--seed", "7").returncode == 1
    with Store.open() as store:
        kept = store.draft("sigmoid")
        assert kept is not None and kept.graded_from == str(first.absolute())
    graded = drillbit("grade", "sigmoid", str(second))
    assert graded.returncode == 0
    assert "app's draft" not in graded.stderr, graded.stderr
    with Store.open() as store:  # passed: the starter, the code one key away (ctrl+o)
        assert Drafts(store, datetime.now).previous_code(card) == passed


def test_a_graded_draft_opened_and_left_unchanged_in_the_app_stays_the_files(
    tmp_path: Path,
) -> None:
    """The app saves the editor's code as it leaves a drill: a graded file's code, opened
    and left as it was, stays that file's draft, which the next file graded replaces; a
    change typed in the app makes it the app's, which an older file does not replace."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    wrong = (ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text()
    passed = (ANSWERS / "sigmoid" / "correct_masks.py").read_text()
    now = datetime.now(UTC)
    earlier = now - timedelta(hours=1)
    with Store.open(tmp_path / "drillbit.db") as store:
        drafts = Drafts(store, lambda: now)
        assert drafts.take_graded(card, wrong, earlier, "/home/me/first.py")
        drafts.save(card, wrong)  # the drill opened in the app and left
        assert drafts.take_graded(card, passed, earlier, "/home/me/second.py")
        draft = store.draft("sigmoid")
        assert draft is not None and draft.graded_from == "/home/me/second.py"
        drafts.save(card, passed + "# typed in the app\n")
        assert not drafts.take_graded(card, wrong, earlier, "/home/me/first.py")
        draft = store.draft("sigmoid")
        assert draft is not None and draft.graded_from is None
        assert draft.text.endswith("# typed in the app\n")


CTRL_C_SECONDS = WAIT_SECONDS
"""A ceiling, not a timing: at load 4 with three workers, watch once took more than 10 s to
end after Ctrl-C, and the process it left running failed the worker's next test; it waits
for the grading under way, which may first wait for the sandbox's worker (30 s was a guess)."""


class WatchRun(Printing):
    """`drillbit watch sigmoid FILE --seed 3` as a process in its own session (so that a
    Ctrl-C goes to it alone), its stdout and stderr read as they come, on a pipe or on a
    terminal (where watch clears the screen for each verdict)."""

    def __init__(
        self, target: Path, *, terminal: bool = False, now: datetime | None = None
    ) -> None:
        drillbit = DRILLBIT_COMMAND if now is None else command_at(now)
        super().__init__(
            [*drillbit, "watch", "sigmoid", str(target), "--seed", "3"],
            terminal=terminal,
            # a stuck run shows its threads' stacks; a terminal's width is set
            env={"COLUMNS": "100", "PYTHONFAULTHANDLER": "1"},
        )

    def __enter__(self) -> WatchRun:
        return self

    def __exit__(self, *_exc: object) -> None:
        """Killed if it still runs, whatever failed, so it is not left into the next test."""
        self.kill()
        self.close()

    def stop(self) -> None:
        """Ctrl-C, as a person stops watch, and its end waited for."""
        os.killpg(self.process.pid, signal.SIGINT)
        self.process.wait(CTRL_C_SECONDS)


def test_on_a_terminal_watch_puts_the_next_command_on_its_own_line(tmp_path: Path) -> None:
    """After a pass, "N/33 drills solved; next: drillbit watch DRILL PATH" was one line of
    82+ columns: an 80-column terminal cut it in the middle of the path. On a terminal
    the command now stands whole on its own indented line, to copy (a pipe keeps the one
    line: the test above)."""
    target = tmp_path / "mine.py"
    target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
    with WatchRun(target, terminal=True) as watch:
        watch.wait_for(f"drills solved; next:\n    drillbit watch sigmoid-grad {tmp_path}/")
        text = watch.printed()
    assert f"next: drillbit watch sigmoid-grad {tmp_path}" not in text, text


def test_watch_writes_the_starter_then_regrades_on_save(tmp_path: Path) -> None:
    target = tmp_path / "mine.py"
    watch = WatchRun(target)
    process = watch.process
    try:
        watch.wait_for("Watching")  # the starter it wrote waits for a save: no try logged
        assert "def sigmoid(z)" in target.read_text()
        target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
        watch.wait_for("PASSED")
        watch.wait_for("Why it works")
        # what next, as after `grade`: the next drill, watched in a file beside this one
        watch.wait_for(
            f"drills solved; next: drillbit watch sigmoid-grad {tmp_path}/sigmoid-grad.py"
        )
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(CTRL_C_SECONDS)
        except subprocess.TimeoutExpired as late:  # its context: what failed before, if anything
            os.killpg(process.pid, signal.SIGABRT)  # faulthandler prints every thread's stack
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(5)
            watch.kill()
            watch.close()
            raise AssertionError(
                f"Ctrl-C did not end watch in {CTRL_C_SECONDS} s; it printed:\n{watch.printed()}"
            ) from late
        else:
            watch.close()
    text = watch.printed()
    assert process.returncode == 0 and text.rstrip().endswith("Stopped watching."), text
    assert "ERROR" not in text and "First problem" not in text  # the starter was not graded
    assert "$" not in text.partition("Why it works")[2]  # math shown as Unicode
    with Store.open() as store:  # the pass counts for the schedule, as in a session
        state = store.card_state("sigmoid")
        assert state is not None and [r.mode for r in store.reviews()] == ["due"]
        assert [a.status for a in store.attempts(card_id="sigmoid")] == ["passed"]
        # the graded code is the app's: the pass was a review, so its drill editor starts
        # the next one from the starter and ctrl+o brings this code back
        card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
        passed = (ANSWERS / "sigmoid" / "correct_masks.py").read_text()
        assert Drafts(store, datetime.now).previous_code(card) == passed


def test_watch_does_not_count_code_that_did_not_load_against_the_pass(tmp_path: Path) -> None:
    """A save with a SyntaxError is no attempt: the pass after it is reviewed Good, not Hard."""
    target = tmp_path / "mine.py"
    target.write_text("def sigmoid(z)\n    return z\n")
    with WatchRun(target) as watch:
        watch.wait_for("did not load")  # the head of a verdict whose code did not load
        target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
        watch.wait_for("PASSED")
        watch.stop()
    with Store.open() as store:
        assert [a.status for a in store.attempts(card_id="sigmoid")] == ["error", "passed"]
        assert [(r.mode, r.rating) for r in store.reviews()] == [("due", 3)]  # Good


def test_watch_counts_a_hint_seen_while_it_runs_in_the_pass_after_it(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """A hint read with `drillbit hint` in another terminal, after a failed save: the pass
    that followed was logged and reviewed as one without hints (Good)."""
    target = tmp_path / "mine.py"
    target.write_text((ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text())
    with WatchRun(target) as watch:
        watch.wait_for("FAILED")
        assert "Hint 1. " in drillbit("hint", "sigmoid").stdout
        target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
        watch.wait_for("Passed with hints (1 hint seen since the last pass).")
        watch.stop()
    with Store.open() as store:
        attempts = store.attempts(card_id="sigmoid")
        assert [(a.status, a.hints_used) for a in attempts] == [("failed", 0), ("passed", 1)]
        assert [(r.mode, r.rating) for r in store.reviews()] == [("due", 2)]  # Hard


def test_watch_counts_a_save_with_no_change_as_no_new_try(tmp_path: Path) -> None:
    """A save that changed nothing was graded and logged as another try, as `grade` did."""
    target = tmp_path / "mine.py"
    target.write_text("def sigmoid(z)\n    return z\n")
    with WatchRun(target) as watch:
        watch.wait_for("did not load")
        wrong = (ANSWERS / "sigmoid" / "wrong_naive_overflow.py").read_text()
        target.write_text(wrong)  # a save that changes the code: a new try
        watch.wait_for("FAILED")
        target.write_text(wrong)  # saved again unchanged: graded, not counted
        watch.wait_for("not counted as another try")
        watch.stop()
    with Store.open() as store:
        assert [a.status for a in store.attempts(card_id="sigmoid")] == ["error", "failed"]


def test_watch_under_a_plan_short_of_days_schedules_the_pass_without_steps(
    tmp_path: Path,
) -> None:
    """Three days for the bundled bank leave no room for fsrs's same-day steps: a due session
    schedules without them, but a pass in `watch` went to the 10-minute step and stayed
    "due by fsrs" while the plan left it for its last pass."""
    now = FIXED_NOW
    with Store.open() as store:
        store.set_interview_plan(InterviewPlan(FIXED_DAY + timedelta(days=3), 10.0, 0.9, now))
    target = tmp_path / "mine.py"
    target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
    with WatchRun(target, now=now) as watch:
        watch.wait_for("drills solved")  # graded at once, saved before it is printed
        watch.stop()
        printed = watch.printed()
    assert f"{now.strftime('%H:%M:%S')} · {target}" in printed, "the verdict's time is the clock's"
    with Store.open() as store:
        saved = store.card_state("sigmoid")
        assert saved is not None and saved.state == State.Review
        assert saved.due >= now + timedelta(days=1)
        assert [a.attempted_at for a in store.attempts(card_id="sigmoid")] == [now]


def test_watch_into_a_folder_that_does_not_exist_makes_none(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`watch sigmoid "drils/x.py"` made the mistyped folder tree without a word and wrote
    the starter there; as the exports, it now names the folder and makes nothing."""
    target = tmp_path / "drils dir" / "x.py"
    result = drillbit("watch", "sigmoid", str(target))
    assert result.returncode == 1
    assert result.stderr == (
        f"drillbit: watch: cannot write the starter to {target}: the folder {target.parent} does not"
        f" exist (check the path, or create it: mkdir -p '{target.parent}')\n"
    )
    assert not target.parent.exists()


def test_watch_of_a_file_holding_the_starter_counts_no_try(tmp_path: Path) -> None:
    """The starter written by an earlier watch, watched again: graded to show what fails,
    but not logged as a failed try, so the pass after it is reviewed Good, not Hard."""
    card = next(c for c in load_bank([REPO / "content"]).cards if c.id == "sigmoid")
    target = tmp_path / "mine.py"
    target.write_text(starter_text(card))
    with WatchRun(target) as watch:
        watch.wait_for("starter code, unchanged")
        target.write_text((ANSWERS / "sigmoid" / "correct_masks.py").read_text())
        watch.wait_for("PASSED")
        watch.stop()
    with Store.open() as store:
        assert [a.status for a in store.attempts(card_id="sigmoid")] == ["passed"]
        assert [(r.mode, r.rating) for r in store.reviews()] == [("due", 3)]  # Good


def test_watch_on_a_terminal_says_why_it_stops_after_the_verdict_clears_the_screen(
    tmp_path: Path,
) -> None:
    """A Ctrl-C during a grading writes a notice at once; on a terminal the verdict that
    follows clears the screen, so watch says it again under the verdict."""
    # Its grading lasts 2 s of the child's CPU time, which a busy machine stretches as much
    # as it delays this test: the press lands during the grading, with no sleep to guess.
    target = tmp_path / "endless.py"
    target.write_text("while True:\n    pass\n")
    with WatchRun(target, terminal=True) as watch:
        process = watch.process
        watch.wait_for("Watching")  # shown once a press waits for the first grading
        os.killpg(process.pid, signal.SIGINT)
        watch.wait_for(CtrlC.NOTICE)  # pressed during the grading
        process.wait(CTRL_C_SECONDS)
    text = watch.printed()
    assert process.returncode == 0, text
    before, clear, verdict = text.rpartition(CLEAR)
    assert clear and CtrlC.NOTICE in before, text
    # Which limit stops the endless loop is the machine's business: 2 s of CPU, or, on a
    # machine too loaded to give the child those 2 s in time, the wall clock.
    assert "TIMEOUT" in verdict, text
    assert "2 s of CPU time" in verdict or "(wall clock" in verdict, text
    assert CtrlC.STOPPING in verdict and verdict.rstrip().endswith("Stopped watching."), text


def test_a_file_saved_with_a_byte_order_mark_grades(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """Python runs a "UTF-8 with BOM" file; grading it must not report U+FEFF as a syntax error."""
    path = tmp_path / "bom.py"
    source = (ANSWERS / "softmax" / "correct_logsumexp.py").read_text(encoding="utf-8")
    path.write_text(source, encoding="utf-8-sig")
    result = drillbit("grade", "softmax", str(path), "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["status"] == "passed"


def test_a_file_over_the_source_limit_is_refused_before_the_sandbox(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """The drill editor's limit: a graded file becomes the draft the drill opens on, and a
    1 MiB one (the old limit) made the drill take 6 s to open."""
    answer = (ANSWERS / "sigmoid" / "correct_masks.py").read_text(encoding="utf-8")
    huge = tmp_path / "huge.py"
    huge.write_text(answer + "# padding\n" * 10_000, encoding="utf-8")
    result = drillbit("grade", "sigmoid", str(huge))
    assert result.returncode == 1
    assert result.stderr == f"drillbit: grade: {huge}: 98 KiB, over the limit of 64 KiB\n"
    with Store.open() as store:  # nothing graded, nothing saved
        assert store.draft("sigmoid") is None


def test_a_starter_not_written_yet_is_sent_to_the_task() -> None:
    """The starter's verdict ended "fix the first problem above" under a NotImplementedError:
    a drill not begun is told where the Task is."""
    first = CaseResult(
        name="case 1: x",
        status=CaseStatus.ERROR,
        message=f"relu {NOT_WRITTEN}\nit still raises NotImplementedError (line 6), ...",
    )
    verdict = Verdict(
        drill="nn.activations.relu_family",
        status=Status.ERROR,
        seed=1,
        cases=[first],
        first_failure=first,
    )
    line = _next_step(verdict, drill_id="relu-family", file=Path("a.py"), seed=None, rows=None)
    assert line.startswith("next: write it as the Task asks (`drillbit show relu-family`),\n")
    assert "  drillbit grade relu-family a.py\n" in line
    failed = verdict.model_copy(update={"first_failure": first.model_copy(update={"message": "x"})})
    fix = _next_step(failed, drill_id="relu-family", file=Path("a.py"), seed=None, rows=None)
    assert fix.startswith("next: fix the first problem above")


def test_the_largest_case_seed_a_try_keeps_is_taken_and_a_larger_one_refused(
    drillbit: RunDrillbit,
) -> None:
    """A seed past SQLite's integer was graded, then saving the try raised OverflowError: a
    traceback after the verdict. The option stops at the largest one a try is saved with."""
    answer = str(ANSWERS / "sigmoid" / "correct_masks.py")
    largest = 2**63 - 1
    kept = drillbit("grade", "sigmoid", answer, "--case-seed", str(largest), "--json")
    assert kept.returncode == 0, kept.stderr
    assert json.loads(kept.stdout)["seed"] == largest
    [row] = [
        r for r in json.loads(drillbit("drills", "--json").stdout)["drills"] if r["id"] == "sigmoid"
    ]
    assert row["attempts"] == 1
    for command in ("grade", "watch"):
        refused = drillbit(command, "sigmoid", answer, "--case-seed", str(largest + 1))
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert refused.stderr.splitlines()[0] == (
            f"drillbit: Invalid value for '--case-seed' / '--seed': {largest + 1} is out of"
            f" range; give one from 0 to {largest}"
        )


def test_grade_and_watch_refuse_a_negative_seed_by_either_name_in_one_wording(
    drillbit: RunDrillbit,
) -> None:
    """`grade` and `watch` take their case seed through one option: the alias and the
    floor are the same for both, so a negative seed is told the same way by each."""
    answer = str(ANSWERS / "sigmoid" / "correct_masks.py")
    told = set()
    for command in ("grade", "watch"):
        for name in ("--case-seed", "--seed"):
            refused = drillbit(command, "sigmoid", answer, name, "-1")
            assert refused.returncode == 2 and "Traceback" not in refused.stderr
            told.add(refused.stderr.splitlines()[0])
    assert told == {
        "drillbit: Invalid value for '--case-seed' / '--seed': -1 is out of range;"
        f" give one from 0 to {2**63 - 1}"
    }
