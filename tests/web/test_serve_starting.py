"""The page while its app starts, and when the app fails to: the splash showed the logo and
"drillbit" alone for as long as the app took (over 90 s on a loaded machine), and an app
that failed left "Session ended." with the reason only in the server's console."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import textual_serve
from textual_serve.download_manager import DownloadManager

from quiz.serve.page import (
    APP_FAILED,
    STARTING,
    STARTING_WORDS,
    close_reason,
    nonced_page,
    served_page,
    starting_page,
)
from quiz.serve.tabapp import TabApp
from tests.web.helpers import Served, http_get

INSTALLED = Path(textual_serve.__file__).parent / "templates" / "app_index.html"


def test_the_served_page_says_it_is_starting_under_the_splashs_name(served: Served) -> None:
    status, _, body = http_get(served.url)
    assert status == 200
    splash = body[body.index('class="dialog-container intro-dialog"') :]
    splash = splash[: splash.index('class="dialog-container closed-dialog"')]
    assert re.search(r'<div>drillbit<div class="starting">Starting drillbit…</div></div>', splash)
    # the close frame's reason is read by a script before textual.js opens the socket
    assert body.index("event.code !== FAILED") < body.index("js/textual.js")
    assert f"const FAILED = {APP_FAILED};" in body
    assert "body.-closed .starting { display: none; }" in body, "hidden once the tab closed"


def test_the_installed_template_has_the_name_the_words_go_under() -> None:
    """A textual-serve whose splash changed must fail here, not lose the words unseen."""
    template = INSTALLED.read_text(encoding="utf-8")
    page = served_page(template)
    assert page.count(STARTING_WORDS) == 1 and page.count(nonced_page(STARTING)) == 1
    plain = "<html><head></head><body><div>drillbit</div></body></html>"
    assert starting_page(plain) == plain, "no name of the template's own: unchanged"


def test_the_close_reason_is_the_last_line_within_a_frames_bytes() -> None:
    traceback = "Traceback (most recent call last):\n  File 'x'\nValueError: bad bank\n\n"
    assert close_reason(traceback, 1) == "ValueError: bad bank"
    assert close_reason("", 3) == "the app exited with code 3"
    assert close_reason("  \n", -9) == "the app exited with code -9"
    wide = close_reason("RuntimeError: " + "注意" * 100, 1)
    assert len(wide.encode("utf-8")) <= 123 and wide.endswith("…")
    assert wide.startswith("RuntimeError: 注意"), "cut between characters, never inside one"


async def test_an_app_that_fails_to_start_says_why_and_one_that_ends_well_says_nothing() -> None:
    said: list[str | None] = []
    failing = _tab_app(
        "import sys\n"
        "sys.stderr.write('Traceback (most recent call last):\\n')\n"
        "sys.stderr.write('OSError: the bank folder is gone\\n')\n"
        "sys.exit(2)\n",
        said,
    )
    await failing._open_app_process()
    await failing.run()
    # the app never said it exits (no prelude): the tab is closed as the process ends
    assert said == ["OSError: the bank folder is gone"]
    said.clear()
    well = _tab_app("import sys; sys.stderr.write('a warning\\n')", said)
    await well._open_app_process()
    await well.run()
    assert said == [None], "exit code 0: an ordinary end, whatever its stderr"


def _tab_app(code: str, said: list[str | None]) -> TabApp:
    """A tab whose app is `python -c CODE`; its close says what `failure` found, as the
    server's does."""

    async def nowhere(_: object) -> None:
        """The app never starts a terminal."""

    async def close() -> None:
        said.append(app.failure())

    app = TabApp(
        f"exec {shlex.join([sys.executable, '-c', code])}",
        write_bytes=nowhere,
        write_str=nowhere,
        close=close,
        download_manager=DownloadManager(),
    )
    return app
