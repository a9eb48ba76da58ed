"""Callout questions' answers (`> [!question] title` and its box), the notes' lines as read
with the boxes that ask unquoted, and the callouts no question's answer holds.
"""

from __future__ import annotations

from quiz.ecosystem.callouts import Callout, callout_of, header_text, unquote
from quiz.ecosystem.notes.candidate import Candidate
from quiz.ecosystem.notes.found import Ignored


def boxed(cand: Candidate, lines: list[str]) -> bool:
    """Whether a question callout's body (after its title) holds text."""
    end = cand.block.container_end
    return any(unquote(lines[row]).strip() for row in range(cand.head_end, end))


def callout_end(cand: Candidate, stop: int, lines: list[str], by_start: dict[int, Callout]) -> int:
    """Line past a question callout's answer: its own quote when its body holds text (with
    the answer, note or tip callouts right after it), else `stop`, as for a bold question
    (its answer follows it, in an answer callout or as text)."""
    block = cand.block
    callout = block.callout
    assert callout is not None
    if not boxed(cand, lines):
        return min(stop, block.outer_end)
    end = callout.end
    while True:
        row = end
        while row < stop and not lines[row].strip():
            row += 1
        after = by_start.get(row)
        if row >= stop or after is None or after.asks or after.titled_question:
            return end  # a callout titled with a question is no remark of this answer
        end = after.end


def callout_view(lines: list[str], callouts: list[Callout], asked: set[int]) -> list[str]:
    """The notes' lines as answers are cut from them: the quote marks of question and answer
    callouts taken off (their text is the question's), an answer callout's header an answer
    marker, another callout's header a bold run-in heading (`> **Tip: title.**`)."""
    view = list(lines)
    unwraps: dict[int, int] = {}
    for callout in callouts:
        if callout.start in asked or callout.answers:
            for row in range(callout.start, min(callout.end, len(lines))):
                unwraps[row] = unwraps.get(row, 0) + 1
    for row, times in unwraps.items():
        view[row] = unquote(lines[row], times)
    for callout in callouts:
        if callout.start not in asked and callout.start < len(lines):
            view[callout.start] = header_text(view[callout.start], callout)
        elif callout.start in asked:
            _mark_inner_answer(view, callout)
    return view


def _mark_inner_answer(view: list[str], callout: Callout) -> None:
    """A question callout's first body line that reads `[!answer] text` (the answer's
    header typed inside the question's own quote, no blank `>` line parting them) as the
    answer marker it means: its `[!answer]` was the answer's first words until import53."""
    for row in range(callout.start + 1, min(callout.end, len(view))):
        line = view[row]
        if not line.lstrip().startswith("[!"):
            continue
        inner = callout_of(line, row, row + 1)
        if inner is not None and inner.answers:
            view[row] = header_text(line, inner)
        return


def left_out_callouts(
    callouts: list[Callout],
    asked: set[int],
    extents: list[tuple[int, int]],
    reported: list[tuple[int, int]],
) -> list[Ignored]:
    """Callouts in no question's answer, each named (outermost only): a `[!note]` in a
    file's introduction or between cards was dropped without a word. Adds what it names
    to `reported`."""
    covered = [*extents, *reported]
    found: list[Ignored] = []
    outer_end = -1
    for callout in sorted(callouts, key=lambda c: c.start):
        if callout.start < outer_end:
            continue  # inside a callout already named or asked
        outer_end = callout.end
        if callout.start in asked or any(a <= callout.start < b for a, b in covered):
            continue
        reported.append((callout.start, callout.end))
        found.append(
            Ignored(
                callout.start + 1,
                callout.name,
                "a callout in no question's answer, not imported (a [!question] or [!faq] "
                "callout with an answer makes a card, and a callout under a question's "
                "answer is part of it)",
            )
        )
    return found
