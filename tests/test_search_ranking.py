"""How the full-text search ranks what it finds: the field a word is in, whether a word of
the card starts with it, and how many results it keeps.

Written for the forty-fifth round's mutation audit of quiz/search.py: the search's tests
held which cards a query finds and that a title outranks a mention elsewhere, but none held
the order of the fields below the title, the bonus for a word's start, the best field
(not the worst) counting, a choice card's choices, or `limit`.
"""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.models import Card
from quiz.search import SearchIndex

_PACK = "title: Ranks\ndescription: Cards for the search's ranking.\nversion: 0.1.0\n"


def _concept(
    card_id: str,
    *,
    title: str = "A card",
    tags: tuple[str, ...] = (),
    point: str = "a point",
    question: str = "What is asked?",
    answer: str = "What is answered.",
) -> str:
    return (
        f"---\nid: {card_id}\nkind: concept\ntitle: {title}\ntopic: basics\n"
        f"tags: [{', '.join(tags)}]\ndifficulty: 1\nsource: tests\n"
        f"key_points:\n  - {point}\n---\n\n## Question\n\n{question}\n\n"
        f"## Answer\n\n{answer}\n"
    )


_CHOICE = (
    "---\nid: pick-one\nkind: choice\ntitle: Pick one\ntopic: basics\ntags: []\n"
    "difficulty: 1\nsource: tests\nchoices:\n  - A quokka\n  - A wombat\nanswer: 0\n---\n\n"
    "## Question\n\nWhich animal?\n\n## Explanation\n\nThe first.\n"
)

_CARDS = {
    # a word in the id outranks it in the tags, the tags the key points, the key points
    # the question, the question the answer
    "in-tags": _concept("in-tags", tags=("kappa",)),
    "kappa-in-id": _concept("kappa-in-id"),
    "in-points": _concept("in-points", point="lambda as a key point", tags=("other",)),
    "in-tags-2": _concept("in-tags-2", tags=("lambda",)),
    "in-question": _concept("in-question", question="What is omicron?"),
    "in-points-2": _concept("in-points-2", point="omicron as a key point"),
    "in-answer": _concept("in-answer", answer="Upsilon, as the answer."),
    "in-question-2": _concept("in-question-2", question="What is upsilon?"),
    # and the title the id
    "zeta-in-id": _concept("zeta-in-id"),
    "in-title": _concept("in-title", title="Zeta in the title"),
    # two words in the id outrank one in the title and one in the answer (9 + 9 to 12 + 1.5)
    "title-and-answer": _concept("title-and-answer", title="Rho first", answer="Then tau."),
    "rho-tau-both": _concept("rho-tau-both"),
    # a word's start outranks the same letters inside a word of the same field
    "inside": _concept("inside", title="Aphids"),
    "start": _concept("start", title="Phi first"),
    # inside a word of the question (2) outranks a word's start in the answer (1 x 1.5),
    # which outranks the letters inside a word of the answer (1): the answer's first word
    # followed a newline and had no bonus
    "answer-start": _concept("answer-start", answer="Chis are Greek letters."),
    "answer-inside": _concept("answer-inside", answer="Machines."),
    "answer-tab": _concept("answer-tab", answer="Letters:\tchis."),
    "question-inside": _concept("question-inside", question="Which machine?"),
    # the best field counts, not the worst: title and answer outrank the question alone
    "title-answer-psi": _concept("title-answer-psi", title="Psi here", answer="Psi again."),
    "question-psi": _concept("question-psi", question="What is psi?"),
}


def _cards(tmp_path: Path) -> dict[str, Card]:
    pack = tmp_path / "ranks"
    (pack / "basics").mkdir(parents=True)
    (pack / "pack.yaml").write_text(_PACK, encoding="utf-8")
    for name, text in {**_CARDS, "pick-one": _CHOICE}.items():
        (pack / "basics" / f"{name}.md").write_text(text, encoding="utf-8")
    bank = load_bank([tmp_path], use_cache=False)
    assert not bank.problems, bank.problems
    return {card.id: card for card in bank.cards}


def _ranked(cards: dict[str, Card], query: str, *content_order: str) -> list[str]:
    """The ids `query` finds when the cards named are the bank, in this content order."""
    index = SearchIndex([cards[card_id] for card_id in content_order])
    return [match.card.id for match in index.search(query)]


def test_each_field_outranks_the_next_whatever_the_content_order(tmp_path: Path) -> None:
    """Each pair is given lower field first, so a tie (a weight doubled) shows too."""
    cards = _cards(tmp_path)
    assert _ranked(cards, "zeta", "zeta-in-id", "in-title") == ["in-title", "zeta-in-id"]
    assert _ranked(cards, "kappa", "in-tags", "kappa-in-id") == ["kappa-in-id", "in-tags"]
    assert _ranked(cards, "lambda", "in-points", "in-tags-2") == ["in-tags-2", "in-points"]
    assert _ranked(cards, "omicron", "in-question", "in-points-2") == [
        "in-points-2",
        "in-question",
    ]
    assert _ranked(cards, "upsilon", "in-answer", "in-question-2") == [
        "in-question-2",
        "in-answer",
    ]


def test_words_add_up_across_fields(tmp_path: Path) -> None:
    """Two words in the id (9 + 9) outrank one in the title and one in the answer
    (12 + 1.5): the title's weight is a weight, not a trump."""
    cards = _cards(tmp_path)
    found = _ranked(cards, "rho tau", "title-and-answer", "rho-tau-both")
    assert found == ["rho-tau-both", "title-and-answer"]


def test_a_word_start_outranks_the_same_letters_inside_a_word(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    assert _ranked(cards, "phi", "inside", "start") == ["start", "inside"]
    # the bonus is a half, not more: inside the question still beats a start in the answer
    assert _ranked(cards, "chi", "answer-start", "question-inside") == [
        "question-inside",
        "answer-start",
    ]
    assert _ranked(cards, "chi", "answer-inside", "answer-start") == [
        "answer-start",
        "answer-inside",
    ]
    # after a tab as after a space
    assert _ranked(cards, "chi", "answer-inside", "answer-tab") == ["answer-tab", "answer-inside"]
    # all three together, in the order of their scores (2, 1.5, 1)
    assert _ranked(cards, "chi", "answer-inside", "answer-start", "question-inside") == [
        "question-inside",
        "answer-start",
        "answer-inside",
    ]


def test_the_best_field_a_word_is_in_counts(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    found = _ranked(cards, "psi", "question-psi", "title-answer-psi")
    assert found == ["title-answer-psi", "question-psi"]


def test_a_choice_card_is_found_by_its_choices(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    assert _ranked(cards, "quokka", *cards) == ["pick-one"]
    assert _ranked(cards, "wombat", *cards) == ["pick-one"]


def test_limit_keeps_the_best_matches(tmp_path: Path) -> None:
    cards = _cards(tmp_path)
    index = SearchIndex([cards["zeta-in-id"], cards["in-title"]])
    assert [m.card.id for m in index.search("zeta", limit=1)] == ["in-title"]
    assert len(index.search("zeta", limit=2)) == 2
    assert len(index.search("zeta", limit=5)) == 2
    assert [m.card.id for m in index.search("zeta")] == ["in-title", "zeta-in-id"]


def test_a_score_is_the_sum_of_each_words_best_field(tmp_path: Path) -> None:
    """The palette ranks its hits by each score over the best one's, among other hits."""
    cards = _cards(tmp_path)
    index = SearchIndex([cards["title-and-answer"], cards["rho-tau-both"]])
    scores = {m.card.id: m.score for m in index.search("rho tau")}
    assert scores == {"rho-tau-both": 6.0 * 1.5 * 2, "title-and-answer": 8.0 * 1.5 + 1.0 * 1.5}
