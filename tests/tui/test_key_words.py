"""One name for a key wherever the app names it: the footer said "⏎ Rate" while the hint
over it said "enter or space: rate" and the docs' key table `enter`. The footer and the help
now name enter and backspace in words, as the hints and docs do; and a ctrl key as the
footer has room for at 80 columns, "^t", as every hint, notice and doc now writes it (the
hints said "ctrl+t" under a footer saying "^t Hint")."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from textual.app import App
from textual.widgets import Static

from quiz.tui.screens.drill import DrillScreen
from quiz.tui.screens.help import CTRL_LEGEND, HelpScreen, help_rows, help_title
from quiz.tui.screens.study import StudyScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import (
    AppFactory,
    Recorder,
    notices,
    press,
    screen_lines,
    showing,
)

REPO = Path(__file__).parents[2]
CTRL_WORDS = re.compile(r"ctrl\+[a-z]\b")
"""A ctrl key written in words ("ctrl+t"), where the footer writes "^t"."""
KEY_NAME = re.compile(r"(ctrl\+)?(shift\+)?[a-z0-9_]+")
"""A literal that is a key's name for Textual ("ctrl+t" in a binding), not a text shown."""
USER_DOCS = ("README.md", "docs/study.md", "docs/commands.md", "docs/plan.md")
"""The docs that tell a user which key to press."""


def _rows(app: App[Any]) -> list[str]:
    return [line.text for line in screen_lines(app)]


async def test_the_footer_the_hint_and_the_help_say_enter(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="concept"))
    async with app.run_test(size=(80, 24)) as pilot:
        study = await showing(pilot, StudyScreen)
        await press(pilot, "space")
        rows = _rows(app)
        footer, hint = rows[-1], rows[-2]
        assert "enter or space: rate" in hint
        assert "enter Rate" in footer, footer
        assert "⏎" not in footer and "⌫" not in footer
        assert ("enter, space", "Rate: on to the rating keys") in help_rows(app, study)
        await press(pilot, "enter")  # the rating keys: backspace goes back to the points
        said = dict(help_rows(app, study))
        assert said["backspace"].startswith("Back to points"), said
        await press(pilot, "question_mark")
        await showing(pilot, HelpScreen)
        drawn = "\n".join(_rows(app))
        assert "⏎" not in drawn and "⌫" not in drawn
        assert "backspace" in drawn


async def test_a_choice_cards_footer_says_enter_submit(build: AppFactory) -> None:
    app = build(study=StudyRequest(mode="cram", kind="choice"))
    async with app.run_test(size=(80, 24)) as pilot:
        await showing(pilot, StudyScreen)
        footer = _rows(app)[-1]
        assert "enter Submit" in footer, footer


def _shown_strings(path: Path) -> list[tuple[int, str]]:
    """Each string literal of a module but its docstrings and bare expressions (attribute
    docstrings), with JavaScript comments (`// ...`, a served page's script) left out."""
    tree = ast.parse(path.read_text())
    said = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in said:
            text = re.sub(r"//[^\n]*", "", node.value)
            if not KEY_NAME.fullmatch(text):
                found.append((node.lineno, text))
    return found


def test_every_text_the_app_shows_writes_a_ctrl_key_as_the_footer_does() -> None:
    """Hints, notices and the command line's notes said "ctrl+o puts back your code",
    "Press ctrl+r to grade" and "(ctrl+g gives up)" over a footer saying "^o", "^r", "^g"."""
    words = [
        f"{path.relative_to(REPO)}:{line}: {text[:60]!r}"
        for path in sorted((REPO / "quiz").rglob("*.py"))
        for line, text in _shown_strings(path)
        if CTRL_WORDS.search(text)
    ]
    assert words == []


def _worded_ctrl_keys(text: str) -> list[str]:
    """The ctrl keys `text` writes in words, but for one in brackets after its caret, which
    says what the caret means ("`^q` (ctrl+q)")."""
    worded = []
    for match in CTRL_WORDS.finditer(text):
        caret = re.escape("^" + match.group()[-1])
        if not re.search(caret + r"`?\s+\($", text[: match.start()]):
            worded.append(match.group())
    return worded


def test_the_docs_write_a_ctrl_key_as_the_app_does() -> None:
    """The key table and every doc's prose write `^t`; "ctrl+t" only in brackets after
    "^t", saying what the caret means. The developer docs wrote "ctrl+q (or escape, then
    ctrl+q)", "graded with ctrl+r" and "ctrl+w in the card browser's search box" (10 keys in
    docs/performance.md, docs/architecture.md and docs/security.md) for the keys the app
    names ^q, ^r and ^w; the shell's Ctrl-C, not an app key, is left as the shell says it."""
    docs = [
        *USER_DOCS,
        "CONTRIBUTING.md",
        *sorted(str(p.relative_to(REPO)) for p in (REPO / "docs").glob("*.md")),
    ]
    for doc in dict.fromkeys(docs):
        assert _worded_ctrl_keys((REPO / doc).read_text()) == [], doc


def test_a_ctrl_key_in_words_is_found_but_after_its_caret() -> None:
    assert _worded_ctrl_keys("quit (ctrl+q), or ctrl+q, not `^q` (ctrl+q)") == [
        "ctrl+q",
        "ctrl+q",
    ]
    assert _worded_ctrl_keys("a ctrl key as `^t`\n(ctrl+t), and ^q (ctrl+q)") == []
    assert _worded_ctrl_keys("^q (ctrl+r)") == ["ctrl+r"]  # another key's caret says nothing


async def test_a_drills_hint_note_footer_and_help_spell_ctrl_t_alike(
    build: AppFactory, recorder: Recorder
) -> None:
    app = build(drill="tiny-sgd")
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        drill = await showing(pilot, DrillScreen)
        await press(pilot, "ctrl+t")
        note = str(drill.query_one(".hint-note").render())
        footer = _rows(app)[-1]
        assert "^t Hint" in footer and "^t (h outside editor)" in note, (footer, note)
        assert "Press ^r to grade your code." in "\n".join(_rows(app))
        assert "ctrl+" not in footer + note
        await press(pilot, "ctrl+c")  # Textual's copy key: it names the quit key
        assert "Press ^q to quit the app" in notices(recorder), notices(recorder)
        await press(pilot, "f1")
        help_screen = await showing(pilot, HelpScreen)
        title = str(help_screen.query_one("#help-title", Static).render())
        assert title.endswith(CTRL_LEGEND) and "^ is the ctrl key" in title, title
        assert "^r" in dict((what, keys) for keys, what in help_screen.rows).get(
            "Grade: run it on the drill's cases", ""
        )


def test_the_helps_title_explains_the_caret_only_over_a_ctrl_key() -> None:
    """Every screen's help lists the app's ^q and ^c, so every title says it; a list of
    keys without a caret (none in drillbit today) would not."""
    assert help_title("Drills", [("enter", "Open"), ("?, f1", "Help")]) == "Keys: Drills"
    assert help_title("Drills", [("enter", "Open"), ("^q", "Quit")]) == (
        f"Keys: Drills{CTRL_LEGEND}"
    )
