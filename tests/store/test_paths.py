"""Where user data lives: DRILLBIT_HOME wins, else the platform data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz import paths


def test_drillbit_home_overrides_and_is_created(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "nested" / "home"
    monkeypatch.setenv("DRILLBIT_HOME", str(home))
    assert paths.data_dir() == home
    assert home.is_dir()
    assert paths.database_path() == home / "drillbit.db"


def test_without_the_override_the_platform_dir_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DRILLBIT_HOME", raising=False)
    calls: list[tuple[str, object]] = []

    def fake_user_data_dir(appname: str, appauthor: object) -> str:
        calls.append((appname, appauthor))
        return str(tmp_path / "platform" / appname)

    monkeypatch.setattr(paths, "user_data_dir", fake_user_data_dir)
    assert paths.data_dir(create=False) == tmp_path / "platform" / "drillbit"
    assert not (tmp_path / "platform").exists()
    assert paths.database_path() == tmp_path / "platform" / "drillbit" / "drillbit.db"
    assert (tmp_path / "platform" / "drillbit").is_dir()
    assert calls[0][0] == "drillbit"


def test_an_empty_override_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLBIT_HOME", "  ")
    monkeypatch.setattr(paths, "user_data_dir", lambda *_: str(tmp_path / "pd"))
    assert paths.data_dir() == tmp_path / "pd"
