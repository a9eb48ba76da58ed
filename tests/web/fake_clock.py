"""`drillbit serve` whose tabs' apps run on a clock the test moves: the served app's fake
clock, as the TUI tests hand the workspace a `FakeClock`.

The app takes its clock as an argument (`quiz.cli.main(clock=...)`), never from the
environment, so that no setting left in a shell can date a person's reviews wrongly. A
tab's app is a process of its own, started by the command the server runs per tab
(`quiz.serve.server.app_command`): run as `serve CLOCK ARGS...` this script is the real
server with that command replaced by this script's `app CLOCK ARGS...`, which runs the
command line on `FileClock(CLOCK)`. The test moves the clock by writing a number of
seconds to the file (`move_clock`). Run as a file, not imported by the tests' processes.
"""

from __future__ import annotations

import shlex
import sys
from datetime import datetime, timedelta
from pathlib import Path

from quiz.clock import utc_now

__all__ = ["SCRIPT", "FileClock", "move_clock"]

SCRIPT = Path(__file__).resolve()


class FileClock:
    """The wall clock moved ahead by the seconds written in `path` (0 while it is empty):
    the app's clock in a served tab, moved by the test."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self) -> datetime:
        text = self.path.read_text(encoding="utf-8").strip()
        return utc_now() + timedelta(seconds=float(text or 0))


def move_clock(path: Path, seconds: float) -> None:
    """Set the served apps' clock `seconds` ahead of the wall clock (written whole at once:
    a tab reading it meanwhile sees the old number or the new)."""
    part = path.with_suffix(".part")
    part.write_text(str(seconds), encoding="utf-8")
    part.replace(path)


def _serve(clock: str, args: list[str]) -> None:
    """The real `drillbit ARGS` (a `serve` command line), each tab's app on `clock`."""
    import quiz.serve.server as server
    from quiz.cli import main

    real = server.app_command

    def on_the_file_clock(content_dirs: list[Path]) -> str:
        ours = f" -P {shlex.quote(str(SCRIPT))} app {shlex.quote(clock)}"
        command = real(content_dirs)
        assert " -m quiz" in command, command
        return command.replace(" -m quiz", ours, 1)

    server.app_command = on_the_file_clock
    main(args)


if __name__ == "__main__":
    role, clock_file, *rest = sys.argv[1:]
    if role == "serve":
        _serve(clock_file, rest)
    else:
        from quiz.cli import main

        main(rest, clock=FileClock(Path(clock_file)))
