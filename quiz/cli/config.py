"""`drillbit config [KEY [VALUE]]`: list, read or change a setting in config.toml."""

from __future__ import annotations

import click

from quiz.cli.context import display_path


@click.command("config", context_settings={"ignore_unknown_options": True})
@click.argument("key", required=False)
@click.argument("value", required=False)
def config_command(key: str | None, value: str | None) -> None:
    """List the settings, print one (KEY), or change one (KEY VALUE).

    Lists take commas or spaces: `drillbit config learning_steps "1m, 10m"`. Values are
    checked before anything is saved; a bad one exits 2 naming the key.
    """
    from quiz.settings import (
        KEYS,
        Settings,
        config_path,
        describe,
        format_value,
        load_settings,
        parse_value,
        save_settings,
        with_value,
    )

    settings = load_settings()
    if key is None:
        defaults = Settings()
        for name in KEYS:
            current = getattr(settings, name)
            changed = "" if current == getattr(defaults, name) else "  (changed)"
            description = describe(name)
            click.echo(f"{name:<20} = {format_value(current)}{changed}")
            click.echo(f"{'':<20}   {description}")
        click.echo(f"\nSaved in {display_path(config_path())}", err=True)
        return
    if value is None:
        if key not in KEYS:
            parse_value(key, "")  # says which key was meant, exit 2
        click.echo(format_value(getattr(settings, key)))
        return
    updated = with_value(settings, key, value)
    path = save_settings(updated)
    click.echo(f"{key} = {format_value(getattr(updated, key))}  (saved to {display_path(path)})")


COMMANDS: tuple[click.Command, ...] = (config_command,)
