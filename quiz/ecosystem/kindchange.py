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


def kind_change_reason(planned: PlannedCard, pack: str) -> str | None:
    """Why the card is not written over its file when the file is another kind of card
    (the note's kind changed in drillbit's export), naming both kinds, what each holds, and
    what `--force` loses; None when the file is the same kind of card, or no card."""
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
    kept_name = [part for part in was if part in now]
    losing = _joined(lost) + (
        f" and what you wrote in its {_joined(kept_name)}" if kept_name else ""
    )
    return (
        f"{planned.path} already exists as a {old.kind} card, and this note is a {new.kind}"
        f" card now (its kind changed in drillbit's export): the file differs from the card an"
        f" import made of the note, so it may hold your edits. --force writes the"
        f" {new.kind} card over it (its {_joined(now)} from the note), its id and reviews"
        f" kept, and the file's {losing} are lost: copy what you want to keep first"
    )


def _joined(parts: list[str] | tuple[str, ...]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
