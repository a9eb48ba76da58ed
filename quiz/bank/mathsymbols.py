"""The Unicode side of math rendering: scripts, letter alphabets, accents, symbols.

Pure tables (plus pylatexenc's plain-text symbols, read once and kept in the cache folder)
that the LaTeX converter in `quiz.bank.mathtext` looks things up in; nothing here parses
or renders.
"""

from __future__ import annotations

import contextlib
import os
from typing import Final

from quiz.bank import cachefile

__all__ = [
    "ACCENTS",
    "AMS_SYMBOLS",
    "BIG_OPERATORS",
    "BLACKBOARD",
    "BOLD",
    "BOLD_FONTS",
    "CLOSERS",
    "CLOSING_DELIMITERS",
    "FRAKTUR",
    "FUNCTIONS",
    "INVISIBLE",
    "LETTER_FONTS",
    "MATH_CHARS",
    "NARROW_FORMS",
    "NO_SPACE_BEFORE",
    "OPENERS",
    "OPENING_DELIMITERS",
    "OPERATOR_CHARS",
    "PLAIN_FONTS",
    "PREFIX",
    "SCRIPT",
    "SPACING",
    "SUB",
    "SUP",
    "SYMBOLS",
    "SYMBOL_OVERRIDES",
    "TEXT_MACROS",
    "VULGAR",
]


# Unicode subscript of each character that has one.
SUB: Final[dict[str, str]] = dict(
    zip(
        "0123456789+-−=()aehijklmnoprstuvxβγρφϕχ",
        "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵩᵪ",
        strict=True,
    )
)
# Unicode superscript of each character that has one (a prime and an asterisk are raised
# already: an optimum w^* reads w*, as the books print it, not as a power). The transpose
# signs \top (⊤) and \intercal (⊺) raised are the transpose ᵀ, as W^T is: Wᵀ.
SUP: Final[dict[str, str]] = dict(
    zip(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφϕχ′*⊤⊺",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵠᵡ′*ᵀᵀ",
        strict=True,
    )
)

# (numerator, denominator) -> a single-glyph fraction.
VULGAR: Final[dict[tuple[str, str], str]] = {
    ("1", "2"): "½",
    ("1", "3"): "⅓",
    ("2", "3"): "⅔",
    ("1", "4"): "¼",
    ("3", "4"): "¾",
    ("1", "5"): "⅕",
    ("1", "8"): "⅛",
}


def _alphabet(upper: int, lower: int | None, exceptions: dict[str, str]) -> dict[str, str]:
    """A mathematical alphanumeric alphabet, with the letters Unicode placed elsewhere."""
    table = {chr(ord("A") + k): chr(upper + k) for k in range(26)}
    if lower is not None:
        table.update({chr(ord("a") + k): chr(lower + k) for k in range(26)})
    table.update(exceptions)
    return table


# \mathbb, \mathcal/\mathscr, \mathfrak and bold letters in Unicode's math alphabets.
BLACKBOARD: Final = {
    **_alphabet(
        0x1D538,
        0x1D552,
        {"C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"},
    ),
    **{str(d): chr(0x1D7D8 + d) for d in range(10)},
}
SCRIPT: Final = _alphabet(
    0x1D49C,
    0x1D4B6,
    {
        "B": "ℬ",
        "E": "ℰ",
        "F": "ℱ",
        "H": "ℋ",
        "I": "ℐ",
        "L": "ℒ",
        "M": "ℳ",
        "R": "ℛ",
        "e": "ℯ",
        "g": "ℊ",
        "o": "ℴ",
    },
)
FRAKTUR: Final = _alphabet(0x1D504, 0x1D51E, {"C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"})
BOLD: Final = {
    **_alphabet(0x1D400, 0x1D41A, {}),
    **{str(d): chr(0x1D7CE + d) for d in range(10)},
    # Greek too (\boldsymbol{\theta}, a vector of parameters, is 𝛉, not θ): Α..Ω and α..ω
    # in their order, U+03A2 (no capital final sigma) holding the bold ϴ, then the variants.
    **{chr(0x391 + k): chr(0x1D6A8 + k) for k in range(25) if k != 0x3A2 - 0x391},
    **{chr(0x3B1 + k): chr(0x1D6C2 + k) for k in range(25)},
    **dict(zip("∇∂ϵϑϰϕϱϖ", "𝛁𝛛𝛜𝛝𝛞𝛟𝛠𝛡", strict=True)),
}

# Accent macro -> the combining mark put after its one-symbol argument.
ACCENTS: Final[dict[str, str]] = {
    "hat": "\u0302",
    "widehat": "\u0302",
    "bar": "\u0304",
    "tilde": "\u0303",
    "widetilde": "\u0303",
    "dot": "\u0307",
    "ddot": "\u0308",
    "vec": "\u20d7",
    "check": "\u030c",
    "acute": "\u0301",
    "grave": "\u0300",
    "breve": "\u0306",
}

# Spacing macros (\, \quad ...) -> plain spaces.
SPACING: Final[dict[str, str]] = {
    ",": " ",
    ":": " ",
    ";": " ",
    " ": " ",
    "!": "",
    "quad": "  ",
    "qquad": "    ",
    "enspace": " ",
    "thinspace": " ",
    "medspace": " ",
    "thickspace": " ",
    "negthinspace": "",
}

# Sizing and style commands that change nothing in plain text.
INVISIBLE: Final = frozenset(
    "displaystyle textstyle scriptstyle scriptscriptstyle limits nolimits nonumber notag "
    "big Big bigg Bigg bigl bigr Bigl Bigr biggl biggr Biggl Biggr bigm Bigm".split()
)

# Names typeset upright that take an operand: a space separates them from it.
FUNCTIONS: Final = frozenset(
    "log ln lg exp max min sup inf lim limsup liminf sin cos tan sec csc cot sinh cosh tanh "
    "coth arcsin arccos arctan arcsinh arccosh arctanh det dim ker arg deg gcd hom Pr "
    "argmax argmin".split()
)
# Sums, products and integrals: symbols whose scripts are limits.
BIG_OPERATORS: Final[dict[str, str]] = {
    "sum": "∑",
    "prod": "∏",
    "coprod": "∐",
    "int": "∫",
    "iint": "∬",
    "iiint": "∭",
    "oint": "∮",
    "bigcup": "⋃",
    "bigcap": "⋂",
    "bigoplus": "⊕",
    "bigotimes": "⊗",
    "bigvee": "⋁",
    "bigwedge": "⋀",
}
# Prefix operators that sit tight against their operand: \partial L -> ∂L.
PREFIX: Final = frozenset({"partial", "nabla", "neg", "lnot"})

# Our choices where pylatexenc's plain-text symbol reads worse in a terminal.
SYMBOL_OVERRIDES: Final[dict[str, str]] = {
    "epsilon": "ε",
    "sim": "~",
    "prime": "′",
    "|": "‖",
    "%": "%",
    "lbrace": "{",
    "rbrace": "}",
    "setminus": "∖",
    "colon": ":",
    "ast": "*",
    "star": "⋆",
    "cdotp": "⋅",
    "lvert": "|",
    "rvert": "|",
    "argmax": "argmax",
    "argmin": "argmin",
    "det": "det",
    "dim": "dim",
    "ker": "ker",
    "arg": "arg",
    "deg": "deg",
    "gcd": "gcd",
    "hom": "hom",
    "Pr": "Pr",
    "lg": "lg",
    "sec": "sec",
    "csc": "csc",
    "cot": "cot",
    "coth": "coth",
}

# amsmath/amssymb names authors write that pylatexenc's table lacks (or, for \iff and
# \implies, which LaTeX draws long, gives no plain form): their Unicode character.
AMS_SYMBOLS: Final[dict[str, str]] = {
    "ne": "≠",
    "neg": "¬",
    "land": "∧",
    "lor": "∨",
    "iff": "⟺",
    "implies": "⟹",
    "impliedby": "⟸",
    "coloneqq": "≔",
    "eqqcolon": "≕",
    "gets": "←",
    "bot": "⊥",
    "models": "⊨",
    "leadsto": "⇝",
}

# Macros whose argument is text, and font macros by how they map letters.
TEXT_MACROS: Final = frozenset(
    "text textrm textit textbf textsf texttt textnormal textup mbox".split()
)
PLAIN_FONTS: Final = frozenset("mathrm mathit mathsf mathtt mathnormal mathup".split())
LETTER_FONTS: Final[dict[str, dict[str, str]]] = {
    "mathbb": BLACKBOARD,
    "mathcal": SCRIPT,
    "mathscr": SCRIPT,
    "mathfrak": FRAKTUR,
}
BOLD_FONTS: Final = frozenset({"mathbf", "boldsymbol", "bm", "pmb"})

# East Asian Ambiguous characters (UAX #11) that have a form of the same meaning one column
# wide in every terminal: a terminal set to draw ambiguous characters wide (as a CJK reader's
# often is) gives them two columns where Textual lays out one, and the line's end and a
# box's right border move a column. The symbol table and math-mode characters never give
# the first; `tests/test_cell_widths.py` holds every card's rendered text to it.
NARROW_FORMS: Final[dict[str, str]] = {
    "·": "⋅",  # MIDDLE DOT (punctuation) -> DOT OPERATOR, the character \cdot names
    "…": "...",  # HORIZONTAL ELLIPSIS (\ldots, \dots) -> three full stops
}

# Characters in math mode that read better as their typeset form.
MATH_CHARS: Final[dict[str, str]] = {"-": "−", "~": " ", **NARROW_FORMS}

# Characters that make a numerator, denominator or radicand need parentheses.
OPERATOR_CHARS: Final = frozenset("+−-=<>/⋅·×÷±∓≤≥≈≠~∼⊙⊗⊕∈∉→←↔⇒⟹⟸⟺≔≕⊨,;:|∣∘∧∨∪∩⊂⊆")
# Brackets that group: a bracketed text is atomic, and spaces just inside are dropped.
OPENERS: Final = "([{⟨⌊⌈"
CLOSERS: Final = ")]}⟩⌋⌉"
# Delimiter macros that name their side: nothing is spaced inside them, as inside a bracket,
# so \lVert x \rVert is ‖x‖ as \|x\| is (a bar's side is otherwise unknown: | x | keeps
# its spaces, as |x| keeps none).
OPENING_DELIMITERS: Final = frozenset("lVert lvert langle lfloor lceil lbrace".split())
CLOSING_DELIMITERS: Final = frozenset("rVert rvert rangle rfloor rceil rbrace".split())
# After a function name no space is needed before these.
NO_SPACE_BEFORE: Final = frozenset("()[]{},;.:!'′_^⟩|‖")


def pylatexenc_symbols() -> dict[str, str]:
    """Plain-string symbols from pylatexenc's latex2text database: its argument-free macros
    whose text is a plain string."""
    from pylatexenc import latexwalker
    from pylatexenc.latex2text import get_default_latex_context_db

    walker_db = latexwalker.get_default_latex_context_db()
    table: dict[str, str] = {}
    for category in ("latex-base", "advanced-symbols"):
        for spec in get_default_latex_context_db().iter_macro_specs([category]):
            repl = spec.simplify_repl
            name = str(spec.macroname)
            if not isinstance(repl, str) or "%" in repl or name == "today":
                continue
            wspec = walker_db.get_macro_spec(name)
            if wspec is not None and wspec.args_parser.argspec:
                continue
            table[name] = repl
    return table


_SYMBOLS_FORMAT = 1
"""Bumped when `pylatexenc_symbols` changes what it keeps (pylatexenc's version and
Python's are in the cache's code stamp)."""
_SYMBOLS_PREFIX = "latex-symbols-"


def symbols_cache_path() -> str:
    """Where `remembered_pylatexenc_symbols` keeps the table for this code and pylatexenc."""
    stamp = cachefile.code_stamp()[:24]
    return os.path.join(cachefile.cache_dir(), f"{_SYMBOLS_PREFIX}{_SYMBOLS_FORMAT}-{stamp}.json")


def remembered_pylatexenc_symbols() -> dict[str, str]:
    """`pylatexenc_symbols()`, read from the cache folder when an earlier run wrote it.

    Importing `pylatexenc.latex2text` and walking its macros costs 6-10 ms before the
    first formula of a session can be shown; the table it gives changes only with
    pylatexenc. A missing, stale or edited file is made again (and written, when the cache
    is on and its folder writable), never trusted."""
    if not cachefile.enabled():
        return pylatexenc_symbols()
    path = symbols_cache_path()
    try:
        with open(path, "rb") as handle:
            kept = cachefile.decode_file(handle.read())
    except OSError:
        kept = {}
    table = kept.get("symbols") if isinstance(kept, dict) else None
    if isinstance(table, dict) and all(
        type(name) is str and type(text) is str for name, text in table.items()
    ):
        return table
    table = pylatexenc_symbols()
    _remember_symbols(path, table)
    return table


def _remember_symbols(path: str, table: dict[str, str]) -> None:
    """Write the table whole (a temporary file renamed over) and drop other versions' tables."""
    folder, name = os.path.split(path)
    partial = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(cachefile.encode_file({"symbols": table}))
        os.replace(partial, path)
        for other in os.listdir(folder):
            if other.startswith(_SYMBOLS_PREFIX) and other != name and other.endswith(".json"):
                os.unlink(os.path.join(folder, other))
    except OSError:  # an unwritable cache: the next run reads pylatexenc again
        with contextlib.suppress(OSError):
            os.unlink(partial)


def _symbol_table() -> dict[str, str]:
    """pylatexenc's plain-string symbols, with our overrides."""
    table = remembered_pylatexenc_symbols()
    for name in list(table):
        if name in SPACING or name in INVISIBLE or name == "-":
            del table[name]
    table.update(AMS_SYMBOLS)
    table.update(SYMBOL_OVERRIDES)
    table.update(BIG_OPERATORS)
    narrow = str.maketrans(NARROW_FORMS)
    return {name: text.translate(narrow) for name, text in table.items()}


# Macro name -> its symbol (pylatexenc's table, our overrides, the big operators).
SYMBOLS: Final = _symbol_table()
