"""NUL bytes in notes that are text otherwise: taken out, and said where.

A stray NUL (a sync tool's or an editor's crash leaves one) is no character of any note:
the import's `printable` dropped it with the other control characters, without a word. A file of
them is refused before this as binary; here each NUL left in text is taken out (no line
moves) and the report names the lines that held one.
"""

from __future__ import annotations

from dataclasses import dataclass

from quiz.ecosystem.linenames import line_numbers
from quiz.textsafe import printable

__all__ = ["NulBytes", "printable_but_nul", "take_nul_bytes"]

_NUL = "\0"


@dataclass(frozen=True)
class NulBytes:
    """The 1-based lines that held a NUL byte, each once, and how many bytes in all."""

    lines: tuple[int, ...] = ()
    count: int = 0

    def note(self) -> str | None:
        """One line for the import's report, or None when the notes held no NUL."""
        if not self.lines:
            return None
        bytes_said = "a NUL byte" if self.count == 1 else f"{self.count} NUL bytes"
        return (
            f"{bytes_said} ({line_numbers(self.lines)}), which no text holds, taken out; "
            "the lines are read without it"
        )


def take_nul_bytes(text: str) -> tuple[str, NulBytes]:
    """The text without its NUL bytes, and where they were. Notes without one (nearly
    all) are given back as they are, with no copy."""
    if _NUL not in text:
        return text, NulBytes()
    lines: list[int] = []
    line, counted_to, count = 1, 0, 0
    at = text.find(_NUL)
    while at >= 0:
        line += text.count("\n", counted_to, at)
        counted_to = at
        count += 1
        if not lines or lines[-1] != line:
            lines.append(line)
        at = text.find(_NUL, at + 1)
    return text.replace(_NUL, ""), NulBytes(tuple(lines), count)


def printable_but_nul(text: str) -> str:
    """`printable` of the text with its NUL bytes kept, for `take_nul_bytes` to take out
    and name at their lines (`printable` drops them unsaid)."""
    if _NUL not in text:
        return printable(text)
    return _NUL.join(printable(part) for part in text.split(_NUL))
