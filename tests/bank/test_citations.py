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


# The architectures and deep-training packs cite as "Author & Author 2016 sec. 9.2":
# `sec.` (not "section"), no comma between the year and its locator, lower-case figure and
# table, "&" between two authors. The architectures pack wrote "Vaswani et al. 2017,
# section 3.2.1" beside "Goodfellow et al. 2016 sec. 9.2", and deep-training "Figure 1"
# beside "table 2", until the forty-fifth round. (neural-networks writes its own form,
# "Goodfellow, Bengio and Courville, Deep Learning (2016), sec. 6.5", in every card.)
_OFF_FORM = {
    "section for sec.": re.compile(r"\bsections? \d"),
    "comma before a locator": re.compile(r"\d{4}, (?:sec\.|ch\.|table|figure|theorem|footnote)"),
    "capital Figure or Table": re.compile(r"\b(?:Figure|Table)s? \d"),
    "and between two authors": re.compile(r"\b[A-Z][a-z]+ and [A-Z][a-z]+ \d{4}"),
}


def test_the_later_packs_write_each_citation_in_one_form() -> None:
    found = [
        f"{card.id}: {name}: {match.group(0)!r}"
        for card in BANK.cards
        if card.pack in ("architectures", "deep-training")
        for name, pattern in _OFF_FORM.items()
        for match in pattern.finditer(card.front.source)
    ]
    assert found == []


def test_the_form_check_finds_each_old_form() -> None:
    olds = [
        "Vaswani et al. 2017, section 3.2.1",
        "Krizhevsky et al. 2012, sec. 3.4",
        "He, Zhang, Ren & Sun 2016 (Deep Residual Learning), Figure 1",
        "Hochreiter and Schmidhuber 1997",
    ]
    for old, pattern in zip(olds, _OFF_FORM.values(), strict=True):
        assert pattern.search(old), old
    assert not any(
        p.search("Vaswani et al. 2017 sec. 3.2.1 and table 1") for p in _OFF_FORM.values()
    )
