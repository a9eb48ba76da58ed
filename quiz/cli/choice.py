"""The one type every choice option uses (--kind, --mode, --state, --sort, --format...): a
typo is answered with the closest choice, as an unknown command or key already is."""

from __future__ import annotations

from typing import Any

import click

CARD_KINDS = ("concept", "choice", "numeric", "coding")
"""What `--kind` takes, on every command that has it (`list`, `cards`, `study`): `cards`
took any word and said "unknown kind" where the others listed the choices and the usage."""


class Choice(click.Choice):  # type: ignore[type-arg]
    """click's Choice, whose refusal adds "did you mean 'coding'?" when a choice is close
    (`--kind code`, `--sort du`); click's list of the choices stays."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        import difflib  # a refusal only: a command that runs does not load it

        said = super().get_invalid_choice_message(value, ctx)
        names = [str(choice) for choice in self._normalized_mapping(ctx=ctx).values()]
        typed = str(value).lower() if not self.case_sensitive else str(value)
        close = difflib.get_close_matches(typed, names, n=1, cutoff=0.5)
        if not close:
            close = [name for name in names if name.startswith(typed)][:1] if typed else []
        return f"{said.removesuffix('.')}: did you mean '{close[0]}'?" if close else said
