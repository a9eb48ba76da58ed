"""Teaching order: the order a bank's cards are in, which is the order new cards are introduced.

Without a word from the author, cards come in load order: the content roots in turn, each
root's packs by folder name, each pack's cards by path (topic folder, then file name). That
put the architectures pack (CNNs) before the neural-networks basics, and `conv2d-backward`
before `conv2d-forward`. A pack's `pack.yaml` can say better:

- `after: [pack, ...]`: the packs it builds on. When they are loaded too, their cards come
  first; a pack that is not loaded is ignored, and in a cycle the load order decides.
- `order: [card-id, ...]`: the pack's cards in the order they are introduced; the pack's
  other cards follow in file order.

Study sessions, the interview plan, `drillbit list` and Home all take the bank in this
order (Home sorts topics by name within a pack).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from quiz.bank.card_facts import CardLike, CardT
from quiz.bank.card_names import misnamed_stem
from quiz.bank.models import Pack
from quiz.bank.problems import Problem

__all__ = ["not_read_note", "order_problems", "pack_order", "teaching_order"]


def pack_order(names: Sequence[str], packs: Mapping[str, Pack]) -> list[str]:
    """The pack names in load order, each moved after the loaded packs its `after` names.

    Each step takes the first pack (in load order) whose loaded `after` packs are all
    placed; when none is ready (a cycle), the first left is taken as it is."""
    left = list(dict.fromkeys(names))
    loaded = set(left)
    placed: list[str] = []
    done: set[str] = set()
    while left:
        for name in left:
            pack = packs.get(name)
            needs = [] if pack is None else [n for n in pack.info.after if n in loaded]
            if all(n in done or n == name for n in needs):
                break
        else:
            name = left[0]
        left.remove(name)
        placed.append(name)
        done.add(name)
    return placed


def teaching_order(cards: Sequence[CardT], packs: Mapping[str, Pack]) -> list[CardT]:
    """The cards by pack (`pack_order`), then by the pack's `order`, then in load order."""
    if not any(pack.info.after or pack.info.order for pack in packs.values()):
        return list(cards)  # nothing said: load order
    rank = {name: k for k, name in enumerate(pack_order([c.pack for c in cards], packs))}
    listed = {
        name: {card_id: k for k, card_id in enumerate(pack.info.order)}
        for name, pack in packs.items()
    }
    unlisted = len(cards)

    def key(item: tuple[int, CardT]) -> tuple[int, int, int]:
        place, card = item
        return (rank[card.pack], listed.get(card.pack, {}).get(card.id, unlisted), place)

    return [card for _, card in sorted(enumerate(cards), key=key)]


def order_problems(
    pack: Pack,
    cards: Sequence[CardLike],
    broken: Mapping[Path, Iterable[str]],
    not_read: Sequence[Path] = (),
) -> list[Problem]:
    """An `order` entry that names no card of the pack, at its line of `pack.yaml`. An
    entry naming a card file of the pack that does not load (`broken`: each such file, a
    misplaced `.md` too, and the ids it answers to, its file name and the id it writes)
    is not a second problem: that file's own problem says what to fix. One naming a card
    saved under another Markdown suffix (`not_read`: `Other.MD`) says so, with the name."""
    if not pack.info.order:
        return []
    mine = {card.id for card in cards if card.pack == pack.name}
    path = pack.path / "pack.yaml"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    problems: list[Problem] = []
    broken_ids = {name for p, names in broken.items() if pack.path in p.parents for name in names}
    unlisted = sorted(mine - set(pack.info.order))
    for card_id in pack.info.order:
        if card_id in mine or card_id in broken_ids:
            continue
        line = next((k for k, text in enumerate(lines, 1) if _names(text, card_id)), 1)
        close = difflib.get_close_matches(card_id, unlisted, n=1)
        mine_unread = [p for p in not_read if pack.path in p.parents]
        fix = not_read_note(card_id, mine_unread) or (
            f" (did you mean '{close[0]}'?)"
            if close
            else ": write the id of one of its cards, or delete the line"
        )
        problems.append(
            Problem(path, line, 1, "pack", f"order: '{card_id}' is not a card of this pack{fix}")
        )
    return problems


def _names(line: str, card_id: str) -> bool:
    """The pack.yaml line lists `card_id` (as `- id` or inside a flow list)."""
    pattern = rf"(?:^|[\s\[,-])['\"]?{re.escape(card_id)}['\"]?\s*(?:[,\]#]|$)"
    return re.search(pattern, line) is not None


def not_read_note(card_id: str, not_read: Sequence[Path], shown_from: int = -2) -> str:
    """Why an id an `order` or `related` entry names has no card, when a card file under
    another Markdown suffix (`Other.MD`, `other.markdown`) would be it: the entry names
    that file and the name it needs (else ""). A `pack.yaml` linted alone (pre-commit
    passes the changed file) said only "not a card of this pack". `shown_from`: how many
    of the path's last parts are shown."""
    for path in not_read:
        stem = misnamed_stem(path.name)
        if card_id in (stem, stem.lower()):
            shown = "/".join(path.parts[shown_from:])
            return f": {shown} is not read (cards are `.md` files): rename it to {card_id}.md"
    return ""
