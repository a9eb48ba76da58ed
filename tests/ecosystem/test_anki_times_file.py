"""The Anki export's times file (`quiz/ecosystem/anki_times.py`) on disk: written only when
a time changed, into folders not made yet, never as half a file or a stray temp file, and
a file that is JSON but no object is one clear error. Each test kills a forty-sixth round
mutant the export's tests let pass."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quiz.ecosystem.anki_times import ContentTimes
from quiz.errors import DrillbitError

HAND_WRITTEN = '{"a": {"hash": "h", "mod": 100, "type": 7}}'


def test_an_export_that_changed_no_time_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """`_changed` starting True, or `save`'s test never taken, rewrote it every export."""
    path = tmp_path / "times.json"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    times = ContentTimes(path)
    assert times.stamp("a", "h", 500) == 100
    assert times.retype("a", 7) is None

    times.save()

    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_nothing_stamped_writes_no_file(tmp_path: Path) -> None:
    ContentTimes(tmp_path / "data" / "times.json").save()
    assert list(tmp_path.iterdir()) == []


def test_a_second_save_with_nothing_new_does_not_write_again(tmp_path: Path) -> None:
    """`_changed` left True after a save (False made True) wrote the same times again."""
    path = tmp_path / "times.json"
    times = ContentTimes(path)
    times.stamp("a", "h", 100)
    times.save()
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": {"hash": "h", "mod": 100}}
    path.unlink()

    times.save()

    assert not path.exists()


def test_the_times_go_into_folders_not_made_yet(tmp_path: Path) -> None:
    """A data folder two levels from anything there (mkdir dropped, or without parents)."""
    path = tmp_path / "new" / "home" / "anki-export-times.json"
    times = ContentTimes(path)
    times.stamp("a", "h", 100)

    times.save()

    assert ContentTimes(path).stamp("a", "h", 900) == 100


def test_a_failed_save_keeps_the_old_file_and_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rename refused (a full disk, a read-only folder): the old times stay whole and
    the temp file is taken away (its unlink dropped left `.anki-times-*` behind)."""
    path = tmp_path / "times.json"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    times = ContentTimes(path)
    times.stamp("a", "new", 500)

    def refused(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refused)
    with pytest.raises(OSError, match="No space left"):
        times.save()
    monkeypatch.undo()

    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["times.json"]


@pytest.mark.parametrize("text", ["[]", '"times"', "3", "null"])
def test_a_times_file_that_is_json_but_no_object_is_one_clear_error(
    tmp_path: Path, text: str
) -> None:
    """The object test never taken raised AttributeError (`list` has no `items`)."""
    path = tmp_path / "times.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(DrillbitError) as raised:
        ContentTimes(path)

    assert raised.value.message == (
        f"{path} is not a drillbit Anki times file; delete it (the next export then stamps "
        "every note as changed)"
    )
