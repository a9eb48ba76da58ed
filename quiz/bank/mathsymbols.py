"""The Unicode side of math rendering: scripts, letter alphabets, accents, symbols.

Pure tables (plus pylatexenc's plain-text symbols, kept in `quiz.bank.latexsymbols`) that
the LaTeX converter in `quiz.bank.mathtext` looks things up in; nothing here parses or
renders.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from quiz.bank.latexsymbols import PYLATEXENC_SYMBOLS

__all__ = [
    "ACCENTS",
    "BIG_OPERATORS",
    "BLACKBOARD",
    "BOLD",
    "BOLD_FONTS",
    "CLOSERS",
    "FRAKTUR",
    "FUNCTIONS",
    "INVISIBLE",
    "LETTER_FONTS",
    "MATH_CHARS",
    "NO_SPACE_BEFORE",
    "OPENERS",
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
# Unicode superscript of each character that has one.
SUP: Final[dict[str, str]] = dict(
    zip(
        "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVWαβγδεθιφϕχ′",
        "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂᵅᵝᵞᵟᵋᶿᶥᵠᵠᵡ′",
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
    "cdotp": "·",
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

# Characters in math mode that read better as their typeset form.
MATH_CHARS: Final[dict[str, str]] = {"-": "−", "~": " "}

# Characters that make a numerator, denominator or radicand need parentheses.
OPERATOR_CHARS: Final = frozenset("+−-=<>/·×÷±∓≤≥≈≠~∼⊙⊗⊕∈∉→←↔⇒,;:|∣∘∧∨∪∩⊂⊆")
# Brackets that group: a bracketed text is atomic, and spaces just inside are dropped.
OPENERS: Final = "([{⟨⌊⌈"
CLOSERS: Final = ")]}⟩⌋⌉"
# After a function name no space is needed before these.
NO_SPACE_BEFORE: Final = frozenset("()[]{},;.:!'′_^⟩|‖")


def pylatexenc_symbols() -> dict[str, str]:
    """Plain-string symbols from pylatexenc's latex2text database: its argument-free macros
    whose text is a plain string (what `quiz.bank.latexsymbols` holds, written from here)."""
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


def write_latex_symbols(path: Path | None = None) -> Path:
    """Write `pylatexenc_symbols()` as the `quiz.bank.latexsymbols` module (after a
    pylatexenc upgrade; tests/bank/test_latexsymbols.py says when)."""
    import json
    from importlib.metadata import version

    target = path if path is not None else Path(__file__).with_name("latexsymbols.py")
    entries = "".join(
        f"    {json.dumps(name, ensure_ascii=False)}: {json.dumps(text, ensure_ascii=False)},\n"
        for name, text in pylatexenc_symbols().items()
    )
    target.write_text(
        f'''"""pylatexenc's plain-text symbols (its latex2text database, pylatexenc {version("pylatexenc")}).

Written by `quiz.bank.mathsymbols.write_latex_symbols()`, not by hand: reading the database
meant importing `pylatexenc.latex2text` and walking its macros (6-10 ms) before the first
formula of a session could be shown. tests/bank/test_latexsymbols.py holds this table equal
to the installed pylatexenc's.
"""

from typing import Final

PYLATEXENC_SYMBOLS: Final[dict[str, str]] = {{
{entries}}}
''',
        encoding="utf-8",
    )
    return target


def _symbol_table() -> dict[str, str]:
    """pylatexenc's plain-string symbols, with our overrides."""
    table = dict(PYLATEXENC_SYMBOLS)
    for name in list(table):
        if name in SPACING or name in INVISIBLE or name == "-":
            del table[name]
    table.update(SYMBOL_OVERRIDES)
    table.update(BIG_OPERATORS)
    return table


# Macro name -> its symbol (pylatexenc's table, our overrides, the big operators).
SYMBOLS: Final = _symbol_table()
