"""The card cache: a second load is served from it, and it never hides a change or a problem."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, parse
from quiz.bank.loader import Bank, load_bank


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let the cache store them anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file that is parsed from scratch (a cache miss)."""
    parsed: list[Path] = []
    real = parse.parse_card_data

    def spy(text: str, path: Path, pack: str, topic: str | None = None, **options: Any) -> Any:
        parsed.append(path)
        return real(text, path, pack, topic, **options)

    monkeypatch.setattr(parse, "parse_card_data", spy)
    return parsed


def _snapshot(bank: Bank) -> list[tuple[Any, ...]]:
    return [(c.front, c.sections, c.path, c.pack, c.hints, c.starter, c.lines) for c in bank.cards]


def _a_card(root: Path) -> Path:
    """The first card file of the bank (root/<pack>/<topic>/<id>.md)."""
    return sorted(root.glob("*/*/*.md"))[0]


def test_second_load_is_identical_and_parses_nothing(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bank([mini_bank])
    assert first.cards and not first.problems
    parsed = _forbid_parsing(monkeypatch)
    second = load_bank([mini_bank])
    assert parsed == []
    assert _snapshot(second) == _snapshot(first)
    assert [type(c.front) for c in second.cards] == [type(c.front) for c in first.cards]


def test_a_changed_file_is_parsed_again_and_its_problem_reported(mini_bank: Path) -> None:
    load_bank([mini_bank])
    card = _a_card(mini_bank)
    card.write_text(card.read_text(encoding="utf-8").replace("difficulty:", "difficult:", 1))
    bank = load_bank([mini_bank])
    assert card in bank.broken_files
    assert any(p.path == card and p.code == "unknown-key" for p in bank.problems)
    again = load_bank([mini_bank])  # the broken file was not cached: same problems
    assert again.problems == bank.problems


def test_removed_and_added_files_are_seen(mini_bank: Path) -> None:
    before = load_bank([mini_bank])
    card = _a_card(mini_bank)
    removed_id = card.stem
    text = card.read_text(encoding="utf-8")
    card.unlink()
    after = load_bank([mini_bank])
    assert removed_id not in after.by_id()
    assert len(after.cards) == len(before.cards) - 1
    card.write_text(text, encoding="utf-8")
    assert removed_id in load_bank([mini_bank]).by_id()


def test_a_corrupt_cache_file_is_ignored(mini_bank: Path) -> None:
    first = load_bank([mini_bank])
    files = [
        *cachefile.cache_dir().glob("pack-*.json"),
        *cachefile.cache_dir().glob("cards-*.json"),
    ]
    assert len(files) == 2  # the pack's file and its one topic's
    for path in files:
        path.write_text("{not json", encoding="utf-8")
    assert _snapshot(load_bank([mini_bank])) == _snapshot(first)
    for path in files:
        data = cachefile.decode_file(path.read_bytes())  # rewritten whole
        assert data["stamp"] == cachefile.code_stamp()


def test_another_code_stamp_discards_every_entry(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bank([mini_bank])
    folder = cachefile.cache_dir()
    for path in [*folder.glob("pack-*.json"), *folder.glob("cards-*.json")]:
        data = cachefile.decode_file(path.read_bytes())
        data["stamp"] = "older code"
        path.write_bytes(cachefile.encode_file(data))
    parsed = _forbid_parsing(monkeypatch)
    bank = load_bank([mini_bank])
    assert len(parsed) == len(bank.cards) > 0


@pytest.mark.parametrize("package", ["markdown", "mathtext"])
def test_the_code_stamp_reads_every_module_of_the_markdown_and_math_readers(
    package: str,
) -> None:
    """The Markdown reader and the math converter are packages: an edit to any of their
    modules (a `$` rule, a section shortcut, a LaTeX rule) changes what a card parses to,
    so each must be in the stamp."""
    modules = sorted((Path(cachefile.__file__).resolve().parent / package).glob("*.py"))
    assert len(modules) > 1
    assert set(modules) <= set(cachefile.stamped_files())


UNSTAMPED = {
    "parallel.py": "splits the parsing between processes, never what a card parses to",
    "dists.py": "reads library versions, which the stamp takes by name",
    "sources.py": "finds the content folders and says why a path is not one, never a card's parse",
}
"""Modules of quiz.bank a stamped module imports that change nothing a card parses to."""


def _bank_imports(path: Path) -> set[Path]:
    """The quiz.bank modules (files) `path` imports, at its top or inside a function."""
    bank = Path(cachefile.__file__).resolve().parent
    found: set[Path] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("quiz.bank"):
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names if alias.name.startswith("quiz.bank")]
        for name in names:
            parts = name.split(".")[2:]
            if not parts:  # quiz.bank itself
                continue
            relative = Path(*parts)
            for candidate in (bank / relative.with_suffix(".py"), bank / relative / "__init__.py"):
                if candidate.is_file():
                    found.add(candidate.resolve())
    return found


def test_the_code_stamp_reads_every_bank_module_the_parsing_imports() -> None:
    """An edit to any module the card reader uses (a math symbol, a number's form, a lint
    rule's sentence count) changes what a card parses to: the stamp must read it, or the
    cache hands back the old parse. mathsymbols.py was missed when the math converter
    became a package."""
    stamped = {path.resolve() for path in cachefile.stamped_files()}
    todo, reached = list(stamped), set(stamped)
    while todo:
        for module in _bank_imports(todo.pop()) - reached:
            reached.add(module)
            todo.append(module)
    unstamped = {path.name for path in reached - stamped}
    assert unstamped == set(UNSTAMPED)


def test_files_changed_just_now_are_not_stored(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 3600.0)
    load_bank([mini_bank])
    parsed = _forbid_parsing(monkeypatch)
    bank = load_bank([mini_bank])
    assert len(parsed) == len(bank.cards) > 0


def test_the_cache_can_be_turned_off(mini_bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cachefile.CACHE_ENV, "0")
    load_bank([mini_bank])
    assert not cachefile.cache_dir().exists()
    assert load_bank([mini_bank], use_cache=True).cards
    assert list(cachefile.cache_dir().glob("cards-*.json"))


def test_every_kind_of_the_bundled_bank_is_cached_and_rebuilt_equal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from quiz.bank.sources import bundled_content_dir

    roots = [bundled_content_dir()]
    first = load_bank(roots)
    assert {c.kind for c in first.cards} == {"concept", "choice", "numeric", "coding"}
    parsed = _forbid_parsing(monkeypatch)
    second = load_bank(roots)
    assert parsed == []
    assert _snapshot(second) == _snapshot(first)
    for old, new in zip(first.cards, second.cards, strict=True):
        assert type(new.front) is type(old.front)
        assert dataclasses.asdict(new.front) == dataclasses.asdict(old.front)


def test_a_warm_load_needs_no_yaml_and_a_broken_pack_file_is_reported_again(
    mini_bank: Path,
) -> None:
    import subprocess
    import sys

    load_bank([mini_bank])
    code = (
        "import sys; from pathlib import Path; from quiz.bank.loader import load_bank; "
        f"bank = load_bank([Path({str(mini_bank)!r})]); "
        "assert bank.cards and not bank.problems; assert 'yaml' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    pack_file = next(mini_bank.glob("*/pack.yaml"))
    pack_file.write_text("title: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        bank = load_bank([mini_bank])
        assert any(p.path == pack_file and p.code == "yaml" for p in bank.problems)


def test_an_edited_record_is_a_miss_not_served(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_bank([mini_bank])
    (path,) = cachefile.cache_dir().glob("cards-*.json")
    raw = path.read_bytes()
    title = first.cards[0].title
    assert title.encode() in raw
    path.write_bytes(raw.replace(title.encode(), b"Edited in the cache", 1))
    parsed = _forbid_parsing(monkeypatch)
    again = load_bank([mini_bank])
    assert len(parsed) == len(again.cards), "the digest no longer matches: every card is parsed"
    assert _snapshot(again) == _snapshot(first)
    assert all(card.title != "Edited in the cache" for card in again.cards)


@pytest.mark.parametrize("kind", ["fifo", "symlink", "folder"])
def test_anything_but_a_regular_cache_file_is_a_miss(
    mini_bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    import os

    first = load_bank([mini_bank])
    (path,) = cachefile.cache_dir().glob("cards-*.json")
    real = tmp_path / "elsewhere.json"
    real.write_bytes(path.read_bytes())  # a valid cache file, but not at the cache path
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink":
        path.symlink_to(real)
    else:
        path.mkdir()
    parsed = _forbid_parsing(monkeypatch)
    again = load_bank([mini_bank])  # a FIFO would block a plain open forever
    assert len(parsed) == len(again.cards) > 0
    assert _snapshot(again) == _snapshot(first)
    if kind != "folder":
        assert path.is_file() and not path.is_symlink(), "replaced by a file it wrote"
        assert cachefile.decode_file(path.read_bytes())["stamp"] == cachefile.code_stamp()


def test_only_front_matter_data_json_gives_back_exactly_is_stored(mini_bank: Path) -> None:
    """A record keeps the YAML data and a hit validates it again: data JSON would change
    (a date, a set, a number as a key, an infinite float) is not stored at all."""
    import datetime
    import math

    from quiz.bank.cache import _card_record, _json_exact

    card = load_bank([mini_bank]).cards[0]
    plain = {"a": ["x", 1, 2.5, True, None, {"b": -0.0}], "c": 10**30}
    assert _json_exact(plain) and _card_record(card, (1, 2, 3, 4), plain, False) is not None
    for odd in (datetime.date(2024, 1, 1), {1: "x"}, {"x"}, math.inf, math.nan, ("t",), b"b"):
        assert not _json_exact({"a": [odd]})
        assert _card_record(card, (1, 2, 3, 4), {"a": [odd]}, False) is None


def _two_topics(mini_bank: Path) -> Path:
    """The mini bank with a second topic folder (a copy of its cards, renamed)."""
    (topic,) = [p for p in next(mini_bank.iterdir()).iterdir() if p.is_dir()]
    other = topic.with_name("second")
    other.mkdir()
    for path in topic.glob("*.md"):
        text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: b-{path.stem}")
        text = text.replace(f"topic: {topic.name}", "topic: second")
        (other / f"b-{path.name}").write_text(text, encoding="utf-8")
    return other


def test_each_topic_has_its_own_file_and_a_lookup_reads_only_its_topic(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from quiz.bank.cache import PackCache, small_pack_cache, topic_cache_path

    other = _two_topics(mini_bank)
    first = load_bank([mini_bank])
    assert len(first.cards) == 2 * len(list(other.glob("*.md")))
    pack_dir = other.parent
    cache = PackCache(pack_dir)
    files = {t: topic_cache_path(cache.path, t) for t in ("second", first.cards[0].topic)}
    assert all(path.is_file() for path in files.values())
    files[first.cards[0].topic].write_text("{damaged", encoding="utf-8")  # never read below
    card = next(c for c in first.cards if c.topic == "second")
    stat = card.path.stat()
    found = small_pack_cache(pack_dir, 1024 * 1024).lookup(
        f"second/{card.path.name}", cachefile.file_key(stat), card.path, card.pack
    )
    assert found == card
    # a topic file over the limit is not read: a miss, the card is parsed
    small = small_pack_cache(pack_dir, 16)
    key = cachefile.file_key(stat)
    assert small.lookup(f"second/{card.path.name}", key, card.path, card.pack) is None
    # a topic with no card left loses its file at the next load
    for path in other.glob("*.md"):
        path.unlink()
    other.rmdir()
    load_bank([mini_bank])
    assert not files["second"].exists()


def _large_topic(mini_bank: Path, cards: int, answer_bytes: int) -> Path:
    """A topic folder `large` of `cards` concept cards, each with an answer of about
    `answer_bytes` characters (clean cards: each is cached)."""
    pack = next(mini_bank.iterdir())
    folder = pack / "large"
    folder.mkdir()
    sentence = "The step size scales the gradient before it moves the weights. "
    answer = (sentence * (answer_bytes // len(sentence))).strip()
    for number in range(cards):
        card_id = f"large-{number:03d}"
        (folder / f"{card_id}.md").write_text(
            f"---\nid: {card_id}\nkind: concept\ntitle: Large card {number}\ntopic: large\n"
            "tags: [large]\ndifficulty: 2\nsource: tests\n"
            "key_points: [The step size, scales the gradient, before the weights move]\n"
            "---\n\n"
            f"## Question\n\nWhat does large card {number} say?\n\n## Answer\n\n{answer}\n",
            encoding="utf-8",
        )
    return folder


def test_a_topic_file_is_written_a_card_at_a_time(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing a topic's cache file holds about one card's record, not the topic's text
    again (encoded whole, 300 MB of cards peaked at 930 MB in `drillbit lint`)."""
    import tracemalloc

    from quiz.bank import cache

    cards, answer_bytes = 32, 256 * 1024
    _large_topic(mini_bank, cards, answer_bytes)
    peaks: list[int] = []
    real_write = cache.PackCache._write

    def measured(path: Path, payload: dict[str, Any]) -> None:
        tracemalloc.start()
        try:
            real_write(path, payload)
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()

    monkeypatch.setattr(cache.PackCache, "_write", staticmethod(measured))
    first = load_bank([mini_bank])
    assert len(first.cards) == cards + 3 and not first.problems
    topic_text = cards * answer_bytes
    assert max(peaks) < topic_text // 4, (max(peaks), topic_text)
    # what was written in pieces is read back whole: the next load parses nothing
    monkeypatch.setattr(cache.PackCache, "_write", staticmethod(real_write))
    parsed = _forbid_parsing(monkeypatch)
    assert _snapshot(load_bank([mini_bank])) == _snapshot(first)
    assert parsed == []


def test_a_topic_file_is_read_with_one_copy_of_its_bytes_at_a_time(mini_bank: Path) -> None:
    """Reading a topic's cache file lets its bytes go before their JSON is parsed: about
    twice the file at the most (the bytes were copied and kept while parsing: four times)."""
    import tracemalloc

    from quiz.bank import cache

    folder = _large_topic(mini_bank, 32, 256 * 1024)
    load_bank([mini_bank])
    pack_cache = cache.PackCache(folder.parent)
    size = cache.topic_cache_path(pack_cache.path, "large").stat().st_size
    card = sorted(folder.glob("*.md"))[0]
    key = cachefile.file_key(card.stat())
    tracemalloc.start()
    try:
        found = pack_cache.lookup(f"large/{card.name}", key, card, "mini")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found is not None
    assert peak < 3 * size, (peak, size)


def test_a_topic_file_over_the_limit_is_not_written(
    mini_bank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A topic's file that a load would refuse to read (over CACHE_LIMIT) is never written,
    and no partial file is left: its cards are parsed each time, the others still cached."""
    from quiz.bank import cache

    _large_topic(mini_bank, 8, 16 * 1024)
    monkeypatch.setattr(cache, "CACHE_LIMIT", 64 * 1024)
    first = load_bank([mini_bank])
    pack_cache = cache.PackCache(next(mini_bank.iterdir()))
    folder = pack_cache.path.parent
    assert not cache.topic_cache_path(pack_cache.path, "large").exists()
    assert cache.topic_cache_path(pack_cache.path, "basics").is_file()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
    parsed = _forbid_parsing(monkeypatch)
    assert _snapshot(load_bank([mini_bank])) == _snapshot(first)
    assert sorted(p.stem for p in parsed) == [f"large-{n:03d}" for n in range(8)]


def test_a_file_written_in_pieces_is_the_file_encoded_whole(tmp_path: Path) -> None:
    """The same bytes as `encode_file` (escapes, non-ASCII text, the values around the
    spread dict, small values written several at a time and large ones alone, an empty
    dict), so a reader cannot tell how it was written."""
    small = {f"t/{n}.md": {"text": 'x"\\\n\u00e9' * n, "key": [n, 2.5]} for n in range(300)}
    large = {f"u/{n}.md": {"text": "y" * (40_000 + n)} for n in range(5)}
    after = {f"v/{n}.md": {"n": n} for n in range(100)}
    for cards in (small | large | after, {}):
        payload: dict[str, Any] = {
            "stamp": "s",
            "pack": "/p/\u00e4",
            "cards": cards,
            "after": [None, True, {"k": "v"}],
        }
        target = tmp_path / "written"
        with target.open("wb") as handle:
            assert cachefile.write_sealed(handle, payload, spread="cards", limit=1 << 22)
        assert target.read_bytes() == cachefile.encode_file(payload)
        assert cachefile.decode_file(target.read_bytes()) == payload
