"""A YAML error told as an author's slip: where it is, and what to write there.

PyYAML words its errors for a parser ("could not find expected ':'", "found unexpected end
of stream", "did not find expected key") and marks two places: the problem's, and the
context's, where what went wrong began (a quote left open, the line of a key without its
colon, or the first line of the whole mapping, which says nothing). The slips a new
author makes are told here in their words, the fix spelled out on the line's own text:
an unquoted ': ' in a value, a tab in the indentation, a key without its colon (or without
a space after it), a `-` without a space, a key indented under a value, a quote or a
bracket left open, and text after a closing quote (`title: 'What's new'`, whose
apostrophe closes the quote).
"""

from __future__ import annotations

import re

_QUOTABLE = re.compile(r"( *(?:- +)?)([A-Za-z_][A-Za-z0-9_-]*: +)?([^'\"].*)")
_NO_COLON = re.compile(r"( *)([A-Za-z_][A-Za-z0-9_-]*)(?::(\S.*)|(?:[ \t]+(.*))?)")
"""A line that is a key without its ': ': `difficulty 1`, `difficulty:1`, `key_points`."""
_INDENTED_KEY = re.compile(r"( +)([A-Za-z_][A-Za-z0-9_-]*): .*")
_QUOTED_START = re.compile(r"( *(?:- +)?(?:[A-Za-z_][A-Za-z0-9_-]*: +)?)(['\"[{].*)")
_CLOSING = {"[": "]", "{": "}"}
_LONGEST = 120
"""A longer line is not written out again in a message."""


def yaml_error(exc: Exception, text: str) -> tuple[int, int, str]:
    """(0-based line, 0-based column, message) of PyYAML's error `exc` in `text`."""
    control = _control_character(exc, text)
    if control is not None:
        return control
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    context = str(getattr(exc, "context", None) or "")
    problem_mark = getattr(exc, "problem_mark", None)
    # The context's mark is where an open quote or bracket, or a key's line, began; that
    # of a whole block mapping or list is its first line, far from the slip.
    context_mark = getattr(exc, "context_mark", None)
    if context.startswith("while parsing a block"):
        context_mark = None
    mark = context_mark or problem_mark
    line, col = (mark.line, mark.column) if mark is not None else (0, 0)
    lines = text.split("\n")
    if problem_mark is not None and problem_mark.line < len(lines):
        # a tab is told at its own line: the context's is the line above, for a plain item
        at = problem_mark.line
        tabbed = _tab_slip(problem, lines[at].rstrip(), problem_mark.column, lines[:at])
        if tabbed is not None:
            return at, lines[at].index("\t"), tabbed
    row = lines[line].rstrip() if line < len(lines) else ""
    return line, col, _words(problem, context, row, col)


def _control_character(exc: Exception, text: str) -> tuple[int, int, str] | None:
    """A character YAML refuses (a NUL, an escape pasted from a terminal), at its own place:
    PyYAML's reader marks it with an offset, not a line, and it was told at the first line
    in its words ("unacceptable character #x0000")."""
    position = getattr(exc, "position", None)
    if getattr(exc, "problem_mark", None) is not None or not isinstance(position, int):
        return None
    if not 0 <= position < len(text):
        return None
    before = text[:position]
    line = before.count("\n")
    col = position - (before.rfind("\n") + 1)
    name = f"U+{ord(text[position]):04X}"
    return line, col, f"a control character ({name}) YAML does not allow: delete it"


def _tab_slip(problem: str, row: str, col: int, before: list[str]) -> str | None:
    """A tab in the line's indentation or after its `-`, with the line to write when it is
    a list item under another: libyaml says "found character that cannot start any token"
    of one after a quoted item or a key (PyYAML's own `'\t'` in it is dropped), and "a tab
    character that violates indentation" after a plain one, at the line above."""
    if not ("tab character" in problem or "cannot start any token" in problem):
        return None
    text = row.lstrip(" \t")
    lead = row[: len(row) - len(text)]
    above = next((line.rstrip() for line in reversed(before) if line.strip()), "")
    item = above.lstrip(" ")
    fit = max(len(row), len(above)) <= _LONGEST
    if "\t" in lead:
        said = "a tab in the indentation: YAML indents with spaces only"
        if text.startswith("- ") and item.startswith("- ") and fit:
            return f"{said}: write '{above[: len(above) - len(item)]}{text}', as the item above"
        return f"{said}, not tabs"
    dash = text.startswith("-\t") and col == len(lead) + 1
    if dash:
        written = f"{lead}- {text[1:].lstrip()}"
        return "a tab after '-': YAML wants a space there" + (f": write '{written}'" if fit else "")
    return None


def _words(problem: str, context: str, row: str, col: int) -> str:
    """PyYAML's problem with what to write instead, from the line `row` it marks (at
    column `col`)."""
    fit = len(row) <= _LONGEST
    if "mapping values are not allowed" in problem:
        indented = _INDENTED_KEY.fullmatch(row)
        if indented is not None and col == len(indented.group(1)) + len(indented.group(2)):
            return (
                f"'{indented.group(2)}:' is indented deeper than the key above, so YAML reads"
                " the line as more of that key's value: indent it as the keys of its mapping"
                " (a top-level key at column 1)"
            )
        match = _QUOTABLE.fullmatch(row)
        if match is not None and ": " in match.group(3) and fit:
            prefix = (match.group(1) + (match.group(2) or "")).strip()
            example = f"{prefix} {_quoted(match.group(3))}" if prefix else _quoted(match.group(3))
            return f"{problem}: a value holding ': ' must be in quotes, e.g. {example}"
        return f"{problem}: a value holding ': ' must be in quotes"
    if "tab character" in problem:  # a tab elsewhere than a line's indentation
        return f"{problem}: indent with spaces, not tabs"
    if "expected ':'" in problem and "simple key" in context:
        return _no_colon(row, fit) or problem
    if "quoted scalar" in context and "end of stream" in problem:
        quote = row[col] if col < len(row) and row[col] in "'\"" else ""
        return (
            f"a quote opened here is never closed: end the value with {quote or 'its quote'}"
            " (YAML reads on to the front matter's end looking for it)"
        )
    if context.startswith("while parsing a flow"):
        opened = row[col] if col < len(row) and row[col] in "[{" else "["
        closing = "]" if opened == "[" else "}"
        what = "list" if opened == "[" else "mapping"
        return (
            f"the {what} opened here by '{opened}' is never closed by '{closing}':"
            f" close it, or put a text that starts with '{opened}' in quotes"
        )
    if any(word in problem for word in ("expected key", "expected '-'", "expected <block end>")):
        told = _after_quote(row) if fit else None
        if told is not None:
            return told
    return problem


def _no_colon(row: str, fit: bool) -> str | None:
    """A key written without ': ' (or a list item without '- '), with the line to write."""
    stripped = row.lstrip(" ")
    if stripped.startswith("-") and not stripped.startswith("- ") and fit:
        indent = row[: len(row) - len(stripped)]
        return f"a list item needs a space after its '-': write '{indent}- {stripped[1:].lstrip()}'"
    match = _NO_COLON.fullmatch(row)
    if match is None or not fit:
        return None
    indent, key, glued, spaced = match.groups()
    value = glued if glued is not None else spaced
    written = f"{indent}{key}: {value}" if value else f"{indent}{key}:"
    what = "no space after its ':'" if glued is not None else "no ':' after its key"
    return f"'{row.strip()}' has {what}: write '{written}'"


def _after_quote(row: str) -> str | None:
    """Text after a value's closing quote (or bracket): the value, whole, in quotes."""
    match = _QUOTED_START.fullmatch(row)
    if match is None:
        return None
    prefix, value = match.group(1), match.group(2)
    opened = value[0]
    closing = _CLOSING.get(opened, opened)
    # `'What's new'`: the author's quotes are the outer ones; `"ReLU" units` and
    # `[draft] notes`: the value only starts with a quoted word, and is all text
    text = value[1:-1] if opened in "'\"" and len(value) > 1 and value.endswith(opened) else value
    what = "a value in quotes" if opened in "'\"" else "a list" if opened == "[" else "a mapping"
    return (
        f"text follows the closing {closing} of {what} (YAML ends the value there): put the"
        f" whole value in quotes that it does not hold, e.g. {prefix.strip()}"
        f" {_quoted(text)}".rstrip()
    )


def _quoted(text: str) -> str:
    """`text` as a YAML scalar in quotes: double quotes for an apostrophe, else single."""
    if "'" in text and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return "'" + text.replace("'", "''") + "'"
