"""An Anki note's front read as its cards need it: its title's sentence whole across a line
break (a cloze note's or any other's), and a deletion that Anki ends early, at a `}}` of
its own math, named."""

from __future__ import annotations

import re
from collections.abc import Callable

from quiz.ecosystem.keypoints_sentences import OPEN_ENDS

__all__ = ["early_ends", "legacy_title_sentence", "title_sentence"]

_STOP = (".", "!", "?", ";", ":")
_OPENS_DELETION = re.compile(r"\{\{c\d+::")
_ESCAPED_BRACE = re.compile(r"\\[{}]")
_MATH = re.compile(r"\$|\\\(|\\\[")
_DELETION = re.compile(r"\{\{c\d+::.*?\}\}")
_WORD = re.compile(r"\w")
_OPENING_FORMULA = re.compile(r"\$(?!\$)[^$\n]+\$\s*")
"""An inline formula opening a line, and the blanks after it."""


def _carries_on(before: str, after: str) -> bool:
    """True when a break between these lines splits a sentence: the line before has no stop
    and the next opens in lowercase (its deletion's text too), or a formula the sentence
    goes on after, or the line before ends in a word no sentence ends with: `Adam keeps
    {{c1::a mean}}` over `of the gradient.`, `The gradient` over `$\\nabla L$ of the loss`
    and `What is the` over `Softmax?` are one sentence, as is a line of a deletion alone
    and the next; `Softmax` over `It sums to 1.` or over a formula alone are a term and
    what is shown under it."""
    own_words = _WORD.search(_DELETION.sub("", before))
    before, after = before.rstrip().removesuffix("}}"), after.lstrip()  # `{{c1::a mean.}}`
    if not before or before.endswith(_STOP) or not after:
        return False
    words = before.split()
    if words[-1].lower() in OPEN_ENDS or not own_words:
        return True  # `{{c1::Softmax}}` over its formula: a title "[...]" said nothing
    opener = _OPENS_DELETION.match(after)
    after = after[opener.end() if opener else 0 :]
    formula = _OPENING_FORMULA.match(after)
    if formula is not None and formula.end() < len(after):
        after = after[formula.end() :]
    return after[:1].islower()


def title_sentence(front: str) -> str:
    """The front with its first line joined to the lines that carry its sentence on, so a
    card is titled by the whole sentence: Anki's editor breaks a long line (`<br>`), and
    the card was titled by the words before the break ("Adam keeps [...]", "What is the").
    The lines that do not carry it on stay under it, the question's body."""
    return _joined_while(front, _carries_on)


def legacy_title_sentence(front: str, *, cloze: bool) -> str:
    """The front as the forty-second round titled it: a cloze note's first line joined to
    the next only when that opens in lowercase, any other note's never. Kept so a card
    it titled "What is the" (or a deletion-only cloze's `p-q2`) is found again and keeps
    its id and reviews (`keptids.keep_retitled_ids`), as `cardids.legacy_card_id_for` is."""
    return _joined_while(front, _carried_on_before) if cloze else front


def _joined_while(front: str, carries_on: Callable[[str, str], bool]) -> str:
    """The front with its first line joined to each next line while `carries_on(title so
    far, next line)` holds; the lines after stay as they are."""
    lines = front.split("\n")
    title = lines[0]
    rest = 1
    while rest < len(lines) and carries_on(title, lines[rest]):
        title = f"{title.rstrip()} {lines[rest].strip()}"
        rest += 1
    return "\n".join([title, *lines[rest:]])


def _carried_on_before(before: str, after: str) -> bool:
    """`_carries_on` of the forty-second round: no stop before, lowercase after."""
    before, after = before.rstrip().removesuffix("}}"), after.lstrip()
    if not before or before.endswith(_STOP):
        return False
    opener = _OPENS_DELETION.match(after)
    return after[opener.end() if opener else 0 :][:1].islower()


def early_ends(deletions: list[tuple[str, str]]) -> tuple[str, ...]:
    """What to say of each deletion (number, text read to its first `}}`) whose math holds
    more `{` than `}`: its `}}` was one of the math's, and Anki ends the deletion there, so
    the card hides part of a formula and shows the rest (`$}}`) as text."""
    said = []
    for number, text in deletions:
        if not _MATH.search(text):
            continue
        braces = _ESCAPED_BRACE.sub("", text)
        if braces.count("{") > braces.count("}"):
            said.append(
                f"its deletion c{number} ('{{{{c{number}::{text}}}}}') ends at a '}}}}' of its"
                " math, as Anki ends it: write '} }' there (a space between the braces)"
            )
    return tuple(said)
