"""The `drillbit` command line: parse, call, print. Business logic lives elsewhere."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from quiz.errors import DrillbitError


def _display(path: Path) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Context:
    """Options shared by every command."""

    def __init__(self, content: Sequence[Path]) -> None:
        self.content = list(content)

    def load_bank(self) -> Any:
        """The bundled bank plus --content, DRILLBIT_CONTENT and installed packs."""
        from quiz.bank.loader import load_bank
        from quiz.bank.sources import content_roots

        return load_bank(content_roots(self.content))


pass_context = click.make_pass_decorator(Context)


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--content",
    "content",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="An extra content folder (repeatable); DRILLBIT_CONTENT adds more.",
)
@click.version_option(package_name="drillbit")
@click.pass_context
def cli(ctx: click.Context, content: tuple[Path, ...]) -> None:
    """drillbit: interview-prep quizzes and self-graded NumPy drills, in the terminal.

    Run without a command to open the app on the question bank.
    """
    ctx.obj = Context(content)
    if ctx.invoked_subcommand is None:
        from quiz.tui.launch import run_app

        run_app(ctx.obj.content)


@cli.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for workflow annotations.",
)
@click.option(
    "--no-drills", is_flag=True, help="Skip running the checkers on coding cards (faster)."
)
def lint_command(paths: tuple[Path, ...], output_format: str, no_drills: bool) -> None:
    """Check card files: front matter, sections, math, ids, related cards, and coding drills.

    PATHS are card files or folders (default: ./content if it exists, else the
    bundled bank). Exit 0 when clean, 1 when there are problems, 2 on usage errors.
    """
    from quiz.bank.lint import lint
    from quiz.bank.sources import bundled_content_dir

    if not paths:
        paths = (Path("content"),) if Path("content").is_dir() else (bundled_content_dir(),)
    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(
            f"no such file or folder: {', '.join(map(str, missing))}", param_hint="PATHS"
        )
    bank, problems = lint(list(paths), run_drills=not no_drills)
    if output_format == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "path": _display(p.path),
                        "line": p.line,
                        "col": p.col,
                        "code": p.code,
                        "message": p.message,
                    }
                    for p in problems
                ],
                indent=2,
            )
        )
    elif output_format == "github":
        for p in problems:
            message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(
                f"::error file={_display(p.path)},line={p.line},col={p.col},title=drillbit lint ({p.code})::{message}"
            )
    else:
        for p in problems:
            click.echo(f"{_display(p.path)}:{p.line}:{p.col}: {p.message} [{p.code}]")
    files = len({p.path for p in problems})
    if problems:
        click.echo(
            f"{len(problems)} problem(s) in {files} file(s); {len(bank.cards)} card(s) are fine",
            err=True,
        )
        sys.exit(1)
    click.echo(f"{len(bank.cards)} card(s) checked, no problems", err=True)


@cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array instead of a table.")
@click.option("--topic", help="Only cards of this topic.")
@click.option(
    "--kind", type=click.Choice(["concept", "choice", "numeric", "coding"]), help="Only this kind."
)
@click.option("--tag", help="Only cards with this tag.")
@pass_context
def list_command(
    obj: Context, as_json: bool, topic: str | None, kind: str | None, tag: str | None
) -> None:
    """List the cards of the bank."""
    bank = obj.load_bank()
    cards = [
        c
        for c in bank.cards
        if (topic is None or c.topic == topic)
        and (kind is None or c.kind == kind)
        and (tag is None or tag in c.tags)
    ]
    if as_json:
        rows = [
            {
                "id": c.id,
                "kind": c.kind,
                "title": c.title,
                "pack": c.pack,
                "topic": c.topic,
                "tags": list(c.tags),
                "difficulty": c.front.difficulty,
                "path": _display(c.path),
            }
            for c in cards
        ]
        click.echo(json.dumps(rows, indent=2))
    else:
        width = max((len(c.id) for c in cards), default=2)
        for c in cards:
            click.echo(f"{c.id:<{width}}  {c.kind:<8}  {c.topic:<18}  {c.title}")
    if bank.problems:
        click.echo(
            f"{len(bank.broken_files)} card file(s) could not be loaded; run `drillbit lint` to see why",
            err=True,
        )


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of card front matter, for editor completion."""
    from quiz.bank.models import FRONT_MATTER

    schema = FRONT_MATTER.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "drillbit card front matter"
    click.echo(json.dumps(schema, indent=2))


def open_store() -> Any:
    """The progress database; notices (a corrupt file moved aside) go to stderr."""
    from quiz.store.store import Store, StoreError

    try:
        store = Store.open()
    except StoreError as exc:
        raise DrillbitError(str(exc), title="progress database") from exc
    for notice in store.notices:
        click.echo(f"drillbit: {notice.message}", err=True)
    return store


def _read_submission(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise click.BadParameter(f"{path} is not UTF-8 text: {exc}", param_hint="FILE") from exc


@cli.command("grade")
@click.argument("drill_id", metavar="DRILL")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the verdict as JSON.")
@click.option(
    "--seed", type=click.IntRange(min=0), help="Replay the randomized cases of this seed."
)
@click.option("--verbose", "-v", is_flag=True, help="List every case.")
@pass_context
def grade_command(
    obj: Context, drill_id: str, file: Path, as_json: bool, seed: int | None, verbose: bool
) -> None:
    """Grade FILE against drill DRILL in the sandbox. Exit 0 only when it passes."""
    from quiz.drills import find_drill, grade_source
    from quiz.study.drills import record_attempt
    from quiz.verdict_text import format_verdict

    drill = find_drill(obj.load_bank(), drill_id)
    source = _read_submission(file)
    verdict = grade_source(drill, source, seed=seed)
    with open_store() as store:
        record_attempt(store, drill.card.id, verdict, now=datetime.now(UTC))
    click.echo(
        verdict.model_dump_json(indent=2) if as_json else format_verdict(verdict, verbose=verbose)
    )
    sys.exit(0 if verdict.passed else 1)


@cli.command("watch")
@click.argument("drill_id", metavar="DRILL")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--seed", type=click.IntRange(min=0), help="Grade every save on the same cases.")
@pass_context
def watch_command(obj: Context, drill_id: str, file: Path, seed: int | None) -> None:
    """Grade FILE on every save (your own editor), until Ctrl-C.

    When FILE does not exist, the drill's starter code is written to it first.
    """
    import threading

    from engine.sandbox import default_pool
    from quiz.drills import find_drill, grade_source, starter_text
    from quiz.study.drills import record_attempt
    from quiz.verdict_text import format_verdict
    from quiz.watch import watch_file

    drill = find_drill(obj.load_bank(), drill_id)
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(starter_text(drill.card), encoding="utf-8")
        click.echo(f"Wrote the starter code of '{drill_id}' to {file}.")
    pool = default_pool()
    store = open_store()

    def grade_and_print(text: str) -> None:
        verdict = grade_source(drill, text, seed=seed, pool=pool)
        record_attempt(store, drill.card.id, verdict, now=datetime.now(UTC))
        stamp = datetime.now().strftime("%H:%M:%S")
        click.echo(f"\n── {stamp} · {file} " + "─" * 20)
        click.echo(format_verdict(verdict))
        if verdict.passed and drill.card.section("Explanation"):
            click.echo("\nWhy it works:\n" + drill.card.section("Explanation"))

    click.echo(f"Watching {file}: save it to grade '{drill_id}'. Ctrl-C stops.")
    grade_and_print(_read_submission(file))
    stop = threading.Event()
    try:
        watch_file(file, grade_and_print, stop)
    except KeyboardInterrupt:
        stop.set()
        click.echo("\nStopped watching.")
    finally:
        store.close()


@cli.command("study")
@click.option(
    "--mode",
    type=click.Choice(["due", "cram", "mock"]),
    default="due",
    show_default=True,
    help="due: what the schedule says; cram: any selection, schedule untouched; mock: a timed mock interview.",
)
@click.option("--topic", help="Only cards of this topic.")
@click.option("--tag", help="Only cards with this tag.")
@click.option(
    "--kind", type=click.Choice(["concept", "choice", "numeric", "coding"]), help="Only this kind."
)
@click.option(
    "--limit", type=click.IntRange(min=1), help="At most this many cards (mock: questions)."
)
@click.option("--minutes", type=click.IntRange(min=1), help="Mock interview length in minutes.")
@pass_context
def study_command(
    obj: Context,
    mode: str,
    topic: str | None,
    tag: str | None,
    kind: str | None,
    limit: int | None,
    minutes: int | None,
) -> None:
    """Open a study session directly."""
    from quiz.tui.launch import run_study

    run_study(obj.content, mode=mode, topic=topic, tag=tag, kind=kind, limit=limit, minutes=minutes)


@cli.command("drill")
@click.argument("drill_id", metavar="DRILL")
@pass_context
def drill_command(obj: Context, drill_id: str) -> None:
    """Open one coding drill in the editor."""
    from quiz.drills import find_drill
    from quiz.tui.launch import run_drill

    find_drill(obj.load_bank(), drill_id)  # an unknown id is a usage error before the app opens
    run_drill(obj.content, drill_id)


@cli.command("stats")
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@pass_context
def stats_command(obj: Context, as_json: bool) -> None:
    """Reviews, accuracy by topic, drills passed, streak."""
    from quiz.study.days import local_timezone
    from quiz.study.stats import compute_stats

    bank = obj.load_bank()
    with open_store() as store:
        stats = compute_stats(store, list(bank.cards), datetime.now(UTC), tz=local_timezone())
    if as_json:
        click.echo(stats.model_dump_json(indent=2))
        return
    click.echo(
        f"Reviews: {stats.reviews}   cards seen: {stats.cards_seen}   drills passed: {stats.drills_passed}"
    )
    click.echo(f"Streak: {stats.streak} day(s)   retention: {_percent(stats.retention)}")
    if stats.by_topic:
        click.echo("")
        click.echo(f"{'topic':<20} {'reviews':>8} {'accuracy':>9} {'seen':>6}")
        for topic, row in sorted(stats.by_topic.items()):
            click.echo(
                f"{topic:<20} {row.reviews:>8} {_percent(row.accuracy):>9} {row.cards_seen:>6}"
            )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


@cli.command("serve")
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="The TCP port to listen on.",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; anything but loopback exposes the app (and its grader) to the network.",
)
@pass_context
def serve_command(obj: Context, port: int, host: str) -> None:
    """Serve the app in a browser (textual-serve) until Ctrl-C; each tab runs its own app."""
    from quiz.serve import serve

    serve(host, port, obj.content)


def _register_ecosystem_commands() -> None:
    from quiz.ecosystem.commands import export_group, import_command, import_progress_command

    for command in (import_command, export_group, import_progress_command):
        cli.add_command(command)


_register_ecosystem_commands()


def main(argv: Sequence[str] | None = None) -> None:
    """Console-script entry point: runs the CLI and prints drillbit's own errors without a traceback."""
    try:
        cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="drillbit",
            standalone_mode=False,
        )
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except DrillbitError as exc:
        click.echo(f"{exc.title}: {exc.message}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        os._exit(0)
