"""A backup's read holds memory bounded whatever the file: many cards with long fsrs texts
(each card's last text was kept for the whole read: a 1 GB file of them peaked at 1.1 GB),
and one string far over the value limit (read past the limit, and copied by the decoder at
each step). Measured with tracemalloc (Python's allocations; SQLite's
are its own cache), the verdicts compared with the unbounded read's."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from quiz.store import backup_fsrs
from quiz.store.backup_fsrs import CheckedTexts
from quiz.store.backup_read import ProgressFormatError, Sink, file_members, intake, opened
from quiz.textsafe import MIB
from tests.store.fsrs_checks import count_fsrs_checks

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
HEAD = (
    '{"format": "drillbit-progress", "version": 4, '
    '"exported_at": "2026-03-01T00:00:00.000000+00:00",\n'
)
CARDS = 3000
PAD = 3600
"""Blanks inside each fsrs text (kept verbatim, as JSON allows): a text of about 4 KB."""


def _fsrs_text(number: int, pad: int = PAD) -> str:
    card = {
        "card_id": number,
        "state": 2,
        "step": None,
        "stability": 3.25,
        "difficulty": 5.5,
        "due": "2026-03-04T09:00:00.000000+00:00",
        "last_review": "2026-03-01T09:00:00.000000+00:00",
    }
    return json.dumps(card).replace(", ", "," + " " * (pad // 6), 6)


def _review(number: int, text: str) -> dict[str, Any]:
    return {
        "card_id": f"card-{number:06d}",
        "rating": 3,
        "correct": True,
        "reviewed_at": f"2026-03-01T09:{number // 60 % 60:02d}:{number % 60:02d}.000000+00:00",
        "mode": "due",
        "state_before": 2,
        "card_after": text,
    }


def _write(path: Path, reviews: list[dict[str, Any]]) -> Path:
    rows = ",\n".join(json.dumps(row) for row in reviews)
    path.write_text(f'{HEAD}"reviews": [\n{rows}\n]}}\n', encoding="utf-8")
    return path


def _peak(action: Callable[[], object]) -> tuple[int, object]:
    """Python's peak allocation above what was held before `action`, and its result."""
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        try:
            result: object = action()
        except ProgressFormatError as refused:
            result = refused.message
        return tracemalloc.get_traced_memory()[1] - before, result
    finally:
        tracemalloc.stop()


def _checked(path: Path, limit: int = 64 * MIB) -> Callable[[], object]:
    def read() -> object:
        with opened(path) as source:
            return intake(file_members(source, limit), str(path), NOW, Sink()).version

    return read


def _streamed(path: Path) -> Callable[[], object]:
    """The file's members read and dropped: what the stream itself holds (its chunks)."""

    def read() -> object:
        with opened(path) as source:
            return sum(1 for _ in file_members(source, 64 * MIB))

    return read


def test_many_cards_long_texts_stay_within_the_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _write(tmp_path / "many.json", [_review(n, _fsrs_text(n)) for n in range(CARDS)])
    texts = CARDS * len(_fsrs_text(0))
    assert texts > 10 * MIB
    stream, members = _peak(_streamed(backup))
    assert members == CARDS + 4
    monkeypatch.setattr(backup_fsrs, "CHECKED_BUDGET", MIB)
    bounded, verdict = _peak(_checked(backup))
    assert verdict == 4
    held = bounded - stream
    assert held < 2 * MIB, f"{held / MIB:.1f} MiB beyond the stream's with a budget of 1 MiB"
    monkeypatch.setattr(backup_fsrs, "CHECKED_BUDGET", 1 << 60)
    unbounded, verdict = _peak(_checked(backup))
    assert verdict == 4
    assert unbounded - stream > texts / 2, "kept without a budget: every card's text"


def test_a_text_met_again_after_the_budget_is_spent_is_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Forgetting only costs a check: the first card's bad `card_before`, met after every
    other card's text filled the budget, is still refused at its path."""
    checks = count_fsrs_checks(monkeypatch)
    monkeypatch.setattr(backup_fsrs, "CHECKED_BUDGET", 64 * 1024)
    reviews = [_review(n, _fsrs_text(n, 400)) for n in range(200)]
    again = _review(0, _fsrs_text(0, 400))
    again["reviewed_at"] = "2026-03-02T09:00:00.000000+00:00"
    again["card_before"] = reviews[0]["card_after"]
    reviews.append(again)
    _peak(_checked(_write(tmp_path / "again.json", reviews)))
    assert checks.count(reviews[0]["card_after"]) == 2, "forgotten, so checked again"
    checks.clear()
    monkeypatch.setattr(backup_fsrs, "CHECKED_BUDGET", 1 << 60)
    _peak(_checked(_write(tmp_path / "again.json", reviews)))
    assert checks.count(reviews[0]["card_after"]) == 1, "kept: passed without a check"
    monkeypatch.setattr(backup_fsrs, "CHECKED_BUDGET", 64 * 1024)
    bad = json.loads(reviews[0]["card_after"])
    bad["due"] = "2026-02-30T00:00:00+00:00"
    reviews[-1]["card_before"] = json.dumps(bad)
    _, refused = _peak(_checked(_write(tmp_path / "bad.json", reviews)))
    assert "reviews.200.card_before.due: not an ISO-8601 time" in str(refused)


def test_the_budget_counts_a_cards_replaced_text_once() -> None:
    kept = CheckedTexts(budget=10_000)
    kept.keep("a", "x" * 1000, None)
    for _ in range(50):  # the same card's texts replace each other: no growth, no clearing
        last = kept.texts["a"]
        kept.keep("a", "y" * 1000 if last.startswith("x") else "x" * 1000, last)
    assert kept.size == 1000 + 100 + 1
    kept.keep("b", "z" * 9000, None)
    assert kept.texts == {"b": "z" * 9000}, "over the budget: the rest forgotten"


@pytest.mark.parametrize(("kind", "most"), [("string", 2.4), ("key", 2.0)])
def test_a_string_far_over_the_limit_is_refused_near_the_limit(
    tmp_path: Path, kind: str, most: float
) -> None:
    """A 48 MiB string against a 4 MiB limit: refused at its path. mend47 held 2.5 times
    the limit for either (the text read past the limit, the decoder's copy of it); now the
    text up to the limit and a chunk, and for the string one copy of it as it grows."""
    limit = 4 * MIB
    huge = "a" * (48 * MIB)
    if kind == "string":
        text = f'{HEAD}"drafts": [{{"card_id": "x", "text": "{huge}"}}]}}'
        path = "drafts.0: one value over the limit of 4 MiB"
    else:
        text = f'{HEAD}"{huge}": 1}}'
        path = 'the key starting "aaaaaaaaaaaaaaaaaaaaaaaa…"'
    backup = tmp_path / "huge.json"
    backup.write_text(text, encoding="utf-8")
    del huge, text
    peak, refused = _peak(_checked(backup, limit))
    assert path in str(refused)
    assert "over the limit of 4 MiB" in str(refused)
    assert peak < most * limit, f"{peak / MIB:.1f} MiB held to refuse a value over 4 MiB"
