"""The choice or numeric card a note of drillbit's own Anki export was made from, made
again as that kind of card (`ankiownkinds` reads it): exported and imported back, such a
card came back as a concept card asking its choices, its grading lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from quiz.ecosystem.cardids import card_title, plain_title
from quiz.ecosystem.cardtext import card_ready_math
from quiz.ecosystem.frontyaml import dump_front
from quiz.ecosystem.importplan import AskedAt, PlannedCard
from quiz.ecosystem.notes.found import NoteQuestion, OwnKind

__all__ = ["plan_kind_card"]


def plan_kind_card(
    question: NoteQuestion,
    own: OwnKind,
    *,
    notes_path: Path,
    pack: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    target_dir: Path,
    choose_id: Callable[[str], tuple[str, Path]],
    base_id: str,
    folders: dict[Path, bool],
) -> tuple[PlannedCard | None, str]:
    """The card, or (None, why it would not pass lint: it is then read as a concept card).
    Checked by the bank's own parser, as every imported card is, before its id is taken."""
    from quiz.bank.parse import card_from_data

    data: dict[str, Any] = {
        "id": base_id,
        "kind": own.kind,
        "title": question.own_title or card_title(plain_title(question.title)),
        "topic": topic,
        "tags": list(dict.fromkeys([*tags, *question.tags])),
        "difficulty": difficulty,
        "source": question.card_source(notes_path.name, question.cited),
        **_graded(own),
    }
    body = (
        f"\n## Question\n\n{card_ready_math(own.question, demote=False)[0]}\n\n"
        f"## Explanation\n\n{card_ready_math(own.explanation)[0]}\n"
    )
    card, problems = card_from_data(
        data, dump_front(data), body, target_dir / f"{base_id}.md", pack, topic
    )
    if card is None:
        return None, problems[0].message if problems else "it does not load"
    card_id, path = choose_id(base_id)
    data["id"] = card_id
    folder = folders.get(target_dir)
    if folder is None:
        folder = folders[target_dir] = target_dir.is_dir()
    text = f"---\n{dump_front(data)}---\n{body}"
    replaces = folder and path.exists()
    return PlannedCard(AskedAt.of(question), card_id, target_dir, text, (), replaces), ""


def _graded(own: OwnKind) -> dict[str, Any]:
    """The front matter fields that grade the card: its choices and right ones, or its
    number, tolerance and unit."""
    if own.kind == "choice":
        right = own.correct
        return {
            "choices": [card_ready_math(c, demote=False)[0] for c in own.choices],
            "answer": right[0] if len(right) == 1 else list(right),
        }
    graded: dict[str, Any] = {"answer": own.number, "tolerance": dict([own.tolerance])}
    if own.unit is not None:
        graded["unit"] = own.unit
    return graded
