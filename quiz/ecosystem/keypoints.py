"""Draw a concept card's self-grading rubric (`key_points`) out of an answer's Markdown.

The answer is read by the bank's Markdown reader. Where points come from, best first:
  1. labelled statements (`**Term:** text`), list items and table rows: what notes
     already present as separate facts, taken round-robin across the answer's parts
     (each bold label or heading starts a part) so the rubric covers the whole answer;
  2. sentences of the prose, first sentences first (task items, `- [ ] add an example`,
     a to-do more often than a fact, come with the later sentences, without their box);
  3. display formulas, as inline math, spread over the derivation;
  4. from code blocks: docstrings and comments that are words, never a line of code.
Lower kinds only pad the rubric up to the minimum of three. Short of three, a display
formula is taken apart from the sentence that introduces it ("...:"), each a point, and a
"where $d_k$ is ..." after it is one without its "where" (`unfolded_parts`). The answer's
opening sentence (or formula) comes first when list items or rows left it out. A quote (`> ...`, an Obsidian
or Notion callout) is a side remark shown with the answer, not a point of it: it gives
points only when labelled (`> **Term:** text`), when the answer is nothing but quotes,
or to reach three points that the rest of a longer answer lacks. A short answer (one or two
sentences) is split at its clauses; when it still gives only 1-2 points, those are its
rubric (lint accepts that for an answer of at most two sentences). Every point is one
line of at most `MAX_CHARS` characters (lint's limit) and never cut: a longer statement
is split at clauses or left out. Prose points are whole sentences or whole clauses that stand alone: a
subordinate clause ("when fraud is rare") stays with the clause it depends on, and an
abbreviation ("e.g.") ends no sentence. Math in a point is what the renderer accepts.
"""

from __future__ import annotations

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.bank.sentences import is_short_answer
from quiz.ecosystem.keypoints_candidate import PointCandidate
from quiz.ecosystem.keypoints_formulas import unfolded_parts
from quiz.ecosystem.keypoints_reading import candidate_points
from quiz.ecosystem.keypoints_sentences import (
    MAX_POINTS,
    MIN_POINTS,
    TERMINAL,
    acceptable,
    clauses,
    fit,
    is_statement,
)


def _whole_sentence(candidate: PointCandidate) -> bool:
    """A sentence that ends like one (or with the formula it introduces) and is not the rest
    of a sentence a formula or a list interrupted ("where ...")."""
    text = candidate.text
    return (text.endswith(TERMINAL) or candidate.complete) and not candidate.carries_on


def _points_of(candidate: PointCandidate) -> list[str]:
    """The candidate as acceptable points (itself, or its clauses when too long)."""
    text = candidate.text
    if candidate.prose and not (_whole_sentence(candidate) and is_statement(text)):
        return []  # cut short by a formula or a list, or "Yes.": not a whole statement
    return [p for p in fit(text) if acceptable(p)]


def key_points(answer: str, tokens: list[Token] | None = None) -> list[str]:
    """3 to `MAX_POINTS` rubric points for the answer; fewer when the answer is too thin.
    `tokens`: the answer's Markdown tokens, when the caller has parsed it already. Quoted
    remarks count only when the rest gives no point, or too few for a longer answer."""
    if tokens is None:
        tokens = parse(answer)
    candidates = candidate_points(answer, tokens)
    own = [candidate for candidate in candidates if not candidate.quoted]
    if len(own) == len(candidates):
        return _chosen(candidates)
    chosen = _chosen(own)
    if not chosen:
        return _chosen(candidates)  # nothing but quotes: they are the answer
    if len(chosen) >= MIN_POINTS or is_short_answer(answer, tokens):
        return chosen
    seen = {point.lower() for point in chosen}
    for candidate in candidates:
        for point in _points_of(candidate) if candidate.quoted else ():
            if len(chosen) < MIN_POINTS and point.lower() not in seen:
                seen.add(point.lower())
                chosen.append(point)
    return chosen


def _chosen(candidates: list[PointCandidate]) -> list[str]:
    """The rubric drawn from these candidates, best kinds first (see the module's text);
    short of three, with the candidates a display formula splits (`unfolded_parts`)."""
    chosen = _drawn(candidates)
    if len(chosen) < MIN_POINTS and any(candidate.parts for candidate in candidates):
        unfolded = _drawn(unfolded_parts(candidates))
        if len(unfolded) > len(chosen):
            return unfolded
    return _lead_first(candidates, chosen)


def _lead_first(candidates: list[PointCandidate], chosen: list[str]) -> list[str]:
    """The rubric with the answer's opening sentence (or formula) first when list items or
    table rows left it out: "PCA projects the data onto the directions of largest
    variance." over three steps gave only the steps, and a softmax answer only its table's
    rows, the core of the answer missing. It takes the last place when the rubric is full."""
    if len(chosen) < MIN_POINTS or not candidates:
        return chosen
    lead = min(candidates, key=lambda candidate: candidate.order)
    if lead.quoted or lead.rank not in (1, 4):
        return chosen
    if not any(c.rank == 0 and c.order > lead.order for c in candidates):
        return chosen  # no list item or row came before it in the draw
    points = _points_of(lead)
    taken = {point.lower() for point in chosen}
    if not points or points[0].lower() in taken:
        return chosen
    return [points[0], *chosen][:MAX_POINTS]


def _drawn(candidates: list[PointCandidate]) -> list[str]:
    """The rubric drawn from these candidates, best kinds first (see the module's text)."""
    chosen: list[str] = []
    seen: set[str] = set()

    def take(points: list[str]) -> None:
        for point in points:
            if point.lower() not in seen and len(chosen) < MAX_POINTS:
                seen.add(point.lower())
                chosen.append(point)

    groups: dict[int, list[PointCandidate]] = {}
    for candidate in candidates:
        if candidate.rank == 0:
            groups.setdefault(candidate.group, []).append(candidate)
    queues = list(groups.values())
    while any(queues) and len(chosen) < MAX_POINTS:
        for queue in queues:
            if queue:
                take(_points_of(queue.pop(0)))
    for rank in (1, 2, 4, 3):
        pool = [c for c in candidates if c.rank == rank]
        if rank == 4:  # formulas: spread the picks over the whole derivation
            pool = _spread(pool, MIN_POINTS - len(chosen))
        for candidate in pool:
            if len(chosen) >= MIN_POINTS:
                return chosen
            take(_points_of(candidate))
    if len(chosen) < MIN_POINTS:
        split = _short_answer(candidates)
        return split if len(split) > len(chosen) else chosen
    return chosen


def _short_answer(candidates: list[PointCandidate]) -> list[str]:
    """A short answer's clauses that stand alone as points, when they make at least three
    (a sentence cut short by a formula or a list gives none)."""
    points: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.rank not in (0, 1, 2):
            continue
        if candidate.prose and not (_whole_sentence(candidate) and is_statement(candidate.text)):
            continue
        pieces = clauses(candidate.text)
        for piece in pieces if len(pieces) > 1 else [candidate.text.rstrip(".")]:
            if acceptable(piece) and piece.lower() not in seen:
                seen.add(piece.lower())
                points.append(piece)
    return points[:MAX_POINTS]


def _spread(pool: list[PointCandidate], count: int) -> list[PointCandidate]:
    """`count` evenly spaced items of the pool first (first and last included), then the rest."""
    if count < 2 or len(pool) <= count:
        return pool
    step = (len(pool) - 1) / (count - 1)
    picks = sorted({round(i * step) for i in range(count)})
    return [pool[i] for i in picks] + [c for i, c in enumerate(pool) if i not in picks]
