"""Wording lint: author notes about the seed question list, and options named by place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.markdown import parse_blocks
from quiz.bank.models import ChoiceFront, shown_front_texts
from quiz.bank.sources import bundled_content_dir
from quiz.bank.wording import WordingProblem, author_note_problems, option_position_problems


def words(problems: list[WordingProblem]) -> list[str]:
    """The words each problem quotes."""
    quoted = [p.message.split("': ", 1)[0] for p in problems]
    return [q.removeprefix("author's note '").removeprefix("'") for q in quoted]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interview connection (Q9): check gradients.", "Interview connection (Q9)"),
        ("**Correction to the seed:** it has no bias correction.", "Correction to the seed"),
        ("The seed's version of Adam leaves it out.", "The seed's"),
        ("This drill uses the seed's convention.", "the seed's"),
        ("As in the seed, XOR needs two units.", "the seed"),
        ("This answers Q3 (Q3) of the list.", "(Q3)"),
        ("See Day 6 Q4 for more.", "Day 6 Q4"),
    ],
)
def test_author_notes_are_found(text: str, expected: str) -> None:
    problems = author_note_problems(text)
    assert words(problems) == [expected]
    assert problems[0].line == 1 and problems[0].col == text.index(expected) + 1


@pytest.mark.parametrize(
    "text",
    [
        "Two generators built from the same seed give the same batches.",
        "Generators built from the seed 42 draw reproducible numbers.",
        "The grader shows the seed of the random cases, to replay them.",
        "Never call `np.random.seed` here; re-seeding the global generator changes nothing.",
        "```python\nnp.random.seed(0)  # the seed's value\n```\n",
        "A seedling grows from a seed.",
        "Different seeds give different matrices.",
        "The matrix $Q_1 (Q_2)$ is fine in math.",
    ],
)
def test_random_seeds_and_code_are_not_author_notes(text: str) -> None:
    assert author_note_problems(text) == []


def test_an_author_note_is_placed_at_its_line_and_column() -> None:
    text = "First line.\n\nSecond paragraph, as the seed says.\n"
    (problem,) = author_note_problems(text)
    assert (problem.line, problem.col) == (3, text.splitlines()[2].index("the seed") + 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- **Correct:** the variance stays 1.", "**Correct:"),
        ("- Wrong: overflow is not the point.", "Wrong:"),
        ("The first option ignores the bias.", "first option"),
        ("The last two choices confuse the axes.", "last two choices"),
        ("Option B is the transpose.", "Option B"),
        ("Choice 3 has the wrong sign.", "Choice 3"),
        ("Only (c) keeps the direction.", "(c)"),
        ("The options above are all wrong.", "options above"),
        ("None of the above", "None of the above"),
    ],
)
def test_options_named_by_place_are_found(text: str, expected: str) -> None:
    problems = option_position_problems(text)
    assert words(problems) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "- **Biased (false):** a random mini-batch is unbiased.",
        "- **It keeps the direction (true):** rescaling by one factor keeps it.",
        "The other options are its relatives.",
        "Over the first half of training the rate rises.",
        "The answer 4 follows from $K - 1$.",
        "The function $f(a)$ and `x[(b)]` are math and code.",
        "None of the others normalizes per example.",
    ],
)
def test_options_named_by_text_pass(text: str) -> None:
    assert option_position_problems(text) == []


def test_an_option_is_checked_only_for_the_others_by_place() -> None:
    assert option_position_problems("option 2 of the config", choice=True) == []
    assert words(option_position_problems("None of the above", choice=True)) == [
        "None of the above"
    ]


def test_no_bundled_card_has_an_author_note_or_an_option_named_by_place() -> None:
    found = []
    for card in load_bank([bundled_content_dir()]).cards:
        texts = [card.front.title, *(s.text for s in card.sections.values())]
        texts += [text for _, _, text in shown_front_texts(card.front)]
        found += [(card.id, p) for text in texts for p in author_note_problems(text)]
        if isinstance(card.front, ChoiceFront):
            explanation = card.sections["Explanation"].text
            found += [(card.id, p) for p in option_position_problems(explanation)]
            for choice in card.front.choices:
                found += [(card.id, p) for p in option_position_problems(choice, choice=True)]
    assert found == []


def test_math_in_a_title_is_a_lint_problem(tmp_path: Path) -> None:
    pack = tmp_path / "p"
    (pack / "t").mkdir(parents=True)
    (pack / "pack.yaml").write_text("title: P\ndescription: d\nversion: 0.1.0\n")
    (pack / "t" / "c.md").write_text(
        "---\nid: c\nkind: concept\ntitle: What the $1/\\sqrt{d_k}$ factor does\ntopic: t\n"
        "difficulty: 1\nsource: tests\nkey_points: [one]\n---\n\n## Question\n\nQ?\n\n"
        "## Answer\n\nA.\n"
    )
    _, problems = lint([tmp_path], run_drills=False)
    assert [(p.line, p.code) for p in problems] == [(4, "title-math")]
    (pack / "t" / "c.md").write_text(
        (pack / "t" / "c.md").read_text().replace("$1/\\sqrt{d_k}$", "1/√dₖ")
    )
    assert lint([tmp_path], run_drills=False)[1] == []


# A bold run-in label ("**Generation and the KV cache.**") opens a paragraph: in the middle of
# one, after another topic's last sentence, it hides where that topic starts, as it did in
# attention-complexity's answer, where the KV cache ran on from the end of "Why it matters".
_RUN_IN_LABEL = re.compile(r"(?<=[.!?:)]) \*\*[A-Z][^*\n]{1,60}[.?]\*\*(?= )")


def test_a_bold_label_in_the_middle_of_a_paragraph_is_found() -> None:
    paragraph = "It grows fast. **The cache.** It keeps the keys."
    assert [m.group() for m in _RUN_IN_LABEL.finditer(paragraph)] == [" **The cache.**"]
    assert _RUN_IN_LABEL.search("**The cache.** It keeps the keys.") is None
    assert _RUN_IN_LABEL.search("- **Option text (false):** the reason.") is None


def test_no_bundled_card_runs_a_bold_label_into_a_paragraph() -> None:
    found = [
        (card.id, name, match.group())
        for card in load_bank([bundled_content_dir()]).cards
        for name, section in card.sections.items()
        for token in parse_blocks(section.text)
        if token.type == "inline"
        for match in _RUN_IN_LABEL.finditer(token.content)
    ]
    assert found == []


def test_many_notes_are_each_placed_and_random_seeds_still_read_past() -> None:
    """Each "the seed" was placed by counting the lines before it and judged by scanning
    its sentence from the text's start: a card saying it thousands of times took lint
    minutes. Line starts and sentences are now found once; the places are the same."""
    rows = ["Fix the seed here.", "The rng takes the seed as given.", "As the seed says; ok."]
    text = "\n".join(rows * 2000)
    found = author_note_problems(text)
    assert len(found) == 4000
    assert [(p.line, p.col) for p in found[:4]] == [(1, 5), (3, 4), (4, 5), (6, 4)]
    assert (found[-1].line, found[-1].col) == (6000, 4)
