"""The ASCII words of a card id, from text that may hold math, Greek letters or symbols.

An id is kebab-case ASCII (`quiz.bank.models.KEBAB`), so `σ` or `x²` must become letters
to stay in it: a Greek letter or a math symbol becomes the name of the LaTeX macro that
the app renders as it (`quiz.bank.mathsymbols.SYMBOLS`, read backwards: `σ` -> `sigma`,
`∇` -> `nabla`, `→` -> `to`); a letter or digit with an ASCII form joins its word in
that form (`é` -> `e`, `²` -> `2`, `ᵢ` -> `i`, `𝐱` -> `x`); anything else parts words.
So `σ(x)` gives `sigma x`, `x²` gives `x2`, `∂L/∂w` gives `partial l partial w`. A norm
reads as it is said: `‖w‖₂²` gives `w l2 norm squared`, `‖W‖_F` `w frobenius norm`.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from quiz.bank.mathsymbols import FUNCTIONS, NARROW_FORMS, SYMBOLS
from quiz.ecosystem.cardcheck import MAX_ID_CHARS

__all__ = ["card_tag", "cut_at_word", "id_words", "latex_words", "nested_tags"]

_WORD = re.compile(r"[a-z0-9]+")
_CONTRACTION = re.compile(r"(?<=[A-Za-z])['’](?=(?:s|t|re|ve|ll|d|m)\b)", re.IGNORECASE)
_NAMED_CATEGORIES = frozenset({"Ll", "Lu", "Lo", "Lm", "Lt", "Sm"})
"""Letters and math symbols get a name; punctuation, dashes and emoji part words."""
_OWN_NAMES = {
    "φ": "phi",  # the app's table knows it only as \varphi
    "ϵ": "epsilon",
    "ϑ": "theta",
    "√": "sqrt",  # \surd in the table; \sqrt is what people write
    "≠": "ne",
    "∼": "sim",
    "′": "prime",
    "∓": "mp",
}
"""Names the macro table does not give, or gives in a form nobody writes."""
_NORM = re.compile(
    r"‖(?P<inner>[^‖]*)‖"
    r"(?:_(?P<named>[A-Za-z0-9]+|∞|\*)|(?P<sub>[\u2080-\u2089\u209a\u2099]+))?"
    r"(?P<power>[²³]|\^[23])?"
)
"""A norm `‖x‖`, with its subscript (`₂`, `_p`, `_F`, `_∞`) and a square or cube."""
_NORM_NAMES = {"f": "frobenius", "*": "nuclear", "∞": "inf", "infty": "inf"}
"""Subscripts of norms with a name (`‖A‖_F` is the Frobenius norm)."""
_POWERS = {"²": "squared", "^2": "squared", "³": "cubed", "^3": "cubed"}


def _norm_words(match: re.Match[str]) -> str:
    """A norm as its words: the inside, then `l2`/`lp`/`linf` (an Lp norm) or the
    subscript's name, then `norm`, then `squared` or `cubed`."""
    sub = match["named"] or unicodedata.normalize("NFKC", match["sub"] or "")
    sub = _NORM_NAMES.get(sub.lower(), sub.lower())
    if sub.isdigit() or sub in ("p", "q", "n", "inf"):
        sub = f"l{sub}"
    power = _POWERS.get(match["power"] or "", "")
    return f" {match['inner']} {sub} norm {power} "


_ENVIRONMENT = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}")
_MACRO = re.compile(r"\\([A-Za-z]+)")


@cache
def _names() -> dict[str, str]:
    """Character -> the word it becomes: the shortest plain macro name that renders as it
    (no `text...`, `var...` only when nothing else), ties alphabetically, so the word
    never depends on the table's order."""
    found: dict[str, list[str]] = {}
    for name, symbol in SYMBOLS.items():
        if len(symbol) != 1 or symbol.isascii() or not name.isalpha():
            continue
        if name.startswith("text") or unicodedata.category(symbol) not in _NAMED_CATEGORIES:
            continue
        found.setdefault(symbol, []).append(name.lower())
    names = {
        symbol: min(options, key=lambda n: (n.startswith("var"), len(n), n))
        for symbol, options in found.items()
    }
    names.update(_OWN_NAMES)
    for narrow in NARROW_FORMS.values():  # ⋅ shows \cdot where · did: it parts words, as ·
        names.pop(narrow, None)
    return names


@cache
def _fold(char: str) -> tuple[tuple[str, ...], str]:
    """A character's ASCII letters and digits by its compatibility decomposition, in runs
    (accents, fonts and scripts dropped; `½` -> ("1", "2"): its fraction slash parts
    them), and "<sub>" or "<super>" when it is a subscript or superscript, else ""."""
    runs: list[str] = []
    run = ""
    for part in unicodedata.normalize("NFKD", char):
        if part.isascii() and part.isalnum():
            run += part.lower()
        elif not unicodedata.combining(part):
            runs.append(run)
            run = ""
    runs.append(run)
    level = unicodedata.decomposition(char).split(" ", 1)[0]
    return tuple(runs), level if level in ("<sub>", "<super>") else ""


def id_words(text: str, *, norms: bool = True) -> list[str]:
    """Lowercase ASCII words of `text` for an id: English contractions kept as one word
    ("what's" -> "whats"), letters with an ASCII form folded, named letters and symbols
    as their own word, everything else a separator. A script joins the word it is on
    (`x²` -> `x2`, `xᵢ` -> `xi`); the other script or the line after a script starts a
    word (`∑ᵢ₌₁ⁿ` -> `sum i 1 n`, `Wᵀx` -> `wt x`). A norm is read as said (`‖w‖₂²` ->
    `w l2 norm squared`, not `w 2 2`); `norms=False`: as before that rule (the bars
    part words, the scripts are words of their own), for ids imported then."""
    text = _CONTRACTION.sub("", text) if ("'" in text or "’" in text) else text
    if norms and "‖" in text:
        text = _NORM.sub(_norm_words, text)
    if text.isascii():
        return _WORD.findall(text.lower())
    names = _names()
    words: list[str] = []
    current: list[str] = []
    script = ""  # "<sub>" or "<super>" when the current word ends in one
    for char in text:
        if char.isascii():
            if char.isalnum():
                if script and (word := "".join(current)):  # `Wᵀx`: after a script
                    words.append(word)
                    current = []
                script = ""
                current.append(char.lower())
                continue
            script = ""
            runs: tuple[str, ...] = ("", "")  # a separator
        elif (name := names.get(char)) is not None:
            script = ""
            runs = ("", name, "")
        else:
            runs, level = _fold(char)
            if script and level != script and any(runs):
                runs = ("", *runs)  # the other script, or the line after a script
            script = level
        # The first run joins the current word, the last starts the next, any between
        # are words of their own; an empty run between two is a separator.
        current.append(runs[0])
        for run in runs[1:]:
            if word := "".join(current):
                words.append(word)
            current = [run]
    if word := "".join(current):
        words.append(word)
    return words


def cut_at_word(name: str, limit: int) -> str:
    """A kebab-case `name` cut at a word to at most `limit` characters (a single word
    longer than that is cut inside it)."""
    while len(name) > limit and "-" in name:
        name = name.rsplit("-", 1)[0]
    return name[:limit].strip("-")


def latex_words(latex: str) -> list[str]:
    """The id words of a formula the app cannot show in Unicode, read from its LaTeX: a
    macro that names a symbol or a function gives its name (`\\sigma` -> `sigma`), layout
    macros and environments (`\\frac`, `\\begin{pmatrix}`) give nothing."""
    text = _ENVIRONMENT.sub(" ", latex)

    def word(match: re.Match[str]) -> str:
        name = match.group(1)
        symbol = SYMBOLS.get(name)
        if name in FUNCTIONS or (symbol is not None and symbol.isalpha()):
            return f" {name} "
        if symbol is not None:
            return f" {symbol} "
        return " "

    return id_words(_MACRO.sub(word, text))


def card_tag(tag: str) -> str:
    """A tag as notes or Anki write it, as a card's tag (kebab-case ASCII, as lint asks): its
    words as an id's (`ML::Deep_Learning` -> `ml-deep-learning`, `σ` -> `sigma`), cut at a
    word to 80 characters; "" when it has no word. Here, not in `ankitext`, because the notes
    reader names tags too and `ankitext` reads into the notes' own types."""
    return cut_at_word("-".join(id_words(tag)), MAX_ID_CHARS)  # the schema's limit


_LEVELS = re.compile(r"/|::")
"""What parts a nested tag's levels: Obsidian's and Logseq's `/`, Anki's `::`."""
_SR_DECK_TAG = "flashcards"
"""The Spaced Repetition plugin's tag: `#flashcards/ml/dl` files its cards in deck `ml/dl`."""


def nested_tags(tag: str) -> tuple[str, ...]:
    """A tag as card tags, a nested one (`ml/dl`, `ml::dl`) as each of its levels' paths,
    the parent first (`ml`, `ml-dl`): a card tag is kebab-case, with no level in it, and a
    search for the parent finds the children's cards, as Anki's `tag:ml` and Obsidian's
    `tag:#ml` do. The plugin's `flashcards` before a deck's levels stays its own tag, as
    `#flashcards` alone gives it, and the deck's levels are a hierarchy of their own
    (`#flashcards/ml/dl` -> `flashcards`, `ml`, `ml-dl`)."""
    levels = [level for level in _LEVELS.split(tag) if card_tag(level)]
    marker: tuple[str, ...] = ()
    if len(levels) > 1 and card_tag(levels[0]) == _SR_DECK_TAG:
        marker, levels = (_SR_DECK_TAG,), levels[1:]
    paths = (card_tag("/".join(levels[: depth + 1])) for depth in range(len(levels)))
    return tuple(dict.fromkeys((*marker, *(path for path in paths if path))))
