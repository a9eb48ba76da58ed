"""Logseq's task marks (`- LATER What is X? #card`): a checkbox in Logseq, no card's words.

Logseq makes a block a task with a word in capitals before its text (TODO, LATER, NOW,
DOING, DONE, WAITING, CANCELED...), perhaps a priority after it (`[#A]`), and writes its
dates (`SCHEDULED: <2024-03-02 Sat>`, `DEADLINE: ...`) and its time log (`:LOGBOOK:` ...
`:END:`) on the block's next lines. Logseq shows a checkbox, a badge and a date widget;
read as Markdown they were text: a card titled "LATER What is label smoothing?" with the
id `later-label-smoothing`, and the dates and log under it ran into that title. Here, in
a list item's first line that asks (it ends in `?` or a `#card` tag), the mark and its
priority are taken off; any other task is left as written, as the report quotes it. The
date and log lines are left empty, so every line keeps its number.

Roam writes the checkbox as a component, `- {{[[TODO]]}} What is X?`: read as Markdown it
was a RemNote cloze, and the card asked "[...] What is X?" with "**TODO** What is X?" as
its answer's first line. It is taken off as Logseq's word is; a Roam task that asks
nothing becomes the Markdown checkbox Roam shows (`- [ ] re-read the paper`), which the
key points pass over, and `remnote` reads no Roam component as a cloze.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

_MARKS = (
    "TODO|DOING|DONE|LATER|NOW|WAITING|WAIT|CANCELED|CANCELLED|IN-PROGRESS|STARTED"
    r"|\{\{\[\[(?:TODO|DONE)\]\]\}\}|\{\{(?:TODO|DONE)\}\}"
)
"""Logseq's task words, and Roam's checkbox (`{{[[TODO]]}}`, `{{[[DONE]]}}`, `{{TODO}}`)."""

_TASK = re.compile(rf"^(?P<item>[ \t]*[-*+][ \t]+)(?:{_MARKS})(?:[ \t]+\[#[A-C]\])?[ \t]+(?=\S)")
"""A block's first line opening with a task mark (and a priority): the list mark is kept."""

_ANY_TASK = re.compile(rf"^[ \t]*[-*+][ \t]+(?:{_MARKS})[ \t]", re.MULTILINE)
_CARD_TAGS = frozenset({"#card", "#flashcard", "#[[card]]"})

_DATES = re.compile(r"^[ \t]*(?:(?:SCHEDULED|DEADLINE):[ \t]*<[^<>\n]*>[ \t]*)+$")
"""A line of a task's dates, as Logseq writes them under the block's first line."""

_DRAWER_OPEN = re.compile(r"^[ \t]*:LOGBOOK:[ \t]*$")
_DRAWER_CLOSE = re.compile(r"^[ \t]*:END:[ \t]*$")
_CLOCK = re.compile(r"^[ \t]*CLOCK:")
"""A log's lines: `CLOCK: [2024-03-01 Fri 10:00:00]--[...] =>  00:05:00`, one a line."""


def _log_end(rows: list[str], walked: list[int], at: int) -> int | None:
    """The row of the `:END:` closing the log opened at `walked[at]`, over clock lines
    only; None when another line comes first (then it is no log of Logseq's, but text)."""
    for index in walked[at + 1 :]:
        body = rows[index].rstrip("\r")
        if _DRAWER_CLOSE.match(body):
            return index
        if not _CLOCK.match(body):
            return None
    return None


def drop_task_marks(text: str) -> str:
    """The notes without Logseq's task marks, dates and logs (see the module's docstring)."""
    if not any(word in text for word in ("SCHEDULED:", "DEADLINE:", ":LOGBOOK:")) and not (
        _ANY_TASK.search(text)
    ):
        return text  # the common case: no copy of a large file
    rows = text.split("\n")
    changed = False
    walked = list(outside_fences(rows, in_items=True))
    log_end = -1  # the row of the `:END:` closing the log being left out
    for at, index in enumerate(walked):
        row = rows[index]
        body = row.rstrip("\r")
        ending = row[len(body) :]
        kept = row
        if index <= log_end or _DATES.match(body):
            kept = ending
        elif _DRAWER_OPEN.match(body):
            close = _log_end(rows, walked, at)
            if close is not None:
                log_end = close
                kept = ending
        elif (task := _TASK.match(body)) is not None and _asks(body[task.end() :]):
            kept = task.group("item") + body[task.end() :] + ending
        elif task is not None and (
            box := _roam_box(body[task.start("item") + len(task["item"]) :])
        ):
            kept = f"{task.group('item')}{box} {body[task.end() :]}{ending}"
        if kept != row:
            rows[index] = kept
            changed = True
    return "\n".join(rows) if changed else text


def _asks(rest: str) -> bool:
    """True when a task's text is a card's question: it ends in `?` or in a `#card` tag,
    maybe before other tags. Any other task (`TODO re-read section 3.5`) is left as
    written, as the report quotes it when it is no card's."""
    words = rest.split()
    while words and words[-1].startswith("#") and words[-1].lower() not in _CARD_TAGS:
        words.pop()
    return bool(words) and (words[-1].endswith("?") or words[-1].lower() in _CARD_TAGS)


def _roam_box(marked: str) -> str | None:
    """The Markdown checkbox of a task that asks nothing when Roam marked it (`[ ]` for
    `{{[[TODO]]}}`, `[x]` for `{{[[DONE]]}}`), None for Logseq's words: Roam shows a
    checkbox, and written so it is the task list item the key points pass over."""
    if not marked.startswith("{{"):
        return None
    return "[x]" if marked.startswith(("{{[[DONE]]}}", "{{DONE}}")) else "[ ]"
