"""Backups of any size: written row by row, read row by row, a bad spot named by its JSON path.

The importer used to read a whole file into memory and refused one over 64 MiB, while the
exporter wrote a heavy user's 147 MiB without a word: the user's own backup could not be
restored. The limit is now on one value (`item_limit`), lowered here so a small synthetic
history stands for a big one.
"""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quiz.store import jsonstream
from quiz.store.backup import VERSION, import_progress
from quiz.store.backup_export import export_progress
from quiz.store.backup_read import ProgressFormatError, parse_progress_bytes
from quiz.store.jsonstream import members
from quiz.store.store import Store

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
LIMIT = 4096
"""The lowered per-value limit: far below the size of the test's file."""


def _history(store: Store, reviews: int) -> None:
    """`reviews` synthetic due reviews of 50 cards (no fsrs texts: fast to make)."""
    start = NOW - timedelta(days=300)
    session = store.start_session(mode="due", started_at=start, filters={"topic": "t"})
    for index in range(reviews):
        rating = 1 + index % 4
        store.record_review(
            card_id=f"card-{index % 50:02d}",
            rating=rating,
            correct=rating >= 2,
            reviewed_at=start + timedelta(minutes=index),
            mode="cram",
            duration_ms=1000 + index,
            session_id=session,
        )
    store.end_session(session, ended_at=start + timedelta(minutes=reviews))


def _rows(database: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(database)
    try:
        return conn.execute(
            "SELECT card_id, rating, correct, reviewed_at, duration_ms, r.mode, s.started_at"
            " FROM review_log r LEFT JOIN study_session s ON s.id = r.session_id"
            " ORDER BY reviewed_at"
        ).fetchall()
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_backup_far_over_the_value_limit_round_trips(tmp_path: Path, name: str) -> None:
    source = tmp_path / "old" / "drillbit.db"
    backup = tmp_path / name
    with Store.open(source, now=NOW) as store:
        _history(store, 2000)
        counts = export_progress(store, backup, now=NOW)
    assert counts.reviews == 2000
    text = gzip.decompress(backup.read_bytes()) if name.endswith(".gz") else backup.read_bytes()
    assert len(text) > 50 * LIMIT, "the file must be far bigger than one value's limit"
    assert backup.read_bytes().startswith(b"\x1f\x8b") == name.endswith(".gz")
    assert json.loads(text)["version"] == VERSION  # still one JSON document
    target = tmp_path / "new" / "drillbit.db"
    with Store.open(target, now=NOW) as store:
        report = import_progress(store, backup, now=NOW, item_limit=LIMIT)
        again = import_progress(store, backup, now=NOW, item_limit=LIMIT)
    assert (report.reviews_added, report.sessions_added) == (2000, 1)
    assert again.reviews_present == 2000 and again.reviews_added == 0
    assert _rows(target) == _rows(source)


def test_one_value_over_the_limit_is_refused_with_its_path(tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    with Store.open(tmp_path / "a.db", now=NOW) as store:
        _history(store, 3)
        store.save_draft("sigmoid", "x" * (2 * LIMIT), updated_at=NOW)
        export_progress(store, backup, now=NOW)
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, backup, now=NOW, item_limit=LIMIT)
        assert store.reviews() == []
    assert f"{backup}: drafts.0: one value over the limit of 4 KiB" in refused.value.message


@pytest.mark.parametrize("name", ["backup.json", "backup.json.gz"])
def test_a_cut_short_backup_names_where_it_ends_and_imports_nothing(
    tmp_path: Path, name: str
) -> None:
    backup = tmp_path / name
    with Store.open(tmp_path / "a.db", now=NOW) as store:
        _history(store, 400)
        export_progress(store, backup, now=NOW)
    whole = backup.read_bytes()
    backup.write_bytes(whole[: len(whole) // 2])
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        with pytest.raises(ProgressFormatError) as refused:
            import_progress(store, backup, now=NOW)
        assert store.reviews() == [], "rows merged before the cut are rolled back"
    message = refused.value.message
    assert message.startswith(f"{backup}: reviews.")
    index = int(message.split("reviews.", 1)[1].split(":", 1)[0])
    assert 0 < index < 400
    if name.endswith(".gz"):
        assert "not readable as gzip" in message
    else:
        assert "the file ends inside it; was it cut short?" in message


def test_a_bad_character_inside_a_row_is_named_by_row_line_and_column(tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    with Store.open(tmp_path / "a.db", now=NOW) as store:
        _history(store, 20)
        export_progress(store, backup, now=NOW)
    lines = backup.read_text().splitlines()
    number = next(i for i, line in enumerate(lines) if '"duration_ms":1007' in line)
    lines[number] = lines[number].replace('"duration_ms":1007', '"duration_ms":1007;')
    backup.write_text("\n".join(lines))
    with Store.open(tmp_path / "b.db", now=NOW) as store, pytest.raises(ProgressFormatError) as bad:
        import_progress(store, backup, now=NOW)
    column = lines[number].index(";") + 1
    assert (
        f"{backup}: reviews.7: not JSON (line {number + 1}, column {column}: " in bad.value.message
    )


def test_a_version_1_file_as_older_drillbits_wrote_it_still_imports(tmp_path: Path) -> None:
    """Indented, whole-document JSON of version 1 (no plan, no card flags)."""
    fsrs: dict[str, object] = {
        "card_id": 1,
        "state": 2,
        "step": None,
        "stability": 3.0,
        "difficulty": 5.0,
    }
    fsrs |= {"due": "2026-01-08T09:00:00+00:00", "last_review": "2026-01-05T09:00:00+00:00"}
    document = {
        "format": "drillbit-progress",
        "version": 1,
        "exported_at": "2026-01-05T10:00:00.000000+00:00",
        "drillbit_version": "0.1.0",
        "card_states": [
            {
                "card_id": "relu",
                "fsrs_card": json.dumps(fsrs),
                "introduced_at": "2026-01-05T09:00:00.000000+00:00",
                "updated_at": "2026-01-05T09:00:00.000000+00:00",
            }
        ],
        "sessions": [
            {
                "id": 4,
                "mode": "due",
                "started_at": "2026-01-05T08:59:00.000000+00:00",
                "ended_at": None,
                "filters": {},
            }
        ],
        "reviews": [
            {
                "card_id": "relu",
                "rating": 2,
                "correct": True,
                "reviewed_at": "2026-01-05T09:00:00.000000+00:00",
                "duration_ms": 5200,
                "mode": "due",
                "state_before": None,
                "card_before": None,
                "card_after": json.dumps(fsrs),
                "session": 4,
            }
        ],
        "attempts": [],
        "drafts": [],
    }
    backup = tmp_path / "old.json"
    backup.write_text(json.dumps(document, indent=2))
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        report = import_progress(store, backup, now=NOW, item_limit=LIMIT)
        assert [r.session_id is not None for r in store.reviews()] == [True]
        assert store.card_state("relu") is not None
    assert (report.reviews_added, report.states_added, report.sessions_added) == (1, 1, 1)


def test_reviews_before_their_sessions_are_still_linked(tmp_path: Path) -> None:
    """drillbit writes sessions first; a file in another key order links the same."""
    review = {"card_id": "c", "rating": 3, "correct": True, "mode": "cram", "session": 9}
    document = (
        '{"reviews": ['
        + json.dumps({**review, "reviewed_at": "2026-01-05T09:00:00+00:00"})
        + "], "
        + '"sessions": [{"id": 9, "mode": "cram", "started_at": "2026-01-05T08:00:00+00:00"}], '
        + '"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T10:00:00Z"}'
    )
    backup = tmp_path / "b.json"
    backup.write_text(document)
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        import_progress(store, backup, now=NOW)
        (row,) = store.reviews()
        assert row.session_id is not None
    assert _rows(tmp_path / "b.db")[0][-1] == "2026-01-05T08:00:00.000000+00:00"


def test_the_format_tag_is_checked_even_when_it_comes_last(tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    backup.write_text('{"reviews": [], "format": "something-else", "version": 2}')
    with Store.open(tmp_path / "b.db", now=NOW) as store, pytest.raises(ProgressFormatError) as bad:
        import_progress(store, backup, now=NOW)
    assert "is not a drillbit progress file" in bad.value.message


DOCUMENTS = [
    '{"a": 1, "b": [], "c": [1, -2.5e3, "x\\"y", {"d": [true, null]}], "e": "\\u00e9\\ud83d\\ude00"}',
    '  {\n  "k" : [ {"z": "\\n"} , 12345678901234567890 ] ,"plan":null}\n',
    "{}",
    '{"reviews": [{"card_id": "caf\u00e9", "n": 0.000001}]}',
]


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64])
@pytest.mark.parametrize("document", DOCUMENTS)
def test_members_read_any_chunking_as_json_loads_does(
    monkeypatch: pytest.MonkeyPatch, chunk: int, document: str
) -> None:
    """Elements, strings, escapes, numbers and UTF-8 cut at every chunk boundary."""
    monkeypatch.setattr(jsonstream, "CHUNK", chunk)
    rebuilt: dict[str, Any] = {}
    for member in members(io.BytesIO(document.encode()), item_limit=1000, total_limit=10_000):
        if member.place is None:
            rebuilt[member.key] = member.value
        elif member.place < 0:
            rebuilt[member.key] = []
        else:
            rebuilt[member.key].append(member.value)
    assert rebuilt == json.loads(document)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ('{"reviews": [{"a": 1}', "reviews.0: not JSON (the file ends after it"),
        ('{"reviews": [{"a": 1} {"b": 2}]}', "reviews.0: not JSON (line 1, column 23"),
        ('{"reviews": [1, 2,', "reviews.2: not JSON (the file ends inside"),
        # The place is the string's, not counted from the text dropped before the row.
        (
            '{"reviews": [\n{"a": 1},\n  {"a": "b',
            "reviews.1: not JSON (the file ends inside it; was it cut short? line 3, column 9:"
            " Unterminated string starting at)",
        ),
        ('{"format": "drillbit-progress" "version": 2}', "format: not JSON (line 1, column 32"),
        ("", "not JSON (line 1, column 1: the file is empty)"),
        ('{"a": 1} x', "not JSON (line 1, column 10: extra data after the object)"),
    ],
)
def test_broken_json_is_refused_with_its_path(document: str, message: str) -> None:
    with pytest.raises(ProgressFormatError) as bad:
        parse_progress_bytes(document.encode(), "b.json", now=NOW)
    assert f"b.json: {message}" in bad.value.message


def test_a_review_twice_in_one_file_is_added_once(tmp_path: Path) -> None:
    """Reviews later than every stored one skip the look-up; a repeat is still found."""
    review = {"card_id": "c", "rating": 3, "correct": True, "mode": "cram"}
    rows = [
        {**review, "reviewed_at": "2026-01-05T09:00:00+00:00"},
        {**review, "reviewed_at": "2026-01-05T09:00:00+00:00"},
        {**review, "reviewed_at": "2026-01-05T08:00:00+00:00"},
        {**review, "reviewed_at": "2026-01-05T08:00:00+00:00"},
    ]
    backup = tmp_path / "b.json"
    header = '{"format": "drillbit-progress", "version": 2, "exported_at": "2026-01-05T10:00:00Z"'
    backup.write_text(header + ', "reviews": ' + json.dumps(rows) + "}")
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        report = import_progress(store, backup, now=NOW)
    assert (report.reviews_added, report.reviews_present) == (2, 2)


class _Endless:
    """`size` bytes: `head`, then `fill` repeated, made as they are read; counts them."""

    def __init__(self, head: bytes, fill: bytes, size: int) -> None:
        self.head, self.fill, self.left, self.read = head, fill, size, 0

    def read1(self, size: int = -1, /) -> bytes:
        size = min(size if size >= 0 else self.left, self.left)
        data = (self.head + self.fill * size)[:size]
        self.head = self.head[len(data) :]
        self.left -= len(data)
        self.read += len(data)
        return data


def test_a_number_over_the_limit_is_refused_before_the_rest_is_read() -> None:
    """A number cut at a chunk's end is read on; one over the value limit was read on to
    the end of the file first (2 GB of digits held 5 GB of memory), then refused."""
    source = _Endless(b'{"format": "drillbit-progress", "x": 1', b"1", 32 * jsonstream.CHUNK)
    with pytest.raises(jsonstream.StreamError) as over:
        list(members(source, item_limit=LIMIT, total_limit=1 << 40, parse_int=str))
    assert (over.value.message, over.value.path) == ("one value over the limit of 4 KiB", ("x",))
    assert source.read <= 2 * jsonstream.CHUNK


@pytest.mark.parametrize("blanks", [" \t\r\n" * 3, "\n" * 5])
def test_json_s_four_blanks_are_skipped_and_no_other(blanks: str) -> None:
    document = f'{blanks}{{{blanks}"a"{blanks}:{blanks}[{blanks}1{blanks}]{blanks}}}{blanks}'
    assert [
        m.value for m in members(io.BytesIO(document.encode()), item_limit=99, total_limit=999)
    ] == [None, 1]
    for other in ("\f", "\u00a0", "\u2028"):
        with pytest.raises(jsonstream.StreamError, match="expecting a key in double quotes"):
            list(members(io.BytesIO(f'{{{other}"a": 1}}'.encode()), item_limit=99, total_limit=999))


@pytest.mark.parametrize(
    ("head", "message"),
    [
        (
            b'{"',
            'the key starting "xyxyxyxyxyxyxyxyxyxyxyxy…" (line 1, column 2, the first key):'
            " one value over the limit of 4 KiB",
        ),
        (
            b'{"format": "drillbit-progress",\n "reviews": [],\n  "',
            'the key starting "xyxyxyxyxyxyxyxyxyxyxyxy…" (line 3, column 3, after "reviews"):'
            " one value over the limit of 4 KiB",
        ),
        (
            b'{"' + b"\\u0007" * 2 + b"a" * 60 + b'": 1, "',
            'the key starting "xyxyxyxyxyxyxyxyxyxyxyxy…" (line 1, column 81, after'
            ' "\\u0007\\u0007aaaaaaaaaaaaaaaaaaaaaa…aaaaaaaa"): one value over the limit of 4 KiB',
        ),
        (  # its own escapes decoded (and shown as JSON text)
            b'{"reviews": [], "caf\\u00e9 \\"q\\" \\\\ \\ud83d\\ude00' + b"z" * 12,
            'the key starting "caf\\u00e9 \\"q\\" \\\\ \\ud83d\\ude00zzzzzzzzzzzz…" (line 1,'
            ' column 17, after "reviews"): one value over the limit of 4 KiB',
        ),
    ],
)
def test_a_key_over_the_limit_is_named_by_its_own_start_and_its_place(
    head: bytes, message: str
) -> None:
    """A key has no JSON path of its own: a 2 GB key was named by the key before it ("the
    key after "reviews""), which reads as if that key were the one too long. It is named by
    its own first characters, decoded (they are in memory however long it is), then its
    line and column and the key before it, and read no further than the limit."""
    source = _Endless(head, b"xy", 32 * jsonstream.CHUNK)
    with pytest.raises(jsonstream.StreamError) as over:
        list(members(source, item_limit=LIMIT, total_limit=1 << 40))
    assert (over.value.message, over.value.path) == (message, ())
    assert source.read <= 2 * jsonstream.CHUNK


def test_a_key_whose_start_does_not_decode_is_a_key_after_the_one_before() -> None:
    document = b'{"reviews": [],\n "\\x' + b"y" * 90 + b'": 1}'
    with pytest.raises(jsonstream.StreamError) as bad:
        list(members(io.BytesIO(document), item_limit=LIMIT, total_limit=1 << 40))
    assert bad.value.message.startswith('a key after "reviews" (line 2, column 2): not JSON (')
    assert "Invalid \\escape" in bad.value.message


def test_a_2_gb_key_is_named_by_its_start_in_bounded_memory() -> None:
    """At the real limit (64 MiB), a key of 2 GB streamed from a generator (never a file):
    the import's message names that key, and reading stops soon after the limit."""
    import tracemalloc

    from quiz.store.backup_read import MAX_ITEM_BYTES

    head = b'{"format": "drillbit-progress",\n "version": 2,\n "reviews": [],\n "streak'
    source = _Endless(head, b"s", 2 * 1024**3)
    tracemalloc.start()
    try:
        with pytest.raises(jsonstream.StreamError) as over:
            list(members(source, item_limit=MAX_ITEM_BYTES, total_limit=1 << 40))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert over.value.message == (
        'the key starting "streakssssssssssssssssss…" (line 4, column 2, after "reviews"):'
        " one value over the limit of 64 MiB"
    )
    assert source.read <= 3 * MAX_ITEM_BYTES
    # The text held while growing (up to twice the limit), its decoding and the generator's
    # own chunk: a few times the limit (5 measured), a sixth of the 2 GB key.
    assert peak <= 6 * MAX_ITEM_BYTES


def test_a_key_cut_short_is_named_in_the_import_s_message() -> None:
    document = b'{"format": "drillbit-progress",\n "version": 2,\n "rev'
    with pytest.raises(ProgressFormatError) as bad:
        parse_progress_bytes(document, "b.json", now=NOW)
    assert bad.value.message == (
        'b.json: the key starting "rev" (line 3, column 2, after "version"): not JSON (the file'
        " ends inside it; was it cut short? line 3, column 2: Unterminated string starting at)"
    )


def test_every_kind_of_row_before_its_session_is_linked_to_it(tmp_path: Path) -> None:
    """Reviews, attempts and hints met before their session are linked when it comes (each
    to its own session), one whose session is met first at once, and one naming a session
    the file never gives stays without one: the merge looks a file's session up in one
    place for all three kinds."""
    at = "2026-01-05T09:00:00+00:00"
    rows = {
        "reviews": [
            {"card_id": "c", "rating": 3, "correct": True, "mode": "due", "session": 9},
            {"card_id": "c", "rating": 1, "correct": False, "mode": "due", "session": 5},
            {"card_id": "d", "rating": 3, "correct": True, "mode": "due", "session": 77},
        ],
        "attempts": [
            {"card_id": "k", "status": "passed", "verdict": "{}", "attempted_at": at, "session": 9},
            {"card_id": "k", "status": "failed", "verdict": "{}", "attempted_at": at, "session": 5},
        ],
        "hints_seen": [
            {"card_id": "k", "number": 1, "seen_at": at, "session": 9},
            {"card_id": "k", "number": 2, "seen_at": at, "session": 77},
        ],
    }
    for index, review in enumerate(rows["reviews"]):
        review["reviewed_at"] = f"2026-01-05T09:0{index}:00+00:00"
    first = '"sessions": [{"id": 5, "mode": "cram", "started_at": "2026-01-05T07:00:00+00:00"}]'
    later = '"sessions": [{"id": 9, "mode": "mock", "started_at": "2026-01-05T08:00:00+00:00"}]'
    document = (
        '{"format": "drillbit-progress", "version": 3, "exported_at": "2026-01-05T10:00:00Z", '
        + first
        + ", "
        + ", ".join(f'"{key}": {json.dumps(value)}' for key, value in rows.items())
        + ", "
        + later
        + "}"
    )
    backup = tmp_path / "b.json"
    backup.write_text(document)
    with Store.open(tmp_path / "b.db", now=NOW) as store:
        import_progress(store, backup, now=NOW)
    conn = sqlite3.connect(tmp_path / "b.db")

    def modes(table: str, what: str) -> list[tuple[object, object]]:
        return conn.execute(
            f"SELECT {what}, s.mode FROM {table} t"  # noqa: S608 (the test's own names)
            " LEFT JOIN study_session s ON s.id = t.session_id ORDER BY t.id"
        ).fetchall()

    assert modes("review_log", "rating") == [(3, "mock"), (1, "cram"), (3, None)]
    assert modes("drill_attempt", "status") == [("passed", "mock"), ("failed", "cram")]
    assert modes("hint_seen", "number") == [(1, "mock"), (2, None)]
    conn.close()
