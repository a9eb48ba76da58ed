"""The fiftieth round's mutation audit of quiz/store/staged.py: what `drillbit
import-progress` into a home without a database leaves, and says, at the edges its
earlier tests did not reach (docs/mutation-audits.md)."""

from __future__ import annotations

import errno
import os
import signal
import stat
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import pytest

from quiz.store import Store
from quiz.store.leftovers import Claim
from quiz.store.staged import NotCreatedError, build_new, ending_cleanly

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
NOT_CREATED = (
    "{target} was not created: {what}. Nothing was changed: there is still no database there"
)


def _review(store: Store, card_id: str) -> None:
    store.record_review(card_id=card_id, rating=3, correct=True, reviewed_at=NOW, mode="due")


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_a_build_leaves_nothing_open(tmp_path: Path) -> None:
    """Its temporary file's descriptor (and lock) and the store's connection are closed:
    a long-running app importing twice keeps no file of the first import open."""
    target = tmp_path / "home" / "drillbit.db"
    before = _open_fds()
    assert build_new(target, lambda store: _review(store, "relu"), now=NOW) is None
    assert _open_fds() == before
    with Store.open(target, now=NOW) as store:
        assert store.review_count() == 1


def test_a_folder_that_refuses_the_temporary_file_keeps_no_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only mount under new folders: nothing is built (Store.open then says why),
    and the folders made for it are gone."""

    def refuse(_target: Path) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(Claim, "take", refuse)
    ran: list[Store] = []
    assert build_new(tmp_path / "a" / "b" / "drillbit.db", ran.append, now=NOW) is None
    assert ran == []
    assert _names(tmp_path) == []


def test_a_store_that_cannot_save_runs_no_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The temporary file opened as an in-memory copy (its folder refuses writes): a step
    run there would be lost, and an empty database named as if it held the import."""
    monkeypatch.setattr(Store, "saving", property(lambda _store: False))
    ran: list[Store] = []
    assert build_new(tmp_path / "home" / "drillbit.db", ran.append, now=NOW) is None
    assert ran == []
    assert _names(tmp_path) == []


def test_a_disk_full_is_told_in_the_databases_own_name(tmp_path: Path) -> None:
    """`could not save to <the temporary file>: the disk is full` becomes the reason
    alone, neither the temporary name nor the database's repeated in it."""
    target = tmp_path / "drillbit.db"

    def step(store: Store) -> None:
        with store.write_transaction() as conn:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        for number in range(1000):
            _review(store, f"card-{number}-" + "x" * 200)

    with pytest.raises(NotCreatedError) as raised:
        build_new(target, step, now=NOW)
    assert raised.value.message == NOT_CREATED.format(target=target, what="the disk is full")


def test_a_store_error_naming_no_file_is_told_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "drillbit.db"

    def step(store: Store) -> None:
        store.undo_review(999, now=NOW)

    with pytest.raises(NotCreatedError) as raised:
        build_new(target, step, now=NOW)
    assert raised.value.message == NOT_CREATED.format(target=target, what="no review with id 999")
    assert _names(tmp_path) == []


def test_without_hard_links_a_database_made_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file system without hard links (exFAT, some network shares): another drillbit
    made the database while the import was built. The rename must not replace it (its
    review would be lost), and the import is not claimed done: None, to be run on it."""
    target = tmp_path / "drillbit.db"

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)

    def step(store: Store) -> int:
        _review(store, "imported")
        with Store.open(target, now=NOW) as other:  # another drillbit, meanwhile
            _review(other, "theirs")
        return store.review_count()

    assert build_new(target, step, now=NOW) is None
    assert _names(tmp_path) == ["drillbit.db"]
    with Store.open(target, now=NOW) as store:
        assert [review.card_id for review in store.reviews()] == ["theirs"]


def test_without_hard_links_the_database_is_renamed_into_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(os, "link", no_links)
    assert build_new(tmp_path / "drillbit.db", lambda store: _review(store, "relu")) is None
    assert _names(tmp_path) == ["drillbit.db"]


def test_the_new_name_is_made_durable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder holding the new name is synced: a power cut just after the import said
    done must not leave the home without its database."""
    synced: list[tuple[int, int]] = []
    real_fsync = os.fsync

    def fsync(handle: int) -> None:
        found = os.fstat(handle)
        if stat.S_ISDIR(found.st_mode):
            synced.append((found.st_dev, found.st_ino))
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", fsync)
    target = tmp_path / "home" / "drillbit.db"
    build_new(target, lambda store: _review(store, "relu"), now=NOW)
    folder = target.parent.stat()
    assert (folder.st_dev, folder.st_ino) in synced


# -- `kill` or a closed terminal during an import: `ending_cleanly` -------------------

Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


@pytest.fixture
def seen() -> Iterator[list[int]]:
    """SIGTERM and SIGHUP handled by recording them (a handler that does not end the
    process, as an app's own may be), the handlers before put back after the test."""
    got: list[int] = []
    before: dict[int, Handler] = {
        each: signal.signal(each, lambda signum, _frame: got.append(signum))
        for each in (signal.SIGTERM, signal.SIGHUP)
    }
    try:
        yield got
    finally:
        for each, handler in before.items():
            signal.signal(each, handler)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_kill_unwinds_the_step_then_reaches_the_handler_it_had(
    seen: list[int], signum: int
) -> None:
    """The step's cleanup runs (in an import: its temporary file removed), a second
    signal during it is ignored, and the signal then reaches the handler the process had,
    once; as it did not end the process, the import stops as Ctrl-C stops it."""
    before = {each: signal.getsignal(each) for each in (signal.SIGTERM, signal.SIGHUP)}
    steps: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        with ending_cleanly():
            try:
                steps.append("writing")
                signal.raise_signal(signum)
                steps.append("went on")
            finally:
                signal.raise_signal(signum)  # a second one while cleaning up: ignored
                steps.append("cleaned up")
    assert steps == ["writing", "cleaned up"]
    assert seen == [signum]
    assert {each: signal.getsignal(each) for each in before} == before  # both handlers back


def test_the_handlers_are_back_after_a_step_that_ends(seen: list[int]) -> None:
    before = {each: signal.getsignal(each) for each in (signal.SIGTERM, signal.SIGHUP)}
    with ending_cleanly():
        assert all(signal.getsignal(each) is not before[each] for each in before)
    assert {each: signal.getsignal(each) for each in before} == before
    signal.raise_signal(signal.SIGTERM)
    assert seen == [signal.SIGTERM]  # the app's own handler, no longer the step's


def test_a_hangup_ignored_as_nohup_ignores_it_stays_ignored(seen: list[int]) -> None:
    """`nohup drillbit import-progress …`: a closed terminal must not stop the import."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    steps: list[str] = []
    with ending_cleanly():
        signal.raise_signal(signal.SIGHUP)
        steps.append("went on")
    assert steps == ["went on"]
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN
    assert seen == []


def test_outside_the_main_thread_nothing_is_changed(seen: list[int]) -> None:
    """Only the main thread may set handlers: a step run in a worker thread is left to the
    handlers as they are."""
    before = {each: signal.getsignal(each) for each in (signal.SIGTERM, signal.SIGHUP)}
    inside: list[dict[int, Handler]] = []

    def work() -> None:
        with ending_cleanly():
            inside.append({each: signal.getsignal(each) for each in before})

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(timeout=30)
    assert inside == [before]
