"""A horizontal rule (`---`, `***`, `___`) ends an answer, as a heading does.

Before, the text after a rule ran into the answer above it: a reading list, or a remark
under a divider in a Notion page, became key points of the last card. Now the answer stops
at the rule and the text after it is named, with its lines, as not imported. A rule right
under a question, before any answer, is a slide break (Marp, Obsidian's slides: the answer
on the next slide) and ends nothing; a front matter's `---` lines are no rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quiz.ecosystem.importreport import reason_key
from quiz.ecosystem.notes.read import parse_notes
from tests.ecosystem.test_import_notes import answer_of, run_import

NOTES = """\
# Notes

## What is overfitting?

A model fits the noise of its training set.

---

Reading list: Bishop chapter 3.
Goodfellow chapter 7.

## What is dropout?

Units are zeroed at random during training.

**What is a logit?**
The log-odds before the sigmoid.

***

An aside under a divider.
"""


def test_a_rule_ends_the_answer_and_what_follows_is_named() -> None:
    parsed = parse_notes(NOTES)
    answers = {q.title: q.answer for q in parsed.questions}
    assert answers == {
        "What is overfitting?": "A model fits the noise of its training set.",
        "What is dropout?": "Units are zeroed at random during training.",
        "What is a logit?": "The log-odds before the sigmoid.",
    }
    assert [(i.line, i.reason) for i in parsed.ignored] == [
        (
            9,
            "text (lines 9-10) after the rule (line 7) that ends the answer of 'What is "
            "overfitting?' (line 3), not imported; delete the rule to keep it in that answer",
        ),
        (
            21,
            "text after the rule (line 19) that ends the answer of 'What is a logit?' "
            "(line 16), not imported; delete the rule to keep it in that answer",
        ),
    ]
    assert {reason_key(i.reason) for i in parsed.ignored} == {"text after an answer"}


def test_a_rule_between_questions_or_under_a_question_ends_nothing() -> None:
    slides = (
        "## What is a logit?\n\n---\n\nThe log-odds before the sigmoid.\n\n---\n\n"
        "## What is dropout?\n\n___\n\nUnits are zeroed at random.\n"
    )
    parsed = parse_notes(slides)
    assert [q.answer for q in parsed.questions] == [
        "The log-odds before the sigmoid.",
        "Units are zeroed at random.",
    ]
    assert parsed.ignored == ()


def test_front_matter_lines_are_no_rules(tmp_path: Path) -> None:
    notes = tmp_path / "page.md"
    notes.write_text(
        "---\ntags: [ml]\n---\n## What is a logit?\n\nThe log-odds before the sigmoid.\n\n"
        "---\n\nSee also: probit.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert answer_of(tmp_path / "c" / "p" / "p" / "what-is-a-logit.md") == (
        "The log-odds before the sigmoid."
    )
    assert f"{notes}:10: skipped 'See also: probit.': text after the rule (line 8)" in (
        " ".join(result.output.split())
    )
    assert "1 question seen, 1 card written; 1 other part not imported" in result.output


def test_a_rule_right_under_an_answers_last_line_is_a_rule() -> None:
    """`---` right under a line is that line's heading underline to Markdown (a setext
    heading): an answer's last sentence with a rule under it was a heading, "not a
    question, its text was not imported", and its question had "no answer". Under a
    sentence it is a rule; under a short title it is still a heading."""
    text = (
        "## What is dropout?\n\nUnits are zeroed at random during training.\n---\n"
        "Seen in the 2014 paper.\n\nRegularisation\n---\n\nText under a setext heading.\n"
    )
    parsed = parse_notes(text)
    assert [(q.title, q.answer) for q in parsed.questions] == [
        ("What is dropout?", "Units are zeroed at random during training.")
    ]
    assert [(i.line, i.text) for i in parsed.ignored] == [
        (5, "Seen in the 2014 paper."),
        (7, "Regularisation"),
    ]
    assert parsed.ignored[0].reason.startswith("text after the rule (line 4) that ends")
    assert parsed.ignored[1].reason.startswith("not a question")


def _ruled_cards(count: int, footer: Callable[[int], str]) -> str:
    """Notes of `count` questions, each answer ended by a rule with `footer` under it."""
    answer = "It does one thing well. It also does another thing. It has a third point too."
    return "# Notes\n\n" + "\n".join(
        f"## What is thing {n}?\n\n{answer}\n\n---\n\n{footer(n)}\n" for n in range(1, count + 1)
    )


def test_text_after_many_rules_is_one_skip_line_with_its_places(tmp_path: Path) -> None:
    """A `[Back to top]` link (or a footer) under the rule after every card was a skip
    line per card: 40 lines for 40 cards. It is one line now, naming the text and the
    places; the summary still counts every part not imported."""
    notes = tmp_path / "notes.md"
    notes.write_text(_ruled_cards(40, lambda _n: "[Back to top](#notes)"), encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    assert result.exit_code == 0, result.output
    told = [line for line in result.output.splitlines() if "Back to top" in line]
    assert told == [
        "skipped '[Back to top](#notes)' after 40 answers that a rule (---) ends, not "
        f"imported ({', '.join(f'{notes}:{8 * n + 1}' for n in range(1, 13))} and 28 more); "
        "a rule after an answer's text ends it: delete a rule to keep the text after it in "
        "that answer"
    ]
    assert "40 cards to write; 40 other parts not imported" in result.output


def test_different_texts_after_rules_are_one_line_and_few_keep_theirs(tmp_path: Path) -> None:
    """Texts that differ are summed up as text; two of them keep a line each, as before."""
    notes = tmp_path / "notes.md"
    notes.write_text(_ruled_cards(3, lambda n: f"Source: book {n}."), encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    skips = [line for line in result.output.splitlines() if "skipped" in line]
    assert skips == [
        f"skipped text after 3 answers that a rule (---) ends, not imported ({notes}:9, "
        f"{notes}:17, {notes}:25); a rule after an answer's text ends it: delete a rule to "
        "keep the text after it in that answer"
    ]
    notes.write_text(_ruled_cards(2, lambda n: f"Source: book {n}."), encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"), "--dry-run")
    skips = [line for line in result.output.splitlines() if "skipped" in line]
    assert skips == [
        f"{notes}:{row}: skipped 'Source: book {n}.': text after the rule (line {row - 2}) "
        f"that ends the answer of 'What is thing {n}?' (line {row - 6}), not imported; "
        "delete the rule to keep it in that answer"
        for n, row in ((1, 9), (2, 17))
    ]
