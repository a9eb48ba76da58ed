"""A two-column table of questions and answers (`| Question | Answer |`) read a card a row.

Notion exports a simple table as a pipe table, and many people keep a review sheet so:
`| Question | Answer |` over `| What does ReLU compute? | The maximum of 0 and x. |`.
Read as Markdown it was a table in no question's answer: "no questions found". Here such a
table (its header a question column and an answer column: Question, Q, Front, Prompt;
Answer, A, Back, Response) is rewritten line for line (every line keeps its
number): its header and rule left empty, each row a one-line question, `- Q: ... **A:**
...`, which the reader takes as a card whole. A table of other columns is left as it is.
"""

from __future__ import annotations

import re

from quiz.ecosystem.fences import outside_fences

_QUESTION = frozenset({"question", "questions", "q", "front", "prompt"})
_ANSWER = frozenset({"answer", "answers", "a", "back", "response"})
"""Headers that name a card's two sides; `Term | Definition` is left: an answer's glossary."""
_MAYBE_HEADER = re.compile(
    r"^[ \t]*\|?[ \t]*[*_`]*(?:questions?|q|front|prompt)[*_`:]*[ \t]*\|",
    re.IGNORECASE | re.MULTILINE,
)
"""A line that may be such a table's header: without one the notes are not split in lines."""
_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}:?[ \t]*\|?[ \t]*\r?$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _cells(row: str) -> list[str] | None:
    """A table row's cells (escaped pipes read), or None for a line that is no row."""
    body = row.strip()
    if "|" not in body:
        return None
    body = body.removeprefix("|")
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _CELL_SPLIT.split(body)]


def _plain(cell: str) -> str:
    """A header cell as a word to compare (`**Question**` -> `question`)."""
    return cell.strip("*_` ").rstrip(":").lower()


def read_qa_tables(text: str) -> str:
    """The notes with each question-and-answer table a question a row (see the docstring)."""
    if "|" not in text or _MAYBE_HEADER.search(text) is None:
        return text  # the common case: no copy of a large file
    rows = text.split("\n")
    changed = False
    outside = set(outside_fences(rows))
    index = 0
    while index + 1 < len(rows):
        header = _cells(rows[index]) if index in outside else None
        if (
            header is None
            or len(header) != 2
            or _plain(header[0]) not in _QUESTION
            or _plain(header[1]) not in _ANSWER
            or index + 1 not in outside
            or not _RULE.match(rows[index + 1])
        ):
            index += 1
            continue
        ending = "\r" if rows[index].endswith("\r") else ""
        rows[index] = rows[index + 1] = ending
        changed = True
        index += 2
        while index < len(rows) and index in outside:
            cells = _cells(rows[index])
            if cells is None or not rows[index].strip():
                break
            ending = "\r" if rows[index].endswith("\r") else ""
            question, answer = (cells + ["", ""])[:2]
            if len(cells) == 2 and question and answer:
                rows[index] = f"- Q: {question} **A:** {answer}{ending}"
            index += 1
    return "\n".join(rows) if changed else text
