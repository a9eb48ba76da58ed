"""Why a card of drillbit's own Anki export is not written over a file of another kind of
card: the card changed kind in the export (a concept card made a choice card) and the file
is not the card an import made of the note, so it may hold the user's edits. "already
exists with another answer, explanation, kind, choices and answer" named no kind and no
loss; this says what each file holds and what `--force` throws away."""

from __future__ import annotations

from quiz.ecosystem.importplan import PlannedCard

__all__ = ["kind_change_reason"]

_PARTS = {
    "concept": ("answer", "key points"),
    "choice": ("choices", "right answer", "explanation"),
    "numeric": ("number", "tolerance", "explanation"),
}
"""What each kind of card holds past its title and question, as the report names it."""
_OWN_PARTS = ("kind", "answer", "key points", "choices", "tolerance", "unit", "explanation")
"""The parts `card_changes` names that only some kinds hold (`answer` is a concept card's
text, a choice card's right answer, a numeric card's number): not compared across kinds,
but `explanation` between a choice and a numeric card, which both hold one."""


def kind_change_reason(
    planned: PlannedCard, pack: str, differs: tuple[str, ...] = ()
) -> str | None:
    """Why the card is not written over its file when the file is another kind of card
    (the note's kind changed in drillbit's export), naming both kinds, what each holds, and
    what `--force` loses; None when the file is the same kind of card, or no card.
    `differs` are the parts the file and the card differ in (`card_changes`): of those both
    kinds hold (title, question, tags...), the ones named are the file's own, maybe the
    user's edits; the rest is the note's, and nothing of it is lost."""
    from quiz.bank.parse import parse_card

    try:
        old_text = planned.path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None
    topic = planned.path.parent.name
    old, _ = parse_card(old_text, planned.path, pack, topic, lint=False)
    new, _ = parse_card(planned.text, planned.path, pack, topic, lint=False)
    if old is None or new is None or old.kind == new.kind:
        return None
    was, now = _PARTS.get(old.kind, ()), _PARTS.get(new.kind, ())
    lost = [part for part in was if part not in now]
    not_compared = set(_OWN_PARTS) - (set(was) & set(now))  # explanation: choice and numeric
    edited = [part for part in differs if part not in not_compared]
    return (
        f"{planned.path} already exists as a {old.kind} card, and this note is a {new.kind}"
        f" card now (its kind changed in drillbit's export): {_compared(edited, lost, now)}."
        f" --force writes the {new.kind} card over it (its {_joined(now)} from the note), its"
        f" id and reviews kept, and the file's {_joined([*lost, *edited])} are lost: copy"
        f" what you want to keep first"
    )


def _compared(edited: list[str], lost: list[str], now: tuple[str, ...]) -> str:
    """What comparing the file with the card says: the parts both kinds hold that the
    file has its own of, and the parts only its kind holds, which cannot be compared."""
    verb = "differs" if len(edited) == 1 else "differ"
    said = (
        f"of what both kinds hold, the file's {_joined(edited)} {verb} from the note's"
        " (edited since, or made so by an earlier import or export)"
        if edited
        else "of what both kinds hold, the file has what the note has"
    )
    if lost:
        they = "it" if len(lost) == 1 else "they"
        said += (
            f"; its {_joined(lost)} cannot be compared with the note's {_joined(now)},"
            f" so {they} may hold your edits"
        )
    return said


def _joined(parts: list[str] | tuple[str, ...]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
