"""The card index after card files changed: the files whose key is as it was are taken from
their remembered facts, the others read, and the checks across files made on them all.
What it gives must be a whole load's from scratch: the same cards in the same order, the
same problems at the same file:line, the same files that do not load."""

from __future__ import annotations

import marshal
from pathlib import Path
from typing import Any

import pytest

from quiz.bank import cachefile, index, loader
from quiz.bank.card_facts import CardFacts
from quiz.bank.index import bank_index, index_of, ref_of, refs_of
from quiz.bank.loader import Loaded, load_bank
from tests.bank.edits import index_loaded


@pytest.fixture(autouse=True)
def _no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in these tests were just written; let their facts be remembered anyway."""
    monkeypatch.setattr(cachefile, "RACY_SECONDS", 0.0)


def _card(
    path: Path, card_id: str, title: str, related: tuple[str, ...] = (), topic: str = ""
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\n"
        f"id: {card_id}\n"
        "kind: concept\n"
        f"title: {title}\n"
        f"topic: {topic or path.parent.name}\n"
        "tags: [tests]\n"
        "difficulty: 1\n"
        "source: tests\n"
        + (f"related: [{', '.join(related)}]\n" if related else "")
        + "key_points:\n  - one point\n---\n\n## Question\n\nWhat is it?\n\n## Answer\n\n"
        f"It is {title.lower()}.\n",
        encoding="utf-8",
    )
    return path


def _pack(folder: Path, title: str, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pack.yaml").write_text(
        f"title: {title}\ndescription: A pack of the tests.\nversion: 0.1.0\n{extra}",
        encoding="utf-8",
    )
    return folder


def _bank(tmp_path: Path) -> list[Path]:
    """Two content roots: `one` with packs alpha (an `order`, a broken card, a `related` id
    with a typo, a misplaced card) and beta (after alpha), `two` with pack gamma."""
    one, two = tmp_path / "one", tmp_path / "two"
    alpha = _pack(one / "alpha", "Alpha", "order: [a-third, a-first]\n")
    _card(alpha / "basics" / "a-first.md", "a-first", "First", related=("a-secnd",))
    _card(alpha / "basics" / "a-second.md", "a-second", "Second", related=("b-one",))
    _card(alpha / "more" / "a-third.md", "a-third", "Third")
    (alpha / "more" / "a-broken.md").write_text("---\nid: [\n---\n", encoding="utf-8")
    _card(alpha / "stray.md", "stray", "Stray")  # misplaced: at the pack's top
    beta = _pack(one / "beta", "Beta", "after: [alpha]\n")
    _card(beta / "topic" / "b-one.md", "b-one", "Beta one", related=("a-first", "gone"))
    _card(beta / "topic" / "b-two.md", "b-two", "Beta two")
    gamma = _pack(two / "gamma", "Gamma")
    for k in range(4):
        _card(gamma / "g" / f"g-{k}.md", f"g-{k}", f"Gamma {k}", related=("b-two",))
    return [one, two]


def _through_facts(monkeypatch: pytest.MonkeyPatch, roots: list[Path]) -> tuple[Any, ...]:
    """`bank_index(roots)` when it must take the load of the changed files (a whole load
    fails the test): its index, that load, and the card files it read."""
    loads: list[Loaded] = []
    read: list[Path] = []
    real_parts, real_cached = loader.load_parts, loader._cached_file

    def parts(*args: Any, **kwargs: Any) -> Loaded:
        loads.append(real_parts(*args, **kwargs))
        return loads[-1]

    def cached(path: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(path)
        return real_cached(path, *args, **kwargs)

    def refuse(*_: object, **__: object) -> loader.Bank:
        raise AssertionError("a whole load: the remembered facts were not used")

    with monkeypatch.context() as patched:
        patched.setattr(loader, "load_parts", parts)
        patched.setattr(loader, "_cached_file", cached)
        patched.setattr(loader, "load_bank", refuse)
        found, bank = bank_index(roots)
    assert bank is None and len(loads) == 1
    return found, loads[0], read


def _same_as_scratch(roots: list[Path], found: index.BankIndex, loaded: Loaded) -> None:
    """What the index and its load give equals a load from scratch (no cache at all)."""
    scratch = load_bank(roots, use_cache=False)
    assert [ref_of(card) for card in loaded.cards] == list(refs_of(scratch))
    assert [card.path for card in loaded.cards] == [card.path for card in scratch.cards]
    assert loaded.problems == scratch.problems  # file, line, column, code, message, severity
    assert loaded.broken == scratch.broken_files and loaded.packs == scratch.packs
    assert found == index_of(scratch) and found.summary == scratch.problem_summary()


def test_an_edit_an_added_a_deleted_card_and_a_renamed_pack_give_a_scratch_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = _bank(tmp_path)
    first, bank = bank_index(roots)  # nothing remembered: a whole load, facts kept
    assert bank is not None and first == index_of(load_bank(roots, use_cache=False))
    assert index.facts_path(roots).is_file()
    one, two = roots
    edited = _card(one / "alpha" / "basics" / "a-second.md", "a-second", "Second, edited", ("zz",))
    added = _card(one / "beta" / "topic" / "b-three.md", "b-three", "Beta three", ("a-third",))
    (one / "alpha" / "more" / "a-third.md").unlink()  # order and b-three name it now
    (two / "gamma").rename(two / "delta")
    found, loaded, read = _through_facts(monkeypatch, roots)
    _same_as_scratch(roots, found, loaded)
    renamed = sorted((two / "delta" / "g").glob("*.md"))
    broken = one / "alpha" / "more" / "a-broken.md"  # never remembered: it does not load
    assert sorted(read) == sorted([edited, added, broken, *renamed])
    assert sum(isinstance(card, CardFacts) for card in loaded.cards) == 3  # a-first, b-one, b-two
    codes = {problem.code for problem in loaded.problems}
    assert {"unknown-related", "misplaced", "yaml"} <= codes
    assert "Second, edited" in [card.title for card in loaded.cards]
    assert {card.pack for card in loaded.cards} == {"alpha", "beta", "delta"}
    again, reloaded = index_loaded(roots)  # nothing changed since: the index alone
    assert not reloaded and again == found and again.summary == found.summary


def test_a_pack_yaml_edit_alone_reads_no_card_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = _bank(tmp_path)
    bank_index(roots)
    _pack(roots[0] / "alpha", "Alpha again", "order: [a-first]\n")  # the teaching order moves
    found, loaded, read = _through_facts(monkeypatch, roots)
    _same_as_scratch(roots, found, loaded)
    assert read == [roots[0] / "alpha" / "more" / "a-broken.md"]
    assert found.pack_titles["alpha"] == "Alpha again"


def test_an_id_taken_in_another_folder_is_refused_naming_both_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folder `one` is taken from its facts; a card of `two` given one of its ids is the
    later file, refused, and its problem names the remembered card's file."""
    roots = _bank(tmp_path)
    bank_index(roots)
    one, two = roots
    taken = _card(two / "gamma" / "g" / "b-two.md", "b-two", "Taken")
    found, loaded, read = _through_facts(monkeypatch, roots)
    _same_as_scratch(roots, found, loaded)
    assert read == [one / "alpha" / "more" / "a-broken.md", taken]
    clash = [problem for problem in loaded.problems if problem.code == "duplicate-id"]
    assert [(problem.path, problem.line) for problem in clash] == [(taken, 2)]
    assert str(one / "beta" / "topic" / "b-two.md") in clash[0].message
    assert taken in found.broken
    # and the other way: the earlier file edited, the later one taken from its facts
    bank_index(roots)
    _card(one / "beta" / "topic" / "b-two.md", "b-two", "Beta two, edited")
    found, loaded, read = _through_facts(monkeypatch, roots)
    _same_as_scratch(roots, found, loaded)
    assert taken in found.broken and taken not in read


def test_a_pack_named_twice_keeps_the_first_folder_through_the_facts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roots = _bank(tmp_path)
    bank_index(roots)
    twin = _pack(roots[1] / "beta", "Beta twin")  # in the later root: refused with its cards
    _card(twin / "t" / "t-one.md", "t-one", "Twin one")
    found, loaded, _ = _through_facts(monkeypatch, roots)
    _same_as_scratch(roots, found, loaded)
    assert any(problem.code == "duplicate-pack" for problem in loaded.problems)
    assert found.pack_dirs["beta"] == roots[0] / "beta"


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"not a cache file at all",
        lambda raw: raw[:-3] + b"xyz",  # a changed byte: its digest line no longer matches
        lambda raw: b"",
    ],
    ids=["truncated", "garbage", "changed", "empty"],
)
def test_a_damaged_index_or_facts_file_means_a_whole_load(tmp_path: Path, damage: Any) -> None:
    roots = _bank(tmp_path)
    bank_index(roots)
    _card(roots[0] / "beta" / "topic" / "b-two.md", "b-two", "Beta two, edited")
    for path in (index.index_path(roots), index.facts_path(roots)):
        path.write_bytes(damage(path.read_bytes()))
    found, bank = bank_index(roots)  # no traceback: the whole bank loaded, and kept again
    scratch = load_bank(roots, use_cache=False)
    assert bank is not None and found == index_of(scratch) and bank.problems == scratch.problems
    assert found.summary == scratch.problem_summary()
    inputs = index._inputs(roots)
    assert inputs is not None and index._read_facts(roots, inputs) is not None  # written again


def test_facts_of_another_shape_are_read_as_files(tmp_path: Path) -> None:
    """A facts file this code could not have written (sealed, but records of the wrong
    shape): every such record is a file to read, the result a scratch load's."""
    roots = _bank(tmp_path)
    bank_index(roots)
    _card(roots[0] / "beta" / "topic" / "b-two.md", "b-two", "Beta two, edited")
    inputs = index._inputs(roots)
    assert inputs is not None
    walked = index._card_keys(inputs.records)  # every file's key right, every record short
    records = {place: (key, "short") for place, key in walked.items()}
    body = marshal.dumps((index.FACTS_FORMAT, cachefile.code_stamp(), records))
    index.facts_path(roots).write_bytes(cachefile.seal(body))
    found = bank_index(roots)[0]
    assert found == index_of(load_bank(roots, use_cache=False))
    shapes: list[Any] = [[1, 2], (index.FACTS_FORMAT, "another code", {}), "text"]
    for shape in shapes:
        index.facts_path(roots).write_bytes(cachefile.seal(marshal.dumps(shape)))
        assert index._read_facts(roots, inputs) is None


def test_a_symbolic_link_is_never_taken_from_facts(tmp_path: Path) -> None:
    roots = _bank(tmp_path)
    beta = roots[0] / "beta" / "topic"
    hidden = roots[0] / "beta" / ".drafts" / "b-link.md"
    _card(hidden, "b-link", "Linked", topic="topic")
    (beta / "b-link.md").symlink_to(Path("..") / ".drafts" / "b-link.md")
    bank_index(roots)
    inputs = index._inputs(roots)
    assert inputs is not None
    known = index._read_facts(roots, inputs)
    folder = str(roots[0] / "beta")
    assert known is not None and known(folder, "topic", beta / "b-one.md") is not None
    assert known(folder, "topic", beta / "b-link.md") is None
    _card(hidden, "b-link", "Linked, edited", topic="topic")  # the target changes, not the link
    _card(beta / "b-two.md", "b-two", "Beta two, edited")
    found = bank_index(roots)[0]
    assert found == index_of(load_bank(roots, use_cache=False))
    assert "Linked, edited" in [ref.title for ref in found.refs]


def test_the_card_cache_keeps_every_card_after_a_load_through_facts(tmp_path: Path) -> None:
    """The load through facts reads the card cache and never writes it: a whole load after
    it finds every unchanged card there (none parsed again)."""
    roots = _bank(tmp_path)
    bank_index(roots)
    _card(roots[0] / "beta" / "topic" / "b-two.md", "b-two", "Beta two, edited")
    assert bank_index(roots)[1] is None  # through the facts
    parsed: list[Path] = []
    real = loader._parse_job

    def counting(job: Any) -> Any:
        parsed.append(job.path)
        return real(job)

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(loader, "_parse_job", counting)
        from quiz.bank import parallel

        patched.setattr(parallel, "map_split", lambda fn, items, **_: [fn(i) for i in items])
        whole = load_bank(roots)
    assert sorted(parsed) == sorted(
        [roots[0] / "alpha" / "more" / "a-broken.md", roots[0] / "beta" / "topic" / "b-two.md"]
    )
    assert refs_of(whole) == refs_of(load_bank(roots, use_cache=False))


def test_no_facts_are_kept_with_the_cache_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cachefile.CACHE_ENV, "0")
    roots = _bank(tmp_path)
    found, bank = bank_index(roots)
    assert bank is not None and not index.facts_path(roots).exists()
    assert found == index_of(load_bank(roots, use_cache=False))


def test_the_copied_bank_is_untouched(tmp_path: Path) -> None:
    """Sanity of the fixture: the two roots load as expected from scratch."""
    roots = _bank(tmp_path)
    scratch = load_bank(roots, use_cache=False)
    assert [card.id for card in scratch.cards] == [
        "a-third",
        "a-first",
        "a-second",
        "b-one",
        "b-two",
        "g-0",
        "g-1",
        "g-2",
        "g-3",
    ]
