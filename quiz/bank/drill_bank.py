"""The bank as the drill commands need it: the card index, and the one drill's model.

`drillbit grade`, `hint`, `drill` and `watch` read one drill's card (its task, starter,
hints, checker and params), list the drills (`drill_rows`: id, kind, title, pack and
topic, which the index holds) and say the load's summary. They loaded every card model
(`Context.indexed_bank`), which after one card file changed was a whole load. Here the
index comes from `bank_index` (after an edit: the changed files read, the others taken
from their remembered facts, `loader.load_parts`), and a card model is built from its
own file only when asked for (`LazyBank.card`, which loads the whole bank should the
file no longer give the card its ref). The index is a whole load's (the same cards,
order, broken files and summary), so what the commands print is too.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.bank.index import BankIndex, CardRef, bank_index
from quiz.bank.lazy import LazyBank

if TYPE_CHECKING:
    from quiz.bank.models import Card


class DrillBank:
    """Some content roots' card index, with a card's model built when first asked for."""

    def __init__(self, roots: Sequence[Path]) -> None:
        index, bank = bank_index(roots)  # a bank only when it had to be loaded whole
        self._lazy = LazyBank(roots, index, bank)

    @property
    def index(self) -> BankIndex:
        """The index of the whole load's cards (a full load's, once one was made)."""
        return self._lazy.index

    @property
    def cards(self) -> tuple[CardRef, ...]:
        """Every card's ref, in content order (what `drill_rows` and a plan read)."""
        return self._lazy.refs

    @property
    def broken_files(self) -> frozenset[Path]:
        """The card files that do not load (as `Bank.broken_files`)."""
        return frozenset(self.index.broken)

    def problem_summary(self) -> str | None:
        """The load's summary (as `Bank.problem_summary`)."""
        return self.index.summary

    def get(self, card_id: str) -> Card | None:
        """The card with this id, built from its own file (as `Bank.get`)."""
        return self._lazy.card(card_id)
