"""The app's load leaves the math check to lint and to the moment a card is shown: lint still
reports every problem with its place, the load keeps the card, and showing it says so."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, parse
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from quiz.bank.parse import LINT_ONLY_CODES, parse_card
from quiz.cardtext import MATH_NOTE, card_as_text, math_fails, section_markdown
from tests.conftest import DATA, REPO, RunDrillbit

BAD_MATH_CHOICE = """---
id: bad-math-choice
kind: choice
title: A choice whose formula has no text form
topic: basics
difficulty: 1
source: tests
choices: ["$\\\\frac{1}{2$", "$x$"]
answer: 1
---

## Question

Which one?

## Explanation

The second.
"""

BAD_MATH_ANSWER = """---
id: bad-math-answer
kind: concept
title: An unknown macro in the answer
topic: basics
difficulty: 1
source: tests
key_points: [one, two, three]
---

## Question

What is $x$?

## Answer

It is $\\\\nosuchmacro{x}$ and $y$.
"""


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the cache store them anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _bad_math_bank(mini_bank: Path) -> dict[str, Path]:
    topic = mini_bank / "mini" / "basics"
    files = {
        "unbalanced-math": topic / "unbalanced-math.md",
        "bad-math-choice": topic / "bad-math-choice.md",
        "bad-math-answer": topic / "bad-math-answer.md",
    }
    shutil.copy(DATA / "bad_cards" / "unbalanced-math.md", files["unbalanced-math"])
    files["bad-math-choice"].write_text(BAD_MATH_CHOICE, encoding="utf-8")
    files["bad-math-answer"].write_text(BAD_MATH_ANSWER, encoding="utf-8")
    return files


def _math_places(problems: Any) -> list[tuple[str, int, int, str]]:
    return sorted((p.path.name, p.line, p.col, p.message) for p in problems if p.code == "math")


@pytest.mark.parametrize("use_cache", [False, True])
def test_lint_reports_bad_math_the_load_keeps_the_card_and_showing_it_says_so(
    mini_bank: Path, use_cache: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _bad_math_bank(mini_bank)
    monkeypatch.setenv(cachefile.CACHE_ENV, "1" if use_cache else "0")
    bank = load_bank([mini_bank])  # the app's load (and, with the cache on, it fills it)
    assert not bank.problems and not bank.broken_files
    by_id = bank.by_id()
    assert set(files) <= set(by_id)
    for _ in range(2):  # lint after the app's load, and lint again with its own cache warm
        linted, problems = lint([mini_bank])
        assert {p.path for p in problems} == set(files.values())
        assert {p.code for p in problems} == {"math"}
        assert (files["unbalanced-math"].name, 17) in {
            (name, line) for name, line, _, _ in _math_places(problems)
        }
        assert {"bad-math-answer.md", "bad-math-choice.md"} <= {
            name for name, *_ in _math_places(problems)
        }
        # lint's bank loads them as the app does (`order`/`related` see them loaded)
        assert not set(files.values()) & linted.broken_files
    assert load_bank([mini_bank]).by_id().keys() == by_id.keys()  # and lint hid nothing
    for card_id in files:
        card = by_id[card_id]
        assert math_fails(card)
        assert MATH_NOTE in section_markdown(card, "Question")
        assert MATH_NOTE in card_as_text(card, answer=True)
        assert MATH_NOTE not in section_markdown(card, "Explanation")
    assert "\\nosuchmacro{x}" in section_markdown(by_id["bad-math-answer"], "Answer")
    clean = by_id["sigmoid-bound"]
    assert not math_fails(clean)
    assert MATH_NOTE not in section_markdown(clean, "Question")


def test_lint_on_the_app_cache_finds_what_a_cold_lint_finds(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bad_math_bank(mini_bank)
    monkeypatch.setenv(cachefile.CACHE_ENV, "0")
    _, cold = lint([mini_bank])
    monkeypatch.setenv(cachefile.CACHE_ENV, "1")
    load_bank([mini_bank])
    _, after_load = lint([mini_bank])
    _, warm = lint([mini_bank])
    assert cold == after_load == warm
    assert cold


def _card_files() -> list[Path]:
    bundled = sorted((REPO / "content").glob("*/*/*.md"))
    return bundled + sorted((DATA / "bad_cards").glob("*.md"))


@pytest.mark.parametrize("path", _card_files(), ids=lambda p: p.name)
def test_the_load_finds_every_problem_lint_finds_but_the_lint_only_ones(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    topic = path.parent.name
    full_card, full = parse_card(text, path, "pack", topic)
    load_card, load = parse_card(text, path, "pack", topic, lint=False)
    assert load == [p for p in full if p.code not in LINT_ONLY_CODES]
    if full_card is not None:
        assert load_card == full_card
    else:
        assert (load_card is None) == bool(load)


def test_the_load_does_not_look_at_math(monkeypatch: pytest.MonkeyPatch) -> None:
    """The load does not call the math check at all (that is the saving)."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the load checked math")

    monkeypatch.setattr(parse, "_check_math", refuse)
    monkeypatch.setattr(parse, "_check_front_math", refuse)
    path = DATA / "bad_cards" / "unbalanced-math.md"
    card, problems = parse_card(path.read_text(encoding="utf-8"), path, "p", "basics", lint=False)
    assert card is not None and problems == []


def test_through_the_cli_show_says_so_and_lint_fails(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    _bad_math_bank(mini_bank)
    show = drillbit("show", "unbalanced-math", "--answer", "--content", str(mini_bank))
    assert show.returncode == 0, show.stderr
    assert MATH_NOTE in show.stdout
    assert "$\\sigma(z)(1 - \\sigma(z)) and that is all." in show.stdout  # as written
    linted = drillbit("lint", str(mini_bank))
    assert linted.returncode == 1
    assert "unbalanced-math.md:17:" in linted.stdout


def test_only_the_packs_lint_names_are_checked_as_lint_checks(tmp_path: Path) -> None:
    """lint loads the app's bank around its own packs: the rest as the app loads it."""
    first, second = tmp_path / "first", tmp_path / "second"
    for root in (first, second):
        shutil.copytree(DATA / "mini_bank", root)
        shutil.copy(DATA / "bad_cards" / "unbalanced-math.md", root / "mini" / "basics")
    mine = second / "mini"  # the same pack name: the app refuses this one

    def linted(pack_dir: Path) -> bool:
        return pack_dir.resolve() == mine.resolve()

    app = load_bank([first, second], use_cache=False)
    assert [p.code for p in app.problems] == ["duplicate-pack"]
    checked = load_bank([first, second], use_cache=False, lint=linted)
    assert {(p.path.relative_to(tmp_path).parts[0], p.code) for p in checked.problems} == {
        ("second", "duplicate-pack"),
        ("second", "math"),  # a refused pack's cards are still checked, each on its own
    }
    assert {c.path.parents[2].name for c in checked.cards} == {"first"}
    assert {p.parents[2].name for p in checked.broken_files} == {"second"}
    assert len(checked.broken_files) == 4
