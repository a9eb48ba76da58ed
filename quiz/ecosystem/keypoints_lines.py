"""A paragraph of prose as sentences: a statement a line when typed without stops, a
sentence left without a stop whole when nothing after it can carry it on, a bold run-in
heading no sentence."""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.ecosystem.keypoints_sentences import (
    OPEN_ENDS,
    TERMINAL,
    mask_math,
    single_spaced,
    split_sentences,
)
from quiz.ecosystem.titles import plain_inline

__all__ = ["RUN_IN_WORDS", "line_statements", "paragraph_sentences", "unpunctuated_end"]

_RUN_IN = re.compile(r"^(?:\*\*|__)([^*_]+?)\.(?:\*\*|__)(?:\s|$)")
RUN_IN_WORDS = 6
"""A bold run-in heading ending in a period (`**Training.** The gradient...`) has at most
this many words: a heading, no statement to grade against; a longer one is a sentence."""


def line_statements(children: list[Token]) -> list[str] | None:
    """A paragraph's lines when it is typed a statement a line, without stops (Obsidian
    shows each line of a paragraph on its own): two lines or more, none ending in a stop,
    not all ending in a stop, none in `:`, `,` or `;`, each opening with a capital or a
    digit (the first with a formula too). Read as one sentence, "Normalises each
    feature\nLearns a scale and a shift" was one run-on key point, as was an Anki field's
    `<br>` after a line without a stop ("A distribution over classes<br>Each output is
    positive."). None otherwise: prose wrapped at a width has lines that open in
    lowercase."""
    if not any(child.type == "softbreak" for child in children):
        return None
    lines: list[list[Token]] = [[]]
    for child in children:
        if child.type == "softbreak":
            lines.append([])
        else:
            lines[-1].append(child)
    texts = [
        single_spaced(plain_inline(line, display_inline=True, typed_tags=False)) for line in lines
    ]
    for number, line in enumerate(texts):
        opens = line[:1]
        if not opens or (opens.islower() if number == 0 else not opens.isupper()):
            if not opens.isdigit():
                return None  # the first line may open with a formula, no other
        if line.endswith((":", ",", ";")):
            return None
    if all(line.endswith(TERMINAL) for line in texts):
        return None  # its sentences end where its stops are
    if any(line.endswith(TERMINAL) for line in texts) and not all(
        _plainly_ends(before, after)
        for before, after in zip(texts, texts[1:], strict=False)
        if not before.endswith(TERMINAL)
    ):
        return None  # "... the same as an\nL2 penalty on the loss.": prose wrapped
    return texts


_SENTENCE_OPEN = re.compile(r"[A-Z][a-z]")


def _plainly_ends(before: str, after: str) -> bool:
    """True when a line without a stop ends a statement in a paragraph whose other lines
    have stops: it ends in no word that carries on (`OPEN_ENDS`) and the next line opens
    a sentence (`Each ...`, not `L2 ...`, which a wrap puts at a line's start as well)."""
    words = before.split()
    last = words[-1].lower() if words else ""
    return last not in OPEN_ENDS and bool(_SENTENCE_OPEN.match(after))


def unpunctuated_end(tokens: list[Token], index: int) -> bool:
    """True when nothing after the paragraph ending before `index` can carry its last
    sentence on: the answer ends there, or a heading follows, or a paragraph that does not
    open in lowercase. So a sentence without a final stop is whole: Logseq blocks, and
    answers typed a line each, are seldom punctuated ("It turns logits into probabilities"
    gave no key point, "too short"); one before a list, code or a formula is still cut."""
    if index >= len(tokens):
        return True
    kind = tokens[index].type
    if kind == "heading_open":
        return True
    if kind != "paragraph_open" or index + 1 >= len(tokens):
        return False
    return not tokens[index + 1].content.lstrip()[:1].islower()


def paragraph_sentences(
    raw: str, bare: Token, text: str, has_math: bool
) -> tuple[list[str], set[int]]:
    """(a paragraph's sentences, the numbers of those whole without a stop at their end):
    a statement a line when typed without stops; a bold run-in heading is no sentence."""
    lines = line_statements(bare.children or [])
    whole: set[int] = set()
    if lines is None:
        # without formulas the masked text is the text itself
        masked = (
            single_spaced(
                plain_inline(bare.children, display_inline=True, mask=True, typed_tags=False)
            )
            if has_math
            else text
        )
        if len(masked) != len(text):
            masked = mask_math(text)
        sentences = split_sentences(text, masked)
    else:  # a statement a line, unpunctuated: each line's end is a sentence's
        sentences = []
        for line in lines:
            sentences += split_sentences(line)
            whole.add(len(sentences) - 1)
    if sentences and sentences[0].rstrip(".") == _run_in_heading(raw):
        sentences = sentences[1:]  # "**Cost.** ...": the rest is the statement
        whole = {number - 1 for number in whole}
    return sentences, whole


def _run_in_heading(raw: str) -> str | None:
    """The words of a bold run-in heading opening a paragraph (`**Why decay.** ...`), or
    None: "Why decay." was a key point, and read as one it says nothing."""
    match = _RUN_IN.match(raw.strip())
    if match is None or len(match.group(1).split()) > RUN_IN_WORDS:
        return None
    return single_spaced(match.group(1))
