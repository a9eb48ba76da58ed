"""A large notes file's cards may be planned by this process and a forked helper together:
the plan must be the one a plain loop makes, ids included (a title made twice gets -2,
and a question that gives no card takes no id)."""

from __future__ import annotations

from pathlib import Path

import pytest

import quiz.ecosystem.importer as importer
import quiz.ecosystem.planjobs as planjobs
from quiz.bank import parallel
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.importplan import ImportPlan
from tests.conftest import DATA, linux_only
from tests.ecosystem.plans import plan_summary

# The first "What is X?" has no answer (no card, so no id); the second one then gets the
# plain id, not the -2 it would get if the first had made a card; "Why?" is too short.
_REPEATED = """\
## What is X?

## What is X?

X is the first letter of a long word. It marks the spot on the map.
It is also a variable in algebra.

## Why?

Yes.

## What is X?

- X is a letter of the alphabet.
- X stands for an unknown.
- X marks a spot on a map.

## What is Y?

- Y is a letter of the alphabet.
- Y is the vertical axis.
- Y is asked as why, sometimes.
"""


def _plans(
    notes: Path, content: Path, monkeypatch: pytest.MonkeyPatch, *, fork: bool
) -> tuple[ImportPlan, ImportPlan]:
    """(the plan made in one loop, the plan made split), for one notes file."""
    with monkeypatch.context() as patch:
        patch.setattr(importer, "split_pays", lambda questions: False)
        plain = plan_import(notes, content_dir=content, pack="p")
    calls: list[int] = []
    real_map = parallel.map_split

    def recording_map(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real_map(*args, **kwargs)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(planjobs, "SPLIT_MIN_QUESTIONS", 1)
        patch.setattr(parallel, "can_fork", lambda: fork)
        patch.setattr(importer, "split_pays", lambda questions: True)
        patch.setattr(parallel, "map_split", recording_map)
        split = plan_import(notes, content_dir=content, pack="p")
    assert calls, "the split path was taken"
    return plain, split


@pytest.mark.parametrize("fork", [False, pytest.param(True, marks=linux_only)])
def test_a_split_plan_is_the_plain_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    repeated = tmp_path / "repeated.md"
    repeated.write_text(_REPEATED, encoding="utf-8")
    existing = tmp_path / "content" / "p" / "p"
    existing.mkdir(parents=True)
    (existing / "what-is-y.md").write_text("an older card\n", encoding="utf-8")
    for notes in [repeated, *sorted((DATA / "notes").glob("*.md"))]:
        plain, split = _plans(notes, tmp_path / "content", monkeypatch, fork=fork)
        assert plan_summary(split) == plan_summary(plain), notes.name
    plain, _ = _plans(repeated, tmp_path / "content", monkeypatch, fork=fork)
    assert [c.card_id for c in plain.cards] == ["what-is-x", "why", "what-is-x-2"]
    assert [s.place for s in plain.skipped] == [f"{repeated}:{n}" for n in (1, 18)]
    assert "already exists" in plain.skipped[-1].reason
    # a card already in its file as the notes write it is unchanged, split or not
    plain.cards[0].path.write_text(plain.cards[0].text, encoding="utf-8")
    plain, split = _plans(repeated, tmp_path / "content", monkeypatch, fork=fork)
    assert plan_summary(split) == plan_summary(plain)
    assert [c.card_id for c in plain.unchanged] == ["what-is-x"]
    assert [c.card_id for c in plain.cards] == ["why", "what-is-x-2"]


def test_small_notes_are_planned_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    assert not planjobs.split_pays(planjobs.SPLIT_MIN_QUESTIONS - 1)
    assert planjobs.split_pays(planjobs.SPLIT_MIN_QUESTIONS)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert not planjobs.split_pays(10 * planjobs.SPLIT_MIN_QUESTIONS)
