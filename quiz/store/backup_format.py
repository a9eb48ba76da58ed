"""What a progress backup is, shared by its export and its import: the format's name and
version, the store's rows of each list in the file's order, the drillbit that wrote it."""

from __future__ import annotations

from quiz.store.backup_lines import REVIEW_COLUMNS, STATE_COLUMNS

FORMAT = "drillbit-progress"
VERSION = 4

_NUMBERED = "(SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS number FROM study_session)"
"""Each session's number in the file: its place in id order, from 1."""
_REVIEWS = (
    f"SELECT {REVIEW_COLUMNS} FROM review_log r NOT INDEXED LEFT JOIN {_NUMBERED} n "
    "ON n.id = r.session_id"
)
"""The reviews read from the log's own rows, never through an index: the export's check
reads the log's pages but does not hold its indexes to them (`Store.check_for_export`)."""
QUERIES = {
    "card_states": f"SELECT {STATE_COLUMNS} FROM card_state ORDER BY card_id",
    "sessions": f"SELECT s.*, n.number FROM study_session s JOIN {_NUMBERED} n USING (id) "
    "ORDER BY s.id",
    "reviews": f"{_REVIEWS} ORDER BY r.reviewed_at, r.id",
    "attempts": f"SELECT a.*, n.number FROM drill_attempt a LEFT JOIN {_NUMBERED} n "
    "ON n.id = a.session_id ORDER BY a.attempted_at, a.id",
    "drafts": "SELECT * FROM code_draft ORDER BY card_id",
    "card_flags": "SELECT * FROM card_flag ORDER BY card_id",
    "hints_seen": f"SELECT h.card_id, h.number AS hint, h.seen_at, n.number FROM hint_seen h "
    f"LEFT JOIN {_NUMBERED} n ON n.id = h.session_id ORDER BY h.seen_at, h.id",
}
"""The store's rows of each list of the file, in the file's order.

Sessions are numbered 1, 2, … in the file (`number`), not given their ids: ids are local
to a file, and a home whose ids have gaps (a damaged database salvaged, an older
drillbit) exported them as they were, while the home restored from that file numbers
them from 1: export, import into a new home and export again gave two different files.
The two long lists name their columns: `quiz.store.backup_lines` writes their rows from the values."""

REVIEWS_BY_ID = f"{_REVIEWS} ORDER BY r.id"
"""The reviews in the log's own order: the file's order (time, then id) whenever no review
was added out of time order, as in most homes, without sorting 200,000 rows. The export
reads them so and checks the order as it goes (`quiz.store.backup_export`)."""


def drillbit_version() -> str:
    """The running drillbit's version for the file's header ("" when not installed)."""
    from importlib import metadata

    try:
        return metadata.version("drillbit")
    except metadata.PackageNotFoundError:
        return ""
