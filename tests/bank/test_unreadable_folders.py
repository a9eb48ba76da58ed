"""A folder of the bank that cannot be read is a problem at the folder, in lint and in the
app's load alike: its cards were left out without a word (a topic folder's listing refused),
and a pack folder that could not be looked into raised PermissionError out of `drillbit
lint` (`Path.is_file` raises it in Python 3.11).

The refusal is simulated (the suite may run as root, whom `chmod 000` does not stop): the
os call a real `chmod 000` folder would fail fails for that folder alone."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile
from quiz.bank.index import bank_index
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank

MESSAGE = (
    "folder: cannot read it (permission denied): its cards are not loaded; give yourself "
    "read access, e.g. chmod u+rx"
)


def _refuse(monkeypatch: pytest.MonkeyPatch, folder: Path, *, look_up: bool) -> None:
    """Make `folder` unreadable (`chmod a-r`: its listing refused) or, with `look_up`, not
    searchable either (`chmod 000`: a lookup of a name inside it refused too)."""
    refused = os.fspath(folder)
    scandir, listdir, stat = os.scandir, os.listdir, os.stat

    def no(path: Any) -> None:
        raise PermissionError(13, "Permission denied", os.fspath(path))

    def fake_scandir(path: Any = ".") -> Any:
        return no(path) if os.fspath(path).rstrip("/") == refused else scandir(path)

    def fake_listdir(path: Any = ".") -> Any:
        if isinstance(path, int):  # an open folder (the index's stat walk): not this one
            return listdir(path)
        return no(path) if os.fspath(path).rstrip("/") == refused else listdir(path)

    def fake_stat(path: Any, *args: Any, **kwargs: Any) -> Any:
        if os.path.dirname(os.fspath(path)) == refused:
            no(path)
        return stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", fake_scandir)
    monkeypatch.setattr(os, "listdir", fake_listdir)
    if look_up:
        monkeypatch.setattr(os, "stat", fake_stat)


@pytest.fixture
def hidden_topic(mini_bank: Path) -> Path:
    """A second topic folder, `hidden`, with one card."""
    folder = mini_bank / "mini" / "hidden"
    folder.mkdir()
    card = (mini_bank / "mini" / "basics" / "what-is-relu.md").read_text(encoding="utf-8")
    card = card.replace("id: what-is-relu", "id: hidden-relu").replace(
        "topic: basics", "topic: hidden"
    )
    (folder / "hidden-relu.md").write_text(card, encoding="utf-8")
    assert "hidden-relu" in {c.id for c in load_bank([mini_bank], use_cache=False).cards}
    return folder


@pytest.mark.parametrize("look_up", [False, True], ids=["unlisted", "unsearchable"])
def test_an_unreadable_topic_folder_is_a_problem_not_a_silent_loss(
    mini_bank: Path, hidden_topic: Path, monkeypatch: pytest.MonkeyPatch, look_up: bool
) -> None:
    _refuse(monkeypatch, hidden_topic, look_up=look_up)
    bank = load_bank([mini_bank], use_cache=False)
    assert "hidden-relu" not in {c.id for c in bank.cards}
    told = [(p.path, p.line, p.code, p.message) for p in bank.problems]
    assert told == [(hidden_topic, 1, "unreadable", MESSAGE)]
    summary = bank.problem_summary()
    assert summary is not None and summary.splitlines()[0] == bank.problems[0].format()
    _, problems = lint([mini_bank], run_drills=False)
    assert [(p.path, p.code, p.message, p.is_error) for p in problems] == [
        (hidden_topic, "unreadable", MESSAGE, True)
    ]


@pytest.mark.parametrize("which", ["pack", "root"])
def test_an_unsearchable_pack_or_content_folder_is_told_not_raised(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch, which: str
) -> None:
    folder = mini_bank / "mini" if which == "pack" else mini_bank
    _refuse(monkeypatch, folder, look_up=True)
    bank = load_bank([mini_bank], use_cache=False)
    assert bank.cards == ()
    assert [(p.path, p.code, p.message) for p in bank.problems] == [(folder, "unreadable", MESSAGE)]
    _, problems = lint([mini_bank], run_drills=False)  # raised PermissionError
    assert [(p.path, p.code) for p in problems] == [(folder, "unreadable")]
    index = bank_index([mini_bank])[0]  # what `list`, `cards` and Home read
    assert index.summary is not None and MESSAGE in index.summary


def test_the_remembered_index_follows_a_deeper_folders_readability(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder below a topic folder is listed by the load (a card in it is misplaced), not
    by the index's stat walk: the index remembered while it was unreadable kept saying so
    once it was readable again, and the one remembered before hid it becoming unreadable."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)
    folder = mini_bank / "mini" / "basics" / "old"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept for later\n", encoding="utf-8")
    with monkeypatch.context() as refused:
        _refuse(refused, folder, look_up=False)
        assert MESSAGE in (bank_index([mini_bank])[0].summary or "")
    assert bank_index([mini_bank])[0].summary is None  # readable again
    index, loaded = bank_index([mini_bank])
    assert loaded is None and index.summary is None  # remembered
    with monkeypatch.context() as refused:
        _refuse(refused, folder, look_up=False)
        assert MESSAGE in (bank_index([mini_bank])[0].summary or "")
    (folder / "deeper").mkdir()  # a folder in it is walked too
    bank_index([mini_bank])
    with monkeypatch.context() as refused:
        _refuse(refused, folder / "deeper", look_up=False)
        assert MESSAGE in (bank_index([mini_bank])[0].summary or "")
