"""The `drillbit` command line: parse, call, print. Business logic lives elsewhere."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
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
