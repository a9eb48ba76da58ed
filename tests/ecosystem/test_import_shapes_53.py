"""Note shapes tried in the fifty-third round (import53) that lost text or gave no card."""

from __future__ import annotations

from pathlib import Path

from tests.ecosystem.test_import_notes import front, run_import


def _imported(tmp_path: Path, name: str, text: str) -> tuple[dict[str, str], str]:
    """`text` imported from `name`: each card's text by its title, and what was said."""
    notes = tmp_path / name
    notes.write_text(text, "utf-8")
    into = tmp_path / "cards"
    result = run_import(str(notes), "--into", str(into))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p.read_text("utf-8") for p in into.rglob("*.md")}
    return cards, " ".join(result.output.split())


def test_an_answer_header_typed_inside_a_question_callout_is_its_answer_marker(
    tmp_path: Path,
) -> None:
    """`> [!answer] text` right under the question's header, in the same quote, was the
    answer's first words: a key point "[!answer] Large gradients blow up updates"."""
    cards, _ = _imported(
        tmp_path,
        "callouts.md",
        "> [!question] Why clip gradients?\n"
        "> [!answer] Large gradients blow up updates. Clipping caps their norm.\n\n"
        "> [!faq]- What does a 1x1 convolution do?\n"
        "> [!solution]\n"
        "> It mixes channels at each position. The spatial size stays the same.\n",
    )

    clip = cards["Why clip gradients?"]
    assert "[!answer]" not in clip
    assert "- Large gradients blow up updates" in clip
    assert "Large gradients blow up updates. Clipping caps their norm." in clip
    conv = cards["What does a 1x1 convolution do?"]
    assert "[!solution]" not in conv
    assert "- It mixes channels at each position" in conv


def test_a_callout_line_that_is_no_answer_stays_text(tmp_path: Path) -> None:
    cards, _ = _imported(
        tmp_path,
        "callouts.md",
        "> [!question] Why clip gradients?\n"
        "> Large gradients blow up updates. Clipping caps their norm.\n"
        "> [!tip] keep the norm's threshold near one.\n",
    )

    assert "[!tip] keep the norm's threshold near one." in cards["Why clip gradients?"]


def test_remnote_multi_line_concept_cards_are_read(tmp_path: Path) -> None:
    """`Concept ::` over indented lines is RemNote's multi-line concept card, as `Front >>`
    over them is its basic one: such a page was "no questions found", its text not imported."""
    cards, said = _imported(
        tmp_path,
        "rem.md",
        "- Dropout ::\n"
        "    - zeroes random activations while training\n"
        "    - scales the rest so the expected sum stays\n"
        "- Weight decay ::\n"
        "    - shrinks every weight a little at each step\n"
        "- Momentum >>\n"
        "    - keeps an average of past gradients to damp oscillation\n",
    )

    assert set(cards) == {"Dropout", "Weight decay", "Momentum"}
    assert "- scales the rest so the expected sum stays" in cards["Dropout"]
    assert "asks both ways ('::' or '<>', lines 1, 4) are asked from the front only" in said
