"""`LazyBank.current_card`: a card edited while the app is open is shown as it is now."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank.lazy import LazyBank
from tests.conftest import DATA

CARD = "what-is-relu"
QUESTION = "What does ReLU compute, and what is its derivative?"


@pytest.fixture(params=["one by one", "whole bank"])
def bank(request: pytest.FixtureRequest, tmp_path: Path) -> LazyBank:
    """The mini bank, its card built from its file or loaded with all the others."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    opened = LazyBank.open([root])
    if request.param == "whole bank":
        opened.bank  # noqa: B018 (a full load: the browser or the palette asked)
    return opened


def question(bank: LazyBank) -> str:
    card = bank.current_card(CARD)
    assert card is not None
    return card.sections["Question"].text.strip()


def edit(bank: LazyBank, old: str, new: str) -> None:
    ref = bank.ref(CARD)
    assert ref is not None
    path = bank.index.card_path(ref)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_since_the_card_was_shown_is_shown(bank: LazyBank) -> None:
    """A typo fixed in the editor while the card waited for its learning step came back
    unfixed until the app was restarted."""
    assert question(bank) == QUESTION
    edit(bank, QUESTION, "What is ReLU, and its derivative? (fixed)")
    assert question(bank) == "What is ReLU, and its derivative? (fixed)"
    card = bank.card(CARD)
    assert card is not None and card.sections["Question"].text.strip().endswith("(fixed)")


@pytest.mark.parametrize(
    ("old", "new"),
    [("## Answer", "## Answr"), ("kind: concept", "kind: numeric"), ("---\nid:", "--\nid:")],
    ids=["a section misspelt", "another kind", "the front matter broken"],
)
def test_an_edit_that_does_not_load_as_this_card_keeps_the_card_as_it_was(
    bank: LazyBank, old: str, new: str
) -> None:
    """A half-saved edit, or one that makes it another kind of card, does not take the
    card out of a session in progress: it is shown as it was."""
    assert question(bank) == QUESTION
    edit(bank, old, new)
    assert question(bank) == QUESTION


def test_a_title_edited_on_disk_is_listed_as_it_is_now(bank: LazyBank) -> None:
    """The card browser and the palette list the index's titles (and search the loaded
    cards): a title fixed in another editor kept its old text until the app restarted."""
    generation = bank.generation
    assert bank.refresh() is False, "nothing changed: nothing read again"
    assert bank.generation == generation
    edit(bank, "title: What ReLU computes", "title: What ReLU computes (fixed)")
    assert bank.refresh() is True
    assert bank.generation == generation + 1
    ref = bank.ref(CARD)
    assert ref is not None and ref.title == "What ReLU computes (fixed)"
    titles = {card.id: card.title for card in bank.bank.cards}
    assert titles[CARD] == "What ReLU computes (fixed)"
    assert bank.refresh() is False, "read once: the next look finds it as it was read"


def test_a_card_file_added_on_disk_is_listed(bank: LazyBank) -> None:
    ref = bank.ref(CARD)
    assert ref is not None
    path = bank.index.card_path(ref)
    copy = path.with_name("what-is-relu-2.md")
    copy.write_text(
        path.read_text(encoding="utf-8").replace(f"id: {CARD}", "id: what-is-relu-2", 1),
        encoding="utf-8",
    )
    assert bank.refresh() is True
    assert bank.ref("what-is-relu-2") is not None


def test_a_file_broken_on_disk_keeps_the_content_as_it_was(bank: LazyBank) -> None:
    """A half-saved edit read again dropped the card from the content: a session asking it
    again found it gone and ended."""
    assert question(bank) == QUESTION
    edit(bank, "## Answer", "## Answr")
    assert bank.refresh() is False
    assert bank.ref(CARD) is not None and question(bank) == QUESTION
    assert bank.refresh() is False, "not read again at every look while it is broken"
    edit(bank, "## Answr", "## Answer")
    edit(bank, "title: What ReLU computes", "title: What ReLU computes (fixed)")
    assert bank.refresh() is True
    ref = bank.ref(CARD)
    assert ref is not None and ref.title == "What ReLU computes (fixed)"
