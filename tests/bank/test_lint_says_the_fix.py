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


def test_a_related_id_in_a_block_list_is_told_at_its_item(mini_bank: Path) -> None:
    """It was told at the `related:` key, lines above the item to fix."""
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    card.write_text(
        text.replace("related: [sigmoid-bound]", "related:\n  - sigmoid-bound\n  - sigmoid-bnd"),
        encoding="utf-8",
    )
    line = card.read_text(encoding="utf-8").splitlines().index("  - sigmoid-bnd") + 1
    assert _told(mini_bank, card) == [
        (
            line,
            5,
            "unknown-related",
            "related id 'sigmoid-bnd' does not exist in the bank (did you mean 'sigmoid-bound'?)",
        )
    ]


def test_a_typo_of_a_related_id_in_a_pack_linted_alone_is_told_as_a_typo(
    mini_bank: Path,
) -> None:
    """A pack linted alone added "linted alone, a pack sees only its own cards ...: name the
    card's pack in `after`" to a related id that is a typo of a card of its own."""
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("[sigmoid-bound]", "[sigmoid-bnd]"), encoding="utf-8")
    _, problems = lint([mini_bank / "mini"], run_drills=False)
    assert [(p.line, p.col, p.message) for p in problems] == [
        (
            9,
            11,
            "related id 'sigmoid-bnd' does not exist in the bank (did you mean 'sigmoid-bound'?)",
        )
    ]
    card.write_text(text.replace("[sigmoid-bound]", "[zzz-qqq]"), encoding="utf-8")
    _, problems = lint([mini_bank / "mini"], run_drills=False)
    assert [p.message.split(";")[0] for p in problems] == [
        "related id 'zzz-qqq' does not exist in the bank"
    ]
    assert "linted alone" in problems[0].message  # no guess: it may be another pack's card


def test_an_id_that_is_not_the_file_name_says_both_ways_to_fix_it(mini_bank: Path) -> None:
    """It said only that the two differ; renaming the file keeps the card's progress."""
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    card.write_text(text.replace("id: what-is-relu", "id: relu-basics"), encoding="utf-8")
    assert _told(mini_bank, card) == [
        (
            2,
            1,
            "id-file-name",
            "id 'relu-basics' must equal the file name 'what-is-relu': rename the file to "
            "relu-basics.md (progress is kept by id), or write id: what-is-relu",
        )
    ]
