"""A TZ that names no zone is said in the app, once (fiftieth round): said on stderr before
the app took the screen, the line was hidden under it and read only after quitting, when
the study days had already been counted in UTC."""

from __future__ import annotations

from datetime import UTC

import pytest

from quiz.cli import main
from quiz.tui.screens.home import HomeScreen
from tests.tui.conftest import AppFactory, Recorder, notifications, settle, showing


async def test_a_tz_naming_no_zone_is_a_notice_in_the_app(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlinn")
    app = build(zone=lambda: UTC)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await settle(pilot)
        told = [n for n in notifications(recorder) if "TZ=" in str(n.message)]
        assert len(told) == 1
        assert told[0].title == "Time zone" and told[0].severity == "warning"
        message = str(told[0].message)
        assert message.startswith("TZ=Europe/Berlinn names no time zone")
        assert "counted in UTC" in message and "unset it" in message  # what to do next


@pytest.mark.parametrize("value", ["Europe/Berlin", ""])
async def test_a_tz_that_names_a_zone_brings_no_notice(
    build: AppFactory, recorder: Recorder, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("TZ", value)
    app = build(zone=lambda: UTC)
    async with app.run_test(size=(80, 24), message_hook=recorder) as pilot:
        await showing(pilot, HomeScreen)
        await settle(pilot)
        assert not [n for n in notifications(recorder) if "TZ=" in str(n.message)]


@pytest.mark.parametrize("args", [[], ["study"], ["study", "--mode", "cram"], ["drill", "sigmoid"]])
def test_the_command_line_leaves_the_tz_notice_to_the_app(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    """Not said twice: on stderr too, it stood under the shell's prompt after quitting."""
    from quiz.tui import launch

    opened: list[str] = []
    for name in ("run_app", "run_study", "run_drill"):
        monkeypatch.setattr(launch, name, lambda *a, _n=name, **k: opened.append(_n))
    monkeypatch.setenv("TZ", "Europe/Berlinn")
    main(args)
    assert len(opened) == 1  # the app's way, where the notice is
    assert "TZ=" not in capsys.readouterr().err


def test_a_command_that_opens_no_app_still_says_it_on_stderr(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlinn")
    main(["--version"])
    assert capsys.readouterr().err.count("TZ=Europe/Berlinn names no time zone") == 1
