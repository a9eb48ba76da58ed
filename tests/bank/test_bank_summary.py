"""The one line every command but lint warns with when content has problems, and a bank's
cards by id.

Written for the forty-fifth round's mutation audit of quiz/bank/loader.py (49-80): the
summary was tested once, for one unreadable folder, so each of its other parts (content
folders not there, card files not loaded, more than three other files, errors before
warnings) could be dropped or miscounted unseen, and `by_id` and `get` not at all.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import Bank, load_bank
from quiz.bank.problems import Problem
from tests.conftest import DATA


def _bank(*problems: Problem, broken: tuple[Path, ...] = ()) -> Bank:
    return Bank(cards=(), packs={}, problems=problems, broken_files=frozenset(broken))


def _gone(path: str) -> Problem:
    return Problem(Path(path), 1, 1, "no-content", f"no such content folder: {path}")


def test_no_problem_is_no_summary() -> None:
    assert _bank().problem_summary() is None


def test_content_folders_not_there_are_named_without_lint() -> None:
    summary = _bank(_gone("/nope"), _gone("/gone"), _gone("/nope")).problem_summary()
    assert summary == "no such content folder: /gone, /nope"


def test_an_error_goes_above_the_files_not_loaded_and_the_others() -> None:
    broken = Path("p/t/bad.md")
    warning = Problem(Path("p/t/odd.md"), 2, 1, "odd", "looks odd", "warning")
    error = Problem(broken, 3, 5, "bad-front", "front matter is not YAML")
    summary = _bank(warning, error, _gone("/nope"), broken=(broken,)).problem_summary()
    assert summary == (
        "p/t/bad.md:3:5: front matter is not YAML [bad-front]\n"
        "no such content folder: /nope; 1 card file could not be loaded; "
        "problems in p/t/odd.md; run `drillbit lint` to see why"
    )


def test_a_warning_alone_is_the_line_above() -> None:
    warning = Problem(Path("p/t/odd.md"), 2, 1, "odd", "looks odd", "warning")
    assert _bank(warning).problem_summary() == (
        "p/t/odd.md:2:1: warning: looks odd [odd]\n"
        "problems in p/t/odd.md; run `drillbit lint` to see why"
    )


def _others(count: int) -> str | None:
    files = [Problem(Path(f"f{n}.md"), 1, 1, "odd", "odd", "warning") for n in range(count)]
    summary = _bank(*files).problem_summary()
    return None if summary is None else summary.splitlines()[1]


def test_three_other_files_are_named_and_the_rest_counted() -> None:
    end = "; run `drillbit lint` to see why"
    assert _others(2) == "problems in f0.md, f1.md" + end
    assert _others(3) == "problems in f0.md, f1.md, f2.md" + end
    assert _others(4) == "problems in f0.md, f1.md, f2.md and 1 more" + end
    assert _others(6) == "problems in f0.md, f1.md, f2.md and 3 more" + end


def test_broken_files_are_counted() -> None:
    paths = (Path("a.md"), Path("b.md"))
    problems = [Problem(path, 1, 1, "bad", "bad") for path in paths]
    summary = _bank(*problems, broken=paths).problem_summary()
    assert summary == (
        "a.md:1:1: bad [bad]\n2 card files could not be loaded; run `drillbit lint` to see why"
    )


def test_cards_by_id_and_one_card_got_by_its_id() -> None:
    bank = load_bank([DATA / "tui_bank"], use_cache=False)
    ids = [card.id for card in bank.cards]
    assert sorted(bank.by_id()) == sorted(ids) and len(ids) > 1
    for card in bank.cards:
        assert bank.by_id()[card.id] is card
        assert bank.get(card.id) is card
    assert bank.get("no-such-card") is None
