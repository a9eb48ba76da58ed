"""`drillbit lint` names a symbolic link where it sits (the file the author made), never
where it points, and a link loop is one problem line per file, not a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import RunDrillbit


def _lines(result_stdout: str) -> list[str]:
    return [line for line in result_stdout.splitlines() if line]


def test_a_link_loop_is_one_problem_per_file_in_every_format(
    mini_bank: Path, drillbit: RunDrillbit
) -> None:
    pack = mini_bank / "mini"
    (pack / "basics" / "loop-b.md").symlink_to("loop-a.md")
    (pack / "basics" / "loop-a.md").symlink_to("loop-b.md")
    text = drillbit("lint", "--no-drills", str(mini_bank), cwd=pack)
    assert text.returncode == 1, text.stderr
    assert "Traceback" not in text.stderr
    assert _lines(text.stdout) == [
        "basics/loop-a.md:1:1: card file: a symbolic link loop [unreadable]",
        "basics/loop-b.md:1:1: card file: a symbolic link loop [unreadable]",
    ]
    github = drillbit("lint", "--no-drills", str(mini_bank), "--format", "github", cwd=pack)
    assert github.returncode == 1, github.stderr
    assert [line.split(",")[0] for line in _lines(github.stdout)] == [
        "::error file=basics/loop-a.md",
        "::error file=basics/loop-b.md",
    ]
    report = drillbit("lint", "--no-drills", str(mini_bank), "--format", "json", cwd=pack)
    assert report.returncode == 1, report.stderr
    shown = [(p["path"], p["message"]) for p in json.loads(report.stdout)["problems"]]
    assert shown == [
        ("basics/loop-a.md", "card file: a symbolic link loop"),
        ("basics/loop-b.md", "card file: a symbolic link loop"),
    ]


def test_a_loop_given_as_a_path_is_called_a_loop(mini_bank: Path, drillbit: RunDrillbit) -> None:
    pack = mini_bank / "mini"
    (pack / "basics" / "loop-b.md").symlink_to("loop-a.md")
    (pack / "basics" / "loop-a.md").symlink_to("loop-b.md")
    (pack / "basics" / "dangling.md").symlink_to("nothing.md")
    result = drillbit("lint", "basics/loop-a.md", cwd=pack)
    assert result.returncode == 2
    assert "a symbolic link loop: basics/loop-a.md" in result.stderr
    assert "no such file" not in result.stderr
    result = drillbit("lint", "basics/dangling.md", cwd=pack)
    assert "a broken symbolic link: basics/dangling.md" in result.stderr


def test_links_are_named_where_they_sit(mini_bank: Path, drillbit: RunDrillbit) -> None:
    pack = mini_bank / "mini"
    basics = pack / "basics"
    (basics / "dangling.md").symlink_to("basics/nonexist.md")
    (basics / "up.md").symlink_to("../")
    (basics / "alias.md").symlink_to("sigmoid-bound.md")
    for output_format in ("text", "github", "json"):
        result = drillbit(
            "lint", "--no-drills", str(mini_bank), "--format", output_format, cwd=pack
        )
        assert result.returncode == 1, result.stderr
        if output_format == "json":
            named = [p["path"] for p in json.loads(result.stdout)["problems"]]
        elif output_format == "github":
            named = [line.split(",")[0].split("=")[1] for line in _lines(result.stdout)]
        else:
            named = [line.split(":")[0] for line in _lines(result.stdout)]
        assert named == ["basics/alias.md", "basics/dangling.md", "basics/up.md"], output_format
    # Linting the link alone (as pre-commit passes it) reports the link's own problem.
    alone = drillbit("lint", "--no-drills", "basics/alias.md", cwd=pack)
    assert _lines(alone.stdout) == [
        "basics/alias.md:2:1: id 'sigmoid-bound' must equal the file name 'alias' [id-file-name]"
    ]
