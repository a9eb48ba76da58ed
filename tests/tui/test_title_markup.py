"""Card titles, typed values and error messages reach notifications and questions: they are
shown as the characters they are, never read as Textual markup (`E[x]` kept its `[x]`, and
a title with `[/x]` no longer ends the app)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from quiz.tui.screens.confirm import ConfirmScreen
from quiz.workspace import StudyRequest
from tests.tui.conftest import AppFactory, Recorder, notices, notifications, press, settle

TITLE = "Why E[x] and [/x] differ"

CARD = f"""---
id: bracket-title
kind: concept
title: "{TITLE}"
topic: brackets
tags: [stats]
difficulty: 1
source: tests
key_points:
  - linearity
---

## Question

What is the expectation?

## Answer

The mean.
"""


@pytest.fixture
def bracket_pack(tmp_path: Path) -> Path:
    """A pack "brackets" whose one card's title holds markup-like brackets."""
    root = tmp_path / "brackets-bank"
    topic = root / "brackets" / "brackets"
    topic.mkdir(parents=True)
    (root / "brackets" / "pack.yaml").write_text(
        "title: Brackets\ndescription: A title with brackets.\nversion: 0.1.0\n", encoding="utf-8"
    )
    (topic / "bracket-title.md").write_text(CARD, encoding="utf-8")
    return root


@pytest.mark.parametrize(("key", "said"), [("b", "Buried until tomorrow"), ("x", "Suspended")])
async def test_setting_aside_a_bracketed_title_notifies_it_as_written(
    build: AppFactory, bracket_pack: Path, recorder: Recorder, key: str, said: str
) -> None:
    app = build(study=StudyRequest(mode="cram", pack="brackets"), extra=[bracket_pack])
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        await settle(pilot)
        await press(pilot, key)
        await settle(pilot)
        assert app.is_running
        raised = [n for n in notifications(recorder) if said in n.message]
        assert raised, notifications(recorder)
        # drawn as a toast draws it (the title needs a mounted toast's styles)
        drawn = Toast(replace(raised[0], title="")).render().plain
        assert f"{said}: {TITLE}." in drawn


async def test_a_title_ending_in_a_question_mark_gets_no_full_stop_after_it(
    build: AppFactory, bracket_pack: Path, recorder: Recorder
) -> None:
    card = bracket_pack / "brackets" / "brackets" / "bracket-title.md"
    card.write_text(CARD.replace(TITLE, "What is E[X]?"), encoding="utf-8")
    app = build(study=StudyRequest(mode="cram", pack="brackets"), extra=[bracket_pack])
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        await settle(pilot)
        await press(pilot, "b")
        await settle(pilot)
        assert "Buried until tomorrow: What is E[X]?" in notices(recorder)


async def test_a_question_quoting_a_title_shows_its_brackets(build: AppFactory) -> None:
    app = build()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        question = f"Reset '{TITLE}' to new? Its schedule is forgotten."
        await app.push_screen(ConfirmScreen(question))
        await settle(pilot)
        shown = app.screen.query_one("#confirm-question", Static).render()
        assert question in str(getattr(shown, "plain", shown))


async def test_ctrl_c_on_home_names_the_quit_key_without_markup(
    build: AppFactory, recorder: Recorder
) -> None:
    """Ctrl-C, which Textual keeps for copying, hints at the key that quits: Home's toast
    read "Press [b]q[/b] to quit the app", Textual's markup shown as typed."""
    app = build()
    async with app.run_test(size=(100, 30), message_hook=recorder) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+c")
        assert app.is_running
        assert "Press q to quit the app" in notices(recorder), notices(recorder)
