"""`drillbit serve`'s login file goes where a sandboxed browser can open it
(`quiz.serve.login_file.login_folder`).

Under the default data folder, `~/.local/share/drillbit/serve/`, a snap's Firefox or
Chromium (kept out of the home's hidden folders) and a flatpak's (the download folder
alone) could not open the printed `file://` link. With a hidden data folder the file now
goes in the download folder's `drillbit-serve/`, still the user's alone (0600 in 0700),
removed with its folder as the server stops; the token is on no process's command line.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import urllib.parse
from pathlib import Path

from quiz.serve.login_file import (
    DOWNLOADS_FOLDER,
    LOGIN_FOLDER,
    login_folder,
    remove_login_file,
    write_login_file,
)
from tests.conftest import DRILLBIT_COMMAND, PROCESS_TIMEOUT_SECONDS


def _home(tmp_path: Path, *, downloads: str | None = "Downloads") -> Path:
    home = tmp_path / "home"
    (home / ".local" / "share" / "drillbit").mkdir(parents=True)
    if downloads is not None:
        (home / downloads).mkdir()
    return home


def test_a_hidden_data_folder_puts_the_login_file_in_the_download_folder(tmp_path: Path) -> None:
    home = _home(tmp_path)
    data = home / ".local" / "share" / "drillbit"
    folder = login_folder(data, {"HOME": str(home)})
    assert folder == home / "Downloads" / DOWNLOADS_FOLDER
    written = write_login_file(folder, 8123, "<p>page</p>")
    assert written.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    remove_login_file(written)
    assert not folder.exists() and (home / "Downloads").is_dir()  # the user's folder stays


def test_the_desktops_named_download_folder_is_used_and_none_is_ever_made(
    tmp_path: Path,
) -> None:
    home = _home(tmp_path, downloads="Téléchargements")
    data = home / ".local" / "share" / "drillbit"
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text(
        '# written by xdg-user-dirs-update\nXDG_DOWNLOAD_DIR="$HOME/Téléchargements"\n'
    )
    assert login_folder(data, {"HOME": str(home)}) == home / "Téléchargements" / DOWNLOADS_FOLDER
    (home / "Téléchargements").rmdir()  # named but not there: the data folder, nothing made
    assert login_folder(data, {"HOME": str(home)}) == data / LOGIN_FOLDER
    assert not (home / "Downloads").exists()


def test_a_data_folder_that_is_not_hidden_keeps_its_own(tmp_path: Path) -> None:
    home = _home(tmp_path)
    assert login_folder(tmp_path / "mine", {"HOME": str(home)}) == tmp_path / "mine" / "serve"


def test_a_link_planted_where_the_folder_goes_is_not_written_through(tmp_path: Path) -> None:
    home = _home(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (home / "Downloads" / DOWNLOADS_FOLDER).symlink_to(elsewhere)
    folder = login_folder(home / ".local" / "share" / "drillbit", {"HOME": str(home)})
    try:
        write_login_file(folder, 8123, "<p>token</p>")
    except OSError as refused:
        assert "symbolic link" in str(refused)
    else:
        raise AssertionError("a login file was written through a symbolic link")
    assert list(elsewhere.iterdir()) == []


def _command_lines() -> list[bytes]:
    """Every process's command line, as `ps` lists them (one that ends meanwhile is skipped)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            found.append(cmdline.read_bytes())
        except OSError:
            continue
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def test_serve_prints_a_link_a_sandboxed_browser_opens_and_no_process_shows_the_token(
    tmp_path: Path,
) -> None:
    home = _home(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DRILLBIT_", "XDG_"))}
    env["HOME"] = str(home)
    with subprocess.Popen(
        [*DRILLBIT_COMMAND, "serve", "--port", str(_free_port()), "--max-tabs", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as server:
        assert server.stdout is not None
        said = []
        for line in server.stdout:
            said.append(line)
            if line.startswith("Each tab runs"):
                break
        link, token = said[2].strip(), said[4].strip()
        login_file = Path(urllib.parse.urlsplit(link).path)
        assert login_file.parent == home / "Downloads" / DOWNLOADS_FOLDER, said
        assert login_file.stat().st_mode & 0o777 == 0o600
        assert token in login_file.read_text()
        shown = _command_lines()
        assert shown and not [line for line in shown if token.encode() in line]
        server.send_signal(signal.SIGINT)
        server.communicate(timeout=PROCESS_TIMEOUT_SECONDS)
    assert not login_file.parent.exists()
    assert (home / "Downloads").is_dir()
