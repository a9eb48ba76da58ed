"""What `drillbit plan` says on stderr while its forecast runs: on a heavy home the
forecast is a minute and more, and a command that prints nothing for that long looks hung."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from quiz.wrapping import terminal_width


def progress_text(done: int, days: int, width: int) -> str:
    """The progress line for a terminal `width` columns wide, at most `width - 1` long: a
    line that fills the row or wraps is one a carriage return cannot go back over (at 30
    columns each update left a row behind, and the erase left the last one)."""
    room = max(0, width - 1)
    for text in (f"Forecasting the plan's days: {done} of {days}", f"Forecasting {done}/{days}"):
        if len(text) <= room:
            return text
    return f"{done}/{days}"[:room]


class ForecastProgress:
    """'Forecasting the plan's days: 12 of 46' on one stderr line, rewritten as days are
    done and erased at the end (or at Ctrl-C, so "Aborted." starts a clean line). Silent
    when stderr is not a terminal: a script's log gets no carriage returns. The line is cut
    to the terminal's width as it is when written (`progress_text`)."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = sys.stderr if stream is None else stream
        self._shown = 0
        self._on_terminal = self._stream.isatty()

    def __call__(self, done: int, days: int) -> None:
        """`forecast`'s `progress`: before each day, how many of the days are done."""
        if not self._on_terminal:
            return
        width = terminal_width(self._stream) or 80
        # a line now wider than a narrowed terminal would wrap under the next carriage return
        self._shown = min(self._shown, max(0, width - 1))
        self._write(progress_text(done, days, width))

    def __enter__(self) -> ForecastProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._shown:
            self._stream.write("\r" + " " * self._shown + "\r")
            self._stream.flush()
            self._shown = 0

    def _write(self, text: str) -> None:
        padding = " " * max(0, self._shown - len(text))
        self._stream.write("\r" + text + padding)
        self._stream.flush()
        self._shown = len(text)
