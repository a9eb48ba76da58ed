"""`drillbit list` and `drillbit cards` on an 80-column terminal: their fixed columns took
the 80 columns, so every row wrapped, the title on the next line under the next card's id.
They now leave out the columns a narrow terminal has no room for (list: pack and topic;
cards: kind, the due time and the lapses, then the state and due date share one column)
and keep the id and the title on one line; into a pipe every column stays, every row whole."""

from __future__ import annotations

import re
from datetime import timedelta

from fsrs import Rating, Scheduler

from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from quiz.cli.fit import Column, Merged, table_lines
from quiz.store import Store
from quiz.study.scheduling import review_card
from tests.cli.printing import printed_on_a_terminal
from tests.conftest import FIXED_NOW, RunDrillbit


def _titles() -> dict[str, str]:
    return {card.id: card.title for card in load_bank([bundled_content_dir()]).cards}


def _shows_the_title(row: str, title: str, least: int = 20) -> bool:
    """`row` ends with `title`, or with its first `least` characters or more and "…"."""
    if row.endswith(title):
        return True
    shown = row.rstrip("…").rsplit("  ", 1)[-1]
    return row.endswith("…") and len(shown) >= least and title.startswith(shown)


def test_list_on_an_80_column_terminal_keeps_id_kind_and_title(drillbit: RunDrillbit) -> None:
    titles = _titles()
    lines = printed_on_a_terminal("list")
    assert lines[0].split() == ["ID", "KIND", "TITLE"]
    rows = [line for line in lines[1:] if line.split(" ", 1)[0] in titles]
    assert len(rows) == len(lines) - 1 == len(titles)  # one line per card: none wrapped
    assert max(len(row) for row in rows) <= 80
    assert [r for r in rows if not _shows_the_title(r, titles[r.split(" ", 1)[0]])] == []
    piped = drillbit("list").stdout.splitlines()
    assert piped[0].split() == ["ID", "KIND", "PACK", "TOPIC", "TITLE"]
    assert all(title in piped[i + 1] for i, title in enumerate(titles.values()))
    assert "…" not in "".join(piped)


def test_cards_on_an_80_column_terminal_give_the_title_room(drillbit: RunDrillbit) -> None:
    """The id, state and date columns left a title 22 of the 80 columns: the state and the
    date now share one column (a date for a studied card, else its state) and a date of
    this year is its month and day, as `ls -l` shortens one."""
    long_ago = FIXED_NOW - timedelta(days=60)  # due again within the weeks since, this year
    with Store.open() as store:
        review_card(store, Scheduler(), "relu-vs-sigmoid", Rating.Easy, now=long_ago, correct=True)
    titles = _titles()
    lines = printed_on_a_terminal("cards", now=FIXED_NOW)
    assert lines[0].split() == ["ID", "DUE", "TITLE"]
    rows = [line for line in lines[1:] if line.split(" ", 1)[0] in titles]
    assert len(rows) == len(titles)  # one line per card: none wrapped
    assert max(len(row) for row in rows) <= 80
    assert [r for r in rows if not _shows_the_title(r, titles[r.split(" ", 1)[0]], 30)] == []
    reviewed = next(row for row in rows if row.startswith("relu-vs-sigmoid "))
    # its date, marked due, without the time or the year: "*May 06"
    assert re.match(r"relu-vs-sigmoid +\*[A-Z][a-z]{2} \d\d  \S", reviewed), reviewed
    assert re.match(r"sigmoid +new  +A numerically stable sigmoid$", rows[1]), rows[1]
    piped = drillbit("cards").stdout.splitlines()
    assert piped[0].split() == ["ID", "KIND", "STATE", "DUE", "LAPSES", "TITLE"]
    assert all(title in piped[i + 1] for i, title in enumerate(titles.values()))
    assert "…" not in "".join(piped)


def test_a_dropped_column_leaves_the_wider_gap_and_a_pipe_keeps_every_column() -> None:
    """The due date was one space from its time and two from the title: with the time
    dropped it stood one space from the title, which read as part of it."""
    date = Column("DUE", ["2026-12-04"], gap=1)
    time = Column("", ["22:23"])
    kind = Column("KIND", ["coding"], gap=1, pad=8)
    columns = [Column("ID", ["sigmoid"]), kind, date, time]
    title = "A numerically stable sigmoid"
    assert table_lines(columns, [title], None, [time, kind]) == [
        "ID       KIND     DUE               TITLE",
        f"sigmoid  coding   2026-12-04 22:23  {title}",
    ]
    assert table_lines(columns, [title], 40, [time, kind]) == [
        "ID       DUE         TITLE",
        f"sigmoid  2026-12-04  {title[:18]}…",
    ]


def test_merged_columns_take_the_place_of_the_first_once_dropping_is_not_enough() -> None:
    state = Column("STATE", ["new", "review"], gap=1, pad=9)
    due = Column("DUE", ["", "*2026-12-04"], gap=1, pad=11)
    kind = Column("KIND", ["coding", "concept"], gap=1, pad=8)
    columns = [Column("ID", ["sigmoid", "relu"]), kind, state, due]
    merged = Merged((state, due), Column("DUE", ["new", "*Dec 04"]))
    titles = ["A numerically stable sigmoid", "Why ReLU"]
    assert table_lines(columns, titles, 50, [kind, merged]) == [
        "ID       DUE      TITLE",
        f"sigmoid  new      {titles[0]}",
        f"relu     *Dec 04  {titles[1]}",
    ]
    wide = table_lines(columns, titles, 80, [kind, merged])  # room enough: nothing merged
    assert wide[0].split() == ["ID", "KIND", "STATE", "DUE", "TITLE"]
    assert table_lines(columns, titles, None, [kind, merged])[0] == wide[0]  # a pipe: all


def test_drills_has_the_header_of_list_and_cards_and_narrows_as_they_do(
    drillbit: RunDrillbit,
) -> None:
    """`drills` printed `drill state tries title` where `list` and `cards` print `ID KIND
    ... TITLE`, and cut the title alone on a narrow terminal: the tries now make room."""
    drills = {c.id: c.title for c in load_bank([bundled_content_dir()]).cards if c.kind == "coding"}
    piped = drillbit("drills").stdout.splitlines()
    assert piped[0].split() == ["ID", "STATE", "TRIES", "TITLE"]
    assert [line.split()[0] for line in piped[1:-1]] == list(drills)
    lines = printed_on_a_terminal("drills", columns=60)
    assert lines[0].split() == ["ID", "STATE", "TITLE"]
    rows = [line for line in lines[1:] if line.split(" ", 1)[0] in drills]
    assert len(rows) == len(drills) and max(len(row) for row in rows) <= 60
    assert [r for r in rows if not _shows_the_title(r, drills[r.split(" ", 1)[0]], 10)] == []
    assert lines[-1] == piped[-1]  # the solved count after the table
