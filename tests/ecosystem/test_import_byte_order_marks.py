"""A file saved with a UTF-8 byte-order mark (Windows Notepad, PowerShell's `Out-File
-Encoding utf8`, Excel's "CSV UTF-8") is read as the same file without one: a progress
backup with one was refused as "not JSON (line 1, column 1: Expecting value)"."""

from __future__ import annotations

import codecs
import gzip
import io
import json
from pathlib import Path

import pytest

from quiz.ecosystem.anki_times import ContentTimes
from quiz.ecosystem.progress import export_progress, import_progress, read_progress
from quiz.store.jsonstream import StreamError, members
from quiz.store.store import Store
from tests.conftest import RunDrillbit
from tests.ecosystem.test_progress import T0, history, populate

BOM = codecs.BOM_UTF8


class _Trickle:
    """A source that gives one byte a read: the mark is cut across reads."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def read1(self, size: int = -1, /) -> bytes:
        return self._data.read1(1)


def _values(
    data: bytes, source: type[io.BytesIO] | type[_Trickle] = io.BytesIO
) -> dict[str, object]:
    found = members(source(data), item_limit=1000, total_limit=10_000)
    return {member.key: member.value for member in found if member.place is None}


@pytest.mark.parametrize("source", [io.BytesIO, _Trickle])
def test_the_json_reader_passes_over_a_leading_mark(
    source: type[io.BytesIO] | type[_Trickle],
) -> None:
    assert _values(BOM + b'{"format": "x", "version": 3}', source) == {"format": "x", "version": 3}


def test_a_mark_anywhere_else_is_no_json_and_the_column_counts_from_after_the_first() -> None:
    with pytest.raises(StreamError, match=r"line 1, column 1\b"):
        _values(BOM + BOM + b"{}")
    with pytest.raises(StreamError) as raised:
        _values(BOM + b'{"a": x}')
    assert "line 1, column 7" in str(raised.value)  # as without the mark: `x` is the 7th


@pytest.mark.parametrize("packed", [False, True])
def test_a_backup_saved_with_a_mark_restores_every_row(tmp_path: Path, packed: bool) -> None:
    plain = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        populate(laptop, ["relu", "softmax"], T0, draft="x = 1\n")
        export_progress(laptop, plain)
        expected = history(laptop)
    marked = BOM + plain.read_bytes()
    backup = tmp_path / ("marked.json.gz" if packed else "marked.json")
    backup.write_bytes(gzip.compress(marked) if packed else marked)

    assert read_progress(backup) == read_progress(plain)
    with Store.open(tmp_path / "desktop.db") as desktop:
        report = import_progress(desktop, backup)
        assert report.reviews_added == 2 and report.attempts_added == 1
        assert history(desktop) == expected


def test_import_progress_takes_a_marked_backup_on_the_command_line(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    plain = tmp_path / "progress.json"
    with Store.open(tmp_path / "laptop.db") as laptop:
        populate(laptop, ["relu"], T0)
        export_progress(laptop, plain)
    backup = tmp_path / "notepad.json"
    backup.write_bytes(BOM + plain.read_bytes())

    result = drillbit("import-progress", str(backup))

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("reviews: 1 added; card schedules: 1 added")


def test_an_anki_times_file_saved_with_a_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "anki-times.json"
    path.write_bytes(BOM + json.dumps({"relu": {"hash": "ab", "mod": 5, "type": 1}}).encode())
    times = ContentTimes(path)
    assert times.stamp("relu", "ab", 99) == 5  # the time kept for that content
    assert times.retype("relu", 2) == 1  # the type kept for the card


_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "markdown",
            "metadata": {},
            "source": ["## What is ReLU?\n", "It is max(0, x), the rectified linear unit.\n"],
        }
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("sheet.csv", b'Front,Back\r\nWhat is ReLU?,"max(0, x), the rectified linear unit"\r\n'),
        ("sheet.tsv", b"What is ReLU?\tmax(0, x), the rectified linear unit\n"),
        (
            "anki.txt",
            b"#separator:tab\n#html:false\nWhat is ReLU?\tmax(0, x), the rectified linear unit\n",
        ),
        ("lecture.ipynb", json.dumps(_NOTEBOOK).encode()),
    ],
)
def test_each_card_list_and_notebook_reads_the_same_with_a_mark(
    tmp_path: Path, drillbit: RunDrillbit, name: str, data: bytes
) -> None:
    outputs = []
    for marked in (False, True):
        notes = tmp_path / ("marked" if marked else "plain") / name
        notes.parent.mkdir()
        notes.write_bytes(BOM + data if marked else data)
        result = drillbit(
            "import", str(notes), "--pack", "ml", "--into", str(tmp_path / "c"), "--dry-run"
        )
        assert result.returncode == 0, result.stderr
        outputs.append((result.stdout + result.stderr).replace(str(notes.parent), "DIR"))
    assert outputs[0] == outputs[1]
    assert "relu" in outputs[1] and "1 card to write" in outputs[1]
