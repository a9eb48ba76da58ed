"""Lines of an answer that say where it comes from (`Source: Goodfellow et al. ch. 8`).

People end an answer, or an Anki cloze's Back Extra, with the book or paper it came from.
Read as the answer's text, such a line was a key point ("Source: Goodfellow et al. ch. 8"
to tick off when reviewing). It is the card's `source` instead: the lines are taken out of
the answer (outside fenced code, where `source:` may be a config's key) and what they cite
is returned, to be written after the notes' place (`deck.txt Q5 · Goodfellow et al. ch. 8`).
An answer's last sentence that is only a citation, unlabelled (`See Lin et al. 2013.`,
`(Goodfellow et al., 2016, ch. 8)`), is taken the same way (`_closing_citation`), as is a
citation in brackets glued to a sentence's end (`... easy examples (Lin et al., 2017).`,
`_glued_citations`). A bare cross-reference (`See chapter 3.`, `See the figure above.`)
names no work: it is no source, and `take_pointer` takes it out of the card instead (it
points into the notes, which the card's reader never sees), for the report to name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quiz.bank.markdown import scan_math
from quiz.ecosystem.fences import code_span_test, outside_fences, span_test

__all__ = ["field_citation", "take_citations", "take_pointer"]

_CITATION = re.compile(
    r"^[ \t]*(?P<item>[-*+][ \t]+)?(?P<open>\*\*|__|\*|_)?"
    r"(?:sources?|refs?|references?|citations?|cited from)"
    r"[ \t]*:[ \t]*(?:\*\*|__|\*|_)?[ \t]*(?P<cite>\S.*?)[ \t]*$",
    re.IGNORECASE,
)
"""`Source: ...`, `**Ref:** ...`, `*Source: ...*`, `- Reference: ...`: a line that names a
source by its label."""
_BLANKS = re.compile(r"\n{3,}")
_CITED = re.compile(r"\d|\bet al\b|https?://|\bch(?:apter)?\b|\bp{1,2}\.", re.IGNORECASE)
"""What a citation holds (a year, a chapter, a page, `et al.`, an address): `Source: where
the data comes from`, a term defined in an answer's list, holds none of it."""


_LEAD = re.compile(
    r"^(?:see(?:[ \t]+also)?|cf\.?|sources?|refs?\.?|references?)[ \t]+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
"""A sentence that points elsewhere (`See ...`, `Cf. ...`, `Source ...` with no colon)."""
_BRACKETED = re.compile(r"^(?:\((?P<round>[^()]+)\)|\[(?P<square>[^\[\]]+)\])\.?$")
_LINK = re.compile(r"\[(?P<text>[^\[\]]+)\]\((?P<url>https?://[^)\s]+)\)")
_EMPHASIS = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.+)\1$")
_URL = re.compile(r"<?https?://[^\s>]+>?")
_ET_AL = re.compile(r"\bet[ \t]+al\b\.?", re.IGNORECASE)
_NOT_NAMES = "Since|In|From|Until|Before|After|By|As|Of|Around|Circa|The|This|That"
_NAME_YEAR = re.compile(
    rf"\b(?!(?:{_NOT_NAMES})\b)[A-Z][\w'’-]+,?[ \t]+\(?(?:1[5-9]|20)\d\d[a-z]?\b"
)
"""A surname and its year (`Kingma and Ba 2015`, `Bishop (2006)`); `Since 2012` is none."""
_LOCATOR = re.compile(
    r"(?:§|\b(?:ch|chap|chapter|sec|section|pp?|pg|fig|eq|vol|no)\b\.?)[ \t]*\d[\d.–-]*",
    re.IGNORECASE,
)
_CHAPTER = re.compile(r"§|\b(?:ch|chap|chapter)\b\.?[ \t]*\d", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ \t]+(?=\S)")
_WHERE = frozenset({"above", "below", "earlier", "later", "previous", "next"})
_POINTER_WORDS = _WHERE | frozenset(
    "the this that a an and in of my our these those notes note page section chapter part"
    " figure fig table diagram example appendix equation eq sec ch chap pp p pg vol no also"
    " see cf".split()
)
"""What a cross-reference into the notes is made of (`See the figure above.`)."""
_LONGEST_CLOSING = 600
"""Characters of the closing run of sentences looked at: a citation is shorter, and each
look reads the run again (a line of 20,000 sentences took 18 s)."""
_GLUE = frozenset({"and", "of", "in", "the", "on", "a", "an", "also", "see", "ed", "eds"})
"""Small words a citation holds between its names ("Ch. 8 of the Deep Learning book")."""


def _citation_only(sentence: str) -> str | None:
    """What `sentence` cites when it is only a citation (a `See`-like lead or brackets, and
    an author `et al.`, a surname with a year, a chapter or an address, with at most one
    other lowercase word), else None: `Adam came out in 2015.` stays a key point."""
    sentence = sentence.strip()
    emphasis = _EMPHASIS.match(sentence)
    if emphasis is not None:
        sentence = emphasis["inner"].strip()
    sentence = _LINK.sub(lambda m: f"{m['text']}, {m['url']}", sentence)
    lead = _LEAD.match(sentence)
    bracketed = _BRACKETED.match(lead["rest"].strip() if lead else sentence)
    if bracketed is not None:
        inner = (bracketed["round"] or bracketed["square"]).strip()
        inner_lead = _LEAD.match(inner)  # `(see Bishop 2006)`
        cite = inner_lead["rest"] if inner_lead else inner
    elif lead is not None:
        cite = lead["rest"]
    else:
        return None
    cite = cite.strip().removesuffix(".").strip()
    return cite if _cites_a_work(cite) else None


def _cites_a_work(cite: str) -> bool:
    """True for a citation's text: an author `et al.`, a surname with a year, an address, or
    a chapter of a named work (`Goodfellow ch. 8`, not a bare `chapter 3`), with at most one
    other lowercase word."""
    if not (
        _ET_AL.search(cite) or _NAME_YEAR.search(cite) or _CHAPTER.search(cite) or _URL.search(cite)
    ):
        return False
    if _bare_locators(cite):
        return False
    rest = _YEAR.sub(" ", _LOCATOR.sub(" ", _ET_AL.sub(" ", _URL.sub(" ", cite))))
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", rest) if w[0].islower()]
    return len([w for w in words if w.lower() not in _GLUE]) <= 1


def _bare_locators(cite: str) -> bool:
    """True for a place with no work named (`chapter 3`, `sec. 2.1 above`, `the figure
    below`): a cross-reference into the notes themselves, no citation."""
    if _ET_AL.search(cite) or _URL.search(cite) or _YEAR.search(cite):
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", _LOCATOR.sub(" ", cite))
    pointing = bool(_LOCATOR.search(cite)) or any(w.lower() in _WHERE for w in words)
    return pointing and all(w.lower() in _POINTER_WORDS for w in words)


def _closing_citation(text: str) -> tuple[str, str]:
    """(the text without its last sentence, what it cites) when that sentence is only a
    citation (`_citation_only`) outside fenced code; the text and "" otherwise."""
    return _closing(text, _citation_only)


def take_pointer(text: str) -> tuple[str, str]:
    """(the text without its last sentence, that sentence) when it only points into the
    notes (`See chapter 3.`, `(see the table above)`): no source, and no key point of a card
    read apart from the notes; the text and "" otherwise (an answer that only points stays,
    and is named as too short)."""
    kept, closing = _closing(text, _pointer_only)
    kept, glued = _glued(kept, _glued_pointer)
    return kept, "; ".join([*glued, closing] if closing else glued)


def _glued_pointer(inner: str, written: str) -> str | None:
    """`written` (the brackets as in the text) when they hold a bare cross-reference, with
    a `See`-like lead or without (`... the inputs (see chapter 3).`, `... (chapter 3).`),
    else None: glued to a sentence, `(chapter 3)` points into the notes as `(see chapter
    3)` does, and a work named in them (`(Goodfellow et al., 2016, ch. 8)`) is a source."""
    lead = _LEAD.match(inner)
    if lead is not None and lead.group(0)[:1].lower() not in "sc":
        return None
    place = lead["rest"] if lead is not None else inner
    return written if _bare_locators(place.strip().removesuffix(".")) else None


def _pointer_only(sentence: str) -> str | None:
    """The sentence as written when it is a `See`-like lead or brackets round a bare
    cross-reference (`_bare_locators`), else None."""
    said = sentence.strip()
    emphasis = _EMPHASIS.match(said)
    inner = emphasis["inner"].strip() if emphasis is not None else said
    lead = _LEAD.match(inner)
    bracketed = _BRACKETED.match(lead["rest"].strip() if lead else inner)
    if bracketed is not None:
        inside = (bracketed["round"] or bracketed["square"]).strip()
        inside_lead = _LEAD.match(inside)
        if lead is None and inside_lead is None:
            return None  # `(chapter 3)` alone may be a remark's reference, not a pointer
        place = inside_lead["rest"] if inside_lead else inside
    elif lead is not None and lead.group(0)[:1].lower() in "sc":
        place = lead["rest"]
    else:
        return None
    return said if _bare_locators(place.strip().removesuffix(".")) else None


def _closing(text: str, judge: Callable[[str], str | None]) -> tuple[str, str]:
    """(the text without its closing run of sentences, what `judge` makes of it) for the
    shortest such run, outside fenced code, that `judge` accepts; the text and "" when none
    does, or when the run is the whole text."""
    rows = text.split("\n")
    last = next((i for i in range(len(rows) - 1, -1, -1) if rows[i].strip()), None)
    if last is None or last not in set(outside_fences(rows)):
        return text, ""
    row = rows[last]
    item = re.match(r"^[ \t]*(?:[-*+][ \t]+)?", row)
    body_at = item.end() if item else 0
    starts = [body_at] + [m.end() for m in _SENTENCE_END.finditer(row, body_at)]
    for start in reversed(starts):  # the shortest closing run of sentences that cites
        if len(row) - start > _LONGEST_CLOSING:
            break  # no citation runs so long: a line of many sentences is read once
        cite = judge(row[start:])
        if cite is None:
            continue
        rows[last] = row[:start].rstrip() if start > body_at else ""
        kept = _BLANKS.sub("\n\n", "\n".join(rows)).strip()
        return (kept, cite) if kept else (text, "")  # an answer that only cites stays
    return text, ""


def take_citations(text: str) -> tuple[str, str]:
    """(the text without its citation lines, what they cite joined by "; "); the text as
    it is and "" when it has none. A labelled line is a citation at the text's end, or
    anywhere when it holds what a citation does (`_CITED`); an unlabelled last sentence
    is one when it is only a citation (`_closing_citation`)."""
    labelled_text, labelled = _labelled_citations(text)
    closing_text, closing = _closing_citation(labelled_text)
    kept, glued = _glued_citations(closing_text)
    cited = [c for c in (labelled, *glued, closing) if c]
    return kept, "; ".join(dict.fromkeys(cited))


_FIELD_LONGEST = 200
"""A field longer than this is a note's text, not where it comes from."""
_AUTHOR_PLACE = re.compile(
    r"^[A-Z][\w'’-]+(?:[ \t]+(?:and|&)[ \t]+[A-Z][\w'’-]+|[ \t]+et[ \t]+al\.?)?,[ \t]*"
    r"(?=.*\b[A-Z])(?=.*\d)\S"
)
"""An author, a comma, then a work (a capital) and its place (a digit): `Bishop, PRML
4.3.4`, as a field kept for a card's source is written, with no year and no chapter word,
so `_cites_a_work` reads none; `Yes, 3 times` names no work."""


def field_citation(field: str) -> str | None:
    """What a note's field cites when the whole field is a citation (`Bishop, PRML 4.3.4`,
    `Source: Goodfellow et al. ch. 8`, `(Lin et al., 2017)`), else None: an Anki note's
    Source or Extra field, exported as a field past the answer. One line, short, and no
    more than one lowercase word besides a citation's own: `See the notes above` or a
    remark in words is no source."""
    text = field.strip()
    if not text or "\n" in text or len(text) > _FIELD_LONGEST:
        return None
    emphasis = _EMPHASIS.match(text)
    text = emphasis["inner"].strip() if emphasis is not None else text
    labelled = _CITATION.match(text)
    if labelled is not None:
        text = labelled["cite"].strip()
        text = text.rstrip("*_ \t") if labelled["open"] else text
    cite = _citation_only(text)
    if cite is not None:
        return cite
    text = text.removesuffix(".").strip()
    if _cites_a_work(text) or (_AUTHOR_PLACE.match(text) and _few_words(text)):
        return text
    return None


def _few_words(cite: str) -> bool:
    """True when `cite` has at most one lowercase word besides a citation's glue."""
    words = re.findall(r"[^\W\d_][\w'’-]*", _LOCATOR.sub(" ", cite))
    return len([w for w in words if w[0].islower() and w.lower() not in _GLUE]) <= 1


_GLUED = re.compile(
    r"(?<=[^\s(\[])[ \t]+(?:\((?P<round>[^()\n]+)\)|\[(?P<square>[^\[\]\n]+)\](?![(\[:]))"
    r"(?=[.!?]?[ \t]*$|[.!?][ \t]+\S)"
)
"""A bracketed text right before a sentence's end (`... examples (Lin et al., 2017).`)."""


def _glued_citations(text: str) -> tuple[str, list[str]]:
    """(the text without the citations in brackets that end its sentences, what they cite
    in order): `Focal loss down-weights easy examples (Lin et al., 2017).` is the statement
    `Focal loss down-weights easy examples.` and the source `Lin et al., 2017`. Brackets in
    a sentence (`Adam (Kingma and Ba, 2015) adapts ...`), in code, in math or in a table row
    stay, as do brackets that hold more than a citation."""
    return _glued(text, _glued_citation)


def _glued_citation(inner: str, written: str) -> str | None:
    """What the brackets cite, when that is all they hold (`_cites_a_work`), else None."""
    lead = _LEAD.match(inner)  # `(see Bishop 2006)`
    cite = (lead["rest"] if lead else inner).strip().removesuffix(".").strip()
    return cite if _cites_a_work(cite) else None


def _glued(text: str, judge: Callable[[str, str], str | None]) -> tuple[str, list[str]]:
    """(the text without the brackets ending its sentences that `judge` takes, what it
    made of each, in order), outside code, math and table rows."""
    if "(" not in text and "[" not in text:
        return text, []
    rows = text.split("\n")
    cited: list[str] = []
    for index in outside_fences(rows):
        row = rows[index]
        if row.lstrip().startswith("|") or ("(" not in row and "[" not in row):
            continue
        in_math = span_test([(m.start, m.end) for m in scan_math(row).spans] if "$" in row else [])
        in_code = code_span_test(row)
        pieces: list[str] = []
        kept_to = 0
        for match in _GLUED.finditer(row):
            at = match.start()
            if in_code(at) or in_math(at):
                continue
            inner = (match["round"] or match["square"]).strip()
            cite = judge(inner, match.group(0).strip())
            if cite is not None:
                cited.append(cite)
                pieces.append(row[kept_to:at])
                kept_to = match.end()
        if pieces:
            rows[index] = "".join(pieces) + row[kept_to:]
    return ("\n".join(rows), cited) if cited else (text, [])


def _labelled_citations(text: str) -> tuple[str, str]:
    """`take_citations` for the lines that name their source by a label."""
    if ":" not in text:
        return text, ""
    rows = text.split("\n")
    found: dict[int, str] = {}
    items: set[int] = set()  # in a list, a term defined (`- Source: ...`) is likelier
    for index in outside_fences(rows):
        match = _CITATION.match(rows[index])
        if match is None:
            continue
        cite = match["cite"]
        if match["open"]:
            cite = cite.rstrip(match["open"][0]).rstrip()
        if cite:
            found[index] = cite
            if match["item"]:
                items.add(index)
    last = [i for i in range(len(rows)) if rows[i].strip()]
    tail = set()  # the lines at the answer's end that are all citations
    for index in reversed(last):
        if index not in found:
            break
        tail.add(index)
    dropped = {
        i for i, cite in found.items() if (i in tail and i not in items) or _CITED.search(cite)
    }
    cited = [found[i] for i in sorted(dropped)]
    if not dropped:
        return text, ""
    kept = "\n".join(row for index, row in enumerate(rows) if index not in dropped)
    return _BLANKS.sub("\n\n", kept).strip(), "; ".join(cited)
