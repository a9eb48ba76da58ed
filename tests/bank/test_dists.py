"""quiz.bank.dists: the metadata folder listing agrees with importlib.metadata, or steps aside."""

from __future__ import annotations

import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from quiz.bank import cachefile, dists, sources


def test_versions_match_importlib_metadata_for_the_stamped_libraries() -> None:
    installed = dists.scan()
    assert installed is not None
    for dist in cachefile._STAMPED_DISTS:
        assert installed.versions[dists.normalize(dist)] == metadata.version(dist)


def _pack_dist(folder: Path, group: str = sources.ENTRY_POINT_GROUP) -> None:
    info = folder / "some_pack-1.2.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: some-pack\nVersion: 1.2\n")
    (info / "entry_points.txt").write_text(f"[{group}]\nsome = some_pack:CONTENT\n")


def test_a_package_naming_the_group_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = dists.scan()
    assert installed is not None
    assert not dists.registers(installed, sources.ENTRY_POINT_GROUP)
    _pack_dist(tmp_path)
    monkeypatch.setattr(sys, "path", [*sys.path, str(tmp_path)])
    installed = dists.scan()
    assert installed is not None
    assert installed.versions["some_pack"] == "1.2"
    assert dists.registers(installed, sources.ENTRY_POINT_GROUP)
    assert not dists.registers(installed, "another.group")


def test_a_zip_or_an_egg_on_the_path_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("x.txt", "x")
    monkeypatch.setattr(sys, "path", [*sys.path, str(archive)])
    assert dists.scan() is None
    monkeypatch.setattr(sys, "path", [*sys.path[:-1], str(tmp_path / "thing.egg")])
    assert dists.scan() is None


def test_another_distribution_finder_is_left_to_importlib_metadata(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Finder:
        @staticmethod
        def find_distributions(*_args: object, **_kwargs: object) -> list[object]:
            return []

    monkeypatch.setattr(sys, "meta_path", [*sys.meta_path, Finder])
    assert dists.scan() is None


def test_the_code_stamp_is_the_one_importlib_metadata_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fast = cachefile.code_stamp.__wrapped__()
    monkeypatch.setattr(dists, "scan", lambda: None)
    assert cachefile.code_stamp.__wrapped__() == fast
