"""The one-click login of `drillbit serve`: a file of the user's own that posts the token.

A browser records every address it is asked to open, in its history database, whatever the
page does next: measured in Chromium's History file (forty-sixth round), the printed
`/#token=...` stayed in its `urls` table, typed and not hidden, when the page's first script
called `history.replaceState`, and again when it called `location.replace`. So no address
the user opens may carry the token. The server writes this small page to a file only the
user reads (mode 0600, in a folder of mode 0700 under the data folder) and prints its
`file://` address: opened, it posts the token to the server (`OPEN_PATH`) in a form, whose
answer is the 303 of `quiz.serve.handoff` to the page without it. The history then holds the
file's address and the server's page, neither with a secret; the file is removed as the
server stops. A browser that cannot open the file (another machine's) logs in with the
token pasted in the page's box.

Under the default data folder (`~/.local/share/drillbit`, hidden) a browser installed as a
snap or a flatpak could not open the file: a snap reads the home's files but not its hidden
folders, a flatpak only the download folder. The file goes in the download folder's
`drillbit-serve/` then (`login_folder`), still the user's alone and removed at the end.
"""

from __future__ import annotations

import contextlib
import errno
import html
import os
import stat
from collections.abc import Mapping
from pathlib import Path

from quiz.serve.login import TOKEN_PARAM

__all__ = [
    "DOWNLOADS_FOLDER",
    "LOGIN_FOLDER",
    "OPEN_PATH",
    "login_file_of",
    "login_file_page",
    "login_folder",
    "remove_login_file",
    "write_login_file",
]

OPEN_PATH = "/"
"""Where the login file posts the token: the page's own address, so the history records
the page alone (the answer is a 303 to it)."""
LOGIN_FOLDER = "serve"
"""The data folder's subfolder that holds the login files, one a port."""
DOWNLOADS_FOLDER = "drillbit-serve"
"""The download folder's subfolder that holds them when the data folder is hidden."""


def login_folder(data: Path, environ: Mapping[str, str] | None = None) -> Path:
    """Where the login files go: the data folder's `serve/`, unless a folder on its way is
    hidden (the default, `~/.local/share/drillbit`) and the user has a download folder
    (XDG's, else `~/Downloads`), which sandboxed browsers read: its `drillbit-serve/` then.
    A download folder that is not there is never made."""
    if not any(part.startswith(".") for part in data.absolute().parts):
        return data / LOGIN_FOLDER
    downloads = download_folder(environ if environ is not None else os.environ)
    if downloads is None or any(part.startswith(".") for part in downloads.parts):
        return data / LOGIN_FOLDER
    return downloads / DOWNLOADS_FOLDER


def download_folder(environ: Mapping[str, str]) -> Path | None:
    """The user's download folder: `XDG_DOWNLOAD_DIR` of `user-dirs.dirs` (what the desktop
    and a flatpak's `xdg-download` name), else `~/Downloads`; None when it is no folder
    (a server, a container)."""
    home = environ.get("HOME")
    if not home:
        return None
    config = Path(environ.get("XDG_CONFIG_HOME") or Path(home) / ".config")
    found = Path(home) / "Downloads"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        for line in (config / "user-dirs.dirs").read_text(encoding="utf-8").splitlines():
            name, _, value = line.strip().partition("=")
            if name == "XDG_DOWNLOAD_DIR" and value.startswith('"') and value.endswith('"'):
                named = value[1:-1].replace("$HOME", home, 1)
                if Path(named).is_absolute() and Path(named) != Path(home):
                    found = Path(named)  # XDG's "$HOME/" alone means "no such folder"
    try:
        is_folder = stat.S_ISDIR(os.stat(found).st_mode)  # a link to another disk too
    except OSError:
        return None
    return found if is_folder else None


def login_file_page(page_url: str, token: str) -> str:
    """The login file's page: a form posting `token` to the server at `page_url`, sent by
    its script at once, by its button without scripts. Gone back to (the browser's Back
    from the app), it does not post again: the user left on purpose."""
    action = html.escape(page_url.rstrip("/") + OPEN_PATH, quote=True)
    return f"""<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="referrer" content="no-referrer" />
    <title>drillbit serve: logging in</title>
  </head>
  <body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em">
    <form id="open" method="post" action="{action}">
      <input type="hidden" name="{TOKEN_PARAM}" value="{html.escape(token, quote=True)}" />
      <p>Opening drillbit at {html.escape(page_url)}&hellip;</p>
      <button type="submit">Open drillbit</button>
    </form>
    <script>
      (() => {{
        const entry = performance.getEntriesByType("navigation")[0];
        if (!entry || entry.type !== "back_forward") document.getElementById("open").submit();
      }})();
    </script>
  </body>
</html>
"""


def login_file_of(folder: Path, port: int) -> Path:
    """The login file of the server on `port` in `folder`."""
    return folder / f"login-{port}.html"


def write_login_file(folder: Path, port: int, page: str) -> Path:
    """Write `page` to the login file of the server on `port` in `folder` (made if needed),
    readable by its owner alone from the first byte; its path."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.is_symlink():  # a link planted where the folder goes: never written through
        raise OSError(errno.ELOOP, "it is a symbolic link, not a folder", str(folder))
    folder.chmod(0o700)  # an older folder, or one made under another umask
    path = login_file_of(folder, port)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # an earlier run's (a killed server's): made afresh, never reopened
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(page)
    return path


def remove_login_file(path: Path | None) -> None:
    """Remove the login file as the server stops: its token opens nothing any more."""
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()
        if path.parent.name == DOWNLOADS_FOLDER:  # the download folder is left as it was
            with contextlib.suppress(OSError):
                path.parent.rmdir()  # only when empty: another server's file stays
