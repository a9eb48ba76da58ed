"""RemNote's one-line flashcards (`Front >> Back`, `Concept :: Definition`, `Front << Back`,
`Descriptor ;; Value`) are questions: a page of them was "no questions found"."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.fences import code_span_test, in_code_span, span_test
from quiz.ecosystem.remnote import read_remnote_cards
from tests.ecosystem.test_import_notes import answer_of, front, run_import

PAGE = (
    "# Deep learning basics\n"
    "\n"
    "- Vanishing gradient :: gradients shrink as they are multiplied back through many layers\n"
    "- Why use ReLU over sigmoid? >> ReLU does not saturate for positive inputs\n"
    "- Residual connection ;; adds the block's input to its output for a short gradient path\n"
    "- the step size of gradient descent, per update << Learning rate\n"
    "Exploding gradient <> gradients grow through repeated multiplication across layers\n"
)


def test_a_remnote_page_gives_a_card_a_line(tmp_path: Path) -> None:
    notes = tmp_path / "basics.md"
    notes.write_text(PAGE, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c").rglob("*.md")}
    assert set(cards) == {
        "Vanishing gradient",
        "Why use ReLU over sigmoid?",
        "Residual connection",
        "Learning rate",  # `<<`: RemNote asks the back
        "Exploding gradient",
    }, result.output
    assert answer_of(cards["Why use ReLU over sigmoid?"]) == (
        "ReLU does not saturate for positive inputs"
    )
    assert answer_of(cards["Learning rate"]) == "the step size of gradient descent, per update"
    said = " ".join(result.output.split())
    assert f"{notes}:3: note: RemNote: 5 one-line cards" in said
    assert "('<<', line 6) ask their back" in said
    assert "('::' or '<>', lines 3, 7) are asked from the front only" in said


def test_what_is_no_remnote_card_is_left() -> None:
    for text in (
        "status:: draft\nsource:: a book\n",  # Logseq and Dataview properties
        "C++ has std::vector.\nAnd std::map too.\n",
        "Shift it: x >> 1 halves x.\n",  # one line: prose
        "`a >> b` and `c >> d` are shifts.\nAnd `e << f` too.\n",
        "```\na >> b\nc >> d\n```\n",
        "> quoted >> here\n> and >> here\n",
        "## A >> B\n## C >> D\n",
        "$a >> b$ and $c >> d$\n$e << f$ here\n",
    ):
        assert read_remnote_cards(text).text == text, text


def test_lines_keep_their_numbers() -> None:
    text = "A b >> c d\r\n\r\n  - e f :: g h\n"
    cards = read_remnote_cards(text)
    assert cards.text == "Q: A b **A:** c d\r\n\r\n  - Q: e f **A:** g h\n"
    assert (cards.lines, cards.both_ways) == ((1, 3), (3,))


def test_shifts_in_a_programmers_answers_are_no_cards() -> None:
    text = (
        "## How do you halve an int fast?\n\n"
        "Shift it right by one bit.\n"
        "In C you write x >> 1 for it.\n"
        "It rounds toward minus infinity for negatives.\n"
        "To print it, std::cout << x works.\n"
        "Compilers make x / 2 a shift anyway.\n"
        "Only unsigned values shift without surprises.\n"
    )
    assert read_remnote_cards(text).text == text


def test_the_bisecting_span_tests_agree_with_the_counting_one() -> None:
    """`code_span_test` and `span_test` answer as `in_code_span` and a scan of the spans
    do: they replace them where a line has thousands of places to test (a line of 50,000
    shifts in code spans took 18 s to read)."""
    for row in ("`a >> b` c >> d `e`", "no ticks", "``x`` y `z", "`"):
        fast = code_span_test(row)
        assert [fast(at) for at in range(len(row) + 1)] == [
            in_code_span(row, at) for at in range(len(row) + 1)
        ]
    spans = [(2, 5), (7, 8), (10, 14)]
    inside = span_test(spans)
    assert [at for at in range(16) if inside(at)] == [2, 3, 4, 7, 10, 11, 12, 13]
