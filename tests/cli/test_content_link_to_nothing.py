"""A --content or DRILLBIT_CONTENT folder that is, or lies under, a symbolic link to nothing
(a drive not mounted) names the link and where it points, in DRILLBIT_HOME's words.

It was "no such content folder" of a name `ls` lists, sending a person to look for a
folder where a link was; a folder simply not there is still "no such content folder"."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RunDrillbit


def test_a_content_link_to_nothing_names_its_target_in_every_command(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    gone = tmp_path / "usb" / "notes"
    link = tmp_path / "notes"
    link.symlink_to(gone)
    words = f"is a symbolic link to {gone}, which is not there (a drive not mounted?)"
    listed = drillbit("--content", str(link), "list")
    assert listed.returncode == 0
    assert listed.stderr.splitlines() == [f"{link}: content folder {words}"]
    linted = drillbit("--content", str(link), "lint")
    assert linted.returncode == 2
    assert linted.stderr.splitlines()[0] == (
        f"drillbit: {link} {words} (--content or DRILLBIT_CONTENT)"
    )
    refused = drillbit("list", "--pack", "my-notes", env={"DRILLBIT_CONTENT": str(link)})
    assert refused.stderr.splitlines()[0] == (
        f"drillbit: {link} {words} (--content or DRILLBIT_CONTENT); its cards are not loaded"
    )
    assert "no such" not in listed.stderr + linted.stderr + refused.stderr
    assert not gone.exists() and link.is_symlink()


def test_a_folder_under_a_link_to_nothing_names_that_link(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    mount = tmp_path / "media" / "usb"
    link = tmp_path / "usb"
    link.symlink_to(mount)
    listed = drillbit("--content", str(link / "notes"), "list")
    assert listed.stderr.splitlines() == [
        f"{link / 'notes'}: content folder is under {link}, a symbolic link to {mount}, "
        "which is not there (a drive not mounted?)"
    ]


def test_a_folder_simply_not_there_is_still_no_such_folder(
    drillbit: RunDrillbit, tmp_path: Path
) -> None:
    gone = tmp_path / "gone"
    listed = drillbit("--content", str(gone), "list")
    assert listed.stderr.splitlines() == [f"no such content folder: {gone}"]
