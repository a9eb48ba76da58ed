"""A note's fields past its question and answer: words kept after the answer as
quotes, a field that only cites (the card's source), Anki's tags left last by an export
with no header."""

from __future__ import annotations

import re

from quiz.ecosystem.citations import field_citation

__all__ = [
    "extra_fields",
    "maybe_tags",
    "past_answer_citations",
    "quoted_fields",
]

_TAG_SHAPED = re.compile(r"[\w:/&+#-]+(?:[ \t]+[\w:/&+#-]+)*")
"""A field of plain words without a sentence's marks: what Anki's tags field looks like."""


def maybe_tags(extras: tuple[tuple[int, str], ...], field_count: int) -> tuple[int, str] | None:
    """The last field of a note in a file with no header when it looks like Anki's tags
    (`optim adam`, `deep::training`): an export before Anki 2.1.55 wrote them last with no
    header to say so, and kept after the answer they would be a quote of tags."""
    if not extras or extras[-1][0] != field_count:
        return None
    number, text = extras[-1]
    return (number, text) if _TAG_SHAPED.fullmatch(text) else None


def extra_fields(
    texts: list[str], kind: str | None, card_id_at: int | None, unused: frozenset[int]
) -> tuple[tuple[int, str], ...]:
    """(1-based field number, text) of the note's fields past its answer that hold words:
    an Anki user's Extra or Notes field (`Remember it is cheap`), dropped without a word
    before. Not a field that only cites (the card's source, `past_answer_citations`), the Add
    Reverse flag of an optional reversed note, drillbit's own note types' fields (their
    places are known, `own_note`) nor a column a first row named and no card uses."""
    name = (kind or "").lower()
    if name.startswith("drillbit"):
        return ()
    flag = 2 if "(optional reversed card)" in name else None
    return tuple(
        (at + 1, text.strip())
        for at, text in enumerate(texts[2:], 2)
        if text.strip()
        and at not in (card_id_at, flag)
        and at not in unused
        and field_citation(text) is None
    )


def quoted_fields(extras: tuple[tuple[int, str], ...]) -> str:
    """The fields as quotes after the answer: shown with it, and a quote gives no key point
    of the rubric unless labelled (`keypoints`), as an Extra field is no part to grade."""
    return "\n\n".join(
        "\n".join(f"> {row}".rstrip() for row in text.split("\n")) for _, text in extras
    )


def past_answer_citations(
    texts: list[str], kind: str | None, card_id_at: int | None, *, cloze: bool, back: str
) -> tuple[str, list[str]]:
    """(the answer, what the note's fields past it cite): an Anki user keeps a card's
    source in a field of its own (`<i>Bishop, PRML 4.3.4</i>` as a third field, or as a
    cloze's whole Back Extra), which the card lost or had as a key point. A field past the
    answer is read only when the whole field is a citation (`field_citation`); the answer
    stays as it is, but a cloze's Back Extra that only cites is no answer text. drillbit's
    own note types say where their fields are, and are left to `own_note`."""
    if (kind or "").startswith("drillbit"):
        return back, []
    cites = [
        cite
        for at, text in enumerate(texts[2:], 2)
        if at != card_id_at and (cite := field_citation(text)) is not None
    ]
    if cloze and (cite := field_citation(back)) is not None:
        return "", [cite, *cites]
    return back, cites
