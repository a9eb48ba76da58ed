"""HTML boxes that ask: a Notion `<aside>` or a `<details>` holding a question is a question.

A Notion page exported as Markdown writes each callout as `<aside>`, its icon, its text and
`</aside>`. An aside under an answer is a remark beside it (`htmlstrip.quote_asides` makes
it a quote there), but people also keep their questions in callouts: `<aside>❓ What is
gradient clipping?</aside>` above its answer, or the question and its answer both in the
box, as a flashcard. Read as HTML such an aside was never a question, and it was named as
"not imported" or run into the answer above it. Here an aside whose first paragraph asks is
rewritten in place into a question callout (`> [!html-aside]`), which the notes
reader already takes as a question whose body, if any, answers it; every line keeps its
number. An aside's first paragraph asks as a paragraph does anywhere in notes (`Q:` before
it, or all bold and ending in `?`), or when it ends in `?` and the aside holds its answer
after it, its icon is a question mark (❓, ❔, ⁉️), or it opens a section (only a heading
that asks nothing is above it, or nothing): there it answers no question. A plain "💡 Did
you know...?" alone in a box under an answer is a remark, as a plain paragraph is. An
aside of one line holding a question and its answer (`<aside>💡 What does epsilon do? It
keeps the division away from zero.</aside>`) is that question, written as the run-in bold
question it shows (`**What does epsilon do?** It keeps ...`), when its one `?` ends the
question; with more than one `?` after its start which ends the question is unclear, and
the line is named (`AskingBoxes.unclear`) with what to change. The rewritten callouts are
of kind `html-aside` or `html-details` (`callouts.BOX_KINDS`), so a report names each box by
its tag.

Notes written for GitHub hide each answer in a `<details>` block and put the question in
its `<summary>` (`<details><summary>What is dropout?</summary>` ... `</details>`). The
summary was dropped as a label ("Show answer" is one) and the question with it: the block
was named as text not imported. A `<details>` whose summary asks (it ends in `?`, or `Q:`
opens it) is now a question callout too, answered by the block's body; a summary that
asks nothing stays the answer marker it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.notes.tabs import indent_of
from quiz.ecosystem.titles import clean_title, split_title

_OPEN = re.compile(r"^<aside\b[^>]*>", re.IGNORECASE)
_ANY_BOX = re.compile(r"<aside|<details", re.IGNORECASE)
_DETAILS_OPEN = re.compile(r"^<details\b[^>]*>", re.IGNORECASE)
_DETAILS_CLOSE = re.compile(r"</details\s*>", re.IGNORECASE)
_ANY_DETAILS = re.compile(r"<details\b", re.IGNORECASE)
_ANY_ASIDE = re.compile(r"<aside\b", re.IGNORECASE)
_DETAILS_TAGS = re.compile(r"</?details\b[^>]*>", re.IGNORECASE)
_SUMMARY_ANYWHERE = re.compile(r"<summary\b[^>]*>(?P<title>.*?)</summary\s*>", re.IGNORECASE)
_ONE_LINE_DETAILS = re.compile(
    r"^(?P<lead>[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?)<details\b[^>]*>[ \t]*"
    r"<summary\b[^>]*>(?P<title>.*?)</summary\s*>(?P<body>.*?)</details\s*>[ \t]*(?P<end>\r?)$",
    re.IGNORECASE,
)
_SUMMARY = re.compile(r"^<summary\b[^>]*>(?P<title>.*?)</summary\s*>[ \t]*$", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_CLOSE = re.compile(r"</aside\s*>", re.IGNORECASE)
_ICON_IMAGE = re.compile(r"^<img\b[^>]*>\s*", re.IGNORECASE)
"""A custom icon, which Notion exports as an image before the callout's text."""
_QUESTION_ICONS = ("❓", "❔", "⁉", "🤔", "🙋")
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<title>.*?)[ \t#]*$")
_BOLD = re.compile(r"^(\*\*|__)(?P<inner>.+)\1$", re.DOTALL)


@dataclass(frozen=True)
class AskingBoxes:
    """The notes with each asking aside or details block written as a question callout,
    and its lines."""

    text: str
    lines: tuple[int, ...] = ()
    """1-based line of each box read as a question."""
    unclear: tuple[int, ...] = ()
    """1-based line of each one-line aside whose question could end at more than one `?`."""

    def notes(self) -> list[tuple[int, str]]:
        """Each unclear aside's line and what to change in it."""
        return [(line, UNCLEAR_ASIDE) for line in self.unclear]


UNCLEAR_ASIDE = (
    "on one line with more than one '?', not read as a question (which '?' ends it is "
    "unclear): put its question alone on the aside's first line and its answer on the "
    "lines under it"
)


def _first_paragraph(body: list[str]) -> tuple[list[str], bool]:
    """The aside's first paragraph (blank lines before it skipped) and whether anything
    follows it in the aside."""
    rows = [row.strip() for row in body]
    start = next((i for i, row in enumerate(rows) if row), len(rows))
    end = next((i for i in range(start, len(rows)) if not rows[i]), len(rows))
    return rows[start:end], any(rows[end:])


def asks(paragraph: list[str], answered: bool, *, leads: bool = False) -> bool:
    """True when an aside whose first paragraph is `paragraph` is a question (see the
    module's docstring); `answered` says whether the aside holds more after it, `leads`
    whether it opens a section (nothing but a heading that asks nothing above it)."""
    text = _ICON_IMAGE.sub("", " ".join(paragraph)).strip()
    icon = text.startswith(_QUESTION_ICONS)
    text = clean_title(text)
    bold = _BOLD.match(text)
    plain = clean_title(bold.group("inner")) if bold else text
    if not plain:
        return False
    if split_title(plain.replace("**", "").replace("__", "")).style == "q":
        return True
    if not plain.endswith("?"):
        return False
    return bool(bold) or answered or icon or leads


def _leads(rows: list[str], first: int) -> bool:
    """True when no text stands above the aside but a heading that asks nothing (or none):
    there it answers no question, so a question in it is one of its own."""
    above = next((rows[i].strip() for i in range(first - 1, -1, -1) if rows[i].strip()), None)
    if above is None:
        return True
    heading = _HEADING.match(above)
    if heading is None:
        return False
    title = clean_title(heading.group("title").replace("**", "").replace("__", ""))
    return not title.endswith("?") and split_title(title).style != "q"


def _sets_task(title: str, rows: list[str], first: int) -> bool:
    """True when a `<details>` summary sets a task ("Explain the vanishing gradient", a
    Notion toggle as HTML) and the line above it asks nothing: right under a question
    (`### Q: ...`, `**What is X?**`) the box holds that question's answer, whatever its
    label says."""
    if not split_title(title).asks or title.endswith(":"):
        return False
    above = next((rows[i].strip() for i in range(first - 1, -1, -1) if rows[i].strip()), None)
    if above is None or _leads(rows, first):
        return True
    plain = clean_title(_HEADING.sub(r"\g<title>", above).replace("**", "").replace("__", ""))
    parts = split_title(plain)
    return not (plain.endswith("?") or parts.style == "q" or parts.asks)


Rewrite = Callable[[list[str], int, int], "list[str] | None"]
"""A box's rewrite: from the notes' rows and its first and last row, its new rows."""


def _quoted(rows: list[str]) -> list[str]:
    """An aside's rows inside a quote (`>` alone for a blank one)."""
    return [f"> {row}" if row.strip() else ">" for row in rows]


def _rewrite(rows: list[str], first: int, last: int) -> list[str] | None:
    """The aside's rows (`first`..`last`) as a question callout, or None when it does not
    ask or cannot be rewritten without moving a line (text after its closing tag, text
    on the closing tag's line with a line of text right under it, which would run on into
    the quote, or a title of several lines on the opening tag's line)."""
    opening = _OPEN.match(rows[first].strip())
    closing = _CLOSE.search(rows[last])
    if opening is None or closing is None or rows[last][closing.end() :].strip():
        return None
    head = rows[first].strip()[opening.end() :]
    if first == last:
        head = head[: _CLOSE.search(head).start()]  # type: ignore[union-attr]
        body = [head]
    else:
        body = [head, *rows[first + 1 : last], rows[last][: closing.start()]]
    paragraph, answered = _first_paragraph(body)
    if not paragraph:
        return None
    if not asks(paragraph, answered, leads=_leads(rows, first)):
        if first != last or rows[last + 1 : last + 2] not in ([], [""]):
            return None  # text right under it would run on into the answer
        card = _one_line_card(head)
        return None if card is None else [card]
    closing_text = body[-1].strip()
    if closing_text and last + 1 < len(rows) and rows[last + 1].strip():
        return None
    if first == last:
        return [f"> [!html-aside] {head.strip()}"]
    if head.strip() and len(paragraph) > 1:
        return None
    end = [f"> {closing_text}"] if closing_text else [""]
    return [f"> [!html-aside] {head.strip()}".rstrip(), *_quoted(body[1:-1]), *end]


class _Unclear(Exception):
    """A one-line aside whose question could end at more than one `?`."""


def _one_line_card(text: str) -> str | None:
    """A one-line aside's text as a run-in bold question (`**What is X?** It is ...`) when
    a `?` ends its question and an answer follows, the only `?` after the question's start;
    None when no `?` has text after it. Raises `_Unclear` for more than one `?`."""
    text = _ICON_IMAGE.sub("", text.strip())
    at = text.find("?")
    if at < 0 or not text[at + 1 :].strip():
        return None
    if "?" in text[at + 1 :]:
        raise _Unclear
    question = clean_title(text[: at + 1])
    answer = text[at + 1 :].strip()
    if len(question.split()) < 2 or not answer[:1].isalnum() and answer[:1] not in "`$*_":
        return None  # "Why? ..." or "x?.y": no question a card could stand on
    return f"**{question}** {answer}"


def _rewrite_details(rows: list[str], first: int, last: int) -> list[str] | None:
    """The `<details>` block's rows (`first`..`last`) as a question callout, its summary
    the title, or None when the summary asks nothing, is not on a line of its own (after
    `<details>` or alone), or a line would move (as for an aside)."""
    opening = _DETAILS_OPEN.match(rows[first].strip())
    closing = _DETAILS_CLOSE.search(rows[last])
    if first == last or opening is None or closing is None or rows[last][closing.end() :].strip():
        return None
    at = first
    summary = rows[first].strip()[opening.end() :].strip()
    if not summary:
        at = next((row for row in range(first + 1, last) if rows[row].strip()), last)
        summary = rows[at].strip() if at < last else ""
    match = _SUMMARY.match(summary)
    if match is None:
        return None
    title = " ".join(_TAG.sub("", match.group("title")).split())
    if not title or not (asks([title], True) or _sets_task(title, rows, first)):
        return None
    closing_text = rows[last][: closing.start()].strip()
    if closing_text and last + 1 < len(rows) and rows[last + 1].strip():
        return None
    end = [f"> {closing_text}"] if closing_text else [""]
    blank = [""] * (at - first)
    body = _inner_toggles(rows[at + 1 : last])
    return [*blank, f"> [!html-details] {title}", *_quoted(body), *end]


def _nesting(row: str, closing: re.Pattern[str]) -> int:
    """How many more boxes of the closing tag's kind the row opens than it closes: a
    `<details>` in a toggle's answer (Notion's toggle in a toggle) closed the outer one at
    its own `</details>`, and the rest of the answer was named as text not imported."""
    opens = _ANY_DETAILS if closing is _DETAILS_CLOSE else _ANY_ASIDE
    return len(opens.findall(row)) - len(closing.findall(row))


def _one_line_details(row: str) -> str | None:
    """A `<details>` on one line whose summary asks (`- <details><summary>What is X?
    </summary>It is ...</details>`), written as the run-in bold question it shows (`- **What
    is X?** It is ...`), or None. Such a toggle in a list item was text no question took."""
    if "<details" not in row.lower():
        return None
    match = _ONE_LINE_DETAILS.match(row)
    if match is None:
        return None
    title = " ".join(_TAG.sub("", match.group("title")).split())
    body = match.group("body").strip()
    if not title or not body or "<details" in body.lower() or not asks([title], True):
        return None
    return f"{match.group('lead')}**{title}** {body}{match.group('end')}"


def _inner_toggles(rows: list[str]) -> list[str]:
    """The rows of a toggle's answer with the toggles in it opened, as Notion shows them:
    a `<details>` or `</details>` tag taken off, a summary the bold label of its text
    (`**Bayesian view:**`); it was read as the answer's marker, the answer before it made
    the question's."""
    opened = []
    for row in rows:
        kept = _SUMMARY_ANYWHERE.sub(_label, row)
        kept = _DETAILS_TAGS.sub("", kept)
        opened.append(kept if kept.strip() or not row.strip() else "")
    return opened


def _label(summary: re.Match[str]) -> str:
    """An inner toggle's summary as the bold label over its text (`**Bayesian view:**`)."""
    title = " ".join(_TAG.sub("", summary.group("title")).split())
    if not title:
        return ""
    return f"**{title}**" if title.endswith((":", "?", ".", "!")) else f"**{title}:**"


_BOXES: tuple[tuple[re.Pattern[str], re.Pattern[str], Rewrite], ...] = (
    (_OPEN, _CLOSE, _rewrite),
    (_DETAILS_OPEN, _DETAILS_CLOSE, _rewrite_details),
)
"""Each box: what opens it (at a line's start), what closes it, how it is rewritten."""


def read_asking_boxes(text: str) -> AskingBoxes:
    """The notes with their asking boxes as question callouts (see the module docstring)."""
    if _ANY_BOX.search(text) is None:
        return AskingBoxes(text)  # the common case: no copy of a large file
    rows = text.split("\n")
    asked: list[int] = []
    unclear: list[int] = []
    box: tuple[int, re.Pattern[str], Rewrite] | None = None  # (its first row, closing, how)
    depth = 0  # boxes of its kind open in the box (a toggle in a toggle's answer), itself too
    for index in outside_fences(rows):
        row = rows[index]
        if box is None:
            if indent_of(row):
                continue
            if (one_line := _one_line_details(row)) is not None:
                rows[index] = one_line
                asked.append(index + 1)
                continue
            found = next(((o, c, r) for o, c, r in _BOXES if o.match(row.strip())), None)
            if found is None:
                continue
            opening, closing, rewrite = found
            box = (index, closing, rewrite)
            after = row.strip()[opening.match(row.strip()).end() :]  # type: ignore[union-attr]
            depth = 1 + _nesting(after, closing)
            if depth > 0:
                continue
        else:
            depth += _nesting(row, box[1])
            if depth > 0:
                continue
        (first, _closing, rewrite_box), box = box, None
        try:
            rewritten = rewrite_box(rows, first, index)
        except _Unclear:
            unclear.append(first + 1)
            continue
        if rewritten is not None:
            rows[first : index + 1] = rewritten
            asked.append(first + 1)
    if not asked:
        return AskingBoxes(text, unclear=tuple(unclear))
    return AskingBoxes("\n".join(rows), tuple(asked), tuple(unclear))
