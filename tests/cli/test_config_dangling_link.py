"""A config.toml that is a symbolic link to nothing (dotfiles on a drive not mounted) is
named as such, with where it points: it was "cannot read it: No such file or directory"
of a file `ls` shows is there."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunDrillbit

POINTS_TO = "/media/usb/dotfiles/drillbit.toml"


def test_a_link_to_nothing_is_named_with_its_target_and_nothing_is_saved(
    drillbit: RunDrillbit, _isolated_home: Path
) -> None:
    link = _isolated_home / "config.toml"
    link.symlink_to(POINTS_TO)
    said = (
        f"{link}: a symbolic link to {POINTS_TO}, which is not there (a drive not mounted, "
        "a dotfiles folder moved); repair: restore what it points to, or remove the link "
        "(every setting then has its default)"
    )
    refused = drillbit("config", "new_per_day", "3")
    assert refused.returncode == 1
    assert refused.stderr == f"drillbit: settings: nothing saved: {said}\n"
    assert link.is_symlink() and not link.exists()  # left as it was, nothing made through it
    shown = drillbit("stats")
    assert shown.returncode == 0  # the defaults, said once
    assert shown.stderr.startswith(f"drillbit: settings: {said}")
