"""Full-text search (ranked, math by its plain text) and the drill list's states."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.drill_list import drill_rows, next_unsolved
from quiz.search import SearchIndex
from quiz.store import Store
from tests.conftest import DATA
from tests.study.fakes import NOW


def _index() -> SearchIndex:
    return SearchIndex(load_bank([DATA / "tui_bank"]).cards)


def test_search_reads_every_field_and_ranks_the_title_first() -> None:
    index = _index()
    assert [m.card.id for m in index.search("inference")] == ["dropout-inference"]
    # "keep_prob" is only in the options of the choice card
    assert [m.card.id for m in index.search("keep_prob")] == ["dropout-inference"]
    # "cheap" is only in a key point; "peaks" only in an explanation
    assert [m.card.id for m in index.search("cheap")] == ["what-is-relu"]
    assert [m.card.id for m in index.search("peaks")] == ["sigmoid-bound"]
    relu = [m.card.id for m in index.search("relu")]
    assert relu[0] == "what-is-relu"  # in the title, over a mention elsewhere
    assert index.search("relu nothing-like-this") == []  # every word must appear
    assert index.search("   ") == []


def test_math_is_found_by_its_unicode_and_by_its_latex_words() -> None:
    index = _index()
    by_word = [m.card.id for m in index.search("sigma")]
    by_symbol = [m.card.id for m in index.search("σ")]
    assert "sigmoid-bound" in by_word and "sigmoid-bound" in by_symbol
    assert [m.card.id for m in index.search("max(0, z)")][0] == "what-is-relu"


def test_the_bundled_bank_finds_a_cited_author_and_every_leaky_relu_card() -> None:
    index = SearchIndex(load_bank(content_roots([])).cards)
    kingma = [m.card for m in index.search("Kingma")]
    assert "adagrad-rmsprop-adam" in {card.id for card in kingma}
    for card in kingma:
        cited = " ".join(
            [str(dataclasses.asdict(card.front)), *(s.text for s in card.sections.values())]
        )
        assert "kingma" in cited.lower(), card.id
    leaky = [m.card for m in index.search("leaky")]
    assert len(leaky) >= 3
    for card in leaky:
        text = " ".join([card.title, *[s.text for s in card.sections.values()]])
        front_text = str(dataclasses.asdict(card.front))
        assert "leaky" in (text + front_text).lower()


def test_a_query_that_is_a_card_id_finds_that_card_first() -> None:
    """`batchnorm` in the palette listed the drill whose id it is fourth, after three
    cards with "batchnorm" in their ids and titles."""
    index = SearchIndex(load_bank(content_roots([])).cards)
    assert [m.card.id for m in index.search("batchnorm")][0] == "batchnorm"
    assert len(index.search("batchnorm")) > 3
    assert index.search("BatchNorm")[0].card.id == "batchnorm"
    assert index.search("relu family")[0].card.id == "relu-family"


def test_drill_states_come_from_the_attempts(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    (extra / "more" / "drills").mkdir(parents=True)
    source = DATA / "tui_bank" / "mini" / "drills" / "tiny-sgd.md"
    for name in ("second-sgd", "third-sgd"):
        text = source.read_text(encoding="utf-8").replace("id: tiny-sgd", f"id: {name}")
        (extra / "more" / "drills" / f"{name}.md").write_text(text, encoding="utf-8")
    (extra / "more" / "pack.yaml").write_text(
        (DATA / "tui_bank" / "mini" / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    bank = load_bank([DATA / "tui_bank", extra])
    store = Store.open(tmp_path / "db.sqlite", now=NOW)

    def attempt(card_id: str, status: str, hints: int, ms: float, minutes: int) -> None:
        store.record_attempt(
            card_id=card_id,
            status=status,
            verdict_json="{}",
            attempted_at=NOW + timedelta(minutes=minutes),
            seed=1,
            duration_ms=ms,
            hints_used=hints,
            session_id=None,
        )

    rows = {row.id: row for row in drill_rows(bank.cards, store)}
    assert [r.state for r in rows.values()] == ["not started"] * 3
    attempt("tiny-sgd", "failed", 0, 30.0, 1)
    attempt("tiny-sgd", "passed", 1, 25.0, 2)
    attempt("second-sgd", "failed", 0, 10.0, 3)
    rows = {row.id: row for row in drill_rows(bank.cards, store)}
    assert rows["tiny-sgd"].state == "passed with hints" and rows["tiny-sgd"].best_ms == 25.0
    assert rows["tiny-sgd"].attempts == 2 and rows["second-sgd"].state == "failed"
    ordered = drill_rows(bank.cards, store)
    first = next_unsolved(ordered)
    assert first is not None and first.id == "second-sgd"
    after = next_unsolved(ordered, after="second-sgd")
    assert after is not None and after.id == "third-sgd"
    attempt("tiny-sgd", "passed", 0, 20.0, 4)
    assert {r.id: r.state for r in drill_rows(bank.cards, store)}["tiny-sgd"] == "passed"
    # code typed and kept, never graded: a draft, not "not started"; once graded, its grade
    store.save_draft("third-sgd", "def sgd_step(theta, grad, lr):\n    pass\n", updated_at=NOW)
    store.save_draft("second-sgd", "# mine\n", updated_at=NOW)
    states = {r.id: r.state for r in drill_rows(bank.cards, store)}
    assert (states["third-sgd"], states["second-sgd"]) == ("draft", "failed")
    store.close()


def test_a_query_that_extends_the_last_finds_what_a_fresh_search_finds() -> None:
    """The index looks only at the last query's cards when the new query extends it (the
    browser's search at each key): typed letter by letter, with words added, and
    backspaced, every query finds the cards and scores a search without history finds."""
    cards = load_bank(content_roots([], installed=[])).cards
    typing, fresh = SearchIndex(cards), SearchIndex(cards)
    typed = "gradient clip"
    queries = [typed[:n] for n in range(1, len(typed) + 1)]
    queries += [typed[:n] for n in range(len(typed) - 1, 0, -1)]  # backspaced
    queries += ["adam", "adam bias", "adam b", "bias adam", "ad", "nothing-like-this", "no"]
    for query in queries:
        got = [(m.card.id, m.score) for m in typing.search(query)]
        fresh.search("zz-no-query-extends-this")  # so the next one looks at every card
        assert got == [(m.card.id, m.score) for m in fresh.search(query)], query
    assert typing.search("gradient clip")  # the test's words are in the bundled bank
    assert typing.search("adam bias")
