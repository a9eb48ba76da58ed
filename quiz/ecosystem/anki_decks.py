"""The decks of the Anki export and the deck options preset they carry.

Anki's v3 scheduler takes new cards in the order the studied deck's options preset says.
Its default, "Deck", gathers deck by deck in the decks' alphabetical order, which no
naming of topic subdecks can make the bank's teaching order (a pack's topics interleave:
a convolution card comes after pooling). "Ascending position" follows each card's
position, which the export sets to its place in the teaching order. So every deck of the
package, the parents `drillbit` and `drillbit::<pack>` too (the deck a learner clicks to
study), names a preset of drillbit's own with that gather order. Anki applies it when the
import window's "Import any deck presets" is ticked, and otherwise gives the decks its
Default preset (the top deck's description says what to set). The preset's id is fixed,
so a later import adds it only once and keeps the learner's changes to it.

Anki 2.1.49 and before (checked with the `anki` library 2.1.49) import with an older
importer: no box, the preset always comes, and the cards land as in a newer Anki. Its
scheduler reads the preset's numbers as its own: the sort order of new cards is one that
its v3 scheduler and today's both read as the gathered order (`SORT_ORDER_CARD_TYPE`),
and the preset keeps every key of genanki's old-schema preset. Its v2 scheduler (gone
in 23.10) ignores the gather order: the subdecks come one after another, each in
teaching order.
"""

from __future__ import annotations

import copy
import json
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import genanki

from quiz.bank.pack_title import anki_deck_part

TOP_DECK = "drillbit"
"""The parent of every exported deck, the one a learner studies the whole export from."""
DECK_OPTIONS_ID = 1_607_392_310
"""The preset's fixed id: never change it, or a later import adds a second preset."""
DECK_OPTIONS_NAME = "drillbit (teaching order)"
GATHER_ASCENDING_POSITION = 1
"""Anki's NewCardGatherPriority.LOWEST_POSITION, "Ascending position" in Deck options."""
SORT_ORDER_CARD_TYPE = 0
"""Anki's NewCardSortOrder.TEMPLATE, "Card type, then order gathered": each note type has
one card type, so the gathered order stands. Anki 2.1.49's v3 scheduler numbered the
sort orders otherwise: there 0 is "card type, then ascending position" (the same order)
while 1, today's "Order gathered", was "card type, then descending position", and 2.1.49
began the bundled bank with its last card."""
DEFAULT_OPTIONS_ID = 1
"""Anki's Default preset, which genanki's collection holds and this one is copied from."""

REWRITTEN_NOTE = (
    "Each import of drillbit's export writes this text again; a description you give a pack"
    " or topic deck stays (Anki 2.1.50 or later)."
)
"""Anki's importers give an imported deck the package's description even when the deck is
there already (the new one on every import, the one before 2.1.50 when a new card lands in
the deck or below it), and a package without the parent decks could not carry the preset:
the learner is told, where they would write, that their text would not stay. The new
importer keeps a deck's own description when the package's is empty, as every deck's but
the top one's is: the learner is told where their notes can go."""

DESCRIPTION_NOTICE = (
    "In Anki, each import of this file writes the 'drillbit' deck's description again (how"
    " to get the teaching order), over any text of yours there; a description you give a"
    " pack or topic deck stays (Anki 2.1.50 or later)."
)
"""Said by every `drillbit export anki`: what a re-import will overwrite, before it does
(the top deck's description carries the advice on the preset, so it cannot be left out)."""

TOP_DECK_DESCRIPTION = (
    "New cards come in drillbit's teaching order only when this deck's options preset"
    " gathers them by <b>Ascending position</b> (Options, New card gather order): import"
    " with <i>Import any deck presets</i> ticked to get the preset"
    f" <i>{DECK_OPTIONS_NAME}</i>, which does. Anki's Default preset takes the subdecks"
    " one after another in alphabetical order, and so does the v2 scheduler of an Anki"
    " before 23.10 whatever the preset (turn on the v3 scheduler in Preferences)."
    f" {REWRITTEN_NOTE}"
)
"""Shown on the top deck's overview screen in Anki, where the order shows."""


ANKI_DEFAULTS: dict[str, dict[str, Any]] = {
    "new": {"bury": False},
    "rev": {"bury": False, "perDay": 200},
    "lapse": {"leechAction": 1},
}
"""Where genanki's Default preset (an old Anki's) differs from a new collection's: siblings
not buried, 200 reviews a day, a leech tagged, not suspended. The preset a learner takes
differs from Anki's Default only in the order of new cards."""
EASY_DAYS = [1.0] * 7
"""Anki's default "Easy days": every weekday a full day (genanki's preset has none)."""


def pack_deck_names(packs: Iterable[str], titles: Mapping[str, str]) -> dict[str, str]:
    """Each pack's level of its decks' names (`drillbit::<it>::<topic>`): its title as one
    level (`anki_deck_part`), its name when it has none.

    Anki finds a deck by its name, letter case aside: two packs titled alike (a pack
    copied to make a variant keeps its title) shared the pack deck, and their topic decks
    of one name collided, so Anki filed one pack's cards in a deck it named `schedules_`.
    Each pack whose name would be shared is told apart by its own name: `Extra (p2)`.
    """
    named = {pack: pack_deck_part(pack, titles.get(pack, "")) for pack in packs}
    uses = Counter(_deck_key(name) for name in named.values())
    return {
        pack: name if uses[_deck_key(name)] == 1 else f"{name} ({anki_deck_part(pack) or pack})"
        for pack, name in named.items()
    }


def pack_deck_part(pack: str, title: str) -> str:
    """A pack's deck level from its title alone (its name when the title gives none)."""
    return anki_deck_part(title) or anki_deck_part(pack) or "cards"


def _deck_key(name: str) -> str:
    """A deck name as Anki compares two: Unicode-normalized (NFC), letter case folded."""
    return unicodedata.normalize("NFC", name).casefold()


def teaching_order_options(default: dict[str, Any]) -> dict[str, Any]:
    """drillbit's preset: Anki's Default preset with new cards gathered by ascending
    position and kept in that order.

    Every key of genanki's Default (an old Anki's schema 11 preset) stays, those a new
    Anki no longer reads too (`new.separate`, `rev.fuzz`, `rev.minSpace`): the old
    AnkiDroid's deck options screen and scheduler read them with getters that fail on a
    missing key, and a new Anki keeps them aside untouched."""
    options = copy.deepcopy(default)
    for section, values in ANKI_DEFAULTS.items():
        options.setdefault(section, {}).update(values)
    options.update(
        id=DECK_OPTIONS_ID,
        name=DECK_OPTIONS_NAME,
        newGatherPriority=GATHER_ASCENDING_POSITION,
        newSortOrder=SORT_ORDER_CARD_TYPE,
        easyDaysPercentages=EASY_DAYS,
    )
    return options


class OptionedDeck(genanki.Deck):  # type: ignore[misc]
    """A genanki deck that uses drillbit's options preset and writes the preset into
    the package's collection beside genanki's Default one."""

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "conf": DECK_OPTIONS_ID}

    def write_to_db(self, cursor: Any, timestamp: float, id_gen: Any) -> None:
        super().write_to_db(cursor, timestamp, id_gen)
        (written,) = cursor.execute("SELECT dconf FROM col").fetchone()
        presets = json.loads(written)
        presets[str(DECK_OPTIONS_ID)] = teaching_order_options(presets[str(DEFAULT_OPTIONS_ID)])
        cursor.execute("UPDATE col SET dconf = ?", (json.dumps(presets),))
