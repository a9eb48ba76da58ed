"""What every command shares: the `Context` object, the progress store, paths for display.

Command modules import from here and never from `quiz.cli.group`, so the group that
registers them can import them without a cycle. The bank and the store are imported
when a command needs them: `drillbit --help` and `drillbit schema` stay fast.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from quiz.cli import plain
from quiz.cli.plain import SCHEMA_VERSION, display_path, shown_summary
from quiz.clock import Clock, utc_now
from quiz.errors import escape_controls, escape_path
from quiz.paths import dead_link, file_in_the_way, no_entry

if TYPE_CHECKING:
    from datetime import datetime

    from quiz.bank.drill_bank import DrillBank
    from quiz.bank.index import BankIndex
    from quiz.bank.loader import Bank
    from quiz.drill_grading import DrillSource
    from quiz.selection import Named
    from quiz.store.store import Store
    from quiz.study.cards import StudyCard
    from quiz.study.plan_today import PlanQueue

__all__ = [
    "SCHEMA_VERSION",
    "asked_flags",
    "Context",
    "SuggestingGroup",
    "check_bank_names",
    "check_index_names",
    "check_listing_names",
    "display_path",
    "display_paths",
    "listing",
    "missing_content_named",
    "missing_drill",
    "missing_file",
    "no_card_yet",
    "open_store",
    "pass_context",
    "plan_queue_now",
    "shown_summary",
    "tell_summary",
    "user_folders",
    "warn",
]


def listing(obj: Context, *, load: bool, **given: str | None) -> tuple[BankIndex, Bank | None]:
    """A listing's cards: the card index (and the bank itself when `load`: the cards'
    text or a field the index does not hold), with the names in `given` checked as
    `check_bank_names` does. A warm index is one `stat` a file; reading every card from
    the card cache was most of a 10,000-card listing's time."""
    bank: Bank | None = None
    if load:  # through the index, so a load made because a file changed is remembered
        index, bank = obj.indexed_bank()  # its summary names a missing folder
    else:
        index = obj.bank_index(name_missing=False)
    check_listing_names(obj, index, **given)
    return index, bank


def check_listing_names(obj: Context, index: BankIndex, **given: str | None) -> None:
    """`check_index_names` for a listing, whose load summary (which names a missing
    content folder) follows its rows: on a refusal a missing folder is named first, as
    every other command names it. `--content notes list --pack my-notes` said only
    "unknown pack 'my-notes'", never that the folder that would hold it is not there."""
    with missing_content_named(obj):
        check_index_names(index, folders=user_folders(obj), **given)


@contextmanager
def missing_content_named(obj: Context) -> Iterator[None]:
    """A refusal (a DrillbitError) inside is preceded by the --content or DRILLBIT_CONTENT
    folders that are not there, if any (`drillbit drills` checks its names so too)."""
    from quiz.errors import DrillbitError

    try:
        yield
    except DrillbitError:
        plain.name_missing_content(obj.content, warn)
        raise


def check_index_names(
    index: BankIndex, *, folders: Sequence[Path] = (), **given: str | None
) -> None:
    """`_names_checked` over the card index."""
    _names_checked(index.refs, index.pack_titles, index.broken, folders, given)


def check_bank_names(bank: Bank, *, folders: Sequence[Path] = (), **given: str | None) -> None:
    """`_names_checked` over a loaded bank."""
    _names_checked(bank.cards, bank.packs, sorted(bank.broken_files), folders, given)


def _names_checked(
    cards: Sequence[Named],
    packs: Collection[str],
    broken: Sequence[Path],
    folders: Sequence[Path],
    given: dict[str, str | None],
) -> None:
    """`quiz.selection.check_names` over the cards of an index or a bank, one step for
    both: a name whose card files did not load is said to be so, with the file and the
    lint to run; a pack whose pack.yaml in one of the content `folders` does not load too
    (`pack_not_loaded`), and a pack with no card yet (`no_card_yet`)."""
    from quiz.selection import check_names

    pack_not_loaded(given.get("pack"), packs, cards, folders)
    no_card_yet(given.get("pack"), packs, cards, broken)
    check_names(cards, broken=broken, show=display_path, packs=packs, **given)


def user_folders(obj: Context) -> list[Path]:
    """The content folders a person named (DRILLBIT_CONTENT, --content): where a pack of
    their own is; the bundled bank and installed packs are not read again."""
    from quiz.bank.sources import env_content_dirs

    return [*env_content_dirs(), *obj.content]


def pack_not_loaded(
    pack: str | None, packs: Collection[str], cards: Iterable[Named], folders: Sequence[Path]
) -> None:
    """UsageError for a pack whose folder is in one of `folders` (or is one), pack.yaml and
    all, but which did not load, no card of it either (its pack.yaml has problems):
    "unknown pack 'my-pack': known packs: ..." sent its author looking for a typo in a
    name that was right, and `list`, `cards`, `drills` and `export anki` said nothing of
    the pack.yaml. A pack whose cards load despite its pack.yaml is listed as it is."""
    if pack is None or pack in packs or any(card.pack == pack for card in cards):
        return
    from quiz.bank.loader import PACK_FILE
    from quiz.errors import UsageError

    for root in folders:
        for folder in (root / pack, root):
            if folder.name == pack and (folder / PACK_FILE).is_file():
                where = shlex.quote(display_path(folder))
                raise UsageError(
                    f"pack '{pack}' did not load: {display_path(folder / PACK_FILE)} has "
                    f"problems; `drillbit lint {where}` shows them"
                )


def no_card_yet(
    pack: str | None, packs: Collection[str], cards: Iterable[Named], broken: Iterable[Path]
) -> None:
    """UsageError for a pack that loads but has no card file yet (its pack.yaml written
    first): "unknown pack" sent its author looking for a typo."""
    if pack is None or pack not in packs or any(card.pack == pack for card in cards):
        return
    if any(path.parent.parent.name == pack for path in broken):
        return  # its card files do not load: `check_names` says which, and the lint to run
    from quiz.errors import UsageError

    raise UsageError(f"pack '{pack}' has no card yet: add one at {pack}/<topic>/<id>.md")


def display_paths(paths: Sequence[Path]) -> list[str]:
    """`display_path` of each path, with each folder resolved and shown once: a file is
    shown as its folder is, plus its name (a symbolic link too: where it sits).
    (`display_path` resolves every part of every path and the working directory again: a fifth of the whole import's CPU time for 2,650
    cards; even one `Path` made per file was 70 ms of it.)"""
    cwd = Path.cwd().resolve()
    prefixes: dict[str, str | None] = {}  # folder -> how its files start, None: as given
    shown: list[str] = []
    for path in paths:
        given = str(path)
        folder, name = os.path.split(given)
        if folder not in prefixes:
            prefixes[folder] = _folder_prefix(Path(folder or "."), cwd)
        prefix = prefixes[folder]
        shown.append(given if prefix is None else prefix + name)
    return shown


def _folder_prefix(folder: Path, cwd: Path) -> str | None:
    """What `_shown` puts before a file's name in `folder` (relative to `cwd`, with its
    separator; nothing for `cwd` itself), or None when the folder is not below `cwd`."""
    try:
        relative = folder.resolve().relative_to(cwd)
    except ValueError:
        return None
    return "" if relative == Path(".") else str(relative) + os.sep


class Context:
    """Options shared by every command (the root group's `ctx.obj`), and its clock.

    `quiz.cli.main` makes one per command line; a test gives it a fixed `clock` (through
    `main`, or as the `obj` of click's test runner) instead of waiting out a day's end."""

    def __init__(self, content: Sequence[Path] = (), *, clock: Clock = utc_now) -> None:
        self.content = list(content)
        self.clock = clock
        """The wall clock; `now` is this command's one reading of it. A command that runs
        on (`watch`) reads it for each new event."""
        self._summary_told = False
        self._drill_bank: DrillBank | None = None

    @cached_property
    def now(self) -> datetime:
        """The command's time, read once: every count and record of one command line is of
        one moment, so a command run across midnight does not mix two days."""
        return self.clock()

    def load_bank(self, *, name_missing: bool = True) -> Bank:
        """The bundled bank plus --content, DRILLBIT_CONTENT and installed packs
        (`name_missing`: see `roots`)."""
        from quiz.bank.loader import load_bank

        return load_bank(self.roots(name_missing=name_missing))

    def told_bank(self) -> DrillBank:
        """The bank as a drill command needs it (`quiz.bank.drill_bank`: the card index,
        one card's model when asked for) with its load summary on stderr (`tell_summary`),
        once per command line: `grade`, `hint`, `drill` and `watch` named a missing
        --content folder only and left a card that failed to load out unsaid; `drill
        --watch` runs `watch` with this context (the same bank), and a bare `grade` reads
        it to name the next drill. Through the index, as Home loads it, so after an edit
        only the changed card files are read: `indexed_bank` built every card model, a
        whole load after one file changed (perf56)."""
        if self._drill_bank is None:
            from quiz.bank.drill_bank import DrillBank

            # its summary names a missing folder
            self._drill_bank = DrillBank(self.roots(name_missing=False))
        bank = self._drill_bank
        if not self._summary_told:
            self._summary_told = True
            tell_summary(bank.problem_summary())
        return bank

    def indexed_bank(self, *, name_missing: bool = False) -> tuple[BankIndex, Bank]:
        """The bank with its card index, loaded through `bank_index` as Home and `list`
        load it: a load made because a file changed is remembered, so the next start reads
        the index only (`export anki` called `load_bank`, and the next Home loaded the
        whole bank again). `name_missing`: see `roots` (the summary names one too)."""
        from quiz.bank.index import bank_index
        from quiz.bank.loader import load_bank

        roots = self.roots(name_missing=name_missing)
        index, bank = bank_index(roots, whole=True)  # the bank is needed: one load gives both
        return index, bank if bank is not None else load_bank(roots)

    def bank_index(self, *, name_missing: bool = True) -> BankIndex:
        """Id, pack, topic, kind, title and tags of the cards `load_bank` would give, the
        card files that do not load and its problem summary, cheaply (`name_missing`: see
        `roots`)."""
        from quiz.bank.index import bank_index

        return bank_index(self.roots(name_missing=name_missing))[0]

    def roots(self, *, name_missing: bool = True) -> list[Path]:
        """The content roots; installed packs this drillbit cannot load are named on stderr,
        and a --content or DRILLBIT_CONTENT folder that is not there unless the command
        names it itself (`name_missing` False: `list` and `cards` print the bank's load
        summary, which does)."""
        return plain.content_roots_of(self.content, warn, name_missing=name_missing)


class WholeSummaries(click.Group):
    """A group whose help lists each command with the whole first sentence of its help,
    folded under it: Click cut each to the width left on one line, and at 80 columns
    `drillbit --help` read "doctor  List the sandbox's isolation layers on this
    machine..." and "cards  List cards with their state (new, learning, review,...",
    half a phrase, for most commands."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        shown = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if shown:
            with formatter.section("Commands"):
                # a sentence never reaches this limit: the first sentence is kept whole
                formatter.write_dl(
                    [(name, command.get_short_help_str(10_000)) for name, command in shown]
                )


class SuggestingGroup(WholeSummaries):
    """A group whose unknown command names the commands it is close to (`drillbit stat`:
    did you mean 'stats'?), as git does. Click suggests only among the commands already
    loaded, and the root group loads them on demand: a typo was told no more than that
    the name was unknown."""

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        name = args[0] if args else ""
        if (
            name
            and not name.startswith("-")
            and not ctx.resilient_parsing
            and self.get_command(ctx, name) is None
        ):
            raise click.UsageError(
                unknown_command(
                    name, self.list_commands(ctx), ctx.command_path, self.command_for_file(name)
                ),
                ctx,
            )
        return super().resolve_command(ctx, args)

    def command_for_file(self, name: str) -> str | None:
        """The command that writes or reads a file named `name`, for a group whose commands
        take one (`export`), so that a file typed where the command goes is told the line
        meant; None here."""
        return None


FEW_COMMANDS = 4
"""A group with at most this many commands names them all when an unknown one is typed."""


def unknown_command(
    name: str,
    known: Sequence[str],
    group: str = "drillbit",
    file_command: str | None = None,
    lists_them: str | None = None,
) -> str:
    """What `group` says of a command name it does not have: the close ones, else the line
    meant when `name` is a file its `file_command` takes, else a small group's commands
    (`drillbit export deck.apkg` said only "No such command 'deck.apkg'"), else
    `lists_them`, where to find them, for a caller whose error Click gives no `Try` line."""
    import difflib
    import shlex

    said = f"No such command {name!r}."
    close = difflib.get_close_matches(name, known, n=3)
    if close:
        return f"{said} Did you mean {' or '.join(repr(found) for found in close)}?"
    if file_command is not None:
        return f"{said} Did you mean `{group} {file_command} {shlex.quote(name)}`?"
    if len(known) <= FEW_COMMANDS:
        return f"{said} {group} takes {' or '.join(repr(command) for command in known)}."
    return said if lists_them is None else f"{said} {lists_them}"


pass_context = click.make_pass_decorator(Context, ensure=True)
"""Hands a command the root group's `Context` as its first argument (a command run on
its own, as a test may, gets one with no --content and the wall clock)."""


def open_store(obj: Context, *, says_unsaved: bool = False) -> Store:
    """The progress database; notices (a corrupt file moved aside, nothing saved) go to stderr.

    So do notices added later (damage found while reading the logs). Its errors
    (StoreError, DataDirError) reach `main`, which prints them as one line. With
    `says_unsaved` the command itself says what a database it cannot write did not save
    (`plain.open_store`). The store reads `obj`'s clock, as the command does.
    """
    return plain.open_store(warn, obj.clock, says_unsaved=says_unsaved)


def plan_queue_now(store: Store, cards: Sequence[StudyCard], now: datetime) -> PlanQueue | None:
    """Today's plan-mode queue as the app has it (the settings' fsrs steps, the local time
    zone), or None without a running plan."""
    from quiz.settings import load_settings
    from quiz.study.days import study_zone
    from quiz.study.plan_today import plan_queue

    settings = load_settings()
    zone = study_zone(settings.day_starts_at)
    return plan_queue(store, cards, now, tz=zone, scheduler=settings.scheduler())


def missing_drill(obj: Context, usage: str) -> NoReturn:
    """Refuse a command given no DRILL, naming the first drill not passed yet (the one
    `drillbit drill` opens) in `usage`, whose `{drill}` is its id: a rustlings user types
    `watch` or `hint` bare and was told only `Missing argument 'DRILL'`."""
    from quiz.drill_list import drill_rows, next_unsolved

    bank = obj.told_bank()
    with open_store(obj) as store:
        following = next_unsolved(drill_rows(bank.cards, store))
    said = "Missing argument 'DRILL'."
    if following is None:
        raise click.UsageError(f"{said} Every drill is passed: `drillbit drills` lists them.")
    command = usage.format(drill=following.id)
    raise click.UsageError(f"{said} The first drill not passed yet is {following.id}: {command}.")


class GivenPath(click.Path):
    """click's Path that refuses a path given empty (`"$FILE"` with FILE not set): click
    took '' as '.', the working folder. `--content ''` was then a folder lint said had "no
    pack found" (`.:1:1`) and `import` wrote its cards into, `grade DRILL ''` was ". : a
    folder", and `export progress ''` ended in pathlib's ValueError traceback."""

    def __init__(
        self, *, what: str, links_to_nothing: bool = True, missing: str = "", **kwargs: Any
    ) -> None:
        super().__init__(path_type=Path, **kwargs)
        self.what = what
        self.links_to_nothing = links_to_nothing
        self.missing = missing

    def get_missing_message(self, param: click.Parameter, ctx: click.Context | None) -> str:
        """What the path not given is for and a line that gives one, after Click's "Missing
        argument 'FILE'." (which alone said neither)."""
        return self.missing

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":
            self.fail(
                f"'' is empty (a shell variable that is not set?): give {self.what}", param, ctx
            )
        dead = (
            None if self.links_to_nothing or not isinstance(value, str) else dead_link(Path(value))
        )
        if dead is not None:
            # click said "File '...' does not exist" of a name `ls` lists (of a loop and of
            # a link behind a file too), and `grade`'s hint sent the person to `watch`,
            # which failed "No such file or directory"
            words = dead.words("a drive not mounted, a file moved?")
            self.fail(f"'{escape_path(value)}' is {dead.under(Path(value))}{words}", param, ctx)
        reads = self.exists and isinstance(value, str) and value != "-"
        closed = no_entry(Path(value)) if reads else None
        if closed is not None:
            self.fail(f"'{escape_path(value)}' cannot be reached: {closed}", param, ctx)
        blocker = file_in_the_way(Path(value)) if reads else None
        if blocker is not None:  # click said "File 'x.py/backup.json' does not exist"
            self.fail(
                f"'{escape_path(value)}' cannot be there: {escape_path(str(blocker))} is a "
                "file, not a folder",
                param,
                ctx,
            )
        return super().convert(value, param, ctx)


def content_folder() -> GivenPath:
    """The type of every `--content` option: a folder, never given empty."""
    return GivenPath(
        what="a folder, or leave the option out", file_okay=False, links_to_nothing=True
    )


def file_to_read(*, dash: bool = False, missing: str = "") -> GivenPath:
    """The type of a FILE a command reads (notes, a backup): there, not a folder, never
    given empty nor a link to nothing; `-` passed on when `dash`. `missing` says, when it
    is not given, what it is for (`GivenPath.get_missing_message`)."""
    return GivenPath(
        what="a file name",
        exists=True,
        dir_okay=False,
        allow_dash=dash,
        links_to_nothing=False,
        missing=missing,
    )


def answer_file() -> GivenPath:
    """The type of the FILE `grade` and `watch` take: a file, never given empty nor a link
    to nothing (`watch` would fail to write its starter through it)."""
    return GivenPath(what="a file name", dir_okay=False, links_to_nothing=False)


def file_to_write(*, missing: str = "") -> GivenPath:
    """The type of a FILE a command writes or grades: a file, never given empty; `missing`
    as `file_to_read` has it."""
    return GivenPath(what="a file name", dir_okay=False, missing=missing)


def refuse_standard_input(command: str, file: Path | None) -> None:
    """Refuse FILE `-`, which many tools read as standard input (`cat answer.py | drillbit
    grade sigmoid -`): `grade` said "File '-' does not exist" and offered `drillbit watch
    sigmoid -`, which writes the starter to a file named `-`."""
    if file is not None and str(file) == "-":
        raise click.BadParameter(
            f"'-' (standard input) is not read: {command} takes a file; save the code to one "
            "(answer.py) and give its name",
            param_hint="'FILE'",
        )


def file_for_drill(bank: DrillSource, command: str, drill_id: str, file: Path | None) -> None:
    """Refuse a DRILL that is no drill id but a file there (`drillbit grade answer.py
    sigmoid`, `grade answer.py`), with the command line in its order: it was told only that
    'answer.py' is not a drill, as if the person had mistyped a drill's name."""
    if bank.get(drill_id) is not None or not Path(drill_id).is_file():
        return
    shown = shlex.quote(drill_id)
    if file is not None and bank.get(str(file)) is not None:
        raise click.UsageError(
            f"'{drill_id}' is a file and '{file}' a drill: the drill comes first: "
            f"`drillbit {command} {shlex.quote(str(file))} {shown}`"
        )
    raise click.UsageError(
        f"'{drill_id}' is a file, not a drill: the drill comes first: `drillbit {command} "
        f"DRILL {shown}` (`drillbit drills` lists the drills)"
    )


def missing_file(usage: str) -> NoReturn:
    """Refuse a command given a DRILL but no FILE, with the command that writes one."""
    raise click.UsageError(f"Missing argument 'FILE', the file to grade: {usage}.")


def asked_flags(filters: Mapping[str, str | None]) -> str:
    """The filters given, as typed (`--state due --search 'two words'`), for the one line
    `list`, `cards` and `drills` say when nothing matches them."""
    return escape_controls(
        " ".join(
            f"--{name} {shlex.quote(value)}"
            for name, value in filters.items()
            if value and value.strip()
        )
    )


def tell_summary(summary: str | None) -> None:
    """The bank's load summary (`Bank.problem_summary`: lint's first line, then what it
    left out) on stderr, as `list` says it: `stats`, `plan`, `show` and `study` left a
    card that failed to load out without a word, and stdout stays the command's (JSON)."""
    if summary is not None:
        from quiz.textsafe import printable

        click.echo(printable(shown_summary(summary)), err=True)


def warn(message: str) -> None:
    """One line for the person on stderr (the `Warn` the click commands hand on)."""
    click.echo(message, err=True)
