"""A choice option given a typo (`--kind code`, `--sort du`) names the closest choice, as an
unknown command or setting does, on drillbit's one error line; every choice option of
every command uses the one type that does it."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from quiz.cli.choice import Choice
from quiz.cli.group import cli
from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("args", "option", "meant"),
    [
        (("list", "--kind", "code"), "--kind", "coding"),
        (("study", "--mode", "crm"), "--mode", "cram"),
        (("cards", "--state", "nwe"), "--state", "new"),
        (("cards", "--sort", "du"), "--sort", "due"),
        (("lint", "content", "--format", "jsn"), "--format", "json"),
    ],
)
def test_a_typo_names_the_closest_choice(
    drillbit: RunDrillbit, args: tuple[str, ...], option: str, meant: str
) -> None:
    refused = drillbit(*args)
    assert refused.returncode == 2
    first = refused.stderr.splitlines()[0]
    assert first.startswith(f"drillbit: Invalid value for '{option}': '{args[-1]}' is not ")
    assert first.endswith(f": did you mean '{meant}'?")


def test_nothing_close_gets_the_list_alone(drillbit: RunDrillbit) -> None:
    refused = drillbit("list", "--kind", "zzz")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        "drillbit: Invalid value for '--kind': 'zzz' is not one of "
        "'concept', 'choice', 'numeric', 'coding'."
    )


def _commands(group: click.Command) -> list[click.Command]:
    if isinstance(group, click.Group):
        return [group, *(c for sub in group.commands.values() for c in _commands(sub))]
    return [group]


def test_every_choice_option_suggests() -> None:
    plain = [
        f"{command.name} {param.name}"
        for command in _commands(cli)
        for param in command.params
        if isinstance(param.type, click.Choice) and not isinstance(param.type, Choice)
    ]
    assert plain == []


@pytest.mark.parametrize("command", ["list", "cards", "study"])
def test_every_kind_option_refuses_a_kind_in_the_same_words(
    drillbit: RunDrillbit, command: str
) -> None:
    """`cards --kind` took any word and said "unknown kind 'zzz': known kinds: ..." without
    the usage, where `list --kind` and `study --kind` list the choices, as click does."""
    refused = drillbit(command, "--kind", "zzz")
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[:2] == [
        "drillbit: Invalid value for '--kind': 'zzz' is not one of "
        "'concept', 'choice', 'numeric', 'coding'.",
        f"Usage: drillbit {command} [OPTIONS]",
    ]


@pytest.mark.parametrize(
    "command",
    [
        ("list",),
        ("cards",),
        ("drills",),
        ("study",),
        ("export", "anki", "deck.apkg"),
    ],
)
def test_every_pack_option_answers_a_typo_in_the_same_words(
    drillbit: RunDrillbit, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """`export anki --pack` said "no pack named neual-networks (packs: ...)", without the
    did-you-mean every other --pack gives."""
    refused = drillbit(*command, "--pack", "neual-networks", cwd=tmp_path)
    assert refused.returncode == 2
    assert refused.stderr.splitlines() == [
        "drillbit: unknown pack 'neual-networks': did you mean 'neural-networks'?"
    ]
    assert list(tmp_path.iterdir()) == []
