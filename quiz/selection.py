"""Names a person types to pick cards (topic, tag, pack, kind), checked against the bank.

An unknown name is a usage error that suggests the closest known one, instead of an
empty selection that looks like "nothing to study".
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path, PurePath
from typing import Protocol

from quiz.bank.models import Card
from quiz.errors import UsageError
from quiz.study import KINDS


class Named(Protocol):
    """What names a card: a loaded Card, or its ref in the card index (`CardRef`)."""

    @property
    def topic(self) -> str: ...
    @property
    def pack(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...


def known_names(cards: Iterable[Named]) -> dict[str, set[str]]:
    """Every topic, tag, pack and kind the cards use."""
    names: dict[str, set[str]] = {"topic": set(), "tag": set(), "pack": set(), "kind": set(KINDS)}
    for card in cards:
        names["topic"].add(card.topic)
        names["tag"].update(card.tags)
        names["pack"].add(card.pack)
    return names


def suggest(name: str, known: Iterable[str]) -> str | None:
    """The known name closest to `name`, when one is close enough to be a typo: first the
    one it is but for case, spaces around it or a card file's path (`_as_an_id`), which a
    ratio of letters missed ('SIGMOID' was far from 'sigmoid'), then the nearest by it."""
    names = sorted(known)
    alike = [known_name for known_name in names if _as_an_id(known_name) == _as_an_id(name)]
    if len(alike) == 1:
        return alike[0]
    matches = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _as_an_id(typed: str) -> str:
    """`typed` as an id compares: without the spaces around it, in lower case, and a card
    file's path (`content/nn/activations/sigmoid.md`, `activations/sigmoid`) as its name."""
    name = typed.strip()
    if "/" in name or "\\" in name or name.endswith(".md"):
        name = PurePath(name.replace("\\", "/")).name.removesuffix(".md")
    return name.casefold()


def meant(typed: str, close: str) -> str:
    """': did you mean 'sigmoid'?' for a name the bank does not have, and why when the two
    look alike on a terminal or the reason is not plain: the spaces around it (`'sigmoid '`
    beside 'sigmoid'), a case of its own, a path where the id goes."""
    name = typed.strip()
    why = ""
    if name != typed:
        why = " (without the spaces around it)"
    elif name != PurePath(name).name or name.endswith(".md"):
        why = " (a card is named by its id: its file's name without .md)"
    elif name.casefold() == close.casefold():
        why = " (names are case-sensitive)"
    return f": did you mean '{close}'?{why}"


def check_names(
    cards: Iterable[Named],
    *,
    broken: Sequence[Path] = (),
    show: Callable[[Path], str] = str,
    packs: Collection[str] = (),
    **given: str | None,
) -> None:
    """UsageError (exit 2) for the first given name the bank does not use, with a suggestion.

    Keywords are topic, tag, pack and kind; None means "not given". `broken` are the card
    files that did not load: a topic or pack whose files are among them is said to have
    no card that loads (with the lint to run), not to be unknown. `show` writes a path.
    `packs` are the packs whose pack.yaml loads: one with no card yet is still a name a
    typo is close to (`--pack emptypak` suggested nothing for the pack `emptypack`).
    """
    names = known_names(cards)
    for what, name in given.items():
        if name is None or name in names[what]:
            continue
        failed = _broken_of(what, name, broken)
        if failed:
            raise UsageError(f"{what} '{name}' has no card that loads: {_lint_hint(failed, show)}")
        candidates = names[what] | set(packs) if what == "pack" else names[what]
        close = suggest(name, candidates)
        hint = f"did you mean '{close}'?" if close else _listing(what, candidates)
        raise UsageError(f"unknown {what} '{name}': {hint}{_also_broken(broken, show)}")


def _broken_of(what: str, name: str, broken: Sequence[Path]) -> list[Path]:
    """The broken card files of this topic or pack (`<pack folder>/<topic>/<id>.md`)."""
    if what == "topic":
        return [path for path in broken if path.parent.name == name]
    if what == "pack":
        return [path for path in broken if path.parent.parent.name == name]
    return []


def _lint_hint(failed: Sequence[Path], show: Callable[[Path], str]) -> str:
    """'1 card file has problems; `drillbit lint X` shows them' for the files that failed."""
    if len(failed) == 1:
        return f"{show(failed[0])} has problems; `drillbit lint {show(failed[0])}` shows them"
    folders = sorted({path.parent.parent for path in failed})
    where = " ".join(show(folder) for folder in folders[:3])
    return f"{len(failed)} card files have problems; `drillbit lint {where}` shows them"


def _also_broken(broken: Sequence[Path], show: Callable[[Path], str]) -> str:
    """A note that some card files did not load, when some did not (the name may be theirs)."""
    return f" (also: {_lint_hint(broken, show)})" if broken else ""


def _listing(what: str, known: set[str]) -> str:
    shown = sorted(known)
    more = f" and {len(shown) - 12} more" if len(shown) > 12 else ""
    return f"known {what}s: {', '.join(shown[:12]) or 'none'}{more}"


def find_card(
    cards: Iterable[Card],
    card_id: str,
    *,
    broken: Sequence[Path] = (),
    show: Callable[[Path], str] = str,
) -> Card:
    """The card with this id; UsageError (exit 2) suggesting the closest id otherwise, or
    naming its file when that file is among the `broken` ones that did not load."""
    by_id = {card.id: card for card in cards}
    if card_id in by_id:
        return by_id[card_id]
    not_loaded(card_id, broken, show)
    close = suggest(card_id, by_id)
    hint = meant(card_id, close) if close else "; `drillbit list` shows every id"
    raise UsageError(f"no card '{card_id}'{hint}{_also_broken(broken, show)}")


def not_loaded(card_id: str, broken: Sequence[Path], show: Callable[[Path], str] = str) -> None:
    """UsageError when the card file of this id is among those that did not load: the card
    exists, and the person needs to know why it cannot be used, not that it is unknown."""
    failed = [path for path in broken if path.stem == card_id]
    if failed:
        raise UsageError(f"card '{card_id}' did not load: {_lint_hint(failed, show)}")
