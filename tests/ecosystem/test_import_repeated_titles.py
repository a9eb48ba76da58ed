"""Notes that repeat a title hundreds of times get their ids in linear work.

Each new card of a repeated title ("Definition", "Example") tried its base id, then -2,
-3... from the start: quadratic, 23 of 37 s of CPU planning 4 MiB of notes. The ids an
import gives (`IdsInUse`) remember where each base and folder got to.
"""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.cardids import IdsInUse, unique_name
from quiz.ecosystem.importer import plan_import


class _CountingIds(IdsInUse):
    """The ids in use, counting how often one is looked for."""

    looks = 0

    def __contains__(self, item: object) -> bool:
        self.looks += 1
        return super().__contains__(item)


def test_a_repeated_title_takes_its_next_suffix_without_trying_the_others(
    tmp_path: Path,
) -> None:
    used = _CountingIds()
    other = tmp_path / "elsewhere" / "definition-3.md"  # another file has -3: skipped
    names = []
    for _ in range(300):
        name = unique_name("definition", tmp_path, used, {"definition-3": other})
        used.add(name)
        names.append(name)
    assert names[:4] == ["definition", "definition-2", "definition-4", "definition-5"]
    assert len(set(names)) == 300
    assert used.looks <= 2 * 300  # it was 45,000 looks: every suffix from the start


def test_a_name_not_taken_after_all_is_given_again(tmp_path: Path) -> None:
    used = IdsInUse()
    assert unique_name("x", tmp_path, used, {}) == "x"
    assert unique_name("x", tmp_path, used, {}) == "x"  # the card took no id: still free
    used.add("x")
    assert unique_name("x", tmp_path, used, {}) == "x-2"
    assert unique_name("x", tmp_path / "other", used, {}) == "x-2"  # ids are the bank's


def test_repeated_titles_number_their_cards_in_order(tmp_path: Path) -> None:
    text = "".join(
        f"## What is the definition?\n\nA definition states what the term {n} means in words.\n\n"
        for n in range(40)
    )
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    base = "what-is-the-definition"
    assert [c.card_id for c in plan.cards] == [base] + [f"{base}-{n}" for n in range(2, 41)]
