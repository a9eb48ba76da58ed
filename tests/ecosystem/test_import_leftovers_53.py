"""What the fifty-third round (import53) left the importer: a title's escaped tag kept, a
card an older tag rule made repaired by a plain re-import when it is unedited, and our
own notes coming back through Anki the same after one round trip as after two."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.models import Card
from quiz.bank.sources import content_roots
from quiz.ecosystem.cardids import card_id_for
from tests.ecosystem.anki_through import through_anki
from tests.ecosystem.test_import_notes import front, run_import

ESCAPED_TITLES = """\
## What does \\<s> mark in a sentencepiece model?

It marks the start of a sentence. The model puts it before the first piece.

**Why does the tokenizer add &lt;/s&gt; at the end?**

It tells the decoder where the sentence stops. Generation ends there.

Q: What is the \\<b> tag of HTML for?
A: It makes the enclosed text bold. Browsers show it heavier.
"""


def _cards(into: Path) -> dict[str, Path]:
    return {p.stem: p for p in into.rglob("*.md")}


def test_a_titles_escaped_tag_is_kept_in_its_title_and_question(tmp_path: Path) -> None:
    """`\\<s>` and `&lt;/s&gt;` are Markdown's text `<s>`, `</s>`: read back as a tag, they
    were dropped from the card's title and question ("What does mark ...?")."""
    notes = tmp_path / "tokens.md"
    notes.write_text(ESCAPED_TITLES, "utf-8")
    into = tmp_path / "cards"

    result = run_import(str(notes), "--into", str(into))

    assert result.exit_code == 0, result.output
    cards = _cards(into)
    expected = {
        "What does <s> mark in a sentencepiece model?": "What does &lt;s&gt; mark in a",
        "Why does the tokenizer add </s> at the end?": "the tokenizer add &lt;/s&gt; at",
        "What is the <b> tag of HTML for?": "What is the &lt;b&gt; tag of HTML for?",
    }
    for title, question in expected.items():
        # each id as before: the tag no word of it, as when it was dropped
        card = cards[
            card_id_for(title.replace(" <s>", "").replace(" </s>", "").replace(" <b>", ""))
        ]
        assert front(card)["title"] == title
        assert question in card.read_text("utf-8")
        assert f"{title}" in result.output  # reports quote it as the user sees it


def _made_before(card: Path, *gone: str) -> str:
    """The card's text as an import before made it: each of `gone` removed as HTML."""
    text = card.read_text("utf-8")
    for tag in gone:
        escaped = tag.replace("<", "&lt;").replace(">", "&gt;")
        for form in (f" `{tag}`", f" {escaped}", f" {tag}"):
            text = text.replace(form, "")
    return text


EOS_NOTES = """\
## Q1: What does the \\<s> token mark?

The start of a sentence. The decoder stops when it emits <eos>, its last token.

## Q2: Why pad with <pad> in a batch?

Sequences differ in length. A batch holds one length, so <pad> fills the rest.
"""


def test_a_card_an_older_rule_made_is_repaired_by_a_plain_reimport(tmp_path: Path) -> None:
    """A file that is the card with its `<s>` and `<eos>` removed, as imports before
    removed them, is written again without --force, said at the question's line; the next
    import finds it unchanged. Before, it was refused until --force."""
    notes = tmp_path / "tokens.md"
    notes.write_text(EOS_NOTES, "utf-8")
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    cards = _cards(into)
    token, pad = cards["token-mark"], cards["pad-with-batch"]
    made = token.read_text("utf-8")
    token.write_text(_made_before(token, "<s>", "<eos>"), "utf-8")
    assert "<s>" not in token.read_text("utf-8")
    assert "&lt;s&gt;" not in token.read_text("utf-8")

    again = run_import(str(notes), "--into", str(into))

    assert again.exit_code == 0, again.output
    flat = " ".join(again.output.split())
    assert f"wrote (replacing) {token}" in flat
    assert (
        "tokens.md:1: note: Q1 'What does the <s> token mark?': its file is the card an"
        " earlier import made of this note with <s>, <eos> removed as if it were HTML,"
        " unedited since: written again with them, its id and reviews kept"
    ) in flat
    assert token.read_text("utf-8") == made
    assert f"unchanged {pad}" in flat

    third = run_import(str(notes), "--into", str(into))

    assert third.exit_code == 0 and "nothing new" in third.output, third.output


def test_an_older_card_edited_since_is_still_refused_and_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "tokens.md"
    notes.write_text(EOS_NOTES, "utf-8")
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    pad = _cards(into)["pad-with-batch"]
    edited = _made_before(pad, "<pad>").replace("fills the rest", "fills the remainder")
    pad.write_text(edited, "utf-8")

    again = run_import(str(notes), "--into", str(into))

    assert again.exit_code == 1, again.output
    flat = " ".join(again.output.split())
    assert "already exists with another title, question and answer" in flat
    assert "the notes hold <pad>, which the file lacks" in flat
    assert "differs in more than that, so it is not written again without --force" in flat
    assert "unedited since" not in flat
    assert pad.read_text("utf-8") == edited


def test_an_anki_cards_typed_tag_is_repaired_too(tmp_path: Path) -> None:
    notes = tmp_path / "anki.txt"
    notes.write_text(
        "#separator:tab\n#html:true\nWhat does the &lt;s&gt; token mark?\t"
        "The start of a sentence. A model puts &lt;s&gt; before the first piece.\n",
        "utf-8",
    )
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    [card] = into.rglob("token-mark.md")
    made = card.read_text("utf-8")
    card.write_text(_made_before(card, "<s>"), "utf-8")

    again = run_import(str(notes), "--into", str(into))

    assert again.exit_code == 0, again.output
    assert "removed as if it were HTML, unedited since" in " ".join(again.output.split())
    assert card.read_text("utf-8") == made


AWKWARD_TITLES = [
    "What is the bias · variance trade-off?",
    "Why does A·B need matching shapes?",
    "Is x · y · z associative?",
    "Why is a dot ⋅ not a · here?",
    "Does `np.dot` broadcast?",
    "What does `a · b` compute?",
    "What is Q&A · notes?",
    "Why does the \\<s> token · start?",
    "What is $a \\cdot b$ · for unit vectors?",
    "Ends with a dot ·?",
]
"""Titles holding a middle dot (the Source field's join), code, a formula or a typed tag."""


def _through(cards: list[Card], tmp_path: Path, round_: int) -> list[Card]:
    """`cards` exported, through Anki's plain-text export, and imported back."""
    step = tmp_path / f"round{round_}"
    step.mkdir()
    notes = through_anki(cards, step)
    into = step / "content"
    result = run_import(str(notes), "--pack", "back", "--into", str(into))
    assert result.exit_code == 0, result.output
    return list(load_bank(content_roots([into], include_bundled=False)).cards)


def _seen(cards: list[Card]) -> list[tuple[object, ...]]:
    return sorted(
        (c.id, c.front.title, c.front.source, c.section("Question"), c.section("Answer"))
        for c in cards
    )


def test_awkward_titles_come_back_through_anki_the_same_after_one_round_trip(
    tmp_path: Path,
) -> None:
    """Notes imported, exported, through Anki and imported back are a fixed point: a
    second trip gives the same cards. Before, a question's code span (`np.dot`) became
    plain words on the first trip, and the `source` grew by `notes.txt Q1 · ` each trip."""
    notes = tmp_path / "awkward.md"
    notes.write_text(
        "".join(
            f"## Q{n}: {title}\n\nThe first fact holds here. The second one follows it."
            " A third closes it.\n\n"
            for n, title in enumerate(AWKWARD_TITLES, 1)
        ),
        "utf-8",
    )
    into = tmp_path / "content"
    result = run_import(str(notes), "--pack", "back", "--into", str(into))
    assert result.exit_code == 0, result.output
    first = list(load_bank(content_roots([into], include_bundled=False)).cards)
    assert len(first) == len(AWKWARD_TITLES)

    once = _through(first, tmp_path, 1)
    twice = _through(once, tmp_path, 2)

    assert _seen(twice) == _seen(once)
    # and the first trip changed nothing but where the card was imported from
    assert [s[:2] + s[3:] for s in _seen(once)] == [s[:2] + s[3:] for s in _seen(first)]
    by_id = {c.id: c for c in once}
    assert "`np.dot`" in by_id["np-dot-broadcast"].section("Question")
    was = {c.id: c.front.source for c in first}
    for card in once:  # the place it came from, then where it was before, once each
        place, _, before = card.front.source.partition(" · ")
        assert place.startswith("notes.txt Q") and before == was[card.id]


def test_the_card_the_fifty_second_round_made_of_an_escaped_title_is_repaired(
    tmp_path: Path,
) -> None:
    """The file as import52b wrote it for `## What does \\<s> mark?` (the tag dropped from
    its title, two spaces left in its question, the answer's `\\<s>` kept as code): a
    plain import of the same notes upgrades it, and says so."""
    notes = tmp_path / "tokens.md"
    notes.write_text(
        "## What does \\<s> mark?\n\nThe start of a sentence, before the first \\<s> piece."
        " The model learns it like any token.\n",
        "utf-8",
    )
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    [card] = into.rglob("*.md")
    made = card.read_text("utf-8")
    then = made.replace("title: What does <s> mark?", "title: What does mark?").replace(
        "What does &lt;s&gt; mark?", "What does  mark?"
    )
    assert then != made and "`<s>` piece" in then
    card.write_text(then, "utf-8")

    again = run_import(str(notes), "--into", str(into))

    assert again.exit_code == 0, again.output
    assert "with <s> removed as if it were HTML, unedited since" in " ".join(again.output.split())
    assert card.read_text("utf-8") == made
