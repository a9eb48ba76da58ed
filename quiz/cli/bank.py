"""Commands on the question bank itself: `lint`, `list`, `schema`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli import plain
from quiz.cli.choice import CARD_KINDS, Choice
from quiz.cli.context import (
    Context,
    GivenPath,
    asked_flags,
    display_path,
    listing,
    pass_context,
    tell_summary,
    warn,
)
from quiz.cli.numbers import NumberRange
from quiz.plural import counted
from quiz.textsafe import printable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from quiz.bank.problems import Problem


@click.command("lint")
@click.argument("paths", nargs=-1, type=GivenPath(what="a card file or a folder of them"))
@click.option(
    "--format",
    "output_format",
    type=Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="text for people, json for tools, github for workflow annotations.",
)
@click.option(
    "--no-drills",
    is_flag=True,
    help="Skip grading each coding card's reference and starter with its checker (faster); "
    "the params of a drill of the engine's are still checked against the names its checker "
    "reads, and a pack's own checker is not run at all (not even imported).",
)
@click.option(
    "--drill-timeout",
    # NumberRange, not click's FloatRange: that let `nan` through (NaN compares false with
    # both bounds) and every drill's starter was reported "did not finish within nan s"
    type=NumberRange(min=0.1, max=3600),
    default=60.0,
    show_default=True,
    metavar="SECONDS",
    help="How long a pack's own checker may take over one drill (it runs in a process of "
    "its own) before lint stops it and reports the drill.",
)
@click.option(
    "--git-deleted",
    is_flag=True,
    help="Also lint the bank of each card or pack.yaml git's staged changes delete "
    "(pre-commit's --from-ref..--to-ref range when set), and every bank of the repository "
    "when they change .pre-commit-config.yaml; with neither and no given file in a pack, "
    "lint nothing: the pre-commit hook's entry.",
)
@pass_context
def lint_command(
    obj: Context,
    paths: tuple[Path, ...],
    output_format: str,
    no_drills: bool,
    drill_timeout: float,
    git_deleted: bool,
) -> None:
    """Check card files: front matter, sections, math, ids, related cards, and coding drills.

    PATHS are card files or folders (default: ./content if it exists, else the
    working directory when it is a pack (a pack.yaml there) or holds packs (a folder with its pack.yaml), else the bundled bank, plus every --content and DRILLBIT_CONTENT folder). A pack folder is
    linted alone, with the packs its `after` names: no other pack of its folder is
    read, but the names of their card files (a card id one of them also has is a
    warning: the app, loading the folder, keeps only one). A folder of packs is checked
    whole, and a card file (as pre-commit passes changed files) with the whole folder of
    packs it is in. They are checked
    with the bank the app loads (the bundled bank, --content, DRILLBIT_CONTENT and
    installed packs), as if given to --content: a pack name or card id that bank already
    has is reported at the linted file, since the app would not load it. A related id
    anywhere in their own bank that no longer resolves (its card was deleted or does not
    load) is reported too. `--format json` prints one object (schema_version, problems,
    totals; `drillbit schema lint`); `--format github` prints annotations, paths relative
    to $GITHUB_WORKSPACE when it is set. Exit 0 when clean or only warned, 1 when there
    are errors, 2 on usage errors. `--git-deleted` (the pre-commit hook's entry) adds the
    bank of each card or pack.yaml the staged changes delete, wherever it is, and every
    bank of the repository when they change .pre-commit-config.yaml; with neither and no
    given file in a pack, it lints nothing. Warnings (such as right answers crowding one option
    position in a pack) are printed with "warning:" and do not fail the run.
    """
    if git_deleted:  # pre-commit passes no deleted file: a bank anywhere in the repository
        from quiz.bank.deleted import hook_paths

        found = hook_paths(paths, Path.cwd())
        if found == [] and _tell_packless(paths, output_format):
            sys.exit(1)  # a new pack's cards, its pack.yaml forgotten: no pack holds them
        if found == []:  # a commit that changes no card (the hook always runs)
            click.echo(
                "nothing to lint: no file given is in a pack, and git's changes delete no "
                "card or pack.yaml and leave pre-commit's config as it was",
                err=True,
            )
            return
        paths = paths if found is None else tuple(found)
    from quiz.bank.lint import checked_cards, lint, lint_load_roots
    from quiz.bank.lint_report import github_lines, lint_report
    from quiz.bank.sources import content_folder_problem, env_content_dirs
    from quiz.paths import link_trouble

    if not paths:
        home = _default_home()
        added = _unique([*env_content_dirs(), *obj.content])
        problem = content_folder_problem(added)
        if problem is not None:
            raise click.UsageError(problem)
        paths = tuple(_unique([home, *added]))
    for path in paths:
        trouble = link_trouble(path)  # a link leading nowhere exists, but is no card file
        if trouble is not None and not _linked_card(path):
            raise click.BadParameter(f"{trouble}: {path}", param_hint="PATHS")
    missing = [p for p in paths if not p.exists() and not _linked_card(p)]
    if missing:
        raise click.BadParameter(
            f"no such file or folder: {', '.join(map(str, missing))}", param_hint="PATHS"
        )
    special = [p for p in paths if not p.is_dir() and not p.is_file() and not _linked_card(p)]
    if special:  # a FIFO or a device given by name: no card file, never read
        raise click.BadParameter(
            f"not a card file or folder: {', '.join(map(str, special))}", param_hint="PATHS"
        )
    # The app's bank, with the linted paths' roots where --content folders go. A missing
    # --content was refused above when no path is given; with paths it is only the bank
    # the linted files are checked against, so it is named and the lint goes on, as the
    # other commands do (lint reports only problems under the paths: it was silent).
    roots = plain.content_roots_of([*obj.content, *lint_load_roots(paths)], warn)
    bank, problems = lint(
        list(paths), roots=roots, run_drills=not no_drills, drill_timeout=drill_timeout
    )
    if not git_deleted:  # the hook passes every changed .md; a person named this one
        outside = _outside_packs(paths)
        told = {p.path for p in outside}  # lint's own no-pack of it is the same slip
        problems = [*outside, *(p for p in problems if p.code != "no-pack" or p.path not in told)]
    loaded = checked_cards(bank, paths)
    # A card that loads with a problem (math that does not render) is loaded, not fine.
    with_errors = {p.path for p in problems if p.is_error}
    fine = sum(1 for card in loaded if card.path not in with_errors)
    shown, repeated = problems, 0
    if output_format != "json":  # a tool reading JSON gets each run's whole report
        from quiz.bank.hook_once import invocation, printed_before, problem_key

        before = printed_before(problems, Path.cwd(), invocation())
        if before:
            shown = [p for p in problems if problem_key(p) not in before]
            repeated = len(problems) - len(shown)
    if output_format == "json":
        report = lint_report(problems, len(loaded), display_path)
        click.echo(report.model_dump_json(indent=2))
    elif output_format == "github":
        for line in github_lines(shown, printable):
            click.echo(line)
    else:
        for p in shown:
            kind = "" if p.is_error else "warning: "
            click.echo(
                printable(f"{display_path(p.path)}:{p.line}:{p.col}: {kind}{p.message} [{p.code}]")
            )
    errors = [p for p in problems if p.is_error]
    warning_count = len(problems) - len(errors)
    warned = f", {counted(warning_count, 'warning')}" if warning_count else ""
    if repeated:  # pre-commit split the files: an earlier run of this hook printed them
        warned += (
            f" ({repeated} printed above by this hook's earlier run on other files, not repeated)"
        )
    if errors:
        files = len({p.path for p in errors})
        click.echo(
            f"{counted(len(errors), 'problem')} in {counted(files, 'file')}{warned}; "
            f"{counted(fine, 'card is', 'cards are')} fine",
            err=True,
        )
        sys.exit(1)
    click.echo(f"{counted(fine, 'card')} checked, no problems{warned}", err=True)


def _linked_card(path: Path) -> bool:
    """A symbolic link named as a card or pack.yaml of a pack (pre-commit passes one that
    changed): lint reports a loop or a broken link at it, file:line, as it does when it
    lints the folder, where a usage error named no line and no annotation."""
    import os

    from quiz.bank.loader import PACK_FILE, pack_dir_of

    if not os.path.islink(path) or not (path.suffix == ".md" or path.name == PACK_FILE):
        return False
    return pack_dir_of(path) is not None


def _outside_packs(paths: Sequence[Path]) -> list[Problem]:
    """A problem at each card file given that is in no pack: it was skipped, and lint said
    "0 cards checked, no problems", exit 0, as if it were a sound card. A card in a topic
    folder of a folder without its pack.yaml is told which folder needs one."""
    from quiz.bank.lint_packless import packless_card_why
    from quiz.bank.loader import PACK_FILE, pack_dir_of
    from quiz.bank.problems import Problem

    problems: list[Problem] = []
    folders_told: set[str] = set()  # a folder without its pack.yaml: at its first card given
    for path in paths:
        if not path.is_file() or pack_dir_of(path) is not None:
            continue
        why = packless_card_why(path)
        if why in folders_told:
            continue
        if why is not None:
            folders_told.add(why)
        problems.append(
            Problem(
                path,
                1,
                1,
                "no-pack",
                why
                or f"not in a pack, so not a card: a card is <pack>/<topic>/<id>.md in a folder "
                f"with a {PACK_FILE} (`drillbit import` makes cards of Q&A notes)",
            )
        )
    return problems


def _tell_packless(paths: Sequence[Path], output_format: str) -> bool:
    """The hook given no file in a pack: the cards among them in a folder whose pack.yaml
    was forgotten are told (the commit of a new pack passed as "nothing to lint"); True
    when there were any. A README or a notes file is no card, and says nothing."""
    from quiz.bank.lint_packless import packless_card_why
    from quiz.bank.lint_report import github_lines, lint_report
    from quiz.bank.problems import Problem

    told: dict[str, Path] = {}  # one slip, told once: at the first card given of its folder
    for path in paths:
        why = packless_card_why(path)
        if why is not None:
            told.setdefault(why, path)
    problems = [Problem(path, 1, 1, "no-pack", why) for why, path in told.items()]
    if not problems:
        return False
    if output_format == "json":
        click.echo(lint_report(problems, 0, display_path).model_dump_json(indent=2))
    elif output_format == "github":
        for line in github_lines(problems, printable):
            click.echo(line)
    else:
        for p in problems:
            click.echo(
                printable(f"{display_path(p.path)}:{p.line}:{p.col}: {p.message} [{p.code}]")
            )
    files = counted(len(problems), "file")
    click.echo(f"{counted(len(problems), 'problem')} in {files}; 0 cards are fine", err=True)
    return True


def _default_home() -> Path:
    """What `drillbit lint` alone checks: ./content, else the working directory when it is a
    pack (its own repository, pack.yaml at the top) or holds packs (a repository of several,
    each folder with its pack.yaml), else the bundled bank. An author in their pack's
    repository got the bundled bank checked, and "146 cards checked, no problems"."""
    if Path("content").is_dir():
        return Path("content")
    if Path("pack.yaml").is_file() or _holds_packs(Path(".")):
        return Path(".")
    from quiz.bank.sources import bundled_content_dir

    return bundled_content_dir()


def _holds_packs(folder: Path) -> bool:
    """Whether a folder not hidden in `folder` has a pack.yaml file: a folder of packs."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return False
    return any(
        not entry.name.startswith(".") and (Path(entry.path) / "pack.yaml").is_file()
        for entry in entries
        if entry.is_dir()
    )


def _unique(paths: list[Path]) -> list[Path]:
    """Each folder once (by where it resolves to), in order: `lint`'s default paths."""
    unique: list[Path] = []
    for path in paths:
        if all(path.resolve() != seen.resolve() for seen in unique):
            unique.append(path)
    return unique


@click.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (`drillbit schema list`).")
@click.option("--pack", help="Only cards of this pack.")
@click.option("--topic", help="Only cards of this topic.")
@click.option("--kind", type=Choice(CARD_KINDS), help="Only this kind.")
@click.option("--tag", help="Only cards with this tag.")
@pass_context
def list_command(
    obj: Context,
    as_json: bool,
    pack: str | None,
    topic: str | None,
    kind: str | None,
    tag: str | None,
) -> None:
    """List the cards of the bank: id, kind, pack, topic and title, under a header."""
    from quiz.study.cards import Filters

    # the table's columns are the card index's; --json also gives each card's difficulty
    # and file, which only the cards themselves hold
    index, bank = listing(obj, load=as_json, pack=pack, topic=topic, tag=tag, kind=kind)
    chosen = Filters(pack=pack, topic=topic, tag=tag, kind=kind)
    if bank is not None:
        cards = [c for c in bank.cards if chosen.matches(c)]
        from quiz.cli.schemas import SCHEMA_VERSION, CardList, CardRow

        listed = CardList(
            schema_version=SCHEMA_VERSION,
            cards=[
                CardRow(
                    id=c.id,
                    kind=c.kind,
                    title=c.title,
                    pack=c.pack,
                    topic=c.topic,
                    tags=list(c.tags),
                    difficulty=c.front.difficulty,
                    path=display_path(c.path),
                )
                for c in cards
            ],
        )
        click.echo(listed.model_dump_json(indent=2))
    else:
        from quiz.cli.fit import Column, table_lines
        from quiz.wrapping import terminal_width

        refs = [ref for ref in index.refs if chosen.matches(ref)]
        if not refs and not chosen.selects_all:  # names that each exist, no card in all
            click.echo(f"No card matches {asked_flags(chosen.as_dict())}.", err=True)
            tell_summary(index.summary)
            return
        pack_column = Column("PACK", [ref.pack for ref in refs])
        topic_column = Column("TOPIC", [ref.topic for ref in refs])
        columns = [
            Column("ID", [ref.id for ref in refs]),
            Column("KIND", [ref.kind for ref in refs]),
            pack_column,
            topic_column,
        ]
        # an 80-column terminal keeps the id, the kind and the title (the filters name the
        # pack and topic); into a pipe every column stays
        lines = table_lines(
            columns, [ref.title for ref in refs], terminal_width(), (topic_column, pack_column)
        )
        click.echo("\n".join(lines))
    tell_summary(index.summary)


@click.command("schema")
@click.argument(
    "name",
    type=Choice(
        ["card", "verdict", "lint", "list", "cards", "drills", "stats", "progress", "error", "plan"]
    ),
    default="card",
    metavar="[KIND]",  # the ten choices wrapped the usage line mid-word (pr|ogress)
)
def schema_command(name: str) -> None:
    """Print a JSON Schema: card front matter (default, for editor completion) or a JSON output.

    \b
    card      a card's front matter
    verdict   drillbit grade --json
    lint      drillbit lint --format json
    list      drillbit list --json
    cards     drillbit cards --json
    drills    drillbit drills --json
    stats     drillbit stats --json
    progress  drillbit export progress (the backup file)
    error     a usage error printed under --json
    plan      drillbit plan --json
    """
    from quiz.cli.schemas import json_schema

    click.echo(json.dumps(json_schema(name), indent=2))


COMMANDS: tuple[click.Command, ...] = (lint_command, list_command, schema_command)
