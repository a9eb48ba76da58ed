"""Three slips a card author makes that lint and the load said in pydantic's words or not
at all: a card saved as `x.MD` or `x.markdown` (never read), a choice card with one or
nine options, and a numeric card's empty `unit`. Each is said at its file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank import cachefile
from quiz.bank.index import bank_index
from quiz.bank.loader import load_bank
from quiz.bank.models import NumericFront
from tests.bank.edits import edit, index_loaded
from tests.bank.edits import told as _problems


@pytest.mark.parametrize(("name", "stem"), [("relu-2.MD", "relu-2"), ("relu-2.markdown", "relu-2")])
def test_a_card_with_another_markdown_suffix_is_said_not_read(
    mini_bank: Path, name: str, stem: str
) -> None:
    basics = mini_bank / "mini" / "basics"
    text = (basics / "what-is-relu.md").read_text(encoding="utf-8")
    (basics / name).write_text(text.replace("id: what-is-relu", f"id: {stem}"), encoding="utf-8")
    message = f"looks like a card but is not named *.md, so it is not read: rename it to {stem}.md"
    assert _problems(mini_bank) == [(name, 1, "not-read", message)]
    bank = load_bank([mini_bank])  # the app's load says it too, and loads the other cards
    assert [(p.path.name, p.code, p.severity) for p in bank.problems] == [
        (name, "not-read", "warning")
    ]
    assert len(bank.cards) == 3


def test_a_pack_s_other_markdown_pages_are_not_said_not_read(mini_bank: Path) -> None:
    basics = mini_bank / "mini" / "basics"
    (basics / "notes.markdown").write_text("# Notes\n\nNo front matter.\n", encoding="utf-8")
    (basics / "old.markdown").mkdir()  # a folder, not a card
    (mini_bank / "mini" / "README.markdown").write_text("---\nkind: concept\n---\n")
    assert _problems(mini_bank) == []


@pytest.mark.parametrize(("count", "fix"), [(1, "add one"), (9, "drop or merge some")])
def test_a_choice_card_with_too_few_or_many_options_is_told_the_range(
    mini_bank: Path, count: int, fix: str
) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    text = card.read_text(encoding="utf-8")
    start, end = text.index("choices:\n"), text.index("answer: 1\n")
    options = "".join(f"  - Option {n}\n" for n in range(count))
    card.write_text(text[:start] + "choices:\n" + options + "answer: 0\n" + text[end + 10 :])
    assert _problems(mini_bank) == [
        (
            "dropout-inference.md",
            9,
            "bad-value",
            f"choices: {count} given; 2-8 needed ({fix}, one '- option' line each)",
        )
    ]


def test_eight_choices_still_pass(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "dropout-inference.md"
    edit(card, "answer: 1\n", "".join(f"  - Option {n}\n" for n in range(5)) + "answer: 1\n")
    assert _problems(mini_bank) == []


@pytest.mark.parametrize("written", ["unit: ''", 'unit: ""', "unit:", "unit: '  '"])
def test_an_empty_unit_is_refused_at_its_line(mini_bank: Path, written: str) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}\n", f"tolerance: {{absolute: 0.001}}\n{written}\n")
    assert _problems(mini_bank) == [
        (
            "sigmoid-bound.md",
            11,
            "bad-value",
            "unit: empty: write the unit (e.g. unit: ms) or remove the key",
        )
    ]


def test_a_written_unit_is_kept(mini_bank: Path) -> None:
    card = mini_bank / "mini" / "basics" / "sigmoid-bound.md"
    edit(card, "tolerance: {absolute: 0.001}\n", "tolerance: {absolute: 0.001}\nunit: ms\n")
    assert _problems(mini_bank) == []
    [numeric] = [c for c in load_bank([mini_bank]).cards if c.id == "sigmoid-bound"]
    assert isinstance(numeric.front, NumericFront)
    assert numeric.front.unit == "ms"


def test_a_card_saved_as_x_md_after_the_index_was_remembered_is_seen(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card index's stat walk looked only at `.md` names in a topic folder: a card
    saved as `x.MD` later stayed hidden behind the remembered index."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)  # files here were just written
    assert bank_index([mini_bank])[0].summary is None
    assert bank_index([mini_bank])[1] is None  # remembered: no load
    basics = mini_bank / "mini" / "basics"
    shutil.copy(basics / "what-is-relu.md", basics / "relu-2.MD")
    index, loaded = index_loaded([mini_bank])
    assert loaded, "the remembered index answered; the new file went unseen"
    assert index.summary is not None and "relu-2.MD" in index.summary
    (basics / "relu-2.MD").unlink()
    assert bank_index([mini_bank])[0].summary is None
