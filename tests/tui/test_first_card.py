"""The study screen's first card: CardMarkdown shows what Textual's Markdown shows, and the
screen composes only what the question shows."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import Markdown, Static

from quiz.cardtext import section_markdown
from quiz.tui.screens.study import StudyScreen
from quiz.tui.widgets.answers import KeyPointChecklist
from quiz.tui.widgets.cardmarkdown import CardMarkdown
from quiz.tui.widgets.clock import MockClock
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, press, settle, showing, wait_until

TEXTS = [
    "",
    "What is ¼ for card 1451?",
    "\nWhy is σ′(z) ≤ 0.25?\n",
    "## A heading\n\nSome *emphasis*, **bold**, `code` and a [link](https://example.com).\n",
    "- one\n- two\n  - nested\n\n1. first\n2. second\n",
    "```python\nx = np.zeros(3)\n```\n\n    indented code\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n\n> a quote\n> on two lines\n\n---\n",
    "A paragraph\nover two lines.\n\nAnother one with a footnote-like [^1] and ~~strike~~.\n",
]


def _tree(widget: Widget) -> list[tuple[int, str, str, tuple[str, ...]]]:
    """Every block under a Markdown widget: depth, class, text and CSS classes."""
    found: list[tuple[int, str, str, tuple[str, ...]]] = []

    def walk(node: Widget, depth: int) -> None:
        for child in node.children:
            content = getattr(child, "_content", None)
            text = getattr(content, "plain", "") if content is not None else ""
            name = type(child).__name__
            found.append((depth, name, str(text), tuple(sorted(child.classes))))
            walk(child, depth + 1)

    walk(widget, 0)
    return found


class _Both(App[None]):
    def compose(self) -> ComposeResult:
        for index, text in enumerate(TEXTS):
            yield Markdown(text, id=f"stock-{index}")
            yield CardMarkdown(text, id=f"card-{index}")


async def test_card_markdown_builds_the_blocks_markdown_builds() -> None:
    app = _Both()
    async with app.run_test(size=(100, 200)) as pilot:
        # Textual's Markdown parses in a worker thread and mounts its blocks later
        stock = [app.query_one(f"#stock-{i}", Markdown) for i in range(len(TEXTS))]
        assert await wait_until(
            pilot, lambda: all(len(s.children) > 0 for s, t in zip(stock, TEXTS, strict=True) if t)
        )
        await settle(pilot)
        for index, text in enumerate(TEXTS):
            card = app.query_one(f"#card-{index}", CardMarkdown)
            assert _tree(card) == _tree(stock[index]), text
            assert card.source == stock[index].source == text
            assert card.size == stock[index].size, text


async def test_study_screen_shows_each_section_as_card_markdown(build: AppFactory) -> None:
    app = build(study=StudyRequest(kind="concept"))
    async with app.run_test() as pilot:
        screen = await showing(pilot, StudyScreen)
        assert screen.card is not None
        # the first card is there at the first idle, composed with the screen
        question = screen.query_one("#question", CardMarkdown)
        assert question.source == section_markdown(screen.card, "Question")
        assert len(question.children) > 0
        assert screen.query_one("#study-body").has_focus
        # what the question does not show is not made yet: the key points' column, the
        # rating keys, the clock of an untimed session
        assert not screen.query("#study-rubric") and not screen.query("#study-ratings")
        assert not screen.query(MockClock)
        await press(pilot, "space")
        await settle(pilot)
        answer = screen.query_one("#answer", CardMarkdown)
        assert answer.source == section_markdown(screen.card, "Answer")
        assert len(answer.children) > 0
        assert screen.query_one(KeyPointChecklist).has_focus
        assert screen.query_one("#study-rubric").display
        await press(pilot, "enter")
        await settle(pilot)
        assert screen.query_one("#study-ratings").display
        assert "Good" in str(screen.query_one("#study-ratings", Static).render())


async def test_a_timed_session_composes_its_clock(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="mock", kind="numeric"))
    async with app.run_test() as pilot:
        await settle(pilot)
        clock = app.screen.query_one(MockClock)
        assert clock.display and "⏱" in str(clock.render())
