"""A FILE given to `grade`, `watch`, `import` or `import-progress` that is a symbolic link
to nothing is named as such, with where it points.

Click said "File '...' does not exist" of a name `ls` lists; `grade`'s hint then sent the
person to `watch`, which failed "cannot write the starter ...: No such file or directory".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RunDrillbit


@pytest.mark.parametrize(
    ("command", "argument"),
    [
        (("grade", "sigmoid"), "FILE"),
        (("watch", "sigmoid"), "FILE"),
        (("import",), "NOTES"),
        (("import-progress",), "FILE"),
    ],
)
def test_a_link_to_nothing_is_named_with_where_it_points(
    drillbit: RunDrillbit, tmp_path: Path, command: tuple[str, ...], argument: str
) -> None:
    gone = tmp_path / "usb" / "answer.py"
    link = tmp_path / "answer.py"
    link.symlink_to(gone)
    refused = drillbit(*command, str(link))
    assert refused.returncode == 2
    assert refused.stderr.splitlines()[0] == (
        f"drillbit: Invalid value for '{argument}': '{link}' is a symbolic link to {gone}, "
        "which is not there (a drive not mounted, a file moved?)"
    )
    assert not gone.exists() and link.is_symlink()  # nothing written through it
