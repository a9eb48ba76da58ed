"""The bank as the app holds it: the card index at once, card models when first needed.

Home's counts, a due session's queue and the stats need only the card index
(`quiz.bank.index`), which a warm start reads after one `stat` per file, without building
10,000 card models or even importing pydantic. A card's model is built when it is shown,
from its own file; the whole bank is loaded the first time something needs every card
(search, the card browser; the drill list reads the index). Thread-safe: the palette
builds its search index in a worker thread.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from quiz.bank import statwalk
from quiz.bank.index import BankIndex, CardRef, IndexWalk, bank_index, index_of, ref_of
from quiz.textsafe import Signature, file_signature

if TYPE_CHECKING:
    from quiz.bank.cache import PackCache
    from quiz.bank.loader import Bank
    from quiz.bank.models import Card

SMALL_CACHE_BYTES = 1024 * 1024
"""A topic's card cache file up to this size is read to build a card shown (about 2,000
cards; a 500-card topic's is 0.27 MB); a larger one costs more than parsing the card
(first parse about 0.1 s of CPU, mostly importing the parsers: PyYAML, the card parser)."""


class LazyBank:
    """The index of some content roots, and their cards loaded one by one or all at once."""

    def __init__(
        self, roots: Sequence[Path], index: BankIndex | IndexWalk, bank: Bank | None = None
    ) -> None:
        self._roots = tuple(roots)
        self._lock = threading.RLock()
        self._bank: Bank | None = None
        self._cards: dict[str, Card] = {}
        """Cards built one at a time; once the whole bank is loaded, every card by id."""
        self._pack_caches: dict[str, PackCache | None] = {}
        self._file_keys: dict[str, Signature] = {}
        """Each card's file (mtime, size, inode) when its model was built or first asked
        for by `current_card`: a different one now is an edit since."""
        self._walk: IndexWalk | None = None
        self.generation = 0
        """Counts the times `refresh` read the content again: what was built from the
        content before (the search index) is of an older generation."""
        if isinstance(index, IndexWalk):
            self._walk = index  # resolved on first use (see `begin`)
        else:
            self._set_index(index)
        if bank is not None:
            self._install(bank)

    @classmethod
    def open(cls, roots: Sequence[Path]) -> LazyBank:
        """The remembered index when nothing changed, else a full load (kept, not wasted)."""
        index, bank = bank_index(roots)
        return cls(roots, index, bank)

    @classmethod
    def begin(cls, roots: Sequence[Path]) -> LazyBank:
        """`open`, with the index's stat walk begun in a thread and waited for on first use.

        The app opens its store and builds its first screen meanwhile; the first question
        asked of the bank waits for the walk and then answers exactly as `open` would.
        """
        return cls(roots, IndexWalk(roots))

    def _resolve(self) -> None:
        """Wait for a walk begun by `begin` and take its answer (once; then a no-op)."""
        if self._walk is None:
            return
        with self._lock:
            walk = self._walk
            if walk is not None:
                index, bank = walk.result()  # raises as `open` would; asked again next time
                self._set_index(index)
                if bank is not None:
                    self._install(bank)
                self._walk = None

    @property
    def ready(self) -> bool:
        """Whether the index is at hand, or its walk (begun by `begin`) is done: asking for
        it waits for no walk. A caller with other work to do first can do it meanwhile."""
        walk = self._walk
        return walk is None or walk.ready()

    @classmethod
    def of(cls, bank: Bank) -> LazyBank:
        """A bank that is already loaded."""
        return cls((), index_of(bank), bank)

    def _set_index(self, index: BankIndex) -> None:
        self._index = index
        self._refs = {ref.id: ref for ref in index.refs}

    @property
    def index(self) -> BankIndex:
        """The cards' refs, the pack titles, the broken files (the full load's, once done)."""
        self._resolve()
        return self._index

    @property
    def refs(self) -> tuple[CardRef, ...]:
        """Every card's id, pack, topic, kind, title and tags, in content order."""
        return self.index.refs

    def ref(self, card_id: str) -> CardRef | None:
        """The ref of the card with this id, or None."""
        self._resolve()
        return self._refs.get(card_id)

    def refs_of(self, card_ids: Sequence[str] | None) -> list[CardRef]:
        """The refs of these cards, in the order given and leaving out ids no card has;
        every card's, in content order, when `card_ids` is None."""
        if card_ids is None:
            return list(self.refs)
        return [ref for card_id in card_ids if (ref := self.ref(card_id)) is not None]

    @property
    def loaded(self) -> bool:
        """Whether the whole bank has been loaded."""
        self._resolve()
        return self._bank is not None

    @property
    def bank(self) -> Bank:
        """Every card model (loaded on first use: about 0.5 s of CPU for 10,000 cards)."""
        with self._lock:
            self._resolve()
            if self._bank is None:
                from quiz.bank.loader import load_bank

                self._install(load_bank(self._roots))
            assert self._bank is not None
            return self._bank

    def _install(self, bank: Bank) -> None:
        """Hold a full load; it is the truth, should a file have changed since the index."""
        index = index_of(bank)
        if index != self._index:  # the walk of the index's files: a later one differs
            self._set_index(replace(index, seen=self._index.seen))
        self._bank = bank
        self._cards = {card.id: card for card in bank.cards}
        self._file_keys.clear()  # the files as this load read them: `current_card` from now

    def refresh(self) -> bool:
        """Read the content again when a file was edited, added or removed on disk since it
        was read (one `lstat` per file, about 10 ms for 10,000 cards); True when it was.

        The card browser and the palette showed a card edited in another editor (or with
        another drillbit's ctrl+e) as it was when the app started; Anki shows an edit the next time
        the card is listed. Content whose walk could not vouch for it (a symbolic link, the
        card cache off) is not checked: a full load at every look would cost seconds. A
        file that no longer loads keeps the content as it was, as `current_card` keeps its
        card: a half-saved edit does not take a card out of a session in progress.
        """
        with self._lock:
            self._resolve()
            seen = self._index.seen
            if not seen:
                return False
            found = statwalk.walk([str(root) for root in self._roots])
            if found is not None and found[1] == seen:
                return False
            index, bank = bank_index(self._roots)
            if set(index.broken) - set(self._index.broken):
                # a half-saved edit: kept as it was (`current_card`), read once it loads
                self._set_index(replace(self._index, seen=index.seen))
                return False
            self._bank, self._cards = None, {}
            self._pack_caches.clear()
            self._file_keys.clear()
            self._set_index(index)
            if bank is not None:
                self._install(bank)
            self.generation += 1
            return True

    def card(self, card_id: str) -> Card | None:
        """The card with this id, or None: built from its own file unless all are loaded.

        A file that no longer gives the card its ref describes (edited, broken or gone
        since the index was read) means a full load, which says what the bank now holds.
        """
        with self._lock:
            self._resolve()
            found = self._cards.get(card_id)
            if found is not None or self._bank is not None:
                return found
            ref = self._refs.get(card_id)
            if ref is None:
                return None
            from quiz.bank import cache, cachefile
            from quiz.bank.loader import load_card_file

            path = self._index.card_path(ref)
            if ref.pack not in self._pack_caches:  # looked for once per pack
                self._pack_caches[ref.pack] = (
                    cache.small_pack_cache(path.parent.parent, SMALL_CACHE_BYTES)
                    if cachefile.enabled()
                    else None
                )
            card = load_card_file(
                path,
                ref.pack,
                ref.topic,
                self._pack_caches[ref.pack],
                vouch=self._index.vouched_key,  # a scan of the walk: only for a parse
            )
            if card is None or ref_of(card) != ref:
                self.bank  # noqa: B018 (loads the whole bank, which fills self._cards)
                return self._cards.get(card_id)
            self._cards[card_id] = card
            self._file_keys[card_id] = file_signature(path)
            return card

    def current_card(self, card_id: str) -> Card | None:
        """`card`, built again from its file when the file changed since the model was built:
        a card fixed in an editor while the app is open (a session asking it again, a step
        later) showed the text from before until the app was restarted; an edit in Anki
        shows at once. A file that no longer loads, or now gives the card another pack,
        topic or kind, keeps the card as it was: a half-saved edit does not end a session.
        """
        with self._lock:
            card = self.card(card_id)
            ref = self._refs.get(card_id)
            if card is None or ref is None:
                return card
            path = self._index.card_path(ref)
            key = file_signature(path)
            if card_id not in self._file_keys:  # loaded with the whole bank: from now on
                self._file_keys[card_id] = key
            if key is None or key == self._file_keys[card_id]:
                return card
            self._file_keys[card_id] = key
            from quiz.bank.loader import load_card_file

            edited = load_card_file(path, ref.pack, ref.topic)
            if edited is None or ref_of(edited)[:4] != ref[:4]:  # id, pack, topic, kind
                return card
            self._cards[card_id] = edited
            return edited
