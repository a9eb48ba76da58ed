"""Draw a concept card's self-grading rubric (3-7 `key_points`) out of an answer's Markdown.

Where points come from, best first:
  1. labelled statements (`**Term:** text`), list items and table rows: what notes
     already present as separate facts, taken round-robin across the answer's parts
     (each bold label or heading starts a part) so the rubric covers the whole answer;
  2. sentences of the prose, first sentences first;
  3. display formulas, as inline math, spread over the derivation;
  4. from code blocks: the functions defined, docstrings, comments.
Lower kinds only pad the rubric up to the minimum of three. Every point is one line,
at most `MAX_CHARS` characters, cut at a word outside math, with balanced `$` that
the math renderer accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.bank.mathtext import find_math_problems

MIN_POINTS = 3
MAX_POINTS = 6
MAX_CHARS = 120

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})(.*)$")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$")
_LIST = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$")
_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+?)\s*(:?)\s*(?:\*\*|__)\s*(:?)\s*(.*)$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_DISPLAY_LINE = re.compile(r"^\s*\$\$(.+?)\$\$\s*$")
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\s](?:[^$]*?[^$\s])?\$")
_PLAIN_LABEL = re.compile(r"^[^:$`]{1,30}:\s")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_DEF = re.compile(r"^\s*def\s+([A-Za-z_]\w*\s*\(.*?\))\s*(?:->.*)?:\s*$")
_DOCSTRING = re.compile(r'^\s*(?:"""|\'\'\')(.+?)(?:"""|\'\'\')\s*$')
_COMMENT = re.compile(r"(?:^|\s)(?:#|//)\s*(.+)$")


@dataclass(frozen=True)
class _Candidate:
    text: str
    rank: int
    group: int
    order: int


def _mask_math(text: str) -> str:
    """The text with every math span blanked (same length), to find cut points outside math."""
    return _MATH.sub(lambda m: "\0" * len(m.group(0)), text)


def _clean(text: str) -> str:
    """Plain one-line text: no bold markers, links reduced to their text, spaces collapsed."""
    text = _LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", text).strip()


def _labelled(text: str) -> tuple[str, str] | None:
    """(label, rest) for `**Label:** rest` (the colon inside or after the bold)."""
    match = _LABEL.match(text.strip())
    if match is None or not (match.group(2) or match.group(3)):
        return None
    return match.group(1).strip(), match.group(4).strip()


def _sentences(text: str) -> list[str]:
    """Sentences of a paragraph, never split inside math."""
    masked = _mask_math(text)
    cuts = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z$(\\*`])", masked)]
    parts: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        part = text[start:cut].strip()
        if part:
            parts.append(part)
        start = cut
    return parts


def shorten(text: str, limit: int = MAX_CHARS) -> str | None:
    """The text cut to `limit` characters at a word boundary outside math, or None if it cannot be."""
    if len(text) <= limit:
        return text
    masked = _mask_math(text)
    first = _sentences(text)[0]
    if 20 <= len(first) <= limit:
        return first
    for cut in range(limit - 1, limit // 3, -1):
        if masked[cut] == " " and masked[cut - 1] != "\0":
            return text[:cut].rstrip(" ,;:-") + "…"
    return None


def acceptable(point: str) -> bool:
    """One line, short, with letters, and math the renderer accepts (balanced `$`)."""
    if (
        point.endswith(":")
        or "\n" in point
        or len(point) > MAX_CHARS
        or not re.search(r"[A-Za-z0-9]", point)
    ):
        return False
    unescaped = len(re.findall(r"(?<!\\)\$", point))
    return unescaped % 2 == 0 and not find_math_problems(point)


class _Collector:
    def __init__(self) -> None:
        self.items: list[_Candidate] = []
        self.group = 0

    def add(self, text: str, rank: int) -> None:
        text = _clean(text)
        if text:
            self.items.append(_Candidate(text, rank, self.group, len(self.items)))

    def new_group(self) -> None:
        self.group += 1


def _table_rows(rows: list[str], out: _Collector) -> None:
    def cells(row: str) -> list[str]:
        row = row.strip()
        row = row[1:] if row.startswith("|") else row
        row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
        return [_clean(cell) for cell in re.split(r"(?<!\\)\|", row)]

    if len(rows) < 3 or not _TABLE_SEPARATOR.match(rows[1]):
        return
    header = cells(rows[0])
    out.new_group()
    for row in rows[2:]:
        values = cells(row)
        if len(values) < 2 or not values[0]:
            continue
        if len(values) == 2:
            out.add(f"{values[0]}: {values[1]}", 0)
            continue
        pairs = [
            f"{name} {value}" if name else value
            for name, value in zip(header[1:], values[1:], strict=False)
            if value
        ]
        out.add(f"{values[0]}: {'; '.join(pairs)}", 0)


def _code(lines: list[str], language: str, out: _Collector) -> None:
    for raw in lines:
        for pattern in (_DEF, _DOCSTRING):
            match = pattern.match(raw)
            if match:
                out.add(match.group(1), 3)
        comment = _COMMENT.search(raw) if language in {"", "python", "py", "bash", "sh"} else None
        if language in {"c", "cpp", "java", "js", "javascript", "ts", "typescript", "go", "rust"}:
            comment = re.search(r"//\s*(.+)$", raw)
        if comment and len(re.findall(r"[A-Za-z]", comment.group(1))) >= 4:
            out.add(comment.group(1), 3)


def _candidates(answer: str) -> list[_Candidate]:
    out = _Collector()
    lines = answer.split("\n")
    paragraph: list[str] = []
    label = ""
    sublabel = ""

    def flush() -> None:
        text = " ".join(line.strip() for line in paragraph)
        paragraph.clear()
        for index, sentence in enumerate(_sentences(text)):
            out.add(sentence, 1 if index == 0 else 2)

    index = 0
    while index < len(lines):
        raw = lines[index]
        fence = _FENCE.match(raw)
        if fence:
            flush()
            marker, language = fence.group(1), fence.group(2).strip().lower()
            end = index + 1
            while end < len(lines):
                closing = _FENCE.match(lines[end])
                if closing and closing.group(1).startswith(marker) and not closing.group(2).strip():
                    break
                end += 1
            _code(lines[index + 1 : end], language, out)
            index = end + 1
            continue
        stripped = raw.strip()
        if stripped.startswith("|"):
            flush()
            end = index
            while end < len(lines) and lines[end].strip().startswith("|"):
                end += 1
            _table_rows(lines[index:end], out)
            index = end
            continue
        if stripped.startswith("$$"):
            flush()
            one_line = _DISPLAY_LINE.match(raw)
            if one_line:
                body, index = one_line.group(1), index + 1
            else:
                end = index + 1
                while end < len(lines) and "$$" not in lines[end]:
                    end += 1
                body = " ".join(
                    [stripped[2:], *(x.strip() for x in lines[index + 1 : end])]
                    + ([lines[end].strip().removesuffix("$$")] if end < len(lines) else [])
                )
                index = end + 1
            latex = re.sub(r"\\quad\s*\\text\{[^}]*\}", "", body).strip().rstrip(",.")
            if latex:
                out.add(f"${latex}$", 4)
            continue
        heading = _HEADING.match(raw)
        item = _LIST.match(raw)
        if not stripped or heading:
            flush()
            if heading:
                out.new_group()
                label, sublabel = _clean(heading.group(1)), ""
        elif item:
            flush()
            indented = len(item.group(1).expandtabs(4)) > 0
            text = item.group(2)
            pair = _labelled(text)
            if pair is not None and not pair[1]:
                sublabel = pair[0]
            else:
                context = sublabel if indented and sublabel else label
                if pair is None and context and not _PLAIN_LABEL.match(text):
                    text = f"{context}: {text}"
                out.add(text, 0)
                if not indented:
                    sublabel = ""
        elif not paragraph and (pair := _labelled(stripped)) is not None:
            out.new_group()
            label, sublabel = pair[0], ""
            if pair[1]:
                out.add(f"{pair[0]}: {pair[1]}", 0)
        else:
            paragraph.append(raw)
        index += 1
    flush()
    return out.items


def _fixed(point: str) -> str | None:
    short = shorten(point)
    if short is None or not acceptable(short):
        return None
    return short


def key_points(answer: str) -> list[str]:
    """3 to `MAX_POINTS` rubric points for the answer; fewer when the answer is too thin."""
    chosen: list[str] = []
    seen: set[str] = set()

    def take(candidate: _Candidate) -> None:
        point = _fixed(candidate.text)
        if point is not None and point.lower() not in seen and len(chosen) < MAX_POINTS:
            seen.add(point.lower())
            chosen.append(point)

    candidates = _candidates(answer)
    groups: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.rank == 0:
            groups.setdefault(candidate.group, []).append(candidate)
    queues = list(groups.values())
    while any(queues) and len(chosen) < MAX_POINTS:
        for queue in queues:
            if queue:
                take(queue.pop(0))
    for rank in (1, 2, 4, 3):
        pool = [c for c in candidates if c.rank == rank]
        if rank == 4:  # formulas: spread the picks over the whole derivation
            pool = _spread(pool, MIN_POINTS - len(chosen))
        for candidate in pool:
            if len(chosen) >= MIN_POINTS:
                return chosen
            take(candidate)
    return chosen


def _spread(pool: list[_Candidate], count: int) -> list[_Candidate]:
    """`count` evenly spaced items of the pool first (first and last included), then the rest."""
    if count < 2 or len(pool) <= count:
        return pool
    step = (len(pool) - 1) / (count - 1)
    picks = sorted({round(i * step) for i in range(count)})
    return [pool[i] for i in picks] + [c for i, c in enumerate(pool) if i not in picks]
