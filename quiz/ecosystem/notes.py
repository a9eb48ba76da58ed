"""Read Markdown interview notes (shaped like the seed) into questions and answers.

The seed's shape is `## Q1: title` then `**Answer:**` and the answer. People's notes
vary, so this reader is forgiving: any heading level, `Q1.`/`Q1)`/`3.` numbering or
none (a title ending in `?`), `**Answer**` with or without a colon, `A:` lines, and
`Q:`/`A:` line pairs without headings at all. Code fences are respected everywhere: a
`# comment` in a code block is never a heading. What cannot be read is reported, never
dropped silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_EMPH = r"(?:\*\*|__)"
# "Q1: title", "Q 1. title", "Question 3) title", "**Q2:** title", "3. title", "Q: title".
_NUMBERED = re.compile(
    rf"^{_EMPH}?\s*(?:Q(?:uestion)?\s*(?P<q>\d+)(?:\s*[:.)]|\s+[-–—]|\s|(?={_EMPH}))"
    rf"|(?P<n>\d+)(?:\s*[.):]|\s+[-–—])|Q(?:uestion)?\s*[:.])\s*{_EMPH}?\s*[:.]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)
_Q_LINE = re.compile(
    rf"^\s*{_EMPH}?\s*Q(?:uestion)?\s*(?P<q>\d+)?\s*[:.]\s*{_EMPH}?\s*(?P<title>\S.*)$"
)
_ANSWER = re.compile(
    r"^\s*(?P<open>\*\*|__|\*|_)?(?P<word>Answer|A)\b(?P<c1>\s*:)?"
    r"(?P<close>\*\*|__|\*|_)?(?P<c2>\s*:)?(?:[ \t]+(?P<rest>.*)|[ \t]*$)",
    re.IGNORECASE,
)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


@dataclass(frozen=True)
class NoteQuestion:
    """One question found in the notes, with its answer Markdown as written."""

    ordinal: int
    """1-based position among the questions of the file."""
    number: int | None
    """The number the notes gave it (`Q4` -> 4), if any."""
    title: str
    prompt: str
    """Extra question text between the title and the answer marker (often empty)."""
    answer: str
    line: int
    """1-based line of the question in the notes file."""
    marker: bool
    """False when no `**Answer:**`/`A:` marker was found and the whole body was taken."""

    @property
    def label(self) -> str:
        """How messages name it: `Q4` (the notes' number) or `#4` (its position)."""
        return f"Q{self.number}" if self.number is not None else f"#{self.ordinal}"


@dataclass(frozen=True)
class Ignored:
    """A part of the notes that was not turned into a question, and why."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class ParsedNotes:
    """Everything read from one notes file."""

    title: str | None
    """The document's `# title`, if any (used to name a new pack)."""
    questions: tuple[NoteQuestion, ...]
    ignored: tuple[Ignored, ...]


def _code_mask(lines: list[str]) -> list[bool]:
    """True for lines inside (or delimiting) a fenced code block."""
    mask: list[bool] = []
    fence: str | None = None
    for raw in lines:
        match = _FENCE.match(raw)
        if fence is None:
            if match:
                fence = match.group(1)[0] * len(match.group(1))
                mask.append(True)
            else:
                mask.append(False)
        else:
            mask.append(True)
            if match and match.group(1).startswith(fence) and not match.group(2).strip():
                fence = None
    return mask


def _unwrap(text: str) -> str:
    """A title without surrounding emphasis and trailing colon."""
    text = text.strip()
    for mark in ("**", "__"):
        if text.startswith(mark) and text.endswith(mark) and len(text) > 2 * len(mark):
            text = text[len(mark) : -len(mark)].strip()
    return text.rstrip(":").strip()


def split_title(heading: str) -> tuple[int | None, str, bool]:
    """(number, title, looks like a question) for a heading's text."""
    text = heading.strip()
    match = _NUMBERED.match(text)
    if match:
        number = match.group("q") or match.group("n")
        title = _unwrap(match.group("title"))
        return (int(number) if number else None), title, bool(title)
    title = _unwrap(text)
    return None, title, title.endswith("?")


def answer_marker(line: str) -> str | None:
    """The text after an answer marker on this line (maybe ''), or None when it is not one."""
    match = _ANSWER.match(line)
    if match is None:
        return None
    opened, closed = match.group("open"), match.group("close")
    if (opened or closed) and opened != closed:
        return None
    colon = bool(match.group("c1") or match.group("c2"))
    rest = (match.group("rest") or "").strip()
    if match.group("word").lower() == "a":
        if match.group("word") != "A" or not colon:
            return None
    elif not (colon or opened or not rest):
        return None
    return rest


def _trim(lines: list[str]) -> str:
    """Lines joined, without leading/trailing blank lines and trailing rules (`---`)."""
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and (not lines[-1].strip() or _RULE.match(lines[-1])):
        lines = lines[:-1]
    return "\n".join(line.rstrip() for line in lines)


def _split_body(body: list[str], mask: list[bool], qlevel: int) -> tuple[str, str, bool]:
    """(prompt, answer, marker found) of a question's body lines."""
    for index, raw in enumerate(body):
        if mask[index]:
            continue
        rest = answer_marker(raw)
        if rest is None:
            heading = _ATX.match(raw)
            if heading and len(heading.group(1)) > qlevel:
                if _unwrap(heading.group(2)).lower() == "answer":
                    rest = ""
        if rest is not None:
            return _trim(body[:index]), _trim([rest, *body[index + 1 :]]), True
    return "", _trim(body), False


def _question_level(headings: list[tuple[int, int, str]]) -> int | None:
    """The heading level most question-like headings use (ties: the shallower)."""
    counts: dict[int, int] = {}
    for _index, level, text in headings:
        if split_title(text)[2]:
            counts[level] = counts.get(level, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda level: counts[level])


def parse_notes(text: str) -> ParsedNotes:
    """Questions and answers of a notes file, plus what was ignored and why."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    mask = _code_mask(lines)
    headings: list[tuple[int, int, str]] = []
    for index, raw in enumerate(lines):
        if not mask[index]:
            match = _ATX.match(raw)
            if match:
                headings.append((index, len(match.group(1)), match.group(2)))
    title = next((_unwrap(t) for _i, level, t in headings if level == 1), None)
    qlevel = _question_level(headings)
    if qlevel is None:
        questions, ignored = _parse_line_pairs(lines, mask)
    else:
        questions, ignored = _parse_headings(lines, mask, headings, qlevel)
    return ParsedNotes(title, tuple(questions), tuple(ignored))


def _parse_headings(
    lines: list[str], mask: list[bool], headings: list[tuple[int, int, str]], qlevel: int
) -> tuple[list[NoteQuestion], list[Ignored]]:
    questions: list[NoteQuestion] = []
    ignored: list[Ignored] = []
    bounds = [(i, level, t) for i, level, t in headings if level <= qlevel]
    for position, (index, level, heading) in enumerate(bounds):
        end = bounds[position + 1][0] if position + 1 < len(bounds) else len(lines)
        body = lines[index + 1 : end]
        number, title, is_question = split_title(heading)
        if level < qlevel:
            continue
        if not is_question:
            if any(line.strip() for line in body):
                ignored.append(
                    Ignored(
                        index + 1,
                        heading.strip(),
                        "not a question (no Q number, no number, no '?'), its text was not imported",
                    )
                )
            continue
        prompt, answer, marker = _split_body(body, mask[index + 1 : end], qlevel)
        questions.append(
            NoteQuestion(
                ordinal=len(questions) + 1,
                number=number,
                title=title,
                prompt=prompt,
                answer=answer,
                line=index + 1,
                marker=marker,
            )
        )
    return questions, ignored


def _parse_line_pairs(
    lines: list[str], mask: list[bool]
) -> tuple[list[NoteQuestion], list[Ignored]]:
    """`Q: ...` / `A: ...` pairs (no question headings in the file)."""
    questions: list[NoteQuestion] = []
    current: tuple[int, int | None, str] | None = None
    prompt: list[str] = []
    answer: list[str] | None = None

    def close() -> None:
        if current is None:
            return
        line, number, title = current
        questions.append(
            NoteQuestion(
                ordinal=len(questions) + 1,
                number=number,
                title=title,
                prompt=_trim(prompt) if answer is not None else "",
                answer=_trim(answer) if answer is not None else _trim(prompt),
                line=line,
                marker=answer is not None,
            )
        )

    for index, raw in enumerate(lines):
        if mask[index]:
            if current is not None:
                (answer if answer is not None else prompt).append(raw)
            continue
        q_match = _Q_LINE.match(raw)
        if q_match:
            close()
            number = q_match.group("q")
            current = (index + 1, int(number) if number else None, _unwrap(q_match.group("title")))
            prompt, answer = [], None
            continue
        if current is None:
            continue
        if _ATX.match(raw):
            close()
            current, prompt, answer = None, [], None
            continue
        rest = answer_marker(raw) if answer is None else None
        if rest is not None:
            answer = [rest]
        else:
            (answer if answer is not None else prompt).append(raw)
    close()
    return questions, []
