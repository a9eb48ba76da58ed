"""Display formulas as key points: a formula alone as inline math, the sentence that
introduces one ("...:") with it, a Logseq item's formula lines, and, when an answer is
short of points, the sentence, the formula and its "where ..." taken apart (`unfolded_parts`).
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.ecosystem.keypoints_candidate import (
    PointCandidate,
    PointCollector,
    inline_as_line,
    inline_holder,
)
from quiz.ecosystem.keypoints_sentences import (
    MAX_CHARS,
    TERMINAL,
    acceptable,
    is_statement,
    leaves_open,
    single_spaced,
    stands_alone,
)

MATH_CHILDREN = frozenset({"math_inline", "math_inline_double"})


def formula_text(latex: str) -> str:
    """A display formula as the inner text of inline math (one line, no trailing '.')."""
    return re.sub(r"\\quad\s*\\text\{[^}]*\}", "", single_spaced(latex)).strip().rstrip(",.")


def add_formula_point(latex: str, out: PointCollector) -> None:
    latex = formula_text(latex)
    if latex:
        out.add(f"${latex}$", 4)


def completing_formula(tokens: list[Token], index: int) -> str | None:
    """The display formula at `index` when it ends the sentence before it: the text after it
    does not carry that sentence on (a paragraph starting in lowercase: "where ...")."""
    if index >= len(tokens) or tokens[index].type != "math_block":
        return None
    after = index + 1
    if after + 1 < len(tokens) and tokens[after].type == "paragraph_open":
        if tokens[after + 1].content.lstrip()[:1].islower():
            return None
    latex = formula_text(tokens[index].content)
    return latex or None


_WHERE = re.compile(r"where\s+", re.IGNORECASE)


def introducing_statement(sentence: str) -> str | None:
    """A sentence that introduces a display formula ("Attention weights each value by how
    well its key matches the query:") as a statement of its own, its colon dropped; None
    when it says nothing without the formula ("The gradient is:", "We get")."""
    text = sentence.rstrip().removesuffix(":").rstrip()
    if not is_statement(text) or leaves_open(text) or not stands_alone(text):
        return None
    return text if acceptable(text) else None


def defining(sentence: str) -> str | None:
    """The "where ..." after a display formula as the statement it makes about the
    formula's symbols ("where $d_k$ is the key dimension." -> "$d_k$ is the key
    dimension."); None for any other sentence."""
    match = _WHERE.match(sentence)
    if match is None:
        return None
    text = sentence[match.end() :].strip()
    if not text or not is_statement(text) or not text.endswith(TERMINAL):
        return None
    text = text[0].upper() + text[1:] if text[0].isalpha() else text
    return text if acceptable(text) and len(text) <= MAX_CHARS else None


def unfolded_parts(candidates: list[PointCandidate]) -> list[PointCandidate]:
    """The candidates with each one's `parts` in its place: what an answer short of points
    holds when a display formula carries it (a sentence, the formula, a sentence was "too
    short for 3 key points (found 2)": the formula is a point a learner checks against)."""
    out: list[PointCandidate] = []
    for candidate in candidates:
        if not candidate.parts:
            out.append(candidate)
            continue
        for text in candidate.parts:
            rank = 4 if text.startswith("$") and text.endswith("$") else candidate.rank
            out.append(
                PointCandidate(
                    text, rank, candidate.group, candidate.order, quoted=candidate.quoted
                )
            )
    return out


_LIST_STEPS = frozenset(
    {"list_item_close", "list_item_open", "bullet_list_open", "ordered_list_open"}
)


def formula_next(tokens: list[Token], index: int) -> bool:
    """Whether the next list item (a sibling or a child) from `index` is a display formula."""
    while index < len(tokens) and tokens[index].type in _LIST_STEPS:
        index += 1
    return index < len(tokens) and tokens[index].type == "math_block"


def item_formulas(inline: Token, in_sentence: set[int], out: PointCollector) -> bool:
    """A list item's paragraph that holds a display formula on a line of its own, as a
    Logseq block does (`- The gradient is:` / `$$...$$` / `It is ...`), read as the
    sentences around the formula and the formula: joined, its text was one point ("...
    is: It is ..."). False (nothing added) for an item without one."""
    children = inline.children or []
    apart = {
        id(child)
        for at, child in enumerate(children)
        if (child.type == "math_inline_double" and id(child) not in in_sentence)
        or (
            child.type == "math_inline"  # "- The gradient is: $...$" and a line after it
            and 0 < at < len(children) - 1
            and children[at - 1].type == "text"
            and children[at - 1].content.rstrip().endswith(":")
            and children[at + 1].type in ("softbreak", "hardbreak")
        )
    }
    if not apart:
        return False
    runs: list[list[Token] | str] = [[]]
    for child in children:
        if id(child) in apart:
            runs += [formula_text(child.content), []]
        elif child.type not in ("softbreak", "hardbreak") or runs[-1]:
            current = runs[-1]
            assert isinstance(current, list)
            current.append(child)
    texts = [run if isinstance(run, str) else inline_as_line(inline_holder(run)) for run in runs]
    number = 0
    while number < len(texts):
        text, formula = texts[number], texts[number + 1] if number + 1 < len(texts) else ""
        if number % 2:  # a formula no sentence introduced
            if text:
                out.add(f"${text}$", 4)
        elif text.endswith(":") and formula:
            intro = introducing_statement(text)
            parts = (intro, f"${formula}$") if intro else ()
            out.add(f"{text} ${formula}$", 0, complete=True, parts=parts)
            number += 1  # the formula is in this point
        elif text:
            defined = defining(text) if number else None
            out.add(text, 0, parts=(defined,) if defined else ())
        number += 1
    return True


def display_in_sentence(children: list[Token]) -> set[int]:
    """Ids of the display formulas (`$$...$$`) that words follow on their line: the
    formula is part of that sentence (`$$D_{KL}$$ measures how...`), and taken out as a
    formula point it left the key point "measures how $q$ differs from $p$."."""
    return {
        id(child)
        for child, after in zip(children, children[1:], strict=False)
        if child.type == "math_inline_double"
        and after.type == "text"
        and after.content.strip()[:1].isalnum()
    }


def without_display(inline: Token, in_sentence: set[int]) -> Token:
    """The paragraph without its display formulas that stand alone (they become formula
    points); one in a sentence (`in_sentence`) stays, shown inline."""
    copy = Token(inline.type, inline.tag, inline.nesting, content=inline.content)
    copy.children = [
        c for c in inline.children or () if c.type != "math_inline_double" or id(c) in in_sentence
    ]
    return copy


def apart_formulas(inline: Token, in_sentence: set[int], out: PointCollector) -> tuple[str, bool]:
    """(the paragraph's raw text without its display formulas that stand apart, whether it
    holds math): each such formula is a point of its own."""
    raw = inline.content
    has_math = False
    for child in inline.children or ():
        if child.type in MATH_CHILDREN:
            has_math = True
            if child.type == "math_inline_double" and id(child) not in in_sentence:
                add_formula_point(child.content, out)
                raw = raw.replace(f"$${child.content}$$", "")
    return raw, has_math
