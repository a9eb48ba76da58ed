"""A path whose `~` no shell expanded (`export progress '~/backups/x.json'`, quoted, or
from a script's variable): the export said "the folder ~ does not exist" and offered
`mkdir -p '~/backups'`, which makes a folder named `~` in the working folder, one a
later `rm -rf ~` meant for it would take the person's home with. It now says the `~` was
not expanded and gives the path in full; nothing is made."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("typed", "title", "file"),
    [
        (("export", "progress", "~/backups/x.json"), "export progress", "~/backups/x.json"),
        (("export", "anki", "~/x.apkg"), "export anki", "~/x.apkg"),
        (("watch", "sigmoid", "~/drills/sigmoid.py"), "watch", "~/drills/sigmoid.py"),
    ],
    ids=["progress", "anki", "watch"],
)
def test_a_quoted_tilde_is_told_with_the_whole_path(
    tmp_path: Path, drillbit: RunDrillbit, typed: tuple[str, ...], title: str, file: str
) -> None:
    work, home = tmp_path / "work", tmp_path / "home"
    work.mkdir()
    home.mkdir()
    result = drillbit(*typed, cwd=work, env={"HOME": str(home)})
    assert result.returncode == 1
    written = "the starter to " if title == "watch" else ""
    assert result.stderr.strip() == (
        f"drillbit: {title}: cannot write {written}{file}: its ~ was not expanded by a shell "
        f"(the path was quoted); write it as {home}{file[1:]}"
    )
    assert list(work.iterdir()) == [] and list(home.iterdir()) == []


def test_a_folder_named_tilde_made_on_purpose_is_written_into(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    (tmp_path / "~").mkdir()
    result = drillbit("export", "progress", "~/x.json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "~" / "x.json").is_file()
