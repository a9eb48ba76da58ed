"""Making the child's text safe to show: no terminal control sequences, no place in the
grader's code, bounded size."""

from __future__ import annotations

import re

_CONTROL_CHARACTERS = r"\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""C0 and C1 controls (ESC and CSI among them, so every escape below starts with one) and
the bidi overrides: a character class's body, shared by the patterns below."""

_SURROGATES = r"\ud800-\udfff"
"""Halves of a UTF-16 pair: a character class's body."""

_CONTROL = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, screen clears
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[@-Z\\-_]?"  # other escapes, a lone ESC
    rf"|[{_CONTROL_CHARACTERS}]"  # C0/C1 controls, bidi overrides
)

_SURROGATE = re.compile(rf"[{_SURROGATES}]")
"""Half of a UTF-16 pair, alone: the child's JSON may carry one (`"\\ud800"` in an exception's
message), and no UTF-8 text can hold it, so printing the verdict or saving the try raised
UnicodeEncodeError (a traceback from `drillbit grade`, the try not recorded)."""

_NEEDS_STRIPPING = re.compile(rf"[{_CONTROL_CHARACTERS}{_SURROGATES}]")
"""Every character a match of `_CONTROL` or `_SURROGATE` (or a carriage return) can start
with: text without any is returned as it is, which is most text, and one search costs less
than the full pass. Built from the same class bodies, so a character added to one is in
the other (written out by hand twice, they could drift and let an escape through)."""


def strip_controls(text: str) -> str:
    """`text` without terminal control characters (newlines and tabs are kept), and with
    U+FFFD for a lone surrogate, as a decoder shows bytes it cannot read."""
    if _NEEDS_STRIPPING.search(text) is None:
        return text
    return _stripped(text)


def _stripped(text: str) -> str:
    """The full pass of `strip_controls`, for text that may need it."""
    return _SURROGATE.sub("\ufffd", _CONTROL.sub("", text.replace("\r\n", "\n")))


GRADERS_CODE = "<the grader's code>"
"""What the child's output shows in place of a file and line of the grader's own."""

_GRADERS_PLACE = re.compile(
    r'File "(?:drillbit|harness)/[\w.-]+\.py", line \d+(?:, in [^\n]*)?'
    r"|(?<![\w/.-])(?:drillbit|harness)/[\w.-]+\.py(?::\d+)?"
    r"|(?<![\w/.-])(?:drillbit|harness)/[\w.-]*\Z"  # cut at the output's limit
)
"""A place in the grader's code as Python prints it: a traceback's `File "drillbit/child.py",
line 420, in hook` or a warning's `drillbit/runtime.py:480`. The grader compiles its code under
these names (`drillbit/child.py`, `drillbit/runtime.py`, `harness/call.py`, ...); a path of the
machine's that merely has a `drillbit/` folder in it is preceded by a path character and kept."""


def without_graders_places(text: str) -> str:
    """`text` with every place in the grader's code named `GRADERS_CODE` instead.

    Python's own machinery prints such places on the child's stderr whatever the child's hooks
    do: a warning's place when the code replaced `warnings._showwarnmsg` or deleted
    `sys.modules["warnings"]` (Python's C fallback), and the traceback of a thread that
    `threading.settrace` made call the refused `sys.settrace` (forty-sixth round). The names
    and lines are the grader's, never the code's: the parent takes them out of what it shows.
    """
    if "drillbit/" not in text and "harness/" not in text:
        return text
    return _GRADERS_PLACE.sub(_graders_place, text)


def _graders_place(match: re.Match[str]) -> str:
    return f'File "{GRADERS_CODE}"' if match.group().startswith("File") else GRADERS_CODE


def clip(text: str, *, max_chars: int = 4000, max_lines: int = 40) -> str:
    """A readable message: control characters removed, repeated lines folded, length bounded."""
    lines: list[str] = []
    repeats = 0
    for line in strip_controls(text).split("\n"):
        if lines and line == lines[-1]:
            repeats += 1
            continue
        if repeats:
            lines.append(f"  [previous line repeated {repeats} more times]")
            repeats = 0
        lines.append(line)
    if repeats:
        lines.append(f"  [previous line repeated {repeats} more times]")
    if len(lines) > max_lines:
        head, tail = lines[: max_lines // 2], lines[-(max_lines // 2) :]
        lines = [*head, f"  [... {len(lines) - len(head) - len(tail)} lines cut ...]", *tail]
    out = "\n".join(lines)
    if len(out) > max_chars:
        out = out[:max_chars] + f" [... {len(out) - max_chars} characters cut]"
    return out


class CappedOutput:
    """A stream's bytes, keeping the first `limit` and counting the rest, and its last `TAIL`
    bytes apart (`tail_text`): a fault dump, written as the process dies, is at the end."""

    TAIL = 1 << 14
    """Bytes kept of the stream's end: more than a fault dump of the job's thread (100 frames
    at most, each a line of a few dozen bytes, and the loaded extension modules' names)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.data = bytearray()
        self.dropped = 0
        self.tail = bytearray()

    def add(self, chunk: bytes) -> None:
        """Keep what fits, count what does not; the end is kept apart once some is dropped."""
        room = self.limit - len(self.data)
        if room > 0:
            self.data += chunk[:room]
        self.dropped += max(0, len(chunk) - max(room, 0))
        if self.dropped:
            self.tail += chunk
            if len(self.tail) > 2 * self.TAIL:
                del self.tail[: -self.TAIL]

    def tail_text(self) -> str:
        """The stream's last `TAIL` bytes when some were dropped (else ""), cleaned as `text` is:
        read only for a fault dump's line (whose parser expects the grader's places taken out)."""
        if not self.dropped:
            return ""
        text = self.tail[-self.TAIL :].decode("utf-8", "replace")
        return without_graders_places(strip_controls(text))

    def text(self) -> str:
        """The kept text, cleaned, with a visible note when some was dropped (after the grader's
        places are taken out: a place cut at the limit is at the kept text's end)."""
        out = without_graders_places(strip_controls(self.data.decode("utf-8", "replace")))
        if self.dropped:
            out += f"\n[truncated: {self.dropped} more bytes not shown]"
        return out
