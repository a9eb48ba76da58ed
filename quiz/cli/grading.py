"""Commands that grade a file in the sandbox: `grade` once, `watch` on every save."""

from __future__ import annotations

import os
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.choice import Choice
from quiz.cli.context import (
    Context,
    answer_file,
    display_path,
    file_for_drill,
    missing_drill,
    missing_file,
    open_store,
    pass_context,
    refuse_standard_input,
)
from quiz.cli.numbers import WholeRange
from quiz.errors import DrillbitError, InputFileError, escape_path
from quiz.paths import file_in_the_way, no_entry
from quiz.wrapping import COMMAND_INDENT, terminal_width

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from engine.verdict import Verdict
    from quiz.bank.models import Card
    from quiz.drill_list import DrillCard, DrillRow
    from quiz.store import Store


WATCH_NEW_FILE = (
    "`drillbit watch {drill} {drill}.py` writes its starter code there and grades each save"
)
"""The command a DRILL or FILE left out of `grade` or `watch` is answered with."""


MAX_CASE_SEED = 2**63 - 1
"""The largest case seed a try is saved with (SQLite's integer, the backup's Int64): a
larger one was graded, then its attempt ended in a traceback (a verdict's seed is 31 bits)."""


def case_seed_option(help_text: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """`--case-seed N` (alias `--seed`, into `seed`), bounded by `MAX_CASE_SEED`: one
    definition for `grade` and `watch`, because a seed either takes must be one both
    accept (the range and the alias moved once for both); only its help differs."""
    return click.option(
        "--case-seed",
        "--seed",
        "seed",
        type=WholeRange(min=0, max=MAX_CASE_SEED),
        metavar="N",
        help=help_text,
    )


@click.command("grade")
@click.argument("drill_id", metavar="DRILL", required=False)
@click.argument("file", metavar="FILE", type=answer_file(), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON (--format json).")
@click.option(
    "--format",
    "output_format",
    type=Choice(["text", "json", "exercism"]),
    default=None,
    help="text for people; json (`drillbit schema verdict`); exercism: Exercism's results.json.",
)
@case_seed_option("Replay the randomized cases of this case seed (a verdict prints it).")
@click.option("--verbose", "-v", is_flag=True, help="List every case.")
@pass_context
def grade_command(
    obj: Context,
    drill_id: str | None,
    file: Path | None,
    as_json: bool,
    output_format: str | None,
    seed: int | None,
    verbose: bool,
) -> None:
    """Grade FILE against drill DRILL in the sandbox. Exit 0 only when it passes.

    The graded code becomes the drill's draft: the app's drill editor opens on it (or,
    once the drill was reviewed or the code passed, ^o brings it back), unless the
    app saved a draft after FILE was last written, which is kept. A FILE that is not there
    yet: `drillbit watch DRILL FILE` writes the drill's starter code to it.

    `--format exercism` prints Exercism's test-runner results.json (version 2: status
    pass/fail/error, one test per case), for tooling built for Exercism; the case seed
    and the isolation layers, which it has no field for, go to stderr.
    """
    from quiz.drill_grading import find_drill, grade_source
    from quiz.sitting import not_a_try
    from quiz.verdict_text import format_verdict, not_written, seed_and_isolation
    from quiz.watch import read_source

    if as_json and output_format not in (None, "json"):
        raise click.UsageError(f"--json and --format {output_format} contradict each other")
    chosen = "json" if as_json else (output_format or "text")
    if drill_id is None:
        missing_drill(obj, f"`drillbit grade {{drill}} FILE` grades FILE once; {WATCH_NEW_FILE}")
    bank = obj.told_bank()  # stderr: stdout stays the verdict (JSON, results.json)
    file_for_drill(bank, "grade", drill_id, file)
    refuse_standard_input("grade", file)
    drill = find_drill(bank, drill_id, display_path)
    if file is None:
        missing_file(
            f"`drillbit grade {drill_id} FILE` grades FILE once; {WATCH_NEW_FILE.format(drill=drill_id)}"
        )
    closed = no_entry(file)
    if closed is not None:  # `file.exists()` raised PermissionError's traceback
        raise click.BadParameter(
            f"'{escape_path(str(file))}' cannot be reached: {closed}", param_hint="'FILE'"
        )
    blocker = file_in_the_way(file)
    if blocker is not None:  # the hint below sent the person to `watch`, which fails there too
        raise click.BadParameter(
            f"'{escape_path(str(file))}' cannot be there: {escape_path(str(blocker))} is a "
            "file, not a folder",
            param_hint="'FILE'",
        )
    if not file.exists():  # where the code comes from, as rustlings' exercises are there
        raise click.BadParameter(
            f"File '{file}' does not exist; `drillbit watch {drill_id} "
            f"{shlex.quote(str(file))}` writes the drill's starter code there and grades "
            "it on every save",
            param_hint="'FILE'",
        )
    source = read_source(file, title="grade")
    if not source.strip():
        raise nothing_written(file, source, drill_id)
    verdict = grade_source(drill, source, seed=seed)
    if chosen == "json":
        from quiz.cli.schemas import SCHEMA_VERSION, VerdictReport

        report = VerdictReport.model_validate(
            {
                "schema_version": SCHEMA_VERSION,
                "id": drill.card.id,
                "not_written": not_written(verdict),
                **verdict.model_dump(),
            }
        )
        click.echo(report.model_dump_json(indent=2))
    elif chosen == "exercism":
        from quiz.verdict_exercism import exercism_results
        from quiz.verdict_text import NOT_WRITTEN_HEADLINE, not_written_line

        words = f"{NOT_WRITTEN_HEADLINE}: {not_written_line(verdict)}"
        results = exercism_results(verdict, not_written=words if not_written(verdict) else None)
        click.echo(results.model_dump_json(indent=2))
        # results.json has no field for the case seed or the sandbox's layers: stderr has them
        click.echo("\n".join(seed_and_isolation(verdict, terminal_width())), err=True)
    else:
        shown = format_verdict(
            verdict, verbose=verbose, drill=drill.card.id, width=terminal_width()
        )
        click.echo(shown)
    uncounted = not_a_try(drill.card, source, verdict)
    if uncounted is not None:
        click.echo(f"drillbit: {uncounted}", err=True)
        rows, hints = None, 0
    else:
        rows, hints = _save_attempt(obj, bank.cards, drill.card, verdict, source, file)
    if chosen == "text":  # as rustlings and Exercism end: what to do now
        step = _next_step(verdict, drill_id=drill.card.id, file=file, seed=seed, rows=rows)
        click.echo(_hints_line(verdict, hints) + step)
    sys.exit(0 if verdict.passed else 1)


def nothing_written(
    file: Path, source: str, drill_id: str, *, title: str = "grade"
) -> InputFileError:
    """The error for a FILE with nothing in it (a save not made yet, the wrong file): it
    was graded, counted as a failed try and told that it "does not define" the function.
    `watch` (`title`) says it of a save and goes on watching."""
    what = "empty" if not source else "only blank lines"
    then = (
        f"write your answer in it and save, or `drillbit watch {drill_id} NEW_FILE` writes "
        "the starter to a new file"
        if title == "grade"
        else "write your answer in it and save"
    )
    return InputFileError(
        display_path(file),
        f"{what}, so nothing was graded and no try counted: {then}",
        title=title,
    )


def _save_attempt(
    obj: Context, cards: Sequence[DrillCard], card: Card, verdict: Verdict, source: str, file: Path
) -> tuple[list[DrillRow] | None, int]:
    """Record the attempt and keep the code as the app's draft (`_keep_in_app`), or say on
    stderr that it was not saved (the verdict is printed). The drills' rows once it is
    recorded, for the next step (None when the data folder or database cannot be used or
    written),
    and the hints seen since the drill's last pass, which the attempt is logged with."""
    from quiz.drill_grading import SAME_CODE_NOT_COUNTED
    from quiz.drill_list import drill_rows

    rows, hints = None, 0
    now = obj.now
    try:
        with open_store(obj, says_unsaved=True) as store:  # its one line is below
            hints = store.hints_seen(card.id)
            if _is_last_try(store, card, source, now):
                click.echo(f"drillbit: {SAME_CODE_NOT_COUNTED}", err=True)
            else:
                _record(store, card, verdict, now, hints)
                _keep_in_app(store, card, source, file, now)
            reason = store.not_saved_reason
            # not saved, the try sits in an in-memory copy: counted, "1/33 drills solved"
            # under "not saved" would claim what the next command does not find
            rows = drill_rows(cards, store) if reason is None else None
    except DrillbitError as exc:  # an unusable data folder or database: the verdict stands
        reason = exc.message
    if reason is not None:
        click.echo(f"drillbit: this try was not saved: {reason}", err=True)
    return rows, hints


def _record(store: Store, card: Card, verdict: Verdict, now: datetime, hints: int) -> None:
    """Log a try with the `hints` seen since the drill's last pass (`Store.hints_seen`), in
    the app or by `drillbit hint`: a pass after them is one "passed with hints" in the drill
    list, as in the app, whichever of them showed the hints."""
    from quiz.study.attempts import record_attempt

    record_attempt(store, card.id, verdict, now=now, hints_used=hints)


def _hints_line(verdict: Verdict, hints: int) -> str:
    """A pass made after hints says so on its own line, as the app's notice does."""
    from quiz.drill_list import passed_line

    return f"{passed_line(hints)}.\n" if verdict.passed and hints > 0 else ""


def _is_last_try(store: Store, card: Card, source: str, now: datetime) -> bool:
    """Whether `source` is the code of the drill's last try, unchanged: graded again (a
    replay of a case seed, `-v`, `--json`, a save with no change under `watch`), it is
    no new try, as Exercism takes no unchanged submission as a new iteration."""
    from quiz.drafts import Drafts

    return Drafts(store, lambda: now).is_last_graded(card, source)


def _keep_in_app(store: Store, card: Card, source: str, file: Path, now: datetime) -> None:
    """The graded code as the drill's draft, so the app's drill editor opens on it (the
    file was graded and then nowhere in the app); a draft the app saved after the file
    was written is newer work and is kept, said on stderr (one another file's grading
    left is no work of the app's: it is replaced)."""
    from quiz.drafts import Drafts

    try:
        written = datetime.fromtimestamp(file.stat().st_mtime, UTC)
    except OSError:  # gone since it was read (watch): it was written before this grading
        written = now
    # the file's name as text SQLite can hold: a name that is not UTF-8 (`x\xff.py`) was
    # UnicodeEncodeError's traceback after its verdict was printed, the try not saved
    graded_from = os.fsencode(file.absolute()).decode("utf-8", "backslashreplace")
    if not Drafts(store, lambda: now).take_graded(card, source, written, graded_from):
        click.echo(
            f"drillbit: the app's draft of '{card.id}' was saved after {display_path(file)} "
            "was written and is kept: the app's drill editor opens on it",
            err=True,
        )


def _next_step(
    verdict: Verdict, *, drill_id: str, file: Path, seed: int | None, rows: list[DrillRow] | None
) -> str:
    """The verdict's last line: the next drill after a pass, how to go on after a failure.
    A verdict ended on its case seed, and a person was left to guess the next command.
    A pass first says where its explanation is: `watch` prints it, the app shows it, and
    `grade` said nothing of it."""
    if verdict.passed:
        following = _next_drill(rows, drill_id, lambda name: f"drillbit drill {name}")
        return f"why it works: `drillbit show {drill_id} --answer`\n{following}"
    if verdict.status.value == "internal":
        return (
            "next: `drillbit doctor` checks the grader on this machine"  # the headline says whose
        )
    # the command on a line of its own, to copy: in one line with the advice around it,
    # the step took two to three 80-column rows, cut in the middle of the command
    again = f"  drillbit grade {drill_id} {shlex.quote(str(file))}"
    if not verdict.code_loaded:  # no case ran: a case seed replays nothing
        return (
            "next: fix what the first problem above names (its line, or the missing name)\n"
            f"so your code loads, then grade it again:\n{again}"
        )
    if seed is not None:  # the line above says how to replay a seed not asked for
        again += f" --case-seed {seed}"
    from engine.outcome import NOT_WRITTEN  # loaded with the verdict: no start-up cost

    first = verdict.first_failure
    if first is not None and NOT_WRITTEN in first.message.partition("\n")[0]:
        # the starter as it was handed out: a drill not begun is sent to its Task
        return (
            f"next: write it as the Task asks (`drillbit show {drill_id}`),\n"
            f"then grade it again:\n{again}\nstuck? `drillbit hint {drill_id}` shows a hint"
        )
    return (
        f"next: fix the first problem above, then grade it again:\n{again}\n"
        f"stuck? `drillbit hint {drill_id}` shows a hint"
    )


def _next_drill(
    rows: list[DrillRow] | None,
    drill_id: str,
    command: Callable[[str], str],
    width: int | None = None,
) -> str:
    """After a pass: how many drills are solved and the `command` of the next one not
    passed yet, as `drillbit drills` ends; on a terminal (`width` known) the command
    stands on its own indented line (`solved_line`)."""
    from quiz.drill_list import next_unsolved

    if rows is None:
        return "next: `drillbit drills` lists the other drills"
    following = next_unsolved(rows, after=drill_id)
    solved = f"{sum(row.solved for row in rows)}/{len(rows)} drills solved"
    if following is None:
        return f"{solved}; every drill is passed"
    return solved_line(solved, command(following.id), width)


def solved_line(solved: str, command: str, width: int | None) -> str:
    """`solved; next: command` in one line for a pipe (one record to grep); on a terminal
    (`width` known), the command whole on a line of its own, indented, to copy as grade's
    is: `drillbit watch`'s "1/33 drills solved; next: drillbit watch DRILL PATH" ran past
    80 columns, and the terminal cut the path in two."""
    if width is None:
        return f"{solved}; next: {command}"
    return f"{solved}; next:\n{COMMAND_INDENT}{command}"


@click.command("watch")
@click.argument("drill_id", metavar="DRILL", required=False)
@click.argument("file", metavar="FILE", type=answer_file(), required=False)
@case_seed_option("Grade every save on the cases of this case seed.")
@pass_context
def watch_command(obj: Context, drill_id: str | None, file: Path | None, seed: int | None) -> None:
    """Grade FILE on every save (your own editor), until Ctrl-C.

    FILE as it is is graded at once; when FILE does not exist, the drill's starter code
    is written to it and the first save is graded (the untouched starter is no try).
    Each graded save becomes the drill's draft in the app, as with `drillbit grade`.
    """
    import shutil

    from engine.sandbox import default_pool
    from quiz.drill_grading import (
        SAME_CODE_NOT_COUNTED,
        find_drill,
        grade_source,
        starter_text,
    )
    from quiz.drill_list import drill_rows
    from quiz.paths import refuse_missing_folder, write_trouble
    from quiz.settings import load_settings
    from quiz.sitting import not_a_try
    from quiz.store import NotSavedError
    from quiz.study.attempts import DrillProgress, count_practice_pass
    from quiz.study.days import study_zone
    from quiz.textsafe import file_signature
    from quiz.watch import ctrl_c_stops, read_source, watch_file
    from quiz.watch_report import CLEAR, watch_report

    if drill_id is None:
        missing_drill(obj, WATCH_NEW_FILE)
    settings = load_settings()  # a bad settings file stops it before any write
    scheduler, tz = settings.scheduler(), study_zone(settings.day_starts_at)
    bank = obj.told_bank()  # its load summary on stderr
    file_for_drill(bank, "watch", drill_id, file)
    refuse_standard_input("watch", file)
    drill = find_drill(bank, drill_id, display_path)
    if file is None:
        missing_file(WATCH_NEW_FILE.format(drill=drill_id))

    def watch_next(following: str) -> str:
        return f"drillbit watch {following} {shlex.quote(str(file.with_name(following + '.py')))}"

    wrote_starter = not file.exists()
    if wrote_starter:
        refuse_missing_folder(file, title="watch", writing="the starter")
        try:
            file.write_text(starter_text(drill.card), encoding="utf-8")
        except OSError as exc:  # a file where its folder should be, a read-only folder
            raise DrillbitError(
                f"cannot write the starter to {file}: {write_trouble(file, exc)}", title="watch"
            ) from exc
        click.echo(f"Wrote the starter code of '{drill_id}' to {file}.")
    pool = default_pool()
    store = open_store(obj)
    progress = DrillProgress()
    on_terminal = sys.stdout.isatty()

    def grade_and_print(text: str) -> None:
        if not text.strip():  # as `grade` refuses it: a failed try of nothing written
            said = nothing_written(file, text, drill.card.id, title="watch").error_line()
            click.echo(f"{said}; still watching", err=True)
            return
        verdict = grade_source(drill, text, seed=seed, pool=pool)
        now = obj.clock()  # this save's grading: a watch runs for hours, past midnight
        width = shutil.get_terminal_size((100, 24)).columns
        report = watch_report(
            verdict,
            drill.card,
            stamp=now.astimezone().strftime("%H:%M:%S"),
            file=str(file),
            width=width - 1,
        )
        passed_before = progress.passed
        uncounted = not_a_try(drill.card, text, verdict)  # the starter, or still raising
        untouched = uncounted is not None
        unsaved = None
        repeated = False
        try:  # saved before it is shown: an interrupt after the verdict loses nothing
            repeated = not untouched and _is_last_try(store, drill.card, text, now)
            progress.hints_used = store.hints_seen(drill.card.id)  # `drillbit hint` meanwhile
            if not untouched and not repeated:
                progress.note(verdict.status.value, loaded=verdict.code_loaded)
                _record(store, drill.card, verdict, now, progress.hints_used)
                _keep_in_app(store, drill.card, text, file, now)
            if progress.passed and not passed_before:  # counts for the schedule, as in a session
                count_practice_pass(
                    store, scheduler, drill.card.id, progress, now=now, cards=bank.cards, tz=tz
                )
        except NotSavedError as exc:
            unsaved = exc.message
        click.echo((CLEAR if on_terminal else "\n") + report)
        if untouched or repeated:
            said = uncounted or SAME_CODE_NOT_COUNTED
            click.echo(f"drillbit: {said}", err=True)
        if verdict.passed:  # what next, as rustlings says it: the next drill, in a file beside
            rows = drill_rows(bank.cards, store)
            click.echo(
                _hints_line(verdict, progress.hints_used)
                + _next_drill(rows, drill.card.id, watch_next, terminal_width())
            )
        if unsaved is not None:
            click.echo(f"drillbit: this try was not saved: {unsaved}", err=True)
        if on_terminal and ctrl_c.pressed:  # the clear took the press's notice away
            click.echo(ctrl_c.STOPPING, err=True)

    def grade_between_presses(text: str, *, first: bool = False) -> None:
        ctrl_c.grading = True
        try:
            if first:  # said once a press is ours and waits for this grading, not before
                click.echo(f"Watching {file}: save it to grade '{drill_id}'. Ctrl-C stops.")
            grade_and_print(text)
        finally:
            ctrl_c.grading = False

    def not_graded(exc: InputFileError) -> None:
        click.echo(f"{exc.error_line()}; not graded, still watching", err=True)

    graded = file_signature(file)  # before reading: a save during this grading is seen
    try:
        with ctrl_c_stops() as ctrl_c:
            if wrote_starter:  # untouched starter code: no grading, no failed try logged
                click.echo(f"Watching {file}: save it to grade '{drill_id}'. Ctrl-C stops.")
            else:
                grade_between_presses(read_source(file, title="watch"), first=True)
            if not ctrl_c.pressed:
                watch_file(
                    file, grade_between_presses, ctrl_c, graded=graded, on_unreadable=not_graded
                )
    except KeyboardInterrupt:
        pass  # a second Ctrl-C: stop now
    finally:
        store.close()
    click.echo("\nStopped watching.")


@click.command("doctor")
def doctor_command() -> None:
    """List the sandbox's isolation layers on this machine (each verified), what each
    missing one leaves undone and how to get it.

    Drills grade without bubblewrap, held by the layers marked [ok]. Exit 1 when the sandbox cannot start at all (nothing could be graded)."""
    from quiz.doctor import REPORT_WIDTH, diagnose, format_report

    reports = diagnose()
    # 80 columns, or a narrower terminal's: its lines were 80 wide on one of 60
    click.echo(format_report(reports, min(terminal_width() or REPORT_WIDTH, REPORT_WIDTH)))
    if reports[0].failure is not None:
        sys.exit(1)  # nothing can be graded: a script checking the machine must see it


COMMANDS: tuple[click.Command, ...] = (grade_command, watch_command, doctor_command)
