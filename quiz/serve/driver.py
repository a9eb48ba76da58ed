"""The Textual driver of a served tab's app: textual-serve's web driver, which also ends the
app once its server is gone.

A tab's app reads its keys from a pipe the server holds the other end of (its stdin). When
the server ended without closing its tabs (`kill -9`, a crash, the machine's OOM killer),
Textual's web driver saw that pipe end, stopped reading and let the app run on, drawing
to a pipe nobody read: one app was still up 43 s after its server, and each ran until
ended by hand. The server is the only process that holds the pipe's writing end (asyncio
makes it close-on-exec, and the app is no shell's child: `app_command` execs it), so the
end of the app's stdin is the end of its server, whatever ended it, and even if that came
before this app started reading. The app then quits as the server's own "quit" asks:
the drill's code saved as its draft (`on_unmount`), every answer already recorded.

What the app writes once its server is gone is dropped: a write to the pipe nobody reads
raised BrokenPipeError in the middle of drawing or of the driver's own end.
"""

from __future__ import annotations

import os
import threading
from functools import partial
from typing import Any

from textual import messages
from textual.drivers.web_driver import WebDriver

__all__ = ["DRIVER", "ORPHAN_EXIT_SECONDS", "ServedDriver"]

DRIVER = "quiz.serve.driver:ServedDriver"
"""What the server names as its tabs' driver (TEXTUAL_DRIVER), in place of textual-serve's."""
ORPHAN_EXIT_SECONDS = 30.0
"""How long an app whose server is gone may take to quit before the process ends anyway:
one busy (a grading run) takes the quit once it is done, and none is left running for good."""


class ServedDriver(WebDriver):
    """Textual's web driver, quitting its app when the server's end of stdin closes."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.server_gone = threading.Event()
        """Set once the app's stdin has ended while the app still ran: its server is gone."""
        self._write = partial(self._write_unless_gone)  # where the driver writes

    def _write_unless_gone(self, data: bytes) -> int:
        """Write `data` to the server, or drop it once nobody reads (the server is gone)."""
        if self.server_gone.is_set():
            return len(data)
        try:
            return os.write(self.fileno, data)
        except BrokenPipeError:
            self.server_gone.set()
            return len(data)

    def run_input_thread(self) -> None:
        """Relay the server's keys until the app stops reading them, or until the server's
        end of the pipe closes: then quit the app."""
        super().run_input_thread()
        if self.exit_event.is_set():  # the app is ending: it stopped reading
            return
        self.server_gone.set()
        self._app.post_message(messages.ExitApp())  # as the server's "quit" does
        ending = threading.Timer(ORPHAN_EXIT_SECONDS, os._exit, args=(1,))
        ending.daemon = True
        ending.start()
