"""`drillbit config [KEY [VALUE]] [--reset]`: list, read, change or reset a setting in config.toml.

It is also the repair command for a bad config.toml: it reads the file key by key
(`read_settings_file`), so a bad or unknown key is shown and marked rather than stopping
it, and `KEY VALUE` or `KEY --reset` rewrites the key named.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from quiz.cli.context import display_path, open_store

if TYPE_CHECKING:
    from quiz.settings import SettingsFile


@click.command("config", context_settings={"ignore_unknown_options": True})
@click.argument("key", required=False)
@click.argument("value", required=False)
@click.option(
    "--reset",
    is_flag=True,
    help="Put KEY back to its default (it is removed from config.toml; an unknown key too).",
)
def config_command(key: str | None, value: str | None, reset: bool) -> None:
    """List the settings, print one (KEY), change one (KEY VALUE) or put one back to its
    default (KEY --reset).

    Lists take commas or spaces: `drillbit config learning_steps "1m, 10m"`; no steps is
    "" or none, shown as (none). The retention may be a percentage: 95% is 0.95. Values are
    checked before anything is saved; a bad one exits 2 naming the key and what it takes. A
    config.toml
    edited by hand into a bad value or an unknown key is listed with that key marked
    (exit 1); `KEY VALUE` or `KEY --reset` repairs it.
    """
    from quiz.settings import read_settings_file

    if reset and (key is None or value is not None):
        raise click.UsageError("--reset takes a KEY and no VALUE")
    if key is not None:
        _refuse_plan_key(key)
    if key is None:
        _list(read_settings_file())
    elif reset:
        _reset(key)
    elif value is None:
        _show(key)
    else:
        _change(key, value)


def _list(file: SettingsFile) -> None:
    """Every key with its value (a bad one as the file holds it, marked), then the problems."""
    from quiz.settings import KEYS, describe, format_value, shown_raw

    settings = file.settings()
    for name in KEYS:
        problem = file.problem(name)
        if problem is not None:
            shown, note = shown_raw(problem.raw), f"  (invalid: {problem.reason})"
        else:
            current = getattr(settings, name)
            shown = format_value(current)
            note = "" if current == _default(name) else "  (changed)"
        click.echo(f"{name:<20} = {shown}{note}")
        click.echo(f"{'':<20}   {describe(name)}")
    for problem in file.problems:
        if not problem.known:
            click.echo(f"{problem.shown_key:<20} = {shown_raw(problem.raw)}  ({problem.reason})")
    _list_plan()
    if file.path.exists():
        click.echo(f"\nSaved in {display_path(file.path)}", err=True)
    else:  # a new user's: no file to look for yet
        click.echo(
            f"\nAll defaults: {display_path(file.path)} is written at the first change", err=True
        )
    _exit_on(file)


def _list_plan() -> None:
    """The interview plan's rows, as the settings screen lists them under the settings,
    each with the `drillbit plan` option that sets it (the plan is kept with the progress,
    not in config.toml). A home with no database yet has no plan: none is made to say so;
    one that cannot be read is said on stderr, and the settings stay listed."""
    from quiz.errors import DrillbitError
    from quiz.paths import database_path
    from quiz.study.plan_edit import PLAN_ROWS, plan_value

    try:
        plan = None
        if database_path(create=False).exists():
            with open_store() as store:
                plan = store.interview_plan()
    except DrillbitError as exc:
        click.echo(f"drillbit: the interview plan could not be read: {exc.one_line()}", err=True)
        return
    click.echo()
    for field, row in PLAN_ROWS.items():
        shown = plan_value(plan, field) if plan is not None else "none"
        click.echo(f"{row.name:<20} = {shown}  (drillbit plan {row.option})")
        click.echo(f"{'':<20}   {row.what}")


def _refuse_plan_key(key: str) -> None:
    """A plan field named as a key (`drillbit config interview`): it is not in config.toml,
    so say which `drillbit plan` option sets it, not "unknown key" (exit 2)."""
    from quiz.study.plan_edit import PLAN_ROWS

    wanted = "_".join(key.lower().replace("-", " ").split())
    for field, row in PLAN_ROWS.items():
        if wanted in (field, row.name.replace(" ", "_"), f"plan_{field}"):
            raise click.UsageError(
                f"'{key}' is part of the interview plan ({row.name}), kept with your "
                f"progress, not in config.toml: `drillbit plan {row.option} VALUE` sets it"
            )


def _show(key: str) -> None:
    """One key's value; a bad file still answers for its good keys, and exits 1."""
    from quiz.settings import KEYS, format_value, parse_value, read_settings_file

    if key not in KEYS:
        parse_value(key, "")  # says which key was meant, exit 2
    file = read_settings_file()
    if file.problem(key) is None:
        click.echo(format_value(getattr(file.settings(), key)))
    _exit_on(file)


def _change(key: str, text: str) -> None:
    """Set KEY: the value is checked first (exit 2), then the rest of the file."""
    from quiz.settings import Settings, format_value, save_key, with_value

    value = getattr(with_value(Settings(), key, text), key)  # no rule spans two keys
    saved = save_key(key, value)
    shown = format_value(getattr(saved.settings(), key))
    click.echo(f"{key} = {shown}  (saved to {display_path(saved.path)})")
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
        click.echo(f"settings: {problem.one_line(display_path(file.path))}", err=True)
    sys.exit(1)


def _default(key: str) -> object:
    from quiz.settings import Settings

    return getattr(Settings(), key)


COMMANDS: tuple[click.Command, ...] = (config_command,)
