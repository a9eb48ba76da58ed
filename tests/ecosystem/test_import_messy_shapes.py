"""Real-world shapes tried on the importer (thirty-third round), each fixed where it
confused something: a Notion page of nested toggles named its topic toggles as text
"not imported"; a Logseq `#card` block without an answer was "a list item ending in '?'"
(it ends in none)."""

from __future__ import annotations

from quiz.ecosystem.importreport import reason_key
from quiz.ecosystem.notes.read import parse_notes

NESTED_TOGGLES = """\
# ML Interview

- Optimisation
    - Explain momentum

        It averages past gradients, so steady directions speed up.

    - What does weight decay do?

        It shrinks weights toward zero at every step.

- Evaluation
    - Compare precision and recall

        Precision counts right positives among predicted ones; recall among real ones.
"""


def test_a_toggle_that_titles_nested_toggles_is_no_lost_text() -> None:
    parsed = parse_notes(NESTED_TOGGLES)
    assert [(q.line, q.title) for q in parsed.questions] == [
        (4, "Explain momentum"),
        (8, "What does weight decay do?"),
        (13, "Compare precision and recall"),
    ]
    assert parsed.ignored == ()


def test_a_topic_item_with_text_of_its_own_is_still_named() -> None:
    text = NESTED_TOGGLES.replace("- Evaluation\n", "- Evaluation\n\n  Read this first.\n\n")
    parsed = parse_notes(text)
    assert [(i.line, i.text) for i in parsed.ignored] == [(14, "Read this first.")]


def test_an_unanswered_card_block_is_named_for_its_tag() -> None:
    parsed = parse_notes(
        "- [[Dec 4th, 2026]] review #card\n- What is label smoothing? #card\n"
        "\t- It mixes the one-hot target with a uniform distribution.\n"
        "- Why clip gradients?\n"
    )
    assert [q.title for q in parsed.questions] == ["What is label smoothing?"]
    assert [i.reason for i in parsed.ignored] == [
        "a list item tagged #card with no answer in it or right below it",
        "a list item ending in '?' with no answer in it or right below it",
    ]
    assert {reason_key(i.reason) for i in parsed.ignored} == {"unanswered list item"}
