"""Answers too thin for a rubric of three: a bare word or term (its one point), one display
formula, a placeholder ("TODO", "—") and a bare yes or no; the importer asks these
before `key_points`.
"""

from __future__ import annotations

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.ecosystem.keypoints_candidate import inline_as_line
from quiz.ecosystem.keypoints_sentences import CODE_SPAN, WORD_CHAR, acceptable

_BARE_BLOCKS = frozenset(
    {
        "paragraph_open",
        "paragraph_close",
        "inline",
        "bullet_list_open",
        "bullet_list_close",
        "ordered_list_open",
        "ordered_list_close",
        "list_item_open",
        "list_item_close",
    }
)
"""Blocks a bare answer may sit in: a paragraph, or the one item of a list (`- Adam`)."""
PLACEHOLDERS = frozenset({"todo", "tbd", "tba", "tbc", "fixme", "xxx", "wip", "tk"})
"""Words people write where an answer will go: no answer yet, never a card's."""
_MARKS_ONLY = " .…!?:*_()[]-—–~/\\"
"""What an answer of no word is written with when it holds the place of one: a dash
(`-`, `—`), dots (`...`, `…`), a question mark."""
YES_NO = frozenset({"yes", "no", "true", "false", "yep", "nope", "correct", "incorrect"})
"""Whole answers that say whether but not why: kept as cards, with a note."""


def bare_answer(answer: str, tokens: list[Token] | None = None) -> str | None:
    """A short answer that holds no statement ("ReLU", "Adam", "`1e-8`", "- Leaky ReLU") as
    its one key point, or None when it is no such answer (a table, code, two lines, no
    word). Anki and RemNote users keep many such cards; they were skipped as too short.
    `tokens`: the answer's, when the caller has parsed it already."""
    if tokens is None:
        tokens = parse(answer)
    inlines = [token for token in tokens if token.type == "inline"]
    if len(inlines) != 1 or any(token.type not in _BARE_BLOCKS for token in tokens):
        return None
    text = inline_as_line(inlines[0]).strip()
    if not WORD_CHAR.search(text) or is_placeholder(text):
        return None
    if not acceptable(text):  # words in code only (`1e-8`): the point is the code's text
        text = CODE_SPAN.sub(lambda m: m.group(0).strip("`").strip(), text)
    return text if acceptable(text) else None


def lone_formula(answer: str, tokens: list[Token] | None = None) -> str | None:
    """An answer that is one display formula and nothing else (`$$-y\\log\\hat y ...$$`,
    an Anki note's whole back), or one paragraph that introduces it (ending in `:`) and the
    formula, as one line with the formula inline, its one key point; None for any other
    answer. A display formula keeps an answer long (three key points) in lint's eyes, and
    such cards, common in Anki decks, were skipped as "too short for 3 key points"."""
    if tokens is None:
        tokens = parse(answer)
    intro = ""
    if [t.type for t in tokens] == [*_INTRO, "math_block"]:
        intro = " ".join(tokens[1].content.split())
        if not intro.endswith(":"):
            return None
    elif len(tokens) != 1 or tokens[0].type != "math_block":
        return None
    flat = " ".join(tokens[-1].content.split())
    formula = f"{intro} ${flat}$".lstrip()
    return formula if flat and "$" not in flat and acceptable(formula) else None


_INTRO = ("paragraph_open", "inline", "paragraph_close")
"""A paragraph, the one that may introduce a lone formula ("For stride $s$:")."""


def is_placeholder(text: str) -> bool:
    """True for an answer that is a placeholder ("TODO", "TBD", "FIXME"), or holds the
    place of one with marks only ("—", "-", "...", "?"): no answer yet, though a reader
    was told it was "too short"."""
    text = text.strip()
    return bool(text) and text.strip(_MARKS_ONLY).lower() in {"", *PLACEHOLDERS}


def is_yes_no(text: str) -> bool:
    """True for a whole answer of "Yes.", "No", "True", "False" and the like."""
    return text.strip(" .!*_`").lower() in YES_NO
