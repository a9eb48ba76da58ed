"""A `.md` file directly in a pack folder is read by the load (a card there is reported
`misplaced`, a README is not) but was not looked at by the index's stat walk: one added or
removed stayed hidden behind the remembered index until something else changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from quiz.bank import cachefile
from tests.bank.edits import index_loaded
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _told(root: Path) -> tuple[str | None, bool]:
    """The summary the card index gives (what `list` and Home say), and whether the
    remembered index answered (no load)."""
    index, loaded = index_loaded([root])
    return index.summary, not loaded


def test_a_card_put_beside_pack_yaml_is_seen_added_and_removed(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    assert _told(root)[0] is None
    assert _told(root) == (None, True)  # remembered
    card = sorted(root.glob("mini/*/*.md"))[0]
    stray = root / "mini" / "stray-card.md"
    shutil.copy(card, stray)
    summary, remembered = _told(root)
    assert not remembered and summary is not None and "stray-card.md" in summary
    assert "misplaced" in summary
    assert _told(root) == (summary, True)  # the new walk remembered with it
    stray.unlink()
    assert _told(root) == (None, False)
    assert _told(root) == (None, True)


def test_a_readme_beside_pack_yaml_that_becomes_a_card_is_seen(tmp_path: Path) -> None:
    """A README is no card (not reported); once its front matter has a `kind` it is."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    readme = root / "mini" / "README.md"
    readme.write_text("# The mini pack\n\nThree cards for the tests.\n", encoding="utf-8")
    assert _told(root)[0] is None
    assert _told(root) == (None, True)
    card = sorted(root.glob("mini/*/*.md"))[0]
    readme.write_text(card.read_text(encoding="utf-8"), encoding="utf-8")
    summary, remembered = _told(root)
    assert not remembered and summary is not None and "README.md" in summary


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_linked_readme_beside_pack_yaml_is_remembered(tmp_path: Path) -> None:
    """A README.md beside pack.yaml that links to the pack's guide: each start was a full
    load (the walk never vouched for a link); now the second reads the index only, and a
    guide that becomes a card is still seen through the link."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    guide = root / "mini" / "docs" / "pages" / "guide.md"  # below a folder: no card
    guide.parent.mkdir(parents=True)
    guide.write_text("# The mini pack\n\nThree cards for the tests.\n", encoding="utf-8")
    (root / "mini" / "README.md").symlink_to(Path("docs") / "pages" / "guide.md")
    assert _told(root) == (None, False)
    assert _told(root) == (None, True)  # the index alone
    card = sorted(root.glob("mini/*/*.md"))[0]
    guide.write_text(card.read_text(encoding="utf-8"), encoding="utf-8")
    summary, remembered = _told(root)
    assert not remembered and summary is not None and "README.md" in summary
    assert _told(root) == (summary, True)
