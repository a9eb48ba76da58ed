"""One formula converted: checked for what pylatexenc would not say (unbalanced braces,
a backslash lost to a string escape), parsed with drillbit's macro specs, rendered by
`walker.Renderer`, remembered; plain formulas (`z > 0`) are never parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from pylatexenc import latexwalker as _lw
from pylatexenc.macrospec import LatexContextDb, MacroSpec

from quiz.bank.mathsymbols import (
    ACCENTS,
    BOLD_FONTS,
    LETTER_FONTS,
    MATH_CHARS,
    PLAIN_FONTS,
    TEXT_MACROS,
)
from quiz.bank.mathtext.decorations import DECORATION_ARGS
from quiz.bank.mathtext.unconvertible import Unconvertible
from quiz.bank.mathtext.walker import Renderer


@lru_cache(maxsize=1)
def _walker_db() -> LatexContextDb:
    """pylatexenc's parsing context without specials (``~``, ``--``, quotes are plain chars in
    math) and with argument specs for every macro we render. Built when a formula first needs
    parsing: plain ones ("z > 0") and cards with no math never do."""
    base = _lw.get_default_latex_context_db()
    ours: list[MacroSpec] = [
        MacroSpec(name, "{{")
        for name in ("frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom")
    ]
    ours.extend(MacroSpec(name, "{{") for name in ("overset", "underset", "stackrel"))
    ours.extend(MacroSpec(name, "[{") for name in ("xrightarrow", "xleftarrow"))
    ours.extend(MacroSpec(name, "{") for name in ("underbrace", "overbrace"))
    ours.append(MacroSpec("sqrt", "[{"))
    ours.append(MacroSpec("operatorname", "*{"))
    ours.extend(MacroSpec(name, "{") for name in ("mathop", "overrightarrow", "overleftarrow"))
    ours.append(MacroSpec("overline", "{"))
    ours.append(MacroSpec("underline", "{"))
    ours.append(MacroSpec("substack", "{"))
    ours.extend(MacroSpec(name, spec) for name, spec in DECORATION_ARGS.items())
    for names in (ACCENTS, TEXT_MACROS, PLAIN_FONTS, LETTER_FONTS, BOLD_FONTS):
        ours.extend(MacroSpec(name, "{") for name in names)
    db = LatexContextDb()
    db.add_context_category(
        "drillbit-math",
        macros=ours,
        environments=list(base.iter_environment_specs()),
        specials=[],
    )
    db.add_context_category("pylatexenc", macros=list(base.iter_macro_specs()), specials=[])
    return db


@dataclass(frozen=True)
class _Conversion:
    text: str | None
    pos: int
    message: str


_LOST_BACKSLASH = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\t(?=[A-Za-z])")


def source_problems(latex: str) -> list[tuple[int, str]]:
    """Unbalanced braces, a trailing lone backslash, and control characters (the trace of a
    backslash eaten by a string escape: ``"\\frac"`` written as ``"\frac"`` is a form feed),
    with their offsets."""
    problems: list[tuple[int, str]] = [
        (
            m.start(),
            f"control character U+{ord(m.group()):04X} in math: a backslash lost to a string "
            "escape (\\t, \\f, \\b, \\v)?",
        )
        for m in _LOST_BACKSLASH.finditer(latex)
    ]
    stack: list[int] = []
    i, n = 0, len(latex)
    while i < n:
        c = latex[i]
        if c == "\\":
            if i + 1 >= n:
                problems.append((i, "lone backslash at the end of the formula"))
            i += 2
            continue
        if c == "%":
            newline = latex.find("\n", i)
            i = n if newline < 0 else newline
            continue
        if c == "{":
            stack.append(i)
        elif c == "}":
            if stack:
                stack.pop()
            else:
                problems.append((i, "unbalanced braces: '}' without a matching '{'"))
        i += 1
    problems.extend((p, "unbalanced braces: '{' is never closed") for p in stack)
    problems.sort()
    return problems


_PLAIN_MATH: Final = re.compile(r"[^\\{}_^%]*")


_MATH_TRANSLATE: Final = str.maketrans(MATH_CHARS)


_BRACKET_SPACE: Final = re.compile(r"(?<=[(\[{⟨]) | (?=[)\]}⟩])")


_ARGUMENTS_RUN_OUT: Final = re.compile(r'End of input while parsing arguments of macro "(\w+)"')
_EXAMPLE_ARGUMENTS: Final = ("{a}", "{a}{b}", "{a}{b}{c}")
_COUNTS: Final = ("one argument", "two arguments", "three arguments")


def _missing_argument(parser_words: str) -> str | None:
    """What pylatexenc's "End of input while parsing arguments of macro "frac"" means for
    an author (`\\frac{a}`, `\\sqrt` at a formula's end): the argument left out and the
    form to write, where its words named a parse, not the slip."""
    found = _ARGUMENTS_RUN_OUT.search(parser_words)
    if found is None:
        return None
    name = found.group(1)
    spec = _walker_db().get_macro_spec(name)
    argspec = getattr(getattr(spec, "args_parser", None), "argspec", "") or "{"
    needed = min(max(argspec.count("{"), 1), len(_EXAMPLE_ARGUMENTS))
    takes = _COUNTS[needed - 1]
    return (
        f"\\{name} is missing an argument: it takes {takes} in braces, "
        f"e.g. \\{name}{_EXAMPLE_ARGUMENTS[needed - 1]}"
    )


@lru_cache(maxsize=8192)
def conversion(latex: str) -> _Conversion:
    """Convert one formula, or say where and why it cannot be converted."""
    if _PLAIN_MATH.fullmatch(latex) and not _LOST_BACKSLASH.search(
        latex
    ):  # "z > 0", "p": no need to parse
        text = " ".join(latex.translate(_MATH_TRANSLATE).split())
        return _Conversion(_BRACKET_SPACE.sub("", text), 0, "")
    problems = source_problems(latex)
    if problems:
        pos, message = problems[0]
        return _Conversion(None, pos, message)
    try:
        walker = _lw.LatexWalker(latex, latex_context=_walker_db(), tolerant_parsing=False)
        nodes, _, _ = walker.get_latex_nodes(pos=0)
        text = Renderer().render(nodes, math=True)
    except Unconvertible as exc:
        return _Conversion(None, exc.pos, exc.message)
    except _lw.LatexWalkerParseError as exc:
        pos = exc.pos if isinstance(exc.pos, int) else 0
        return _Conversion(
            None, pos, _missing_argument(exc.msg) or f"LaTeX does not parse: {exc.msg}"
        )
    except RecursionError:  # `\frac{1}{\frac{1}{...}}` thousands deep
        return _Conversion(
            None,
            0,
            "LaTeX nests too deep to show (braces or commands inside one another): split it",
        )
    except Exception as exc:  # pylatexenc: never crash a card
        return _Conversion(None, 0, f"LaTeX cannot be converted ({type(exc).__name__})")
    return _Conversion(text, 0, "")


def latex_to_unicode(latex: str) -> str | None:
    """One formula (no delimiters) as readable Unicode; None when it cannot be faithful."""
    return conversion(latex).text
