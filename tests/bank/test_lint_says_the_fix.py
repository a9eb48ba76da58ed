"""Each lint message says what is wrong and what to do about it: these said only the
first ("card file: 9.6 MiB, over the limit of 1 MiB", "a symbolic link loop"), found by
authoring a pack as a newcomer (forty-first round)."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.lint import lint

RELU = Path("mini", "basics", "what-is-relu.md")


def _told(mini_bank: Path, path: Path) -> list[tuple[int, int, str, str]]:
    _, problems = lint([mini_bank], run_drills=False)
    return [(p.line, p.col, p.code, p.message) for p in problems if p.path == path]


def test_a_card_over_the_limit_is_told_to_split(mini_bank: Path) -> None:
    card = mini_bank / RELU
    with card.open("a", encoding="utf-8") as file:
        file.write("word " * 220_000)  # 1.05 MiB
    assert _told(mini_bank, card) == [
        (
            1,
            1,
            "unreadable",
            "card file: 1.1 MiB, over the limit of 1 MiB; a card is one question and its "
            "answer: split it into cards",
        )
    ]


def test_a_broken_link_is_told_what_to_do(mini_bank: Path) -> None:
    link = mini_bank / "mini" / "basics" / "dangling.md"
    link.symlink_to("nowhere.md")
    assert _told(mini_bank, link) == [
        (
            1,
            1,
            "unreadable",
            "card file: a broken symbolic link: delete the link, or point it at a card file "
            "inside its pack",
        )
    ]
