"""A card cites a numbered section as a section: `sec. 9.2`, not `ch. 9.2`.

Chapter 9.2 is not a chapter: a reader looking for it in the book's table of contents
finds chapter 9 and has to guess that the number after the dot is a section. The neural
networks and deep-training packs wrote `sec.`; the architectures pack wrote `ch.` for the
same book's sections.
"""

from __future__ import annotations

import re

from tests.bank.bundled import BANK, text

_SECTION_AS_CHAPTER = re.compile(r"\b(?:ch|chap|chapter)\.?\s+\d+\.\d")


def test_a_section_written_as_a_chapter_is_found() -> None:
    assert _SECTION_AS_CHAPTER.search("Goodfellow et al. 2016 ch. 9.2")
    assert _SECTION_AS_CHAPTER.search("Dumoulin & Visin 2016, chapter 5.1")
    assert not _SECTION_AS_CHAPTER.search("Goodfellow et al. 2016 ch. 9; sec. 9.2")


def test_no_bundled_card_cites_a_section_as_a_chapter() -> None:
    found = [
        f"{card.id}: {match.group(0)}"
        for card in BANK.cards
        for match in _SECTION_AS_CHAPTER.finditer(text(card.id))
    ]
    assert found == []
