"""Parse one card file (front matter + Markdown sections) into a Card, or problems with places.

Parsing never raises for bad content: every problem comes back with its
`path:line:col`, so lint can report them all at once and the app can load the rest.
"""

from __future__ import annotations

import ast
import bisect
import difflib
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler
from markdown_it.token import Token

from quiz.bank import safeyaml
from quiz.bank.choice_repeats import choice_repeated_words, repeated_choice
from quiz.bank.fence_language import meant_language
from quiz.bank.latexdelims import latex_delimiter_problems
from quiz.bank.markdown import (
    MathScan,
    code_blocks,
    headings,
    parse_blocks,
    section_starts,
)
from quiz.bank.models import (
    KEBAB,
    MAX_CHOICES,
    MIN_CHOICES,
    NO_MATH_SECTIONS,
    REQUIRED_SECTIONS,
    Card,
    ChoiceFront,
    CodingFront,
    ConceptFront,
    NumericFront,
    PackInfo,
    Section,
    Tolerance,
    front_fields,
    front_of_valid,
    shown_front_texts,
)
from quiz.bank.open_fence import first_sentence_inside, unclosed_fence
from quiz.bank.problems import Problem
from quiz.bank.schema_words import length_words, type_words
from quiz.bank.section_places import heading_meant, missing_section
from quiz.bank.sentences import key_points_problem, key_points_rule
from quiz.bank.title_dollars import title_math_problems
from quiz.bank.yamlerrors import yaml_error
from quiz.bank.yamlslips import slips_and_joined

_HANDLER = YAMLHandler()
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TOP_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)\s*:", re.MULTILINE)
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])(?:[ \t]+(.*))?$")

_FIELDS_BY_KIND = {kind: front_fields(kind) for kind in REQUIRED_SECTIONS}
LINT_ONLY_CODES = frozenset(
    {
        "math",
        "author-note",
        "option-position",
        "title-math",
        "duplicate-key",
        "joined-item",
        "open-fence",
        "relative-of-zero",
    }
)
"""Problems only lint looks for: the app's load (`parse_card(..., lint=False)`) leaves
them out, since a card shows whatever it holds (math that does not render is shown as
written, with a note: `quiz.cardtext`; wording, `quiz.bank.wording`, as written). Looking
for them is a third of a cold load."""
ALL_SECTIONS = sorted({s for sections in REQUIRED_SECTIONS.values() for s in sections})


class _Collector:
    """Collects problems for one file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, line: int, col: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, max(line, 1), max(col, 1), code, message))


def _tell_joined_once(
    out: _Collector, told: int, joined: dict[tuple[int, int], tuple[int, int]]
) -> None:
    """Drop a schema problem (added from `told` on) at an item a `- ` line was joined into:
    its `joined-item` tells the cause, and `'a - b' must be kebab-case: write 'a-b'` is the
    wrong fix (two items were meant). That `joined-item` then says the card does not load,
    so a card the app refuses is still told as refused, once."""
    items = set(joined.values())
    dropped = {(p.line, p.col) for p in out.problems[told:] if (p.line, p.col) in items}
    if not dropped:
        return
    out.problems[told:] = [p for p in out.problems[told:] if (p.line, p.col) not in dropped]
    out.problems[:told] = [
        replace(
            p,
            message=f"{p.message}; until then the card does not load (the joined text"
            " is no valid value there)",
        )
        if p.code == "joined-item" and joined.get((p.line, p.col)) in dropped
        else p
        for p in out.problems[:told]
    ]


def split_front_matter(text: str) -> tuple[str, int, str, int] | None:
    """(front matter, its first line, body, its first line), lines 1-based; None if absent/unclosed."""
    if not _HANDLER.detect(text):
        return None
    assert _HANDLER.FM_BOUNDARY is not None
    opening = _HANDLER.FM_BOUNDARY.search(text)
    try:
        front, body = _HANDLER.split(text)
    except ValueError:
        return None
    assert opening is not None
    front_line = text.count("\n", 0, opening.end()) + 1
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return front, front_line, body, body_line


def _key_lines(front: str, first_line: int) -> dict[str, int]:
    """1-based file line of each top-level key (cheap: no YAML composition)."""
    lines: dict[str, int] = {}
    line, counted = first_line, 0
    for match in _TOP_KEY.finditer(front):
        start = match.start()
        line += front.count("\n", counted, start)  # from the previous key on, not from 0
        counted = start
        lines.setdefault(match.group(1), line)
    return lines


def node_position(front: str, first_line: int, loc: tuple[Any, ...]) -> tuple[int, int] | None:
    """Line and column of the YAML node at `loc`, from the composed node marks (slow path)."""
    try:
        node = yaml.compose(front, Loader=_LOADER)
    except yaml.YAMLError:
        return None
    best: tuple[int, int] | None = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    best = (key_node.start_mark.line, key_node.start_mark.column)
                    node = value_node
                    break
            else:
                break
        elif (
            isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value)
        ):
            node = node.value[part]
            best = (node.start_mark.line, node.start_mark.column)
        else:
            break
    if best is None:
        return None
    return first_line + best[0], best[1] + 1


def file_node_position(path: Path, loc: tuple[Any, ...], limit: int) -> tuple[int, int] | None:
    """`node_position` of `loc` in the front matter of the card file at `path`, at most
    `limit` bytes (read again: for a problem found after the load, such as one `related`
    item of a list, at its own line and column); None when it cannot be read or has no
    such node."""
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular_text

    try:
        text = read_regular_text(path, limit=limit).removeprefix("\ufeff")
    except InputFileError:  # changed since it loaded
        return None
    split = split_front_matter(text)
    if split is None:
        return None
    front, front_line, _, _ = split
    return node_position(front, front_line, loc)


_KINDS = ", ".join(REQUIRED_SECTIONS)
"""The kinds a card may be, for the message naming a wrong one."""


def _given_kind(error: Any) -> str:
    """The `kind` value a union_tag_invalid error is about, as YAML gave it ('essay', 5).

    The error's input is the whole front matter (naming it printed every key); its
    context holds only the tag as text, so the value is taken from the input when it can be.
    """
    given = error.get("input")
    if isinstance(given, dict) and "kind" in given:
        return repr(given["kind"])
    return repr(error.get("ctx", {}).get("tag", "?"))


def _kind_meant(error: Any) -> str:
    """` (did you mean 'choice'?)` for a misspelt kind (`choise`, `Concept`), as an unknown
    key is told the key it is close to; nothing when no kind is close (`essay`)."""
    given = error.get("input")
    written = given.get("kind") if isinstance(given, dict) else None
    if not isinstance(written, str):
        return ""
    close = difflib.get_close_matches(written.strip().lower(), list(REQUIRED_SECTIONS), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


_NESTED_FIELDS = {"tolerance": frozenset(Tolerance.__dataclass_fields__)}
"""The keys of a mapping inside the front matter, for an unknown one's did-you-mean."""
PACK_FIELDS = frozenset(PackInfo.__dataclass_fields__)
"""The keys a pack.yaml may have."""
_LISTED_KEYS = 5
"""At most this many allowed keys are listed after an unknown key nothing is close to
(a tolerance's two, a pack.yaml's five; not a card's dozen)."""


_MISSING_EXAMPLES = {
    ("", "id"): "the file's name without .md, e.g. id: what-is-relu",
    ("", "title"): "the short title lists show, e.g. title: What ReLU computes",
    ("", "topic"): "the name of the card's topic folder, e.g. topic: activations",
    ("", "difficulty"): "1 (warm-up) to 5 (hard), e.g. difficulty: 2",
    ("", "source"): "where the card's facts come from, e.g. source: Goodfellow et al. 2016, "
    "sec. 6.3",
    ("", "key_points"): "the points a good answer makes, one '- ' line each under 'key_points:'",
    ("", "choices"): "the options, e.g. choices: [0.5, 0.25, 1]",
    ("choice", "answer"): "the zero-based index of the right choice, e.g. answer: 1",
    ("numeric", "answer"): "the number, e.g. answer: 0.25",
    ("", "tolerance"): "how far an answer may be from it, e.g. tolerance: {absolute: 0.01}",
    ("", "entry"): "the function(s) of the ## Starter the grader calls, e.g. entry: [softmax]",
    ("", "checker"): "the drill's checker, by its dotted name under engine/checkers, e.g. "
    "checker: arch.conv.conv2d_forward",
    ("pack", "title"): "the pack's title Home shows, e.g. title: CNNs, RNNs and attention",
    ("", "description"): "one or two sentences Home shows under the title",
    ("", "version"): "three numbers, e.g. version: 1.0.0",
}
"""What a missing key is for, and a line that writes it (`kind`, key; "" for any kind); a
number field's also says what to write for a word given (`difficulty: easy`)."""


_NEAR_CLOSING = re.compile(r"[ \t]*(?:-{1,2}|\.{3}|[ \t]+---|---[ \t]*\S.*|—|–)[ \t]*")
"""A line meant to close front matter: `--`, `...` (YAML's document end, which the loader
does not take), `---` indented or followed by text, an editor's dash (`—`)."""


def _near_closing(text: str) -> tuple[int, str] | None:
    """The line (1-based) and text of the first line after the opening `---`, before any
    `## ` heading, that was meant to close the front matter: "not closed" at line 1 did
    not say that line is the slip."""
    for row, line in enumerate(text.splitlines()[1:], start=2):
        if line.startswith("## "):
            return None
        if _NEAR_CLOSING.fullmatch(line) and not line.lstrip().startswith("- "):
            return row, line.rstrip()
    return None


def _kind_key_written(data: Any) -> str | None:
    """The key a front matter without `kind` writes it as (`Kind`, `KIND`, `knd`, `type`
    is not one), if any: "missing required key 'kind'" sent the author to add a key that
    is there, and said nothing of the misspelt one."""
    if not isinstance(data, dict):
        return None
    keys = [key for key in data if isinstance(key, str)]
    same = [key for key in keys if key.strip().lower() == "kind"]
    found = same or difflib.get_close_matches("kind", keys, n=1, cutoff=0.75)
    return found[0] if found else None


def _describe_validation_error(
    error: Any, kind: str | None, fields: frozenset[str] | None = None, data: Any = None
) -> tuple[tuple[Any, ...], str, str]:
    """(location inside the front matter, problem code, plain message) for one pydantic
    error; `fields`: the top-level keys allowed (default: those of a card of `kind`);
    `data`: what was validated (for a message naming the value given)."""
    loc = tuple(error["loc"])
    if kind and loc and loc[0] == kind:
        loc = loc[1:]
    name = ".".join(str(p) for p in loc)
    etype = error["type"]
    given = data if isinstance(data, dict) else {}
    if etype == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        if len(loc) == 1:
            allowed = fields if fields is not None else _FIELDS_BY_KIND.get(kind or "", frozenset())
        else:
            allowed = _NESTED_FIELDS.get(str(loc[-2]), frozenset())
        close = difflib.get_close_matches(key, sorted(allowed), n=1) or [
            known for known in sorted(allowed) if len(key) >= 3 and known.startswith(key)
        ]  # an abbreviation ('abs' for 'absolute') is too short for the close match
        if close:
            hint = f" (did you mean '{close[0]}'?)"
        elif 0 < len(allowed) <= _LISTED_KEYS:
            hint = f" (allowed: {', '.join(sorted(allowed))})"
        else:
            hint = ""  # a card's dozen keys: `drillbit schema` and CONTRIBUTING.md list them
        return loc, "unknown-key", f"unknown key '{name}'{hint}"
    if etype == "missing":
        # a pack.yaml's title is a pack's (`pack`), not a card's
        scope = "pack" if fields == PACK_FIELDS else kind or ""
        example = _MISSING_EXAMPLES.get((scope, name)) or _MISSING_EXAMPLES.get(("", name))
        said = f": {example}" if example is not None and len(loc) == 1 else ""
        return loc, "missing-key", f"missing required key '{name}'{said}"
    if etype == "union_tag_not_found":
        written = _kind_key_written(data)
        if written is not None:  # `Kind: concept`: the key misspelt, not left out
            return (written,), "unknown-key", f"unknown key '{written}' (did you mean 'kind'?)"
        return (
            (),
            "missing-key",
            "missing required key 'kind': concept, choice, numeric or coding, e.g. kind: concept",
        )
    if etype == "union_tag_invalid":
        told = f"kind must be one of {_KINDS}, not {_given_kind(error)}"
        return ("kind",), "bad-kind", told + _kind_meant(error)
    if loc == ("key_points",) and etype in ("too_short", "too_long"):
        count = error.get("ctx", {}).get("actual_length")
        if isinstance(count, int):
            return loc, "bad-value", key_points_rule(count)
    if kind == "choice" and loc == ("choices",) and etype in ("too_short", "too_long"):
        count = error.get("ctx", {}).get("actual_length")
        if isinstance(count, int):
            return loc, "bad-value", choices_rule(count)
    if kind == "choice" and loc == ("choices",) and etype == "value_error":
        options = error.get("input")
        repeated = repeated_choice(options) if isinstance(options, list | tuple) else None
        if repeated is not None:  # told at the option written again, not at `choices:`
            return (
                ("choices", repeated[1]),
                "bad-value",
                f"choices: {choice_repeated_words(options, repeated)}",
            )
    if kind == "choice" and loc[:1] == ("answer",) and not _indexes(error, given):
        # One message for the union's two errors (`answer.int`, `answer.tuple[int, ...]`),
        # and for a letter or a yes/no the schema refuses before they are checked.
        choices = given.get("choices")
        span = f" (0-{len(choices) - 1})" if isinstance(choices, list) and choices else ""
        return (
            ("answer",),
            "bad-value",
            f"answer: {given.get('answer')!r} is not a choice index: write the zero-based "
            f"index{span} or a list of them, e.g. [0, 2]",
        )
    if kind == "numeric" and loc == ("answer",) and etype in ("float_parsing", "value_error"):
        percent = _percent(given.get("answer"))
        if percent is not None:
            return (
                loc,
                "bad-value",
                f"answer: {given.get('answer')!r} is not a number: write it as {percent:g} "
                "(a learner may type a percentage; the file holds the number)",
            )
    if loc == ("version",) and isinstance(error.get("input"), int | float):
        return (
            loc,
            "bad-value",
            f"version: YAML reads {error['input']!r} as a number: write three numbers, "
            "e.g. version: 1.0.0",
        )
    if etype in ("string_too_short", "string_too_long"):
        limit = error.get("ctx", {}).get(
            "min_length" if etype == "string_too_short" else "max_length"
        )
        worded = length_words(etype, loc, error.get("input"), limit)
        if worded is not None:
            return loc, "bad-value", f"{name}: {worded}" if name else worded
    bound = _BOUNDS.get(etype)
    if bound is not None and bound[0] in error.get("ctx", {}):
        limit, words = error["ctx"][bound[0]], bound[1]
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # `ge=0` on a float field: "at least 0", not "0.0"
        return loc, "bad-value", f"{name}: {error['input']!r} is out of range: {words} {limit}"
    if etype in ("tuple_type", "list_type") and loc and isinstance(loc[-1], str):
        # pydantic says "Input should be a valid tuple": an author wrote one value, or text
        return loc, "bad-value", _list_expected(name, str(loc[-1]), error.get("input"))
    example = _MISSING_EXAMPLES.get((kind or "", name)) or _MISSING_EXAMPLES.get(("", name))
    line = example.rpartition("e.g. ")[2] if example and "e.g. " in example else None
    pack = fields == PACK_FIELDS
    worded = type_words(etype, loc, error.get("input"), line and f"e.g. {line}", pack=pack)
    if worded is not None:
        return loc, "bad-value", f"{name}: {worded}" if name else worded
    message = str(error["msg"]).removeprefix("Value error, ")
    if message.endswith("write a number in its place") and example is not None:
        message = message.replace("a number in its place", example)  # `difficulty: easy`
    if etype == "string_type" and isinstance(error.get("input"), list) and loc:
        # `-` with nothing after it, then `    - text` below: YAML nests a list there
        message = (
            "a list inside the list (the '- ' line below an empty '-' is indented under"
            " it): write the text after that '-', or indent the line as the other items"
            if isinstance(loc[-1], int)
            else f"a list where a text goes: write the text after '{loc[-1]}:'"
        )
    if etype == "string_type" and error.get("input") is None and loc:
        message = (
            "an empty item ('-' and nothing after it): write its text or delete the line"
            if isinstance(loc[-1], int)
            else f"empty: write its text after '{loc[-1]}:'"
        )
    if etype == "string_pattern_mismatch" and loc == ("version",):
        message = f"{error.get('input')!r} is not three numbers: write e.g. version: 1.0.0"
    return loc, "bad-value", f"{name}: {message}" if name else message


def choices_rule(given: int) -> str:
    """The message for a choice card with too few or too many options (pydantic says
    "Tuple should have at most 8 items after validation, not 9")."""
    fix = "add one" if given < MIN_CHOICES else "drop or merge some"
    return (
        f"choices: {given} given; {MIN_CHOICES}-{MAX_CHOICES} needed ({fix}, "
        "one '- option' line each)"
    )


def _list_expected(name: str, key: str, given: Any) -> str:
    """Why a list field's value is no list, and the list to write instead."""
    shown = given if isinstance(given, str | int | float) and not isinstance(given, bool) else None
    example = f"[{shown}]" if shown is not None and len(str(shown)) <= 40 else "[a, b]"
    what = f"{given!r} is one value, not a list" if shown is not None else "must be a list"
    return f"{name}: {what}: write a list, e.g. {key}: {example}, or one '- item' line each below '{key}:'"


_BOUNDS: dict[str, tuple[str, str]] = {
    "less_than_equal": ("le", "it must be at most"),
    "greater_than_equal": ("ge", "it must be at least"),
    "less_than": ("lt", "it must be below"),
    "greater_than": ("gt", "it must be above"),
}
"""pydantic's bound errors: the limit's key in the error's context, and the rule in words
(pydantic's own message, "Input should be less than or equal to 5", leaves out the value
the card gave)."""


def _indexes(error: Any, given: dict[str, Any]) -> bool:
    """Whether a choice answer's error is about indexes as such (out of range, repeated):
    the answer is whole numbers, which `ChoiceFront._answer_valid` judged."""
    answer = given.get("answer")
    items = answer if isinstance(answer, list) else [answer]
    return error["type"] == "value_error" and all(type(item) is int for item in items)


def _percent(value: Any) -> float | None:
    """`value` as a fraction when it is a percentage written as text ('80%' -> 0.8)."""
    if not isinstance(value, str) or not value.strip().endswith("%"):
        return None
    try:
        number = float(value.strip()[:-1])
    except ValueError:
        return None
    return number / 100


def schema_problems(
    errors: Any,
    text: str,
    first_line: int,
    lines: dict[str, int] | None = None,
    *,
    kind: str | None = None,
    fields: frozenset[str] | None = None,
    data: Any = None,
) -> list[tuple[int, int, str, str]]:
    """(line, col, code, message) of each of a YAML mapping's pydantic `errors`, at the
    node it is about (else its key's line): a card's front matter (`text`, starting at
    file line `first_line`) or a pack.yaml (`fields`: its keys). A problem said twice
    (a union's errors, said once) is listed once."""
    if lines is None:
        lines = _key_lines(text, first_line)
    found: list[tuple[int, int, str, str]] = []
    failed_items = {tuple(error["loc"][:-1]) for error in errors if len(error["loc"]) > 1}
    for error in errors:
        if error["type"] == "too_short" and tuple(error["loc"]) in failed_items:
            continue  # it counts the items that passed: the failed item's own error says why
        loc, code, message = _describe_validation_error(error, kind, fields, data)
        position = node_position(text, first_line, loc) if loc else None
        if position is None:
            position = (lines.get(str(loc[0]), first_line - 1) if loc else first_line - 1, 1)
        problem = (max(position[0], 1), max(position[1], 1), code, message)
        if problem not in found:
            found.append(problem)
    # One slip, one problem: a misspelled key (`dificulty`) is its did-you-mean, not also
    # the key it should have been reported missing.
    meant = {
        f"missing required key '{match.group(1)}'"
        for *_, code, message in found
        if code == "unknown-key" and (match := _MEANT.search(message)) is not None
    }
    return [problem for problem in found if problem[3].partition(":")[0] not in meant]


_MEANT = re.compile(r"^unknown key '[^'.]*' \(did you mean '([^']*)'\?\)$")
"""A top-level unknown key's message with its did-you-mean (the key it was meant to be)."""


def _load_front(
    front: str, front_line: int, out: _Collector
) -> tuple[bool, Any, dict[str, int] | None]:
    """(True, the YAML front matter's data, the file line of each top-level key when the
    reader knew them, else None), or (False, None, None) with the YAML problem added."""
    try:
        data, rows = safeyaml.load_with_key_rows(front)
    except yaml.YAMLError as exc:
        row, col, problem = yaml_error(exc, front)
        out.add(front_line + row, col + 1, "yaml", f"invalid YAML in front matter: {problem}")
        return False, None, None
    if rows is None:
        return True, data, None
    return True, data, {key: front_line + row for key, row in rows.items()}


def _validate_data(
    data: Any,
    front: str,
    front_line: int,
    out: _Collector,
    lines: dict[str, int] | None = None,
    *,
    vouched: bool = False,
) -> tuple[Any | None, dict[str, int], str | None]:
    """Validate front matter already read as data; `front` is its YAML text (for places),
    `lines` the file line of each top-level key when the caller has them. `vouched`: the
    file is one that loaded clean under this code, unchanged since (`front_of_valid`)."""
    if lines is None:
        lines = _key_lines(front, front_line)
    if not isinstance(data, dict):
        out.add(front_line, 1, "yaml", "front matter must be a mapping of 'key: value' lines")
        return None, lines, None
    kind = data.get("kind") if isinstance(data.get("kind"), str) else None
    if vouched:
        plain = front_of_valid(data)
        if plain is not None:
            return plain, lines, kind
    # The schema validates (pydantic is imported here, not to show a vouched card).
    from pydantic import ValidationError

    from quiz.bank.schema import validate_front

    try:
        return validate_front(data), lines, kind
    except ValidationError as exc:
        for line, col, code, message in schema_problems(
            exc.errors(), front, front_line, lines, kind=kind, data=data
        ):
            out.add(line, col, code, message)
        return None, lines, kind


_LONE_CR = re.compile(r"\r(?!\n)|\n")
"""A line end as the Markdown parser counts one, a CRLF's LF (its CR stays, as before)."""


def split_sections(
    body: str, body_line: int, out: _Collector, tokens: list[Token] | None = None
) -> tuple[dict[str, Section], list[tuple[int, str]]]:
    """`## ` sections of the body (never inside code), plus stray text before the first one;
    `tokens` are the body's Markdown tokens when the caller has them."""
    sections: dict[str, Section] = {}
    # rows as the parser counts them (a lone CR ends one): the headings' rows are its
    lines = _LONE_CR.split(body) if "\r" in body else body.split("\n")
    if tokens is None:  # the sections alone: most bodies need no parse for them
        starts = [(row, title) for row, title in section_starts(body, lines) if title]
    else:
        found = [h for h in headings(body, tokens) if h.level == 2 and h.atx and not h.nested]
        starts = [(h.line - 1, h.title) for h in found if h.title]
    first = starts[0][0] if starts else len(lines)
    stray = [(body_line + i, raw) for i, raw in enumerate(lines[:first]) if raw.strip()]
    for position, (row, title) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(lines)
        line = body_line + row
        if title in sections:
            out.add(line, 1, "duplicate-section", f"section '## {title}' appears twice")
        else:
            sections[title] = Section(title, "\n".join(lines[row + 1 : end]).rstrip(), line)
    return sections, stray


def parse_list_items(text: str) -> list[str]:
    """Top-level Markdown list items, continuation lines joined (for hints).

    The items are those the Markdown reader finds (a `- x` line in a code block is code,
    an item indented by up to three spaces is an item); their lines are stripped and
    joined with newlines, nested items included. Text after a list (before the next
    item) joins the last item, so nothing written under Hints is lost."""
    lines = text.split("\n")
    owner: dict[int, int] = {}  # line -> index of the top-level item it belongs to
    starts: set[int] = set()
    for token in parse_blocks(text):
        if token.type == "list_item_open" and token.level == 1 and token.map is not None:
            for row in range(token.map[0], token.map[1]):
                owner[row] = len(starts)
            starts.add(token.map[0])
    items: list[str] = []
    for row, raw in enumerate(lines):
        if row in starts:
            match = _LIST_ITEM.match(raw.strip())
            items.append((match.group(1) or "").strip() if match else raw.strip())
        elif items and raw.strip() and owner.get(row, len(items) - 1) == len(items) - 1:
            items[-1] = f"{items[-1]}\n{raw.strip()}"
    return [item for item in items if item]


def extract_code_block(text: str, language: str = "python") -> tuple[str, int] | None:
    """The first fenced block of `language`: (code, 0-based line offset of its first code line)."""
    wanted = {language, "py" if language == "python" else language}
    for block in code_blocks(text):
        if block.fenced and block.language in wanted:
            if not block.closed:
                return None
            return block.code.removesuffix("\n"), block.first_line
    return None


def _check_math(
    sections: dict[str, Section],
    out: _Collector,
    body: str,
    body_line: int,
    tokens: list[Token],
    inline_parsed: bool = False,
    scan: MathScan | None = None,
) -> None:
    """Math problems of every section but the Starter, placed in the file (`scan`: the
    body's `scan_math_in`, when the caller has it).

    The body's block tokens are scanned once (a section is a run of whole top-level
    blocks, so its blocks are the same as when it is parsed alone), and each problem is
    reported with the section it lies in, in the order a per-section check gives."""
    from quiz.bank.mathtext import find_math_problems, math_problem_offsets

    for section in sections.values():
        if section.title not in NO_MATH_SECTIONS:
            for offset, message in latex_delimiter_problems(section.text):
                line = section.text.count("\n", 0, offset) + 1
                col = offset - section.text.rfind("\n", 0, offset)
                out.add(section.line + line, col, "math", message)
    checked = [s for s in sections.values() if s.title not in NO_MATH_SECTIONS and "$" in s.text]
    if not checked:
        return
    if "\r" in body:  # offsets of an un-normalized body: check each section on its own
        for section in checked:
            for problem in find_math_problems(section.text):
                out.add(section.line + problem.line, problem.col, "math", problem.message)
        return
    found = math_problem_offsets(body, tokens, inline_parsed=inline_parsed, scan=scan)
    if not found:
        return
    starts = [0]
    position = body.find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = body.find("\n", position + 1)
    for section in checked:
        row = section.line - body_line + 1  # the section's text starts below its heading
        start = starts[row] if row < len(starts) else len(body)
        end = start + len(section.text)
        placed = []
        for offset, message in found:
            if start <= offset <= end:
                line = bisect.bisect_right(starts, offset)
                placed.append((body_line + line - 1, offset - starts[line - 1] + 1, message))
        placed.sort(key=lambda p: (p[0], p[1]))
        for line, col, message in placed:
            out.add(line, col, "math", message)


class _ItemPlaces:
    """Where a key point or a choice is written (`key_points[2]` at its own `- ` line):
    found from the front matter only when a problem is told there (composing the YAML again
    is the slow path), else at its key's line."""

    def __init__(self, front_text: str, front_line: int, lines: dict[str, int]) -> None:
        self._front, self._first, self._lines = front_text, front_line, lines

    def __call__(self, key: str, index: int) -> tuple[int, int]:
        place = node_position(self._front, self._first, (key, index)) if self._front else None
        return place or (self._lines.get(key, 1), 1)


def _check_front_math(front: Any, item: _ItemPlaces, out: _Collector) -> None:
    """Math in key points and choices is shown too, so it must parse as well."""
    from quiz.bank.mathtext import find_math_problems

    for key, index, text in shown_front_texts(front):
        for problem in find_math_problems(text):
            out.add(*item(key, index), "math", f"{key}[{index}]: {problem.message}")


def _check_wording(
    front: Any,
    lines: dict[str, int],
    sections: dict[str, Section],
    out: _Collector,
    item: _ItemPlaces,
) -> None:
    """Author notes anywhere a user reads (title, sections but the Starter, key points,
    choices), a choice card's options named by their place (`quiz.bank.wording`), and math
    in the title (`quiz.bank.title_dollars`)."""
    from quiz.bank.wording import author_note_problems, option_position_problems

    for problem in author_note_problems(front.title):
        out.add(lines.get("title", 1), 1, "author-note", f"title: {problem.message}")
    out.problems.extend(title_math_problems(front.title, out.path, lines.get("title", 1)))
    for key, index, text in shown_front_texts(front):
        for problem in author_note_problems(text):
            out.add(*item(key, index), "author-note", f"{key}[{index}]: {problem.message}")
    for section in sections.values():
        if section.title in NO_MATH_SECTIONS:
            continue  # the Starter is code
        for problem in author_note_problems(section.text):
            out.add(section.line + problem.line, problem.col, "author-note", problem.message)
        if isinstance(front, ChoiceFront) and section.title == "Explanation":
            for problem in option_position_problems(section.text):
                line = section.line + problem.line
                out.add(line, problem.col, "option-position", problem.message)
    if isinstance(front, ChoiceFront):
        for index, choice in enumerate(front.choices):
            for problem in option_position_problems(choice, choice=True):
                message = f"choices[{index}]: {problem.message}"
                out.add(*item("choices", index), "option-position", message)


def _starter_missing(text: str) -> str:
    """Why a Starter has no ```python block: a fence whose language is misspelt
    (```pyhton) is named, with the language meant."""
    written = [block.language for block in code_blocks(text) if block.fenced]
    misspelt = next((lang for lang in written if meant_language(lang) == "python"), None)
    said = "the Starter section needs one ```python code block"
    if misspelt is None:
        return said
    return f"{said}: its block says ```{misspelt} (did you mean ```python?)"


def _check_coding(
    front: CodingFront, sections: dict[str, Section], out: _Collector
) -> tuple[str, tuple[str, ...]]:
    """Starter parses and defines every entry; hints are a list. Returns (starter, hints)."""
    starter_code = ""
    starter = sections.get("Starter")
    if starter is not None and starter.text.strip():
        block = extract_code_block(starter.text)
        if block is None:
            out.add(starter.line, 1, "starter", _starter_missing(starter.text))
        else:
            starter_code, offset = block
            first_code_line = starter.line + 1 + offset
            try:
                tree = ast.parse(starter_code, filename="starter.py")
            except SyntaxError as exc:
                out.add(
                    first_code_line + (exc.lineno or 1) - 1,
                    exc.offset or 1,
                    "starter-syntax",
                    f"starter code does not parse: {exc.msg}",
                )
            except (RecursionError, MemoryError):  # `1 + 1 + ...` 100,000 terms long
                out.add(
                    first_code_line,
                    1,
                    "starter-syntax",
                    "starter code does not parse: an expression nests too deep for Python's "
                    "parser: split it",
                )
            else:
                defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
                for name in front.entry:
                    if name not in defined:
                        out.add(
                            first_code_line,
                            1,
                            "starter-entry",
                            f"starter code does not define the entry function '{name}'",
                        )
    hints: tuple[str, ...] = ()
    section = sections.get("Hints")
    if section is not None and section.text.strip():
        hints = tuple(parse_list_items(section.text))
        if not hints:
            out.add(section.line, 1, "hints", "Hints must be a Markdown list, one hint per item")
    return starter_code, hints


def parse_card(
    text: str,
    path: Path,
    pack: str,
    topic_dir: str | None = None,
    *,
    parsed_body: tuple[str, list[Token]] | None = None,
    lint: bool = True,
) -> tuple[Card | None, list[Problem]]:
    """Parse one card file. Returns the card (None if it cannot be used) and every problem found.

    `parsed_body` is (body, its Markdown tokens) from a caller that has already parsed the
    text after the front matter (the importer does, for its key points); the tokens are
    used only when that body is exactly this card's, so the answer is always the same.
    `lint=False` leaves out the checks only lint needs (see `LINT_ONLY_CODES`): the app's
    load, which shows a card whose math does not render as written, with a note."""
    card, problems, _ = parse_card_data(
        text, path, pack, topic_dir, parsed_body=parsed_body, lint=lint
    )
    return card, problems


def _blank_lines_before(text: str) -> int | None:
    """How many blank lines stand before a `---` line that would open the front matter
    (a template's or a paste's leading empty line), or None when none do or no `---`
    follows them."""
    lines = text.split("\n")
    count = 0
    while count < len(lines) and not lines[count].strip():
        count += 1
    if count == 0 or count == len(lines) or lines[count].strip() != "---":
        return None
    return count


def _before_opening(text: str) -> str | None:
    """What stands before a first line's `---` when only blanks and invisible characters
    do (a second byte-order mark, a zero-width space pasted in, an indent), named for a
    reader who sees nothing there; None otherwise."""
    import unicodedata

    first = text.split("\n", 1)[0]
    at = first.find("---")
    if at <= 0 or first[at:].rstrip() != "---":
        return None
    lead = first[:at]
    if not all(ch.isspace() or unicodedata.category(ch) == "Cf" for ch in lead):
        return None
    if all(ch in " \t" for ch in lead):
        return f"{len(lead)} blank character{'s' if len(lead) > 1 else ''} (an indent)"
    hidden = next(ch for ch in lead if ch not in " \t")
    name = unicodedata.name(hidden, "an invisible character").lower()
    return f"U+{ord(hidden):04X} ({name}, invisible in most editors)"


def parse_card_data(
    text: str,
    path: Path,
    pack: str,
    topic_dir: str | None = None,
    *,
    parsed_body: tuple[str, list[Token]] | None = None,
    lint: bool = True,
    vouched: bool = False,
    loads_as_app: bool = False,
) -> tuple[Card | None, list[Problem], Any]:
    """`parse_card`, and the front matter's data as YAML loaded it (None when it did not):
    validating that data again gives this card's front, so the card cache keeps it.
    `vouched`: the text is a file's that loaded with no problem under this code and is
    unchanged since (the card index says so), so its front is built without the schema
    when it can be (`models.front_of_valid`); every other check is made as usual.
    `loads_as_app`: a card whose only problems are lint's own (`LINT_ONLY_CODES`) is
    returned with them, as the app loads it (lint's load: `order` and `related` then
    treat it as loaded)."""
    out = _Collector(path)
    # A byte-order mark (Notepad and other Windows editors write one) is not content: the
    # file is read as if it were not there, by the app and lint alike (every card file is
    # parsed here), as the notes importer reads notes. It sits before line 1's text, so no
    # line number moves.
    text = text.removeprefix("\ufeff")
    split = split_front_matter(text)
    if split is None:
        keys = f"id: {path.stem}, kind, title, topic, difficulty, source"
        if "\r" in text and "\n" not in text:  # old Mac line ends: one line to a reader
            message = (
                "its lines end with a bare carriage return (CR, as old Macs wrote), which drillbit"
                " does not read as a line end: save the file with LF (or CRLF) line endings"
            )
        elif text.startswith("---") and (near := _near_closing(text)) is not None:
            row, written = near
            out.add(
                row,
                1,
                "front-matter",
                f"'{written}' does not close the front matter: write '---', three dashes alone"
                " at the line's start",
            )
            return None, out.problems, None
        elif text.startswith("---"):
            message = (
                "front matter is not closed by a '---' line: write one after its last key,"
                " before the first '## ' section"
            )
        elif (blank := _blank_lines_before(text)) is not None:
            message = (
                f"the '---' line that opens the front matter is line {blank + 1}, after "
                f"{blank} blank line{'s' if blank > 1 else ''}: delete "
                f"{'them' if blank > 1 else 'it'}, so that '---' is the file's first line"
            )
        elif (before := _before_opening(text)) is not None:
            message = (
                f"the '---' line that opens the front matter starts after {before}: delete"
                " it, so that '---' is the first thing in the file"
            )
        elif not text.strip():
            message = (
                f"the file is empty: a card starts with front matter, its keys ({keys})"
                " between two '---' lines, then its '## ' sections"
            )
        else:
            message = (
                "a card starts with YAML front matter: write a '---' line first, then its"
                f" keys ({keys}), then another '---' line"
            )
        out.add(1, 1, "front-matter", message)
        return None, out.problems, None
    front_text, front_line, body, body_line = split
    loaded, data, key_lines = _load_front(front_text, front_line, out)
    joined: dict[tuple[int, int], tuple[int, int]] = {}
    if loaded and lint:
        slips, joined = slips_and_joined(front_text, front_line)
        for line, col, code, message in slips:
            out.add(line, col, code, message)
    told = len(out.problems)
    front, lines, kind = (
        _validate_data(data, front_text, front_line, out, key_lines, vouched=vouched)
        if loaded
        else (None, {}, None)
    )
    if joined:
        _tell_joined_once(out, told, joined)
    tokens = parsed_body[1] if parsed_body is not None and parsed_body[0] == body else None
    places = (front_line, body_line)
    card, problems = _check_card(
        front,
        lines,
        kind,
        body,
        places,
        path,
        pack,
        topic_dir,
        tokens,
        out,
        lint=lint,
        loads_as_app=loads_as_app,
        front_text=front_text,
    )
    return card, problems, data


def card_from_data(
    data: dict[str, Any],
    front_text: str,
    body: str,
    path: Path,
    pack: str,
    topic_dir: str | None = None,
    *,
    tokens: list[Token] | None = None,
    inline_parsed: bool = False,
    math_scan: MathScan | None = None,
) -> tuple[Card | None, list[Problem]]:
    """What `parse_card` gives for a file of a `---` line, `front_text`, a `---` line and
    `body`, when that front matter is known to load as `data` (the importer dumps `data`
    with yaml's safe dumper, whose output loads back equal): the YAML is not read again.
    `tokens` are the body's Markdown tokens, when the caller has parsed it; with
    `inline_parsed`, a full parse that found no link references (see `scan_math_in`);
    `math_scan`: `scan_math_in(body, tokens, inline_parsed=inline_parsed)`, when the caller
    has scanned the body already (it is not scanned again)."""
    out = _Collector(path)
    front, lines, kind = _validate_data(data, front_text, 2, out)
    places = (2, front_text.count("\n") + 3)  # "---", the front matter, "---", the body
    return _check_card(
        front,
        lines,
        kind,
        body,
        places,
        path,
        pack,
        topic_dir,
        tokens,
        out,
        inline_parsed,
        math_scan,
        front_text=front_text,
    )


_KEBAB = re.compile(KEBAB)


def _tell_open_fence(
    body: str, body_line: int, missing: list[str], meant: set[str], out: _Collector
) -> bool:
    """Missing sections a code block never closed reads as its code: one problem at the
    block's opening line (added to `meant`, so they are not told missing as well). True
    when it was told."""
    fence = unclosed_fence(body) if missing else None
    if fence is None:
        return False
    swallowed = [title for title in missing if title in fence.headings]
    if not swallowed:
        return False
    meant.update(swallowed)
    verb = "is" if len(swallowed) == 1 else "are"
    out.add(
        body_line + fence.line,
        1,
        "missing-section",
        f"the code block opened here is never closed, so {_listed(swallowed)} below it "
        f"{verb} read as its code: end the block with a '{fence.marker}' line",
    )
    return True


def _tell_open_last_block(body: str, body_line: int, out: _Collector) -> None:
    """A code block never closed that hides no section (it is in the card's last one) but
    holds the prose written after it: the card loads, and those words show as code, so lint
    tells it at the block's opening. Code alone left open at the end shows as it would
    closed, and is no problem."""
    fence = unclosed_fence(body)
    sentence = first_sentence_inside(body, fence) if fence is not None else None
    if fence is None or sentence is None:
        return
    out.add(
        body_line + fence.line,
        1,
        "open-fence",
        f"the code block opened here is never closed, so the words from line "
        f"{body_line + sentence} on are shown as code: end the block with a "
        f"'{fence.marker}' line above them",
    )


def _tell_relative_of_zero(front: NumericFront, line: int, out: _Collector) -> None:
    """A relative tolerance of an answer of 0 is 0: only 0 itself is taken, which the
    author who wrote a tolerance did not mean (lint's own: the card works as written)."""
    relative = front.tolerance.relative
    if front.answer != 0 or not relative:
        return
    out.add(
        line,
        1,
        "relative-of-zero",
        f"tolerance: {relative:g} relative to the answer 0 is 0, so only 0 itself is "
        "taken: give an absolute one, e.g. tolerance: {absolute: 0.01} (or "
        "{absolute: 0} for 0 alone)",
    )


def _listed(titles: Sequence[str]) -> str:
    """`'## Question' and '## Answer'`: the sections a card needs, as an author writes them."""
    named = [f"'## {title}'" for title in titles]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def _topic_folder_problem(folder: str) -> str:
    """Why a topic folder's name is none (`ml::basics`), and the name to give it: the card's
    `topic:` must equal its folder and be kebab-case, so no `topic:` value could fix it."""
    suggested = re.sub(r"[^a-z0-9]+", "-", folder.lower()).strip("-") or "general"
    why = "; Anki splits deck names at '::'" if "::" in folder else ""
    return (
        f"topic folder '{folder}' is no topic name (kebab-case: lowercase letters and digits"
        f" joined by '-'{why}), so no card in it loads: rename the folder, e.g. to"
        f" '{suggested}', and set each card's topic to that name"
    )


def _check_card(
    front: Any,
    lines: dict[str, int],
    kind: str | None,
    body: str,
    places: tuple[int, int],
    path: Path,
    pack: str,
    topic_dir: str | None,
    tokens: list[Token] | None,
    out: _Collector,
    inline_parsed: bool = False,
    math_scan: MathScan | None = None,
    *,
    lint: bool = True,
    loads_as_app: bool = False,
    front_text: str = "",
) -> tuple[Card | None, list[Problem]]:
    """Everything `parse_card` checks once the front matter is read: sections, math (with
    `lint`), names. `places` are the file lines where the front matter and the body start.
    `loads_as_app`: see `parse_card_data`. `front_text`: the front matter as written, for
    the line of a key point or choice a problem is in."""
    front_line, body_line = places
    if tokens is None and lint:
        tokens = parse_blocks(body)  # once: the sections and the math check both read them
    sections, stray = split_sections(body, body_line, out, tokens)
    required = REQUIRED_SECTIONS.get(kind or "", ())
    # One slip, one problem: a section heading misspelled or at the wrong level is its own
    # problem, not also the section it was meant to be reported missing.
    meant: set[str] = set()
    for line, raw in stray[:1]:
        first = raw.strip().split("\n", 1)[0].strip()
        heading = heading_meant(first, [t for t in required if t not in sections])
        if heading is None:
            out.add(line, 1, "stray-text", "text before the first '## ' section is never shown")
        else:
            meant.add(heading)
            out.add(
                line,
                1,
                "stray-text",
                f"'{first}' is not a section heading: a section starts with '## ', write"
                f" '## {heading}'",
            )

    fence_told = False
    if required:
        missing = [title for title in required if title not in sections]
        unknown = [title for title in sections if title not in required]
        for title, section in sections.items():
            if title not in required:
                close = difflib.get_close_matches(title, required, n=1)
                if not close and len(missing) == 1 and len(unknown) == 1:
                    close = missing  # `## Answer` in a choice card: its one section missing
                meant.update(close)
                hint = f" (did you mean '## {close[0]}'?)" if close else ""
                out.add(
                    section.line,
                    1,
                    "unknown-section",
                    f"unknown section '## {title}' for a {kind} card{hint}; expected {', '.join(required)}",
                )
        if not sections and not stray:  # one slip, one problem: the body is not written
            out.add(
                body_line,
                1,
                "missing-section",
                f"the card has no sections: write {_listed(required)} below the front matter",
            )
        fence_told = _tell_open_fence(body, body_line, missing, meant, out)
        for title in required if sections or stray else ():
            found = sections.get(title)
            if found is None:
                if title not in meant:
                    line, message = missing_section(title, required, sections, body, body_line)
                    out.add(line, 1, "missing-section", message)
            elif not found.text.strip():
                out.add(found.line, 1, "empty-section", f"section '## {title}' is empty")
    if lint:
        assert tokens is not None
        if not fence_told:
            _tell_open_last_block(body, body_line, out)
        _check_math(sections, out, body, body_line, tokens, inline_parsed, math_scan)
        if front is not None:
            item = _ItemPlaces(front_text, front_line, lines)
            _check_front_math(front, item, out)
            _check_wording(front, lines, sections, out, item)

    if lint and isinstance(front, NumericFront):
        _tell_relative_of_zero(front, lines.get("tolerance", front_line), out)

    if isinstance(front, ConceptFront):
        answer = sections.get("Answer")
        problem = key_points_problem(len(front.key_points), answer.text if answer else None)
        if problem is not None:
            out.add(lines.get("key_points", front_line), 1, "bad-value", problem)

    starter, hints = "", tuple[str, ...]()
    if isinstance(front, CodingFront):
        starter, hints = _check_coding(front, sections, out)
    if front is not None:
        if front.id != path.stem:
            out.add(
                lines.get("id", front_line),
                1,
                "id-file-name",
                f"id '{front.id}' must equal the file name '{path.stem}': rename the file "
                f"to {front.id}{path.suffix} (progress is kept by id)"
                # a name that is no id (`café`, `My Card`) is not offered as one
                + (f", or write id: {path.stem}" if _KEBAB.match(path.stem) else ""),
            )
        if topic_dir is not None and front.topic != topic_dir and _KEBAB.match(topic_dir):
            out.add(
                lines.get("topic", front_line),
                1,
                "topic-folder",
                f"topic '{front.topic}' must equal the folder name '{topic_dir}'",
            )
    if topic_dir is not None and not _KEBAB.match(topic_dir):
        out.add(lines.get("topic", front_line), 1, "topic-folder", _topic_folder_problem(topic_dir))
    if front is None:
        return None, out.problems
    if out.problems and not (loads_as_app and all(p.code in LINT_ONLY_CODES for p in out.problems)):
        return None, out.problems
    card = Card(front, sections, path, pack, hints=hints, starter=starter, lines=lines)
    return card, out.problems
