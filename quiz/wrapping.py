"""Text folded to a terminal's width: plain lines (`fold_line`, a verdict's rows, `plan`'s
and `stats`' sentences) and Markdown card text (`wrap_markdown`: `show`, `hint`, `watch`).

`drillbit show --answer` printed an explanation paragraph as one line of 300-500 columns,
and `drillbit plan` a sentence of 294, which the terminal broke mid-word. Lines fold at
spaces under their own indent (a list item's text, a quote's `>`), a code span kept whole;
a heading wider than the line under its text (`drillbit show`'s `# title` of CJK or emoji
ran past 80 columns); code blocks (as the bank's reader finds them) and tables stay as
written. Widths are terminal cells (`fold_cells`), never characters. Into
a pipe or a file (`terminal_width` None) every line stays whole.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Sequence
from typing import TextIO, TypeAlias

_PREFIX = re.compile(r"\s*(?:>\s?)*")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])\s+")
_HEADING = re.compile(r"#{1,6}\s+")
_KEPT_SPACE = "\ue000"
"""Stands for a space inside a code span while a line is folded, so `(n_q, d_k)` is not
cut in two unless it is wider than a line (a private-use character: card text holds none)."""
Unbroken: TypeAlias = str | re.Pattern[str]
"""What `fold_line` never folds inside: a text (a file's path) or a pattern's matches."""
_INDEX_ITEM = r"(?:-?\d+|-?\d*:-?\d*(?::-?\d*)?|\.\.\.|'[^'\[\]]*'|\"[^\"\[\]]*\")"
INDEX_PLACE = re.compile(
    rf"[A-Za-z_][\w.]*(?:\([^()\s]*\))?(?:\[{_INDEX_ITEM}(?:, {_INDEX_ITEM})*\])+"
)
"""A place in an array or a dict, `theta[0, 0]`, `grads['dW1'][0, 1]`, `softmax(z)[0, 2]`:
an `unbroken` pattern for a verdict's lines, where a fold at the space after a comma left
"theta[0," on one line and "0]" on the next. Only a name's subscript of indices, slices and
quoted keys: a value such as `[0.5 0.25]` or `expected: [1, 2]` folds as any text."""
COMMAND_INDENT = "    "
"""Before a command to copy, on a line of its own (as git indents the commands of its
hints): import's next steps and watch's next drill, which folding at spaces cut in two."""


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The terminal's columns when `stream` (stdout by default) is a terminal; None for a
    pipe or a file, which get whole lines (`drillbit drills | grep`, `drillbit drills |
    less -S`, `drillbit import notes.md 2> import.log`)."""
    shown = sys.stdout if stream is None else stream
    if not shown.isatty():
        return None
    columns = shutil.get_terminal_size((0, 0)).columns  # COLUMNS, else stdout's terminal
    if columns <= 0:  # stdout is a file or a pipe: the stream's own terminal
        try:
            columns = os.get_terminal_size(shown.fileno()).columns
        except (OSError, ValueError):
            columns = 0
    return columns if columns > 0 else 80


def fit(row: str, width: int | None) -> str:
    """`row` cut to `width` columns, "…" marking the cut (whole when `width` is None): a
    table's row (`quiz.cli.fit`) or a cell of one (`stats`' topic names)."""
    if width is None or _cells(row) <= width:
        return row
    from rich.cells import set_cell_size

    return set_cell_size(row, max(width - 1, 0)) + "…"  # a wide character cut: a space


def fold_line(
    line: str, width: int | None, hang: str = "", *, unbroken: Sequence[Unbroken] = ()
) -> list[str]:
    """`line` folded at spaces to `width` columns, `hang` (or the line's own indent, when
    deeper) before each further line; whole when `width` is None or the line fits. The
    spaces of each of `unbroken` (a file's path, `My Notes.md:12`) are no place to fold:
    a place cut at its space no longer names the file. A pattern of `unbroken` keeps each
    of its matches that fits a folded line whole (a notebook's `cell 12, line 3`, a place
    no fixed text names), in order: a match wider than that folds as any text."""
    if width is None or _cells(line) <= width:
        return [line]
    text = line.lstrip(" ")
    indent = line[: len(line) - len(text)]
    hang = max(hang, indent, key=len)
    room = width - _cells(hang)
    for kept in unbroken:
        if isinstance(kept, re.Pattern):
            text = kept.sub(lambda found: _kept_whole(found.group(0), room), text)
        elif " " in kept and kept in text:
            text = text.replace(kept, kept.replace(" ", _KEPT_SPACE))
    lines = fold_cells(text, width, indent, hang) or [line]
    return [part.replace(_KEPT_SPACE, " ") for part in lines]


def _kept_whole(text: str, room: int) -> str:
    """`text` with its spaces no place to fold, when it fits `room` columns."""
    return text.replace(" ", _KEPT_SPACE) if _cells(text) <= room else text


_SHELL_WORD = re.compile(r"(?:'[^']*'|\"(?:[^\"\\]|\\.)*\"|\\.|[^\s'\"\\])+")
"""One word of a POSIX shell command line: quoted parts and bare characters run together."""


def fold_command(command: str, width: int | None) -> list[str]:
    """A command to copy (after its indent) folded between its shell words, each line but
    the last ending in ` \\` and the next two columns further in, as the shell reads one
    command over several lines: pasted whole, it runs as written. Never inside a word (a
    quoted path with spaces stays one piece); whole when `width` is None or it fits. The
    terminal cut a long `--content '/path/My Vault/cards'` mid-word, in no place a shell
    joins again."""
    if width is None or len(command) <= width:
        return [command]
    text = command.lstrip(" ")
    indent = command[: len(command) - len(text)]
    words = _SHELL_WORD.findall(text)
    if " ".join(words) != text:  # not plain words and single spaces: left as written
        return [command]
    lines: list[str] = []
    line = indent + words[0]
    for word in words[1:]:
        fits_here = len(line) + 1 + len(word) + 2 <= width  # the word and ` \`
        fits_below = len(indent) + 2 + len(word) + 2 <= width
        if fits_here or not fits_below:  # a word too long for any line: no break for it
            line += " " + word
        else:
            lines.append(line + " \\")
            line = indent + "  " + word
    return [*lines, line]


def fold_text(text: str, width: int | None) -> str:
    """Each line of `text` folded (`fold_line`), the lines it adds under its indent."""
    if width is None:
        return text
    return "\n".join(part for line in text.split("\n") for part in fold_line(line, width))


def wrap_markdown(text: str, width: int | None, indent: str = "") -> str:
    """`text` with each prose line folded to `width` columns, `indent` before every line
    (counted in the width); unchanged when `width` is None (a pipe or a file)."""
    if width is None:
        return text
    from quiz.bank.markdown import code_blocks  # the parser: only when a card is folded

    code = {n for block in code_blocks(text) for n in range(block.first_line, block.end_line)}
    room = max(20, width - len(indent))  # a tiny terminal still gets words, not letters
    folded: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            folded.append("")
        elif number in code or _kept(line, room):
            folded.append(indent + line)
        else:
            folded.extend(indent + part for part in _folded(line, room))
    return "\n".join(folded)


def _kept(line: str, width: int) -> bool:
    """A line printed as written: short enough, a table row, blank, or indented four columns
    and no list item (code in a message: a traceback's, a file's lines). A heading too wide
    folds: kept whole, the terminal broke it mid-word."""
    stripped = line.strip()
    indented = line.startswith(("    ", "\t")) and _MARKER.match(stripped) is None
    return _cells(line) <= width or stripped.startswith("|") or not stripped or indented


def _folded(line: str, width: int) -> list[str]:
    """A Markdown `line` folded at spaces (never inside a code span that fits a line) to
    `width`, each further line indented under its text: after a list item's marker or a
    heading's `#`, after a quote's `>`. A code span's width is its cells: counted in
    characters, a span of CJK or emoji stayed whole past the line's end."""
    from quiz.bank.markdown import code_spans

    quoted = _PREFIX.match(line)  # it matches every line, if only its empty start
    prefix = quoted.group(0) if quoted is not None else ""
    marker = _HEADING.match(line, len(prefix)) or _MARKER.match(line, len(prefix))
    if marker is not None:
        prefix += marker.group(0)
    hang = re.sub(r"[^>\s]", " ", prefix)  # a quote's `>` stays; a marker becomes spaces
    room = width - _cells(hang)
    body = line[len(prefix) :]
    for start, end in code_spans(body):  # a span wider than a line folds as prose
        if _cells(body[start:end]) <= room:
            body = body[:start] + body[start:end].replace(" ", _KEPT_SPACE) + body[end:]
    lines = fold_cells(body, width, prefix, hang)
    return [part.replace(_KEPT_SPACE, " ") for part in lines] or [line]


_CHUNK = re.compile(r"\s+|\S+")


def _cells(text: str) -> int:
    """The columns `text` takes in a terminal, as Rich (and so Textual) counts them: a CJK
    character or an emoji two, an ambiguous one ("·", "→", "•") one. Counted by characters
    where that cannot be wider than a line (no import for a short line)."""
    if text.isascii():
        return len(text)
    from rich.cells import cell_len

    return cell_len(text)


def fold_cells(
    text: str, width: int, first: str = "", hang: str = "", *, cut_words: bool = False
) -> list[str]:
    """`text` folded at whitespace into lines of `width` terminal cells (`_cells`), `first`
    before the first line and `hang` before the others (both counted in the width); [] for
    text with no words. A word wider than a line stays whole on a line of its own, or with
    `cut_words` is cut between characters (never inside a wide one) onto as many lines as
    it needs. The one fold of a line for `fold_line`, card Markdown and the TUI's card
    heading: `textwrap` counts characters, so a title of CJK or emoji folded to twice the
    room the terminal has."""
    lines: list[str] = []
    indent, line = first, ""
    for chunk in _CHUNK.findall(text.expandtabs()):
        if chunk.isspace():
            line += " " * len(chunk) if line else ""  # no space starts a line
            continue
        if line and _cells(indent) + _cells(line + chunk) > width:
            lines.append(indent + line.rstrip(" "))
            indent, line = hang, ""
        while not line and cut_words and _cells(chunk) > max(width - _cells(indent), 1):
            from rich.cells import chop_cells

            piece = chop_cells(chunk, max(width - _cells(indent), 1))[0]
            lines.append(indent + piece)
            indent, chunk = hang, chunk[len(piece) :]
        line += chunk
    if line:
        lines.append(indent + line.rstrip(" "))
    return lines
