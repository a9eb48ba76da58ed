"""A command run without the file it reads or writes says what the file is for and gives a
line that names one, as `grade` and `show` do: `import`, `export anki`, `export progress`
and `import-progress` said only Click's "Missing argument 'FILE'."."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (
            ("import",),
            "Missing argument 'NOTES'. The Markdown notes to make cards of: "
            "`drillbit import NOTES.md --pack my-notes`.",
        ),
        (
            ("export", "anki"),
            "Missing argument 'FILE'. The deck to write: `drillbit export anki deck.apkg`.",
        ),
        (
            ("export", "progress"),
            "Missing argument 'FILE'. The backup to write: `drillbit export progress "
            "progress.json` (`-` for standard output).",
        ),
        (
            ("import-progress",),
            "Missing argument 'FILE'. The backup to merge, one `drillbit export progress "
            "FILE` wrote: `drillbit import-progress progress.json`.",
        ),
    ],
)
def test_a_missing_file_is_said_with_what_it_is_for(
    drillbit: RunDrillbit, tmp_path: Path, typed: tuple[str, ...], said: str
) -> None:
    told = drillbit(*typed, cwd=tmp_path)
    assert told.returncode == 2 and told.stdout == ""
    assert told.stderr.splitlines()[0] == f"drillbit: {said}"
    assert "Traceback" not in told.stderr
    assert list(tmp_path.iterdir()) == [], "nothing written"


def test_the_usage_line_still_names_the_file_as_required(drillbit: RunDrillbit) -> None:
    """The message is the type's; the argument stays required: `FILE`, not `[FILE]`."""
    helped = drillbit("export", "anki", "--help")
    assert helped.stdout.startswith("Usage: drillbit export anki [OPTIONS] FILE\n")
