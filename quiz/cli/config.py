"""`drillbit config [KEY [VALUE]] [--reset]`: list, read, change or reset a setting in config.toml.

It is also the repair command for a bad config.toml: it reads the file key by key
(`read_settings_file`), so a bad or unknown key is shown and marked rather than stopping
it, and `KEY VALUE` or `KEY --reset` rewrites the key named.
"""

from __future__ import annotations

import shlex
import sys
from typing import TYPE_CHECKING

import click

from quiz.cli.context import Context, display_path, open_store, pass_context
from quiz.wrapping import fold_text, terminal_width

if TYPE_CHECKING:
    from quiz.settings import SettingsFile
    from quiz.store import InterviewPlan
    from quiz.study.plan_edit import PlanField


@click.command("config", context_settings={"ignore_unknown_options": True})
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.argument("more", nargs=-1, metavar="")
@click.option(
    "--reset",
    is_flag=True,
    help="Put KEY back to its default (it is removed from config.toml; an unknown key too).",
)
@pass_context
def config_command(
    obj: Context, key: str | None, value: str | None, more: tuple[str, ...], reset: bool
) -> None:
    """List the settings, print one (KEY), change one (KEY VALUE) or put one back to its
    default (KEY --reset).

    Lists take commas or spaces: `drillbit config learning_steps "1m, 10m"`; no steps is
    "" or none, shown as (none). The retention may be a percentage: 95% is 0.95. Values are
    checked before anything is saved; a bad one exits 2 naming the key and what it takes. A
    config.toml
    edited by hand into a bad value or an unknown key is listed with that key marked
    (exit 1); `KEY VALUE` or `KEY --reset` repairs it.

    The list ends with the interview plan's rows (interview, minutes_per_day, target: the
    `drillbit plan` options that set them), kept with your progress: `drillbit config
    interview` prints one (the old names, `plan_target`..., still work), and `drillbit
    plan` changes them.
    """
    from quiz.settings import read_settings_file

    value = _one_value(key, value, more)
    if reset and (key is None or value is not None):
        raise click.UsageError("--reset takes a KEY and no VALUE")
    field = None if key is None else _plan_field(key)
    if key is not None and field is not None:
        _plan_key(obj, key, field, value, reset=reset)
        return
    if key is None:
        _list(obj, read_settings_file())
    elif reset:
        _reset(key)
    elif value is None:
        _show(key)
    else:
        _change(key, value)


LIST_KEYS = ("learning_steps", "relearning_steps")
"""The settings whose value is a list: its items may be typed as words of their own."""


def _one_value(key: str | None, value: str | None, more: tuple[str, ...]) -> str | None:
    """VALUE, with a list's further items typed unquoted (`learning_steps 1m 10m`, as the
    help's "commas or spaces" reads) joined to it; another key given more words than one
    is refused naming the key: both were click's "Got unexpected extra argument (10m)"."""
    if not more or value is None:
        return value
    if key in LIST_KEYS:
        return " ".join((value, *more))
    from quiz.settings import KEYS

    if key not in KEYS and _plan_field(key or "") is None:
        return value  # an unknown key: `_change` names it, with the key meant
    typed = shlex.join((value, *more))
    raise click.UsageError(
        f"{key} takes one VALUE and was given {len(more) + 1} ({typed}); quote a value that "
        "has spaces"
    )


def _list(obj: Context, file: SettingsFile) -> None:
    """Every key with its value (a bad one as the file holds it, marked), then the problems."""
    from quiz.settings import KEYS, describe, format_value, shown_raw

    settings = file.settings()
    width = terminal_width()  # a description under its key, not from column 0
    for name in KEYS:
        problem = file.problem(name)
        if problem is not None:
            shown, note = shown_raw(problem.raw), f"  (invalid: {problem.reason})"
        else:
            current = getattr(settings, name)
            shown = format_value(current)
            note = "" if current == _default(name) else "  (changed)"
        click.echo(f"{name:<20} = {shown}{note}")
        click.echo(fold_text(f"{'':<20}   {describe(name)}", width))
    for problem in file.problems:
        if not problem.known:
            click.echo(f"{problem.shown_key:<20} = {shown_raw(problem.raw)}  ({problem.reason})")
    _list_plan(obj)
    if file.path.exists():
        click.echo(f"\nSaved in {display_path(file.path)}", err=True)
    else:  # a new user's: no file to look for yet
        said = f"All defaults: {display_path(file.path)} is written at the first change"
        click.echo("\n" + fold_text(said, width), err=True)
    _exit_on(file)


def _list_plan(obj: Context) -> None:
    """The interview plan's rows, as the settings screen lists them under the settings,
    each with the `drillbit plan` option that sets it (the plan is kept with the progress,
    not in config.toml). A home with no database yet has no plan: none is made to say so;
    one that cannot be read is said on stderr, and the settings stay listed."""
    from quiz.errors import DrillbitError
    from quiz.study.plan_edit import PLAN_ROWS

    try:
        plan = _read_plan(obj)
    except DrillbitError as exc:
        click.echo(f"drillbit: the interview plan could not be read: {exc.one_line()}", err=True)
        return
    click.echo()
    for field, row in PLAN_ROWS.items():
        click.echo(f"{row.name:<20} = {_plan_shown(plan, field)}  (drillbit plan {row.option})")
        click.echo(fold_text(f"{'':<20}   {row.what}", terminal_width()))


def _read_plan(obj: Context) -> InterviewPlan | None:
    """The interview plan, or None: a home with no database yet has none, and none is made
    to say so."""
    from quiz.paths import database_path

    if not database_path(create=False).exists():
        return None
    with open_store(obj) as store:
        return store.interview_plan()


def _plan_shown(plan: InterviewPlan | None, field: PlanField) -> str:
    """A plan row's value as the list and the settings screen show it ("none": no plan)."""
    from quiz.study.plan_edit import plan_value

    return plan_value(plan, field) if plan is not None else "none"


def _plan_field(key: str) -> PlanField | None:
    """The plan's field a key names (`interview`, `minutes-per-day`, `target`, or an old name:
    `plan minutes/day`, `plan_target`...), or None for a key of config.toml."""
    from quiz.study.plan_edit import PLAN_ROWS

    wanted = "_".join(key.lower().replace("-", " ").split())
    for field, row in PLAN_ROWS.items():
        names = (row.name, row.old_name.replace(" ", "_"), f"plan_{field}")
        if wanted in (field, *names):
            return field
    return None


def _plan_key(obj: Context, key: str, field: PlanField, value: str | None, *, reset: bool) -> None:
    """A plan field named as a key: printed as the list shows it (`drillbit config
    interview`, as for any key the list shows); changing or resetting it is refused with
    the `drillbit plan` command that does it (exit 2), since it is not in config.toml."""
    from quiz.study.plan_edit import PLAN_ROWS

    row = PLAN_ROWS[field]
    if value is None and not reset:
        click.echo(_plan_shown(_read_plan(obj), field))
        return
    how = (
        "`drillbit plan --clear` removes the plan"
        if reset and field == "interview"
        else f"`drillbit plan {row.option} {'VALUE' if value is None else shlex.quote(value)}`"
        " sets it"
    )
    raise click.UsageError(
        f"'{key}' is part of the interview plan ({row.name}), kept with your progress, "
        f"not in config.toml: {how}"
    )


def _show(key: str) -> None:
    """One key's value; a bad file still answers for its good keys, and exits 1."""
    from quiz.settings import KEYS, format_value, parse_value, read_settings_file

    if key not in KEYS:
        parse_value(key, "")  # says which key was meant, exit 2
    file = read_settings_file()
    if file.problem(key) is None:
        click.echo(format_value(getattr(file.settings(), key)))
    if key == "theme":  # which names it takes, as the palette's theme list shows them
        from quiz.tui.themes import theme_names

        click.echo(fold_text(f"themes: {', '.join(theme_names())}", terminal_width()), err=True)
    _exit_on(file)


def _change(key: str, text: str) -> None:
    """Set KEY: the value is checked first (exit 2), then the rest of the file."""
    from quiz.settings import Settings, format_value, save_key, with_value

    value = getattr(with_value(Settings(), key, text), key)  # no rule spans two keys
    if key == "theme":  # a name the app has: checked where Textual's themes are known
        from quiz.settings import SettingsError
        from quiz.tui.themes import theme_names, unknown_theme

        refusal = unknown_theme(value, theme_names())
        if refusal is not None:
            raise SettingsError(refusal)
    saved = save_key(key, value)
    shown = format_value(getattr(saved.settings(), key))
    # the default is kept by leaving the key out, as --reset does, and said as --reset says it
    default = "the default; " if key not in saved.data else ""
    click.echo(f"{key} = {shown}  ({default}saved to {display_path(saved.path)})")
    _exit_on(saved)


def _reset(key: str) -> None:
    """KEY back to its default: removed from the file (an unknown key the file holds too)."""
    from quiz.settings import KEYS, format_value, parse_value, read_settings_file, save_key

    file = read_settings_file()
    if key not in KEYS and key not in file.data:
        parse_value(key, "")  # says which key was meant, exit 2
    if key not in file.data:
        click.echo(
            f"{key} = {format_value(_default(key))}  (the default; config.toml does not set it)"
        )
        _exit_on(file)
        return
    saved = save_key(key, None, file.path)
    where = display_path(saved.path)
    if key in KEYS:
        click.echo(f"{key} = {format_value(_default(key))}  (the default; saved to {where})")
    else:
        click.echo(f"{key} removed from {where}")
    _exit_on(saved)


def _exit_on(file: SettingsFile) -> None:
    """Each of the file's problems on its own line (stderr) and exit 1, when it has any."""
    if not file.problems:
        return
    for problem in file.problems:
        click.echo(f"drillbit: settings: {problem.one_line(display_path(file.path))}", err=True)
    sys.exit(1)


def _default(key: str) -> object:
    from quiz.settings import Settings

    return getattr(Settings(), key)


COMMANDS: tuple[click.Command, ...] = (config_command,)
