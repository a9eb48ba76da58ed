"""The tests a key point's text must pass, and the cuts that make one: a paragraph's
sentences, a sentence's clauses that stand alone, a point that fits lint's limits.
Shared by reading an answer (`keypoints_reading`), its formulas and choosing the rubric.
"""

from __future__ import annotations

import re

from quiz.bank.markdown import scan_math
from quiz.bank.mathtext import find_math_problems
from quiz.bank.sentences import BLANK, sentence_ends

MIN_POINTS = 3
MAX_POINTS = 6
MAX_CHARS = 200
"""Lint's limit for one key point."""
MIN_WORDS = 3
"""A sentence or clause of fewer words ("Yes.", "Cost.") is no statement to grade against."""


_CLAUSE = re.compile(
    r"\s*;\s+|(?:,|\s+[-–—])\s+(?=(?:and|but|so|which|while|whereas|because|since|"
    r"though|although|as|or|where|when|unless)\b)"
)
"""Where a sentence may be cut into clauses: at `;` and before a conjunction after a comma
or a dash. Never at a colon or a dash alone: what comes before one is most often a lead-in ("There are two
reasons", "The key idea is") and what comes after an elaboration without a verb ("roughly
twice as fast", "the learning rate, the batch size and the warmup"), neither a statement."""
TERMINAL = (".", "!", "?", ".)", '."', "?)")
OPEN_ENDS = frozenset(
    "a an the of to in as and or with by for on at from into over per via than that which"
    " is are was were be its their this these not but so".split()
)
"""Words a line of prose wrapped at a width (or broken by Anki's `<br>`) may end with: no
statement ends so."""
WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_FIRST_WORDS = re.compile(r"\W*(\w[\w.'’]*)(?:\W+(\S+))?")
_SUBORDINATORS = frozenset(
    "when whenever if unless because since although though while whereas as where wherever "
    "which who whom whose that until before after once than like whether".split()
)
"""Words that open a clause which cannot stand alone ("when fraud is rare")."""
_COORDINATORS = frozenset("and but".split())
_DEPENDENTS = frozenset("or nor so yet".split())
"""Conjunctions whose clause says nothing without the one before: "Or the estimate is
noisy", "So they stay identical forever" (the consequence of a cause left out)."""
_LEAD_INS = re.compile(
    r"(?:e\.\s?g\.|i\.\s?e\.|(?:for example|for instance|in other words|that is|namely|"
    r"especially|particularly|such as|roughly|about|approximately|not)\b)",
    re.IGNORECASE,
)
"""Openings of a clause that only elaborates the one before ("e.g. with SGD ...")."""
_DANGLING = frozenset(
    "a an the of to in on at by for with from into than as and or but so that which who "
    "is are was were be been being has have had do does did can could will would should "
    "must may might its their".split()
)
"""Last words that leave a clause unfinished ("and therefore it", "The key idea is")."""
_SUBJECTS = frozenset(
    "i it they we you he she this that these those there one the a an its their our his "
    "her each every no some most many all both either neither any such".split()
)
"""Words that can start the subject of a clause after 'and', 'but'..."""


CODE_SPAN = re.compile(r"(`+).+?\1")


def mask_math(text: str) -> str:
    """The text with every math span blanked (same length), to find cut points outside math."""
    for span in scan_math(text).spans:
        text = text[: span.start] + BLANK * (span.end - span.start) + text[span.end :]
    return text


def single_spaced(text: str) -> str:
    """Whitespace runs as one space, none at the ends (str.split's whitespace is re's `\\s`)."""
    return " ".join(text.split())


def split_sentences(text: str, masked: str | None = None) -> list[str]:
    """Sentences of a paragraph, never split inside math (`masked`: the text with its
    formulas blanked, when the caller has it)."""
    masked = mask_math(text) if masked is None else masked
    cuts = sentence_ends(masked)  # the rule lint counts sentences by
    parts: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        part = text[start:cut].strip()
        if part:
            parts.append(part)
        start = cut
    return parts


def stands_alone(clause: str) -> bool:
    """False for a clause that depends on another: one opened by 'when', 'because',
    'which'..., or an 'and'/'but'/'so' clause whose subject is the previous clause's."""
    if _LEAD_INS.match(clause):
        return False
    match = _FIRST_WORDS.match(clause)
    if match is None:
        return True
    first, second = match.group(1).lower(), match.group(2) or ""
    if first in _SUBORDINATORS or first in _DEPENDENTS:
        return False
    if first in _COORDINATORS:
        return bool(second) and (
            second.lower() in _SUBJECTS or second[:1].isupper() or second[:1] in "0123456789$`"
        )
    return True


def leaves_open(clause: str) -> bool:
    """True for a clause whose last word leaves it open ("The key idea is", "and therefore
    it"): the clause after it belongs to it."""
    words = clause.rstrip(" .;,").rsplit(None, 1)
    return bool(words) and words[-1].lower() in _DANGLING


def _inside_brackets(text: str, at: int) -> bool:
    """Whether `at` is inside a bracket opened before it and closed after it."""
    before = text[:at]
    depth = before.count("(") - before.count(")") + before.count("[") - before.count("]")
    return depth > 0 and (")" in text[at:] or "]" in text[at:])


def clauses(text: str) -> list[str]:
    """The clauses of a sentence that stand alone (split at `;` and `, and`, `, but`,
    `, which`...; outside math and brackets), each starting with a capital (a leading 'and'
    dropped) and without the sentence's final period. A clause that cannot stand alone
    ("..., when fraud is rare", "..., so they stay identical", "; e.g. with SGD") stays
    joined to the clause before it (to the one after it, when it comes first), and one left
    open by its last word ("The reason is") to the clause after it."""
    masked = mask_math(text)
    spans: list[list[int]] = []
    start = 0
    for match in _CLAUSE.finditer(masked):
        if _inside_brackets(masked, match.start()):
            continue  # "(Shaw et al. 2018; T5's biases)": one aside, never two clauses
        spans.append([start, match.start()])
        start = match.end()
    spans.append([start, len(text)])
    merged: list[list[int]] = []
    for span in spans:
        if merged and (
            not stands_alone(text[span[0] : span[1]].strip())
            or leaves_open(text[merged[-1][0] : merged[-1][1]])
        ):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    if len(merged) > 1 and not stands_alone(text[merged[0][0] : merged[0][1]].strip()):
        merged[1][0] = merged[0][0]
        del merged[0]
    out: list[str] = []
    for begin, end in merged:
        piece = text[begin:end].strip().rstrip(".;,")
        if piece[:4].lower() == "and ":  # "..., and the output is ..." -> "The output is ..."
            piece = piece[4:].lstrip()
        if len(piece.split()) >= 3:
            out.append(piece[0].upper() + piece[1:])
    return out


def is_statement(text: str) -> bool:
    """True for a point of `MIN_WORDS` words or more (a formula or code span is a word)."""
    return len(text.split()) >= MIN_WORDS


def words_beside_math(text: str) -> int:
    """The words of a point outside its formulas ("The gradient is: $...$": 3)."""
    return sum(1 for word in mask_math(text).split() if WORD_CHAR.search(word))


def fit(text: str, limit: int = MAX_CHARS) -> list[str]:
    """The text as points of at most `limit` characters: itself, or its sentences when it
    is longer (a long list item holds several), or a sentence's clauses; [] when a clause
    is still too long (a point is never cut mid-sentence)."""
    if len(text) <= limit:
        return [text]
    sentences = split_sentences(text)
    if len(sentences) > 1:
        pieces = [fit(sentence, limit) for sentence in sentences]
        return [] if not all(pieces) else [point for piece in pieces for point in piece]
    parts = clauses(text)
    if len(parts) < 2 or any(len(p) > limit for p in parts):
        return []
    return parts


def acceptable(point: str) -> bool:
    """One line, short, with words outside code, and math the renderer accepts."""
    if (
        point.endswith(":")
        or "\n" in point
        or len(point) > MAX_CHARS
        or not WORD_CHAR.search(CODE_SPAN.sub(" ", point))
    ):
        return False
    return "$" not in point or not find_math_problems(point)
