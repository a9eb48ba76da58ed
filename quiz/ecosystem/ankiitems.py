"""Anki's clozes (`{{c1::...}}`) in the list items of Markdown notes, found for
`remnote.item_clozes` to make each item a cloze note of its own.

Obsidian and plain Markdown users who also keep Anki write its clozes in bullets (`- The
{{c1::ReLU}} activation ...`). A paragraph reader takes no list item, so such notes were
text "not imported", while the same bullet with RemNote's `{{ReLU}}` was a card. Both are
now read alike: a card per deletion number, as Anki asks them.
"""

from __future__ import annotations

from quiz.ecosystem.fences import code_span_test, outside_fences
from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.remnote import ANKI_CLOZE_START, ITEM_START, item_continuations

__all__ = ["anki_cloze_items", "anki_items_note"]


def anki_cloze_items(text: str) -> tuple[int, ...]:
    """The 1-based lines of list items holding an Anki cloze outside code spans, outside
    fenced code (a cloze in `code` is the code's text), in their first line or a line
    their text runs on to (`item_continuations`): the item's line, once."""
    if "{{c" not in text:
        return ()
    rows = text.split("\n")
    owner = item_continuations(rows)
    found: dict[int, None] = {}
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "{{c" not in row:
            continue
        at = owner.get(index, index if ITEM_START.match(row) else None)
        if at is None:
            continue
        in_code = code_span_test(row)
        if any(not in_code(m.start()) for m in ANKI_CLOZE_START.finditer(row)):
            found[at + 1] = None
    return tuple(sorted(found))


def anki_items_note(asked: tuple[int, ...], in_answers: tuple[int, ...]) -> str | None:
    """One line for the report: the items read as cloze notes, and those in a question's
    answer, whose clozes are bold there; None when there are neither."""
    parts = []
    if asked:
        parts.append(
            f"list items holding Anki's clozes ('{{{{c1::...}}}}', {line_numbers(asked)})"
            " are each a note of its own, a card per deletion number"
        )
    if in_answers:
        parts.append(
            f"{'those' if asked else 'list items holding Anki clozes'} in a question's answer"
            f" ({line_numbers(in_answers)}) are shown bold in it, no cards of their own"
        )
    return "; ".join(parts) or None
