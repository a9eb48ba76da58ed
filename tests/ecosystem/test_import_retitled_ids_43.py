"""A card imported under the forty-second round's title rule keeps its id, and so its
reviews, when the same Anki notes are imported again under this round's rule.

This round a `<br>` that breaks a sentence joins the title ("What is the" became "What
is the Softmax function?") and a deletion-only cloze over its formula is titled with the
formula (its id was the place-based `p-q2`). Each such note got a new id on a re-import:
a second card new to the scheduler beside the old one, which kept the reviews."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fsrs import Rating, Scheduler

import quiz.ecosystem.ankitext as ankitext
import quiz.ecosystem.notes.linebreaks as linebreaks
import quiz.ecosystem.titles as titles
from quiz.bank.loader import load_bank
from quiz.ecosystem.ankicloze import cloze_numbers
from quiz.ecosystem.clozefront import legacy_title_sentence
from quiz.ecosystem.notes.read import parse_notes
from quiz.store import Store
from quiz.study.scheduling import review_card
from tests.ecosystem.test_import_notes import front, run_import

_DECK = (
    "#separator:tab\n#html:true\n"
    "What is the<br>Softmax function?\tIt maps logits to probabilities.\n"
    "{{c1::Softmax}}<br>$\\sigma(z)_i = e^{z_i} / \\sum_j e^{z_j}$\tIt normalises"
    " exponentials.\n"
    "{{c1::Adam}}<br>$m_t = \\beta_1 m_{t-1}$ {{c2::momentum}}\tA running mean.\n"
    "Why does dropout help?\tIt zeroes random units while training.\n"
)


def _titles(content: Path) -> dict[str, object]:
    return {path.stem: front(path)["title"] for path in content.rglob("*.md")}


def _import_as_before(deck: Path, content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Import the deck as the forty-second round did (its title rule, kept as legacy)."""

    def before(text: str) -> str:
        return legacy_title_sentence(text, cloze=bool(cloze_numbers(text)))

    with monkeypatch.context() as patch:
        patch.setattr(ankitext, "title_sentence", before)
        result = run_import(str(deck), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output


def _deck_imported_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The test deck written and imported as the forty-second round did: (deck, content)."""
    deck, content = tmp_path / "deck.txt", tmp_path / "c"
    deck.write_text(_DECK, encoding="utf-8")
    _import_as_before(deck, content, monkeypatch)
    return deck, content


_NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
_BEFORE = {
    "what-is-the": "What is the",
    "p-q2": "[...]",
    "p-q3-c1": "[...]",
    "p-q3-c2": "Adam",
    "dropout-help": "Why does dropout help?",
}


def test_the_old_rule_titled_these_cards_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the test's earlier import makes: the ids and titles the bank then had."""
    deck, content = _deck_imported_before(tmp_path, monkeypatch)
    assert _titles(content) == _BEFORE


def test_a_re_import_under_the_new_rule_keeps_each_cards_id(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck, content = _deck_imported_before(tmp_path, monkeypatch)
    store = Store.open(tmp_path / "drillbit.db", now=_NOW)
    try:  # the card is reviewed under its id, as the app records an answer
        review_card(store, Scheduler(), "what-is-the", Rating.Good, now=_NOW, correct=True)
        result = run_import(str(deck), "--pack", "p", "--into", str(content))
        assert result.exit_code == 0, result.output
        (card,) = (c for c in load_bank([content]).cards if c.front.title.startswith("What is"))
        assert card.title == "What is the Softmax function?"
        assert len(store.reviews(card_id=card.id)) == 1  # its history is this card's
        assert store.card_state(card.id) is not None
    finally:
        store.close()
    titles = _titles(content)
    assert sorted(titles) == sorted(_BEFORE)  # one card each, under its old id
    assert titles["what-is-the"] == "What is the Softmax function?"
    assert str(titles["p-q2"]).startswith("[...] σ(z)")
    assert "no longer in" not in result.output and "wrote" not in result.output
    said = " ".join(result.output.split())
    assert "was titled 'What is the': a line break in the note is now read as in an Anki" in said
    assert "0 cards written, 4 retitled, 1 unchanged" in result.output
    again = run_import(str(deck), "--pack", "p", "--into", str(content))
    assert "0 cards written" in again.output and "retitled" not in again.output, again.output
    assert _titles(content) == titles


def test_an_old_card_edited_since_is_refused_for_what_was_edited(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The title rule is forgiven, an answer edited in the file is not: it is named."""
    deck, content = _deck_imported_before(tmp_path, monkeypatch)
    card = content / "p" / "p" / "what-is-the.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace("maps logits", "turns logits"), encoding="utf-8"
    )
    result = run_import(str(deck), "--pack", "p", "--into", str(content))
    assert "what-is-the.md already exists with another answer (use --force" in result.output
    assert front(card)["title"] == "What is the"
    assert not (content / "p" / "p" / "softmax-function.md").exists()


def test_a_card_of_the_old_id_asking_something_else_is_not_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the file titled as the rule before titled this note is its card."""
    deck, content = _deck_imported_before(tmp_path, monkeypatch)
    card = content / "p" / "p" / "what-is-the.md"
    card.write_text(
        card.read_text(encoding="utf-8").replace("title: What is the", "title: What is the KL"),
        encoding="utf-8",
    )
    result = run_import(str(deck), "--pack", "p", "--into", str(content))
    assert f"wrote {content / 'p' / 'p' / 'softmax-function.md'}" in result.output
    assert front(card)["title"] == "What is the KL"


def test_a_break_in_a_markdown_question_reads_as_in_an_anki_note() -> None:
    """`Q: Softmax<br>$...$` was titled "Softmax $e^{z_i} / Z$" in Markdown notes and
    "Softmax" over its formula in an Anki note: the same front, two cards. A sentence
    going on across the break is one title in both."""
    fronts = (
        "Softmax<br>$e^{z_i} / Z$",
        "What is the<br>softmax function?",
        "What is dropout?<br>Explain why it helps.",
    )
    notes = "".join(f"Q: {text}\nA: It is so.\n\n" for text in fronts)
    deck = "#separator:tab\n#html:true\n" + "".join(f"{text}\tIt is so.\n" for text in fronts)
    read = [(q.title, q.prompt) for q in parse_notes(notes).questions]
    assert read == [(q.title, q.prompt) for q in ankitext.parse_anki_text(deck).questions]
    assert read == [
        ("Softmax", "$e^{z_i} / Z$"),
        ("What is the softmax function?", ""),
        ("What is dropout?", "Explain why it helps."),
    ]


def test_a_name_keeps_its_capital_when_a_bare_topic_is_asked(tmp_path: Path) -> None:
    """ "Explain adam.": a bare title's first word was lowercased as a common noun. A word
    the note writes capitalised mid-sentence is a name, and so is one in capitals; one the
    note writes only at a sentence's start (or in lowercase) is not."""
    deck = tmp_path / "deck.txt"
    deck.write_text(
        "#separator:tab\n#html:true\n"
        "Adam\tIt keeps running means of the gradient; Adam then scales each step.\n"
        "Dropout\tDropout zeroes random units; dropout acts like an ensemble.\n"
        "Momentum\t**Momentum** adds a fraction of the last step to the next.\n"
        "GELU\tIt weights its input by the normal CDF.\n",
        encoding="utf-8",
    )
    result = run_import(str(deck), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    asked = {
        str(front(path)["title"]): path.read_text(encoding="utf-8").split("## Question\n\n")[1]
        for path in (tmp_path / "c").rglob("*.md")
    }
    assert {title: text.split("\n")[0] for title, text in asked.items()} == {
        "Adam": "Explain Adam.",
        "Dropout": "Explain dropout.",
        "Momentum": "Explain momentum.",
        "GELU": "Explain GELU.",
    }


_NOTES = (
    "Q: What is the<br>softmax function?\nA: It maps logits to probabilities.\n\n"
    "Q: Softmax<br>$e^{z_i} / Z$\nA: It normalises exponentials.\n\n"
    "Q: Why does dropout help?\nA: It zeroes random units while training.\n"
)


def test_markdown_notes_imported_before_keep_their_cards(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forty-second round dropped a `<br>` in a `Q:` line ("What is thesoftmax
    function?", "Softmax$e^{z_i} / Z$"): those cards keep their ids when read anew."""
    notes, content = tmp_path / "notes.md", tmp_path / "c"
    notes.write_text(_NOTES, encoding="utf-8")
    never = re.compile(r"(?!)")
    with monkeypatch.context() as patch:
        patch.setattr(titles, "_LINE_BREAK_TAG", never)
        patch.setattr(linebreaks, "LINE_BREAK", never)
        first = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert first.exit_code == 0, first.output
    before = _titles(content)
    assert before["thesoftmax-function"] == "What is thesoftmax function?"
    result = run_import(str(notes), "--pack", "p", "--into", str(content))
    assert result.exit_code == 0, result.output
    after = _titles(content)
    assert sorted(after) == sorted(before), result.output  # no second card
    assert after["thesoftmax-function"] == "What is the softmax function?"
    assert "0 cards written, 2 retitled, 1 unchanged" in result.output


def test_a_break_tag_in_code_or_math_is_its_text() -> None:
    """`<br>` in a code span is what the question asks about: it was read as a break (the
    title lost it: "What does do in HTML?", or was cut at it); in math it is the math's."""
    read = parse_notes(
        "Q: What does `<br>` do in HTML?\nA: It breaks a line.\n\n"
        "Q: What is $a<br>b$ here?\nA: A formula.\n"
    ).questions
    assert [(q.title, q.prompt) for q in read] == [
        ("What does `<br>` do in HTML?", ""),
        ("What is $a<br>b$ here?", ""),
    ]
