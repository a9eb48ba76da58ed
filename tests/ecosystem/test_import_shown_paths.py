"""The import's card lines name each file as `display_path` would, folder by folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quiz.cli.context import display_path, display_paths


def test_shown_paths_are_display_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "content" / "p" / "t").mkdir(parents=True)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "t").mkdir(parents=True)
    (work / "content" / "linked").symlink_to(elsewhere)  # a topic folder reached by a link
    (elsewhere / "t" / "real.md").write_text("x", encoding="utf-8")
    (work / "content" / "p" / "t" / "link.md").symlink_to(elsewhere / "t" / "real.md")
    (work / "content" / "p" / "t" / "dangling.md").symlink_to(elsewhere / "t" / "none.md")
    monkeypatch.chdir(work)
    paths = [
        Path("content/p/t/a.md"),
        Path("content/p/t/link.md"),
        Path("content/p/t/dangling.md"),
        Path("content/linked/t/b.md"),
        Path("content/p/../p/t/c.md"),
        work / "content" / "p" / "t" / "d.md",
        tmp_path / "outside" / "e.md",
        Path("./content/new/t/f.md"),
        Path("g.md"),  # in the working directory itself, given or resolved
        work / "h.md",
        Path("../work/i.md"),
        Path("content/linked/j.md"),  # in a folder that is a link
        Path("/"),
    ]
    assert display_paths(paths) == [display_path(p) for p in paths]
    assert display_paths(paths)[0] == os.path.join("content", "p", "t", "a.md")
