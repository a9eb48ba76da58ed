"""The search index's Markdown parses kept beside the card cache (`quiz.search_texts`): a
second start parses nothing, an edited card's text is parsed again, and a damaged file is
rebuilt without a word."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import quiz.search_texts as search_texts
from quiz.bank.lazy import LazyBank
from quiz.bank.loader import load_bank
from quiz.cardtext import plain_text
from quiz.search import SearchIndex
from quiz.search_cache import ContentSearch
from quiz.search_texts import PlainTexts, cache_path
from tests.conftest import DATA

QUERIES = ("sigma", "σ", "peaks", "max(0, z)", "relu", "inference", "0.25", "frac", "z")
"""Words in titles, sections, math as Unicode and as LaTeX, and in plain text."""


def _bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(DATA / "tui_bank", root)
    return root


def _found(index: SearchIndex) -> list[list[tuple[str, float]]]:
    return [[(m.card.id, m.score) for m in index.search(query)] for query in QUERIES]


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text `quiz.search_texts` hands to the Markdown parser, in order."""
    parsed: list[str] = []

    def counted(text: str) -> str:
        parsed.append(text)
        return plain_text(text)

    monkeypatch.setattr(search_texts, "plain_text", counted)
    return parsed


def _texts_to_parse(root: Path) -> int:
    """How many distinct texts of the bank's index go through the parser (a `$` or `\\`)."""
    seen: set[str] = set()

    def seeing(text: str) -> str:
        seen.add(text)
        return plain_text(text)

    SearchIndex(load_bank([root]).cards, plain=seeing)
    return sum(1 for text in seen if "$" in text or "\\" in text)


def test_a_second_start_parses_nothing_and_finds_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _bank(tmp_path)
    parsed = _counting(monkeypatch)
    cards = load_bank([root]).cards
    plain = _found(SearchIndex(cards))

    opened = LazyBank.open([root])
    first = ContentSearch(lambda: opened).index()
    assert _found(first) == plain
    assert len(parsed) == _texts_to_parse(root) > 0  # each math text parsed once
    assert cache_path().is_file()

    parsed.clear()
    content = LazyBank.open([root])  # the next start: a new process's content
    again = ContentSearch(lambda: content).index()
    assert parsed == []  # every parse was kept
    assert _found(again) == plain


def test_an_edited_card_is_found_by_its_new_words_not_its_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _bank(tmp_path)
    texts = PlainTexts.load()
    SearchIndex(load_bank([root]).cards, plain=texts)
    texts.save()
    card = root / "mini" / "basics" / "sigmoid-bound.md"
    card.write_text(card.read_text(encoding="utf-8").replace("peaks", "crests"), encoding="utf-8")

    parsed = _counting(monkeypatch)
    edited = PlainTexts.load()
    index = SearchIndex(load_bank([root]).cards, plain=edited)
    assert [m.card.id for m in index.search("crests")] == ["sigmoid-bound"]
    assert index.search("peaks") == []
    assert len(parsed) == 1 and "crests" in parsed[0]  # only the edited text parsed again
    assert _found(index) == _found(SearchIndex(load_bank([root]).cards))


def test_an_edit_through_the_workspace_content_is_searched_anew(tmp_path: Path) -> None:
    """The app's path: the content read again after an edit (`LazyBank.refresh`) gets a new
    index whose kept texts are the new card's."""
    root = _bank(tmp_path)
    content = LazyBank.open([root])
    search = ContentSearch(lambda: content)
    assert [m.card.id for m in search.index().search("peaks")] == ["sigmoid-bound"]
    card = root / "mini" / "basics" / "sigmoid-bound.md"
    text = card.read_text(encoding="utf-8").replace("peaks", "crests")
    card.write_text(text + "\n", encoding="utf-8")  # another size: the walk sees the edit
    assert content.refresh()
    assert search.index().search("peaks") == []
    assert [m.card.id for m in search.index().search("crests")] == ["sigmoid-bound"]
    restarted = ContentSearch(lambda: LazyBank.open([root])).index()
    assert restarted.search("peaks") == []
    assert [m.card.id for m in restarted.search("crests")] == ["sigmoid-bound"]


def _cut_short(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _one_byte_changed(raw: bytes) -> bytes:
    at = raw.index(b"\n") + 10
    return raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1 :]


def _sealed_but_wrong(raw: bytes) -> bytes:
    from quiz.bank.cachefile import encode_file

    return encode_file({"stamp": search_texts.stamp(), "texts": ["not", "a", "dict"]})


def _sealed_lies(raw: bytes) -> bytes:
    """Sealed whole, its texts this build's, but stamped by other code: a miss."""
    from quiz.bank.cachefile import decode_file, encode_file

    return encode_file({**decode_file(raw), "stamp": "an older drillbit"})


def _json(raw: bytes) -> bytes:
    """The body alone, without its digest line: JSON, but not this code's file."""
    return raw.split(b"\n", 1)[1]


@pytest.mark.parametrize(
    "damage",
    [_cut_short, _one_byte_changed, _sealed_but_wrong, _sealed_lies, lambda raw: b"", _json],
    ids=["cut-short", "one-byte", "wrong-shape", "other-stamp", "empty", "plain-json"],
)
def test_a_damaged_file_is_rebuilt_silently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[bytes], bytes]
) -> None:
    root = _bank(tmp_path)
    expected = _found(SearchIndex(load_bank([root]).cards))
    ContentSearch(lambda: LazyBank.open([root])).index()
    path = cache_path()
    path.write_bytes(damage(path.read_bytes()))

    parsed = _counting(monkeypatch)
    rebuilt = ContentSearch(lambda: LazyBank.open([root])).index()
    assert _found(rebuilt) == expected
    assert len(parsed) == _texts_to_parse(root)  # every text parsed again
    parsed.clear()
    assert _found(ContentSearch(lambda: LazyBank.open([root])).index()) == expected
    assert parsed == []  # and the file written whole again


def test_a_kept_text_that_lies_is_not_read_unless_sealed(tmp_path: Path) -> None:
    """A hand-edited file (its digest line no longer its body's) is not believed."""
    root = _bank(tmp_path)
    ContentSearch(lambda: LazyBank.open([root])).index()
    path = cache_path()
    raw = path.read_bytes()
    head, body = raw.split(b"\n", 1)
    assert b"peaks" in body
    path.write_bytes(head + b"\n" + body.replace(b"peaks", b"lakes"))
    index = ContentSearch(lambda: LazyBank.open([root])).index()
    assert [m.card.id for m in index.search("peaks")] == ["sigmoid-bound"]
    assert index.search("lakes") == []


def test_a_cache_folder_that_cannot_be_written_costs_only_the_parse(tmp_path: Path) -> None:
    root = _bank(tmp_path)
    expected = _found(SearchIndex(load_bank([root]).cards))
    folder = cache_path().parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("a file where the cache folder goes", encoding="utf-8")
    texts = PlainTexts.load()
    assert _found(SearchIndex(load_bank([root]).cards, plain=texts)) == expected
    texts.save()  # no error
    assert folder.is_file()


def test_the_cache_off_writes_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRILLBIT_CACHE", "0")
    root = _bank(tmp_path)
    index = ContentSearch(lambda: LazyBank.open([root])).index()
    assert [m.card.id for m in index.search("σ")] == ["sigmoid-bound"]
    assert not cache_path().exists()


def test_the_file_holds_the_last_build_texts_only(tmp_path: Path) -> None:
    """An edited text's old parse is dropped at the next save: the file does not grow with
    every edit."""
    root = _bank(tmp_path)
    first = PlainTexts.load()
    SearchIndex(load_bank([root]).cards, plain=first)
    first.save()
    card = root / "mini" / "basics" / "sigmoid-bound.md"
    card.write_text(card.read_text(encoding="utf-8").replace("peaks", "crests"), encoding="utf-8")
    second = PlainTexts.load()
    SearchIndex(load_bank([root]).cards, plain=second)
    second.save()
    body = cache_path().read_bytes()
    assert b"crests" in body and b"peaks" not in body
    third = PlainTexts.load()
    SearchIndex(load_bank([root]).cards, plain=third)
    assert third.parsed == 0 and not third.changed
