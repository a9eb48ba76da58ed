"""Logseq's media and query macros (`{{video https://...}}`, `{{query ...}}`): no card text.

Logseq shows `{{video URL}}`, `{{youtube URL}}`, `{{tweet URL}}`, `{{pdf URL}}` as a player
or a viewer, `{{youtube-timestamp 90}}` as a link into the video above, and `{{query ...}}`
or `{{renderer ...}}` as what they compute. Read as Markdown they were text: a card's
answer ended in "{{video https://www.youtube.com/watch?v=...}}", and that line was one of
its key points. Here each such macro outside fences and code spans is taken off in place
(a line of nothing else is left empty, so every line keeps its number), and the report
names them, with the address of each medium, so that nothing is lost without a word.
(`{{cloze ...}}` and `{{embed ...}}` are read by their own modules.) Roam's components,
`{{[[embed]]: ((uid))}}` among them (Roam's block ids are no file's, so nothing can show the
block), are taken off and named so too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import in_code_span, outside_fences
from quiz.ecosystem.linenames import line_numbers
from quiz.plural import plural

_MACRO = re.compile(
    r"\{\{(?P<name>video|youtube|vimeo|bilibili|tweet|twitter|pdf|youtube-timestamp|"
    r"video-timestamp|query|renderer|function|namespace)(?:[ \t]+(?P<argument>[^{}\n]*))?\}\}",
    re.IGNORECASE,
)
_ROAM = re.compile(
    r"\{\{\[\[(?P<name>embed|video|youtube|pdf|iframe|tweet|query|table|kanban|mentions|"
    r"word-count|character-count|diagram|slider|pomo|POMO)\]\](?::[ \t]*(?P<argument>[^{}\n]*))?\}\}"
)
"""Roam's components (`{{[[embed]]: ((uid))}}`, `{{[[video]]: URL}}`, `{{[[table]]}}`): an
embedded block, a player or a widget in Roam, text here; its checkbox is `logseqtasks`'."""
_LIST_MARK = re.compile(r"^[ \t]*[-*+]?[ \t]*$")
_SHOWN = 3
_CLOSES_UP = frozenset(("", " ", "\t", "\r", ".", ",", ";", ":", "!", "?", ")"))
"""What may follow a macro taken off with no space left before it."""


@dataclass(frozen=True)
class Macros:
    """The notes without their Logseq macros, and the macros taken off, by line."""

    text: str
    taken: tuple[tuple[int, str], ...] = ()
    """(1-based line, the macro as written) of each macro taken off, in order."""

    def note(self) -> str | None:
        """One line for the import's report, or None when no macro was taken off."""
        if not self.taken:
            return None
        lines = sorted({line for line, _ in self.taken})
        where = f"{line_numbers(lines)} {plural(len(lines), 'holds', 'hold')}"
        shown = ", ".join(written for _, written in self.taken[:_SHOWN])
        more = f" and {len(self.taken) - _SHOWN} more" if len(self.taken) > _SHOWN else ""
        if all(written.startswith("{{[[") for _, written in self.taken):
            return (
                f"{where} Roam components ({shown}{more}), which Roam shows as an embedded"
                " block, a player or a widget, not text: left out"
            )
        return (
            f"{where} Logseq macros ({shown}{more}), which Logseq shows as a player, a link"
            " or a query's results, not text: left out"
        )


def take_macros(text: str) -> Macros:
    """The notes with each media or query macro taken off (see the module's docstring)."""
    if "{{" not in text or (_MACRO.search(text) is None and _ROAM.search(text) is None):
        return Macros(text)  # the common case: no copy of a large file
    rows = text.split("\n")
    taken: list[tuple[int, str]] = []
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "{{" not in row:
            continue
        found = [
            m
            for m in sorted([*_MACRO.finditer(row), *_ROAM.finditer(row)], key=lambda m: m.start())
            if not in_code_span(row, m.start())
        ]
        if not found:
            continue
        kept: list[str] = []
        at = 0
        for match in found:
            before = row[at : match.start()]
            if row[match.end() : match.end() + 1] in _CLOSES_UP:  # no "at  shows", "at ."
                before = before.rstrip(" \t")
            kept.append(before)
            at = match.end()
            taken.append((index + 1, match.group(0)))
        kept.append(row[at:])
        joined = "".join(kept)
        body = joined.rstrip("\r")
        # a line or list item that held only macros is left empty, not an empty item
        rows[index] = (
            joined[len(body) :] if _LIST_MARK.match(body) else body.rstrip() + (joined[len(body) :])
        )
    if not taken:
        return Macros(text)
    return Macros("\n".join(rows), tuple(taken))
