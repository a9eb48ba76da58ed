"""A card's id and list title, made from its question's title, and kept unique."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from quiz.bank.markdown import (
    parse_inline,
)
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import KEBAB
from quiz.ecosystem.htmlstrip import is_html_tag
from quiz.ecosystem.idwords import cut_at_word, id_words, latex_words
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.tagtext import as_read_before

MAX_ID_WORDS = 6


MAX_ID_CHARS = 60


MAX_TITLE_CHARS = 120


KEBAB_NAME = re.compile(KEBAB)


_CONTRACTION = re.compile(r"(?<=[A-Za-z])['’](?=(?:s|t|re|ve|ll|d|m)\b)", re.IGNORECASE)


_KEBAB_WORD = re.compile(r"[a-z0-9]+")


_MARKUP = re.compile(r"[$`\\&<\[*_~\n\r\x00]|  ")
"""Characters without which a one-line title has no inline markup (math, code, escapes,
entities, HTML, links, emphasis, strikethrough, line breaks)."""


_ID_STOP_WORDS = frozenset(
    "a an the is are was were be of to in on for and or its it what whats why how does do did "
    "explain describe".split()
)


def kebab(text: str) -> str:
    """Lowercase ASCII words joined by '-' (accents folded, everything else dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    # English contractions stay one word: "what's" -> "whats", "don't" -> "dont".
    if "'" in folded:  # (NFKD and the ASCII fold leave no other apostrophe)
        folded = _CONTRACTION.sub("", folded)
    return "-".join(_KEBAB_WORD.findall(folded.lower()))


def card_id_for(title: str, *, norms: bool = True) -> str:
    """A short, stable id from a question title: filler words dropped, at most 6 words and
    60 characters. Formulas and code are words of it, in ASCII (`idwords`): "What is the
    derivative of $\\sigma(x)$?" -> `derivative-sigma-x`, "Why does σ saturate?" ->
    `sigma-saturate`; their words are never dropped as filler (`$a$` is no article).
    `norms=False`: the id made before norms were read as said (`idwords.id_words`).
    A tag typed as text (`&lt;s&gt;`) is no word of it, as when it was dropped as HTML."""
    title = as_read_before(title)
    words: list[tuple[str, bool]] = []  # (word, kept even if filler)
    text: list[str] = []  # the prose since the last formula or code span

    def prose() -> None:
        if text:
            words.extend((word, False) for word in id_words("".join(text), norms=norms))
            text.clear()

    for kind, content in _title_pieces(title):
        if kind in ("text", "text_special"):
            text.append(content)
        elif kind in ("softbreak", "hardbreak"):
            text.append(" ")
        elif kind in ("code_inline", "math_inline", "math_inline_double"):
            prose()
            if kind == "code_inline":
                found = id_words(content, norms=norms)
            else:
                latex = content.strip()
                shown = latex_to_unicode(latex)
                found = id_words(shown, norms=norms) if shown is not None else latex_words(latex)
            words.extend((word, True) for word in found)
    prose()
    return _short_id(words)


def legacy_card_id_for(title: str) -> str:
    """The id `card_id_for` gave before formulas, code and symbols were words of it (they
    were left out: `what-is-the-derivative-of`): what cards imported then are named."""
    slug_words = kebab(title_text(as_read_before(title), with_math=False))
    return _short_id([(word, False) for word in slug_words.split("-") if word])


def _short_id(words: Sequence[tuple[str, bool]]) -> str:
    """An id of these words: filler words dropped (unless that leaves fewer than two, or
    a word is marked kept), at most 6 words, cut at a word to at most 60 characters."""
    kept = [word for word, keep in words if keep or word not in _ID_STOP_WORDS]
    if len(kept) < 2:
        kept = [word for word, _ in words]
    return cut_at_word("-".join(kept[:MAX_ID_WORDS]), MAX_ID_CHARS)


def card_title(title: str) -> str:
    """The list title: the question's title without a final period, at most 120 characters."""
    text = " ".join(title.split()).rstrip(".").strip()
    if len(text) <= MAX_TITLE_CHARS:
        return text
    return text[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


class IdsInUse(set[str]):
    """The ids an import has given so far, and for each base id and folder the number to
    try first: every candidate below it was given or is another file's, and both only
    grow while a plan is made. Notes that repeat a title (hundreds of "Definition",
    "Example") made each new card try base, -2, -3... from the start: quadratic, 23 of 37 s
    of CPU planning 4 MiB of notes, fortieth round."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        super().__init__(ids)
        self.starts: dict[tuple[str, Path], int] = {}


def unique_id(
    base: str, target_dir: Path, used: set[str], taken: Mapping[str, Path]
) -> tuple[str, Path]:
    """The first of base, base-2, base-3... not used in this import nor by another card file,
    and its path."""
    name = unique_name(base, target_dir, used, taken)
    return name, target_dir / f"{name}.md"


def unique_name(base: str, target_dir: Path, used: set[str], taken: Mapping[str, Path]) -> str:
    """`unique_id` without the path (made only to compare with a taken id's file); with
    `IdsInUse`, from the number its base last got in that folder."""
    starts = used.starts if isinstance(used, IdsInUse) else None
    counter = starts.get((base, target_dir), 1) if starts is not None else 1
    while True:
        candidate = base if counter == 1 else f"{base}-{counter}"
        if candidate not in used:  # cheap test first: notes repeat titles many times
            other = taken.get(candidate)
            if other is None or other.resolve() == (target_dir / f"{candidate}.md").resolve():
                if starts is not None:
                    starts[(base, target_dir)] = counter
                return candidate
        counter += 1


_MAY_NORM = ("‖", "\\|", "Vert")
"""In a title whose id may hold a norm read as said (`‖`, LaTeX's `\\|`, `\\Vert`)."""


def old_base_ids(question: NoteQuestion, pack: str) -> list[str]:
    """The ids the question's title made under the rules before (`keep_old_ids`): before
    formulas, code and symbols were words of ids, before norms were read as said, and
    before a cloze's hints were left out of its id; each once, and not the id it makes now."""
    whole = question.whole
    if whole is not None:  # cards per number came after all but the hints' rule
        hinted = card_id_for(whole.title) if whole.id_title is not None else ""
        olds = [f"{hinted}-c{question.cloze}"] if hinted else []
    else:
        olds = [base_id_of(question, pack, legacy=True)]
        if any(mark in question.title for mark in _MAY_NORM):
            olds.append(card_id_for(question.title, norms=False) or olds[0])
        if question.id_title is not None:  # a cloze's id, its hints' words in it
            olds.append(card_id_for(question.title) or olds[0])
        if question.card_id is not None:  # import49 made an own note's id from its title
            olds.append(card_id_for(question.title) or olds[0])
    now = base_id_of(question, pack)
    return [old for old in dict.fromkeys(olds) if old != now]


def base_id_of(question: NoteQuestion, pack: str, *, legacy: bool = False) -> str:
    """The id the question's title makes (before -2, -3... keep it unique); `legacy`: the
    one it made before formulas, code and symbols were words of ids. A cloze note's id is
    made from its `id_title` (every deletion `[...]`, its hints left out). A card of a cloze
    number is its note's id and `-c1`, `-c2`...: the same for each
    number's card whatever the others show, and new (no rule before made such cards)."""
    if question.whole is not None:
        return f"{base_id_of(question.whole, pack)}-c{question.cloze}"
    if question.card_id is not None and not legacy:  # drillbit's own export: its card's id
        return question.card_id
    if legacy:
        made = legacy_card_id_for(question.title)
    else:  # a cloze whose text outside its deletions has no word keeps its hints' words
        made = card_id_for(question.id_title or question.title)
        if not made and question.id_title is not None:
            made = card_id_for(question.title)
    return made or f"{pack}-q{question.number or question.ordinal}"


def plain_title(title: str) -> str:
    """The list title: plain text, since lists and card headings show it as is. Math is
    shown as the app shows formulas, in Unicode (`$\\nabla_\\theta L$` -> `∇_θ L`; raw
    LaTeX without its `$` read as the title's words went missing), or as its LaTeX when it
    has no faithful text form; code as its text (no backticks)."""
    return title_text(title, with_math=True)


@lru_cache(maxsize=16)
def _title_pieces(title: str) -> tuple[tuple[str, str], ...]:
    """(type, content) of a title's inline tokens; cached because the id and the list
    title of one card read the same title one after the other."""
    if not _MARKUP.search(title):  # nothing the inline parser would read as markup
        return (("text", title),)
    tokens = parse_inline(title, latex_delimiters=True)
    return tuple((c.type, c.content) for c in (tokens[0].children or () if tokens else ()))


def title_text(title: str, *, with_math: bool) -> str:
    """A title's words as read by the Markdown reader: formulas as Unicode and code spans as
    their text, or both left out."""
    parts: list[str] = []
    for kind, content in _title_pieces(title):
        if kind in ("text", "text_special"):
            parts.append(content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif kind == "code_inline":
            parts.append(content.strip() if with_math else " ")
        elif kind == "html_inline" and not is_html_tag(content):
            parts.append(content)  # `<eos>`: a token's name, not markup
        elif kind in ("math_inline", "math_inline_double"):
            latex = content.strip()
            parts.append((latex_to_unicode(latex) or latex) if with_math else " ")
    return " ".join("".join(parts).split())  # whitespace runs as one space (re's `\s`)
