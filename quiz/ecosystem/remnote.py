"""RemNote's one-line flashcards: `Front >> Back`, `Concept :: Definition`, `Front << Back`,
`Front <> Back` and `Descriptor ;; Value`, as plain lines or outline items.

Read as Markdown they were paragraphs, and a page of them gave "no questions found". In
notes with two such lines or more, half their lines of text at least, each is
rewritten in place into the importer's own
markers (`Q: Front **A:** Back`, its list mark and indent kept), so every line keeps its
number; a run of them, one line under another, is then split into a question a line
(`qalines.py`). A backward card (`<<`) asks its back and is answered by its front, as
RemNote asks it; a card RemNote asks both ways (`<>`, `::`) is imported asked from the
front only, and the report names its lines. A `::` needs a space before it: `key:: value`
is a Logseq or Dataview property and `std::vector` code, and no separator inside a code
span or `$` math, nor in a heading, a quote, a table row or HTML, parts a line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.bank.markdown import scan_math
from quiz.ecosystem.fences import code_span_test, outside_fences, span_test
from quiz.plural import line_numbers

__all__ = ["RemCards", "read_remnote_cards"]

_LINE = re.compile(r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<rest>[^\s#>|<].*)$")
_SEPARATOR = re.compile(r"(?<![<>:;])(?:[ \t]+(?P<spaced>::)|[ \t]*(?P<sep>>>|<<|<>|;;))(?![<>:;])")
_WORD = re.compile(r"[^\W\d_]")
_MIN_CARDS = 2
_SHARE = 2
"""Fewer such lines in a note, or fewer than one line of text in `_SHARE`, are read as the
text they seem: `x >> 1` or `std::cout << x` in the prose of a programmer's answers."""


@dataclass(frozen=True)
class RemCards:
    """The notes with RemNote's cards rewritten, and the 1-based lines read."""

    text: str
    lines: tuple[int, ...] = ()
    both_ways: tuple[int, ...] = ()
    """Lines of cards RemNote asks both ways (`<>`, `::`): imported from the front only."""
    backward: tuple[int, ...] = ()
    """Lines of `<<` cards: asked from their back, answered by their front."""

    def note(self) -> str | None:
        """One line for the import's report, or None when no card was read."""
        if not self.lines:
            return None
        said = (
            f"{len(self.lines)} one-line cards ('Front >> Back', 'Concept :: Definition')"
            " read as questions"
        )
        if self.backward:
            said += (
                f"; the backward ones ('<<', {line_numbers(self.backward)}) ask their back"
                " and are answered by their front"
            )
        if self.both_ways:
            said += (
                f"; the ones RemNote asks both ways ('::' or '<>', "
                f"{line_numbers(self.both_ways)}) are asked from the front only"
            )
        return said


def _card(row: str) -> tuple[str, str, str, str] | None:
    """(lead, question, answer, separator) of a RemNote card line, or None."""
    line = _LINE.match(row)
    if line is None or line["rest"].startswith(("Q:", "A:", "**Q", "Q ")):
        return None
    rest = line["rest"]
    in_math = span_test([(m.start, m.end) for m in scan_math(rest).spans] if "$" in rest else [])
    in_code = code_span_test(rest)
    opened = rest.find("{{")
    for match in _SEPARATOR.finditer(rest):
        at = match.start()
        if in_code(at) or in_math(at):
            continue
        if 0 <= opened < at and "}}" not in rest[opened:at]:
            continue  # a cloze's `{{c1::...}}`
        front, back = rest[:at].strip(), rest[match.end() :].strip()
        if not _WORD.search(front) or not _WORD.search(back) or back.startswith((">", "<")):
            return None
        return line["lead"], front, back, match["spaced"] or match["sep"]
    return None


def read_remnote_cards(text: str) -> RemCards:
    """The notes with RemNote's cards rewritten in place (see the module's docstring)."""
    if not any(sep in text for sep in (">>", "<<", "<>", " ::", ";;")):
        return RemCards(text)
    rows = text.split("\n")
    found: dict[int, tuple[str, str, str, str]] = {}
    written = 0  # lines of text, the cards' among them
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if not body.strip() or body.lstrip().startswith("#"):
            continue
        written += 1
        card = _card(body)
        if card is not None:
            found[index] = card
    if len(found) < _MIN_CARDS or _SHARE * len(found) < written:
        return RemCards(text)
    both: list[int] = []
    backward: list[int] = []
    for index, (lead, front, back, separator) in found.items():
        end = rows[index][len(rows[index].rstrip("\r")) :]
        if separator == "<<":
            front, back = back, front
            backward.append(index + 1)
        elif separator in ("::", "<>"):
            both.append(index + 1)
        rows[index] = f"{lead}Q: {front} **A:** {back}{end}"
    return RemCards("\n".join(rows), tuple(i + 1 for i in found), tuple(both), tuple(backward))
