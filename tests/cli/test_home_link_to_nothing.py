"""A DRILLBIT_HOME that is (or lies under) a symbolic link to nothing, a drive not mounted,
is named as such with where it points, and nothing is made in its place.

It was "cannot create DRILLBIT_HOME=...: ... is not a folder" of a link `ls` shows, and
making the folder the link names, on the bare mount point, would have started an empty
home on the wrong disk.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunDrillbit


def test_a_home_that_is_a_link_to_nothing_is_named_with_its_target(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    mount = tmp_path / "media" / "usb"  # not mounted: not there
    home = tmp_path / "home-link"
    home.symlink_to(mount / "drillbit")
    refused = drillbit("stats", env={"DRILLBIT_HOME": str(home)})
    assert refused.returncode == 1
    assert refused.stderr == (
        f"drillbit: data folder: DRILLBIT_HOME={home} is a symbolic link to "
        f"{mount / 'drillbit'}, which is not there (a drive not mounted?); mount it, or "
        "point DRILLBIT_HOME at a folder\n"
    )
    assert not mount.exists()


def test_a_home_under_a_link_to_nothing_names_that_link(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    mount = tmp_path / "media" / "usb"
    link = tmp_path / "usb"
    link.symlink_to(mount)
    refused = drillbit("plan", "--json", env={"DRILLBIT_HOME": str(link / "drillbit")})
    assert refused.returncode == 1
    assert f"DRILLBIT_HOME={link / 'drillbit'}: {link} is a symbolic link to {mount}" in (
        refused.stdout
    )
    assert not mount.exists()
