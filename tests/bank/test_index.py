"""The card index equals what a full load keeps, and is only remembered for unchanged files."""

from __future__ import annotations

import marshal
import os
import shutil
from pathlib import Path

import pytest

from quiz.bank import cachefile, index
from quiz.bank.index import CardRef, card_index, refs_of
from quiz.bank.loader import load_bank
from quiz.bank.sources import bundled_content_dir
from tests.bank.edits import index_loaded, refuse_full_loads
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the index be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _full(roots: list[Path]) -> tuple[CardRef, ...]:
    return refs_of(load_bank(roots, use_cache=False))


def _bank(tmp_path: Path) -> Path:
    """Two packs: the mini bank and a copy under another name, plus a pack with problems."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    shutil.copytree(root / "mini", root / "second")
    (root / "second" / "pack.yaml").write_text(
        "title: Second\ndescription: A copy.\nversion: 1.0.0\n", encoding="utf-8"
    )
    return root


def test_the_index_is_what_a_full_load_keeps_and_is_then_remembered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = [bundled_content_dir(), _bank(tmp_path)]
    expected = _full(roots)
    assert len(expected) > 40 and len({r.id for r in expected}) == len(expected)
    assert card_index(roots) == expected  # a full load, remembered
    assert index.index_path(roots).is_file()
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        assert card_index(roots) == expected  # from the remembered index


def test_a_changed_added_or_removed_card_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    roots = [root]
    card_index(roots)
    card = sorted(root.glob("mini/*/*.md"))[0]
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    changed = card_index(roots)
    assert changed == _full(roots) and any(r.title.startswith("Renamed ") for r in changed)
    extra = card.with_name("brand-new.md")
    extra.write_text(text.replace(f"id: {card.stem}", "id: brand-new", 1), encoding="utf-8")
    added = card_index(roots)
    assert added == _full(roots) and "brand-new" in {r.id for r in added}
    extra.unlink()
    card.unlink()
    removed = card_index(roots)
    assert removed == _full(roots) and card.stem not in {r.id for r in removed}
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        assert card_index(roots) == removed


def test_broken_duplicate_and_misplaced_files_index_as_a_load_does(tmp_path: Path) -> None:
    root = _bank(tmp_path)
    topic = root / "mini" / "basics"
    shutil.copy(DATA / "bad_cards" / "invalid-yaml.md", topic / "invalid-yaml.md")
    dup = sorted(topic.glob("*.md"))[0]
    (root / "second" / topic.name / "zz-dup.md").write_text(
        dup.read_text(encoding="utf-8"), encoding="utf-8"
    )
    (root / "mini" / "stray.md").write_text("not a card\n", encoding="utf-8")
    (root / "mini" / topic.name / ".hidden.md").write_text("hidden\n", encoding="utf-8")
    shutil.copytree(root / "mini", root / "mini-again")  # same ids in a third pack
    roots = [root]
    first = card_index(roots)
    assert first == _full(roots)
    assert card_index(roots) == first
    (root / "second" / "pack.yaml").write_text("title: [broken\n", encoding="utf-8")
    assert card_index(roots) == _full(roots)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_symbolic_link_outside_is_remembered_with_its_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link the load refuses (`link-outside`) is remembered with that problem; pointed
    back inside, the load is done again (each start was a full load)."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    card = sorted(root.glob("mini/*/*.md"))[0]
    inside = root / "mini" / ".drafts" / card.name  # hidden: never loaded itself
    inside.parent.mkdir()
    shutil.move(card, inside)
    outside = tmp_path / card.name
    outside.write_text(inside.read_text(encoding="utf-8"), encoding="utf-8")
    card.symlink_to(outside)
    roots = [root]
    first, loaded = index.bank_index(roots)
    assert loaded is not None and first.refs == _full(roots)
    assert first.summary is not None and "[link-outside]" in first.summary
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        again, loaded = index.bank_index(roots)
        assert loaded is None and again.summary == first.summary
    card.unlink()
    card.symlink_to(inside)  # the same name, now a link inside the pack
    moved, read = index_loaded(roots)
    assert read and moved.summary is None and moved.refs == _full(roots)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_to_a_card_inside_the_pack_is_remembered_and_follows_its_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A card kept in `.drafts/` and linked into its topic: the second start reads the index
    only, and an edit of the target (not of the link) is seen."""
    root = _bank(tmp_path)
    card = sorted(root.glob("mini/*/*.md"))[0]
    target = root / "mini" / ".drafts" / card.name
    target.parent.mkdir()
    shutil.move(card, target)
    card.symlink_to(Path("..") / ".drafts" / card.name)
    pack_file = root / "mini" / "pack.yaml"
    shutil.move(pack_file, target.parent / "pack.yaml")
    pack_file.symlink_to(Path(".drafts") / "pack.yaml")
    roots = [root]
    assert card_index(roots) == _full(roots)
    with monkeypatch.context() as patched:
        refuse_full_loads(patched)
        assert card_index(roots) == _full(roots)
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    edited = card_index(roots)
    assert edited == _full(roots) and any(r.title.startswith("Edited ") for r in edited)
    shown = (target.parent / "pack.yaml").read_text(encoding="utf-8")
    (target.parent / "pack.yaml").write_text(
        shown.replace("title: Mini", "title: Retitled"), encoding="utf-8"
    )
    assert index.bank_index(roots)[0].pack_titles["mini"] == "Retitled"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_loop_or_a_broken_link_is_a_full_load_every_time(tmp_path: Path) -> None:
    root = _bank(tmp_path)
    loop = root / "mini" / "basics" / "loop.md"
    loop.symlink_to(loop)
    broken = root / "mini" / "gone.md"
    broken.symlink_to(root / "mini" / "nowhere.md")
    roots = [root]
    for _ in range(2):
        found, loaded = index.bank_index(roots)
        assert loaded is not None and found.refs == _full(roots)
        assert found.summary is not None and "loop.md" in found.summary
    assert not index.index_path(roots).exists()


def test_the_cache_turned_off_or_a_damaged_index_file_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = [_bank(tmp_path)]
    expected = card_index(roots)
    path = index.index_path(roots)
    path.write_bytes(path.read_bytes()[:-20])  # cut short: the digest no longer matches
    assert card_index(roots) == expected
    monkeypatch.setenv(cachefile.CACHE_ENV, "0")
    path.unlink()
    assert card_index(roots) == expected
    assert not path.exists()


def test_the_remembered_refs_read_back_exactly_whatever_their_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = [tmp_path / "content"]
    refs = (
        CardRef("a", "p", "t", "concept", "Ünïcode — title, with: punctuation", ("x", "y-z")),
        CardRef("b", "p", "t", "coding", "no tags", ()),
        CardRef("c", "q", "u", "choice", "same tags", ("x", "y-z")),
        CardRef("d", "q", "u", "numeric", "separators \x1e \x1f \0 and a\nline", ("", "\x1e")),
    )
    remembered = index.BankIndex(refs, {"p": "P \x1f", "q": "Q"}, {"p": tmp_path}, (tmp_path,))
    inputs = index._inputs_of(1, "root\0somewhere")
    index._write(roots, inputs, remembered)
    found = index._read(roots, inputs)
    assert found == remembered and all(type(ref) is CardRef for ref in found.refs)
    assert index._read(roots, index._inputs_of(1, "root\0elsewhere")) is None  # other inputs
    monkeypatch.setattr(cachefile, "code_stamp", lambda: "another code")
    assert index._read(roots, inputs) is None


def test_an_index_file_of_another_shape_or_format_is_a_miss(tmp_path: Path) -> None:
    root = _bank(tmp_path)
    first = card_index([root])  # remembered
    path = index.index_path([root])
    data = marshal.loads(cachefile.unseal(path.read_bytes()) or b"")
    assert data[0] == index.FORMAT
    for odd in (
        cachefile.seal(marshal.dumps(data[:-1])),  # a field short
        cachefile.seal(marshal.dumps((index.FORMAT - 1, *data[1:]))),  # another format
        cachefile.seal(b"not marshal data"),
        cachefile.encode_file({"format": 3, "refs": ""}),  # the JSON of the third format
    ):
        path.write_bytes(odd)
        assert card_index([root]) == first  # a full load, not a wrong index
        assert marshal.loads(cachefile.unseal(path.read_bytes()) or b"") == data  # rewritten
