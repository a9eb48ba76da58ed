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

RemNote's multi-line card, `Front >>>` over indented child lines, is a question whose answer
is those lines: its front line is rewritten `Q: Front` in place (its children stay as they
are, the answer under it), read however few one-line cards the notes hold. `Front >>` with
nothing after it over indented lines is one too (`_shown_multi`): RemNote shows a
multi-line card so, and counts as a card towards the notes being RemNote's; so is
`Concept ::` (a blank before it) over indented lines, RemNote's multi-line concept card
(import53: such a page was "no questions found"). A RemNote cloze
(`{{ReLU}} is max(0, x).`) is written as Anki's (`{{c1::ReLU}}`, the next number for each
on a line), and read as Anki's clozes are, in notes tagged for cards or not
(`remnote_clozes`). Both were text "not imported". A list item holding such a cloze, as
RemNote users write nearly everything (`- The {{ReLU}} activation ...`, nested at any
depth), is a card of its own (`item_clozes`): it is rewritten in place as a one-line
question, its list mark and indent kept, asked with its deletions `[...]` and answered by
its text whole; a paragraph reader takes no list item, and such notes were "no questions
found".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from quiz.bank.markdown import scan_math
from quiz.ecosystem.clozebraces import BALANCED, apart_closing_braces, unpaired
from quiz.ecosystem.clozecards import ClozeSource
from quiz.ecosystem.fences import code_span_test, in_code_span, outside_fences, span_test
from quiz.ecosystem.keypoints_bare import is_placeholder
from quiz.ecosystem.keypoints_sentences import is_statement
from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.srcards import cloze_asked, cloze_whole
from quiz.plural import counted

__all__ = [
    "ANKI_CLOZE_START",
    "ITEM_START",
    "UNANSWERED",
    "RemCards",
    "answered_multi",
    "item_clozes",
    "item_continuations",
    "read_remnote_cards",
    "remnote_clozes",
    "unpaired_remnote_clozes",
]

_LINE = re.compile(r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<rest>[^\s#>|<].*)$")
_SEPARATOR = re.compile(r"(?<![<>:;])(?:[ \t]+(?P<spaced>::)|[ \t]*(?P<sep>>>|<<|<>|;;))(?![<>:;])")
_WORD = re.compile(r"[^\W\d_]")
_MULTI = re.compile(r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<front>[^\s#>|<].*?)[ \t]*>>>[ \t]*$")
"""`Front >>>`: a multi-line card's front, its answer the lines indented under it."""
_CLOZE = re.compile(rf"(?<!\{{)\{{\{{(?!c\d+::)(?P<hidden>(?=[^{{}}\s]){BALANCED})\}}\}}(?!\}})")
"""A RemNote cloze and its text, read past its formula's braces (`clozebraces`); a text
opening or ending with a blank is none (`_numbered_clozes`)."""
ANKI_CLOZE_START = re.compile(r"\{\{c\d+::")
"""Where an Anki cloze (`{{c1::...}}`) begins: RemNote's `{{...}}` is read only without one,
and `ankiitems` finds the list items holding one."""
_ITEM = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)(?P<rest>\S.*)$"
)
"""A list item's line: its mark, indent and checkbox (`lead`), then its text."""
_LEAD = re.compile(r"[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
"""A line's indent and list mark, before its text."""
ITEM_START = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
"""A list item's mark at a line's start (an empty item's too)."""
_MACROS = frozenset(
    "cloze embed video youtube vimeo bilibili tweet twitter pdf youtube-timestamp"
    " video-timestamp query renderer function namespace cards zotero-imported-file".split()
)
"""Logseq's macro names: `{{embed [[page]]}}` is Logseq's, no RemNote cloze."""
_ROAM = re.compile(
    r"\[\[(?:TODO|DONE|embed|query|table|kanban|video|youtube|pdf|roam/render|roam/js|pomo|"
    r"POMO|slider|mentions|word-count|character-count|calc|diagram|iframe|attr-table|"
    r"orphans|encrypt|tweet|embed-path|embed-children)\]\](?::.*)?",
    re.DOTALL,
)
"""Roam's components (`{{[[TODO]]}}`, `{{[[embed]]: ((uid))}}`): a checkbox, an embed, a
query; no RemNote cloze."""
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
    multi: tuple[int, ...] = ()
    """Lines of multi-line cards' fronts (`Front >>>`), their answers the lines under them."""

    term_first: tuple[int, ...] = ()
    """Lines of `<<` cards asked from their front: a term (`ReLU << the activation that
    ...`), whose back defines it in a statement. A term list's card (Quizlet's, Anki's) is
    read so, its term the title: asked from its back, its answer would be the term alone
    (skipped as too short until one-word answers became cards, and teaching less now)."""

    unanswered: tuple[tuple[int, str], ...] = ()
    """(line, front) of `Front >>>` lines with no line indented under them: no card,
    said at their line (`UNANSWERED`) rather than as text before or after a question."""

    shown_multi: tuple[int, ...] = ()
    """Of `multi`, the lines written `Front >>` (nothing after the `>>`) over indented
    lines: RemNote shows a multi-line card so, its `>>>` turned into the arrow, the card's
    lines under it. They were skipped as cards with an empty back (import48)."""

    @property
    def first(self) -> int:
        """The first line read, for the report (0 when none was)."""
        return min((*self.lines, *self.multi), default=0)

    def _multi_shapes(self) -> str:
        """How the multi-line cards were written, with their lines: `>>>` as typed, `>>`
        with nothing after as RemNote shows one."""
        typed = tuple(line for line in self.multi if line not in self.shown_multi)
        return "; ".join(
            part
            for part in (
                f"'Front >>>', {line_numbers(typed)}" if typed else "",
                f"'Front >>' over indented lines, as RemNote shows one, "
                f"{line_numbers(self.shown_multi)}"
                if self.shown_multi
                else "",
            )
            if part
        )

    def note(self) -> str | None:
        """One line for the import's report, or None when no card was read."""
        if not self.lines and not self.multi:
            return None
        said = "; ".join(
            part
            for part in (
                f"{counted(len(self.lines), 'one-line card')} ('Front >> Back', 'Concept ::"
                " Definition')"
                " read as questions"
                if self.lines
                else "",
                f"{counted(len(self.multi), 'multi-line card')} ({self._multi_shapes()})"
                " read as questions answered by the lines under them"
                if self.multi
                else "",
            )
            if part
        )
        if self.backward:
            said += (
                f"; the backward ones ('<<', {line_numbers(self.backward)}) ask their back"
                " and are answered by their front"
            )
        if self.term_first:
            said += (
                f"; the backward ones whose front is a term ('<<', "
                f"{line_numbers(self.term_first)}) are asked from the front, as a term"
                " list's cards are (asked from its back, its answer would be the term alone)"
            )
        if self.both_ways:
            said += (
                f"; the ones RemNote asks both ways ('::' or '<>', "
                f"{line_numbers(self.both_ways)}) are asked from the front only"
            )
        return said


UNANSWERED = (
    "a RemNote multi-line card ('Front >>>') with no line indented under it, so no answer:"
    " indent its answer's lines under it (a line at its own depth is its sibling, not its"
    " answer)"
)
"""Why a `Front >>>` line gives no card."""


def answered_multi(parsed: ParsedNotes, lines: tuple[int, ...]) -> ParsedNotes:
    """The notes with the questions of RemNote's multi-line cards (at `lines`) marked as
    having their answer's start: the lines under `Front >>>` are its answer, as RemNote
    reads them, and "no answer marker" was a note about nothing wrong."""
    if not lines:
        return parsed
    at = set(lines)
    return replace(
        parsed,
        questions=tuple(
            replace(q, marker=True) if q.line in at and not q.marker else q
            for q in parsed.questions
        ),
    )


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
        if not _WORD.search(front) or back.startswith((">", "<")):
            return None
        if not _WORD.search(back) and not is_placeholder(back):
            return None  # `Adam >> —`: a card yet to answer, said so where it is planned
        return line["lead"], front, back, match["spaced"] or match["sep"]
    return None


def _outline_concepts(
    rows: list[str], found: dict[int, tuple[str, str, str, str]]
) -> dict[int, tuple[str, str, str, str]]:
    """Of the few cards found in an outline (half its lines of text list items or more, as
    a Logseq page is), those whose shape is RemNote's alone: a list item `- X :: Y`, a
    blank either side of `::`. Logseq and Dataview write a property `key:: value`, with no
    blank before, and prose or code has no ` :: ` in an item; a lone `x >> 1` or `a << b`
    stays text, as it may be a shift."""
    return {
        index: card
        for index, card in found.items()
        if card[3] == "::"
        and ITEM_START.match(rows[index]) is not None
        and re.search(r"[ \t]::[ \t]", rows[index]) is not None
    }


def _indent(row: str) -> int:
    """The width of `row`'s leading blanks, a tab as four."""
    return (
        len(row) - len(row.lstrip(" \t")) + 3 * row[: len(row) - len(row.lstrip(" \t"))].count("\t")
    )


def _indented_under(rows: list[str], index: int) -> list[int]:
    """The indices of the lines indented under line `index`, up to a blank line or one as
    shallow as it: a multi-line card's lines (`>>>`, or `>>` with nothing after it)."""
    depth = _indent(rows[index].rstrip("\r"))
    children = []
    for below in range(index + 1, len(rows)):
        if not rows[below].strip() or _indent(rows[below]) <= depth:
            break
        children.append(below)
    return children


def _front_asks(front: str) -> bool:
    """Whether a multi-line card's front asks something: a word, and not a `Q:` line that
    the question-and-answer reading takes."""
    return bool(_WORD.search(front)) and not front.startswith(("Q:", "**Q"))


def _multi_line_cards(
    rows: list[str], unanswered: list[tuple[int, str]] | None = None
) -> tuple[list[int], set[int]]:
    """(the indices of `Front >>>` lines with at least one line indented under them, each
    rewritten `Q: Front` in place; the indices of those lines and their children). Those
    with no line under them are added to `unanswered` (1-based line, front)."""
    fronts: list[int] = []
    taken: set[int] = set()
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        match = _MULTI.match(body) if body.endswith(">") else None
        if match is None or in_code_span(body, match.end("front")):
            continue
        if not _front_asks(match["front"]):
            continue
        children = _indented_under(rows, index)
        if not children:
            if unanswered is not None:
                unanswered.append((index + 1, match["front"]))
            continue
        rows[index] = f"{match['lead']}Q: {match['front']}{rows[index][len(body) :]}"
        fronts.append(index)
        taken.update((index, *children))
    return fronts, taken


def remnote_clozes(text: str) -> tuple[str, tuple[int, ...]]:
    """(the notes with RemNote's clozes, `{{hidden}}`, written as Anki's, `{{c1::hidden}}`,
    numbered on each line in order; the 1-based lines so written). Outside fences, code
    spans and `$` math (`\\frac{{a}}{b}`); Logseq's macros (`{{embed ...}}`) are none."""
    if "{{" not in text:
        return text, ()
    rows = text.split("\n")
    made: list[int] = []
    owner = item_continuations(rows)
    counted_in: dict[int, int] = {}  # an item's line -> the clozes numbered in its text so far
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "{{" not in row or ANKI_CLOZE_START.search(row):
            continue  # a line of Anki's clozes is numbered already
        item = owner.get(index, index)  # a continued item's text is numbered as one
        rows[index], count = _numbered_clozes(row, counted_in.get(item, 0))
        if count:
            counted_in[item] = counted_in.get(item, 0) + count
            made.append(index + 1)
    return ("\n".join(rows), tuple(made)) if made else (text, ())


def unpaired_remnote_clozes(text: str) -> tuple[tuple[int, str], ...]:
    """(1-based line, the cloze as written) of each RemNote cloze whose braces do not pair
    up (`{{$\\frac{1}{2$}}`), outside fences, code spans and math, on lines `remnote_clozes`
    reads: it is no cloze read to a guessed end, and the user is told."""
    if "{{" not in text:
        return ()
    found: list[tuple[int, str]] = []
    rows = text.split("\n")
    for index in outside_fences(rows, in_items=True):
        row = rows[index]
        if "{{" not in row or ANKI_CLOZE_START.search(row):
            continue
        spans = [(m.start, m.end) for m in scan_math(row).spans] if "$" in row else []
        in_math, in_code = span_test(spans), code_span_test(row)
        for at, cloze in unpaired(row, "{{", _CLOZE):
            if not (in_math(at) or in_code(at) or row[at - 1 : at] == "{"):
                found.append((index + 1, cloze))
    return tuple(found)


_NOT_RUN_ON = ("#", "```", "~~~", ">", "|", "<", "$$", "^")
"""How a line under a list item begins that is no more of the item's text: a heading or a
tag, a fence, a quote, a table, HTML, display math, a block id."""
_PROPERTY = re.compile(r"^[ \t]*[A-Za-z][\w-]*::(?:[ \t]|$)")
"""A Logseq or Dataview property line (`id:: 65a...`, `collapsed:: true`)."""


def item_continuations(rows: list[str]) -> dict[int, int]:
    """The 0-based index of each line that continues a list item's text, indented under it
    with no blank line between (`- The {{c1::softmax}} turns logits` over `  into
    probabilities.`), -> the index of the item's line. A nested item, a heading, a fence,
    a quote, a property or a card line of another kind is none. One pass."""
    owner: dict[int, int] = {}
    item: tuple[int, int] | None = None  # (its index, its indent)
    expect = -1  # the index a continuation must have: the line right after the last
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if ITEM_START.match(body):
            own = ITEM_START.sub("", body, count=1)  # `- collapsed:: true`: no text to run on
            item = None if _PROPERTY.match(own) else (index, _indent(body))
            expect = index + 1
            continue
        text = body.strip()
        if (
            item is None
            or index != expect
            or not text
            or _indent(body) <= item[1]
            or text.startswith(_NOT_RUN_ON)
            or _PROPERTY.match(body)
            or _asks(text)
            or _card(body) is not None
        ):
            item = None
            continue
        owner[index] = item[0]
        expect = index + 1
    return owner


def item_clozes(
    text: str, lines: tuple[int, ...]
) -> tuple[str, tuple[ClozeSource, ...], tuple[int, ...]]:
    """(the notes with each list item among `lines` (1-based, those `remnote_clozes` wrote)
    rewritten `- Q: asked **A:** whole` in place; the cloze notes so read, to be asked a
    deletion at a time; the lines in a question's answer (`_in_answers`), whose clozes
    are written bold there: its answer's words, no card's, and `{{c1::...}}` showed as
    such in the card). An item whose text runs on to lines indented under it
    (`item_continuations`) is asked with its whole text, on its first line, the lines it
    ran on to left blank (only its first was read, and the item was text "not
    imported"). One whose paragraph runs on otherwise, a card line of another kind or one
    already a question is left as written."""
    if not lines:
        return text, (), ()
    rows = text.split("\n")
    owner = item_continuations(rows)
    runs: dict[int, list[int]] = {}
    for index, item_at in owner.items():
        runs.setdefault(item_at, []).append(index)
    lines = tuple(dict.fromkeys(owner.get(line - 1, line - 1) + 1 for line in lines))
    answering = _in_answers(rows)
    parents = _parents(rows, set(lines))
    sources: list[ClozeSource] = []
    bold: list[int] = []
    for line in lines:
        row = rows[line - 1]
        body = row.rstrip("\r")
        run = runs.get(line - 1, [])
        if line - 1 in answering:  # `## What does ReLU compute?` over `- It is {{max(0, x)}}`
            for index in (line - 1, *run):
                held = rows[index].rstrip("\r")
                rows[index] = cloze_whole(held, highlights=False) + rows[index][len(held) :]
            bold.append(line)
            continue
        item = _ITEM.match(body)
        if item is None or item["rest"].startswith(("Q:", "**Q", "A:", "**A")):
            continue
        if "**A:**" in body or _card(body) is not None:
            continue
        last = run[-1] + 1 if run else line
        after = rows[last].strip() if last < len(rows) else ""
        if (
            after
            and not ITEM_START.match(rows[last])
            and not after.startswith("#")
            and not _PROPERTY.match(rows[last])  # `id:: ...`: the block's, the reader's to drop
        ):
            continue  # the item's paragraph runs on: not one line to ask
        said = " ".join([item["rest"].strip(), *(rows[index].strip() for index in run)])
        whole = cloze_whole(said, highlights=False)
        asked = cloze_asked(said, highlights=False)
        rows[line - 1] = f"{item['lead']}Q: {asked} **A:** {whole}{row[len(body) :]}"
        for index in run:  # read into the item's line: its own left blank, its number kept
            rows[index] = rows[index][len(rows[index].rstrip("\r")) :]
        context = _CONTEXT_JOIN.join(parents.get(line - 1, ()))
        sources.append(ClozeSource(line, (said,), whole, highlights=False, context=context))
    return "\n".join(rows), tuple(sources), tuple(bold)


_ASKS_END = ("?", ">>", "#card", "#flashcard")
"""How a line ends that asks: `>>` ends a multi-line card's front, typed `>>>` or shown `>>`."""
_ASKS_START = ("Q:", "**Q", "A:", "**A:", "*A:*", "Answer", "**Answer")


def _asks(text: str) -> bool:
    """True for a line that asks or marks an answer: what is under it is that answer."""
    text = ITEM_START.sub("", text.strip(), count=1).lstrip("# ").strip()
    return text.startswith(_ASKS_START) or text.rstrip("*_ \t").endswith(_ASKS_END)


def _in_answers(rows: list[str]) -> set[int]:
    """The indices of the list lines that are in a question's answer, by what they hang
    under: an item that asks (`- What is X?`, `- Why? >>>`, `- X #card`) above them, or a
    heading or paragraph that asks or marks an answer before their list, up to the next
    heading (`## What does ReLU compute?` over `- It is {{max(0, x)}}`). One pass, a
    stack of the items above: a page of thousands of bullets is read once."""
    inside: set[int] = set()
    section = False  # the section's heading, or a paragraph in it, asks
    stack: list[tuple[int, bool]] = []  # (indent, it or an item above it asks)
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        text = body.strip()
        if not text:
            continue
        item = ITEM_START.match(body) is not None
        if item or body[:1] in " \t":
            depth = _indent(body)
            while stack and stack[-1][0] >= depth:
                stack.pop()
            above = stack[-1][1] if stack else section
            if above:
                inside.add(index)
            if item:
                stack.append((depth, above or _asks(text)))
            continue
        stack = []
        if text.startswith(">"):  # a callout that asks (`> [!faq] Why ...?`) holds its own
            section = section and not _asks(text)  # answer: a list after it is in none
            continue
        if text.startswith("#"):
            section = _asks(text)
        elif _asks(text):
            section = True
    return inside


_CONTEXT_JOIN = " › "
"""Between a card's parents, as RemNote's breadcrumb shows them."""


def _parents(rows: list[str], wanted: set[int]) -> dict[int, tuple[str, ...]]:
    """For each 1-based line in `wanted` that is a list item: the text of the items it is
    nested in, outermost first (their clozes shown, in bold), as RemNote shows a card's
    parents. A parent that is a card line of another kind (`A >> B`) is left out. One pass,
    a stack of the items above."""
    found: dict[int, tuple[str, ...]] = {}
    stack: list[tuple[int, str]] = []  # (indent, its text, "" when none is shown)
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if not body.strip():
            continue
        item = _ITEM.match(body)
        if item is None:
            if body[:1] not in " \t":
                stack = []  # a paragraph or heading at the top: a new list
            continue
        depth = _indent(body)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        if index + 1 in wanted:
            found[index] = tuple(text for _, text in stack if text)
        shown = (
            "" if _card(body) is not None else cloze_whole(item["rest"].strip(), highlights=False)
        )
        stack.append((depth, shown))
    return found


def _numbered_clozes(row: str, before: int = 0) -> tuple[str, int]:
    """(`row` with its RemNote clozes numbered as Anki's, after `before` numbered in the
    item's text above it, how many). Its math is looked for in its text after its indent
    and list mark: an item indented by a tab read as code, with no math, and
    `\\frac{{a}}{b}` in it was a cloze."""
    lead = len(row) - len(_LEAD.sub("", row, count=1)) if "$" in row else 0
    spans = (
        [(m.start + lead, m.end + lead) for m in scan_math(row[lead:]).spans] if "$" in row else []
    )
    in_math, in_code = span_test(spans), code_span_test(row)
    pieces: list[str] = []
    kept_to = count = 0
    for match in _CLOZE.finditer(row):
        hidden = match["hidden"]
        if in_code(match.start()) or in_math(match.start()) or "::" in hidden:
            continue
        if hidden != hidden.rstrip():
            continue
        if hidden.split(maxsplit=1)[0].lower().rstrip(":") in _MACROS or _ROAM.fullmatch(hidden):
            continue
        count += 1
        hidden = apart_closing_braces(hidden)  # read as Anki's: to its first `}}`
        pieces.append(f"{row[kept_to : match.start()]}{{{{c{before + count}::{hidden}}}}}")
        kept_to = match.end()
    return "".join(pieces) + row[kept_to:], count


def _shown_multi(rows: list[str], taken: set[int]) -> list[tuple[int, str, str, list[int]]]:
    """(index, lead, front, the indices of the lines indented under it) of each `Front >>`
    line, nothing after the `>>`, over at least one indented line, outside fences and the
    lines `taken` by `>>>` cards: RemNote shows a multi-line card so (its `>>>` turned into
    the arrow, the card's lines under it); a basic card's back is on its own line."""
    found: list[tuple[int, str, str, list[int]]] = []
    claimed: set[int] = set()
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if index in taken or index in claimed or body.endswith(">>>"):
            continue
        if body.endswith(">>"):
            match = _EMPTY_BACK.match(body)
        elif body.endswith(("::", ":: ")):  # `Dropout ::` over its lines: a concept's
            match = _EMPTY_CONCEPT.match(body)
        else:
            continue
        if match is None or in_code_span(body, match.end("front")):
            continue
        if not _front_asks(match["front"]):
            continue
        children = _indented_under(rows, index)
        if children:
            found.append((index, match["lead"], match["front"], children))
            claimed.update(children)
    return found


_EMPTY_BACK = re.compile(r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<front>[^\s#>|<].*?)[ \t]*>>[ \t]*$")
"""`Front >>`, nothing after it (`>>>` is matched by `_MULTI`)."""
_EMPTY_CONCEPT = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?P<front>[^\s#>|<].*?)[ \t]+::[ \t]*$"
)
"""`Concept ::`, nothing after it, a blank before it (`key::` is a Logseq property): over
indented lines, RemNote's multi-line concept card, "text not imported" until import53."""


def read_remnote_cards(text: str) -> RemCards:
    """The notes with RemNote's cards rewritten in place (see the module's docstring)."""
    if not any(sep in text for sep in (">>", "<<", "<>", " ::", ";;")):
        return RemCards(text)
    rows = text.split("\n")
    empty: list[tuple[int, str]] = []
    multi, taken = _multi_line_cards(rows, empty) if ">>>" in text else ([], set())
    shown = _shown_multi(rows, taken) if ">>" in text or " ::" in text else []
    shown_taken = {i for index, _, _, children in shown for i in (index, *children)}
    found: dict[int, tuple[str, str, str, str]] = {}
    written = len(shown)  # lines of text, the cards' among them (a shown card's front one)
    items = sum(ITEM_START.match(rows[index]) is not None for index, _, _, _ in shown)
    for index in outside_fences(rows, in_items=True):
        body = rows[index].rstrip("\r")
        if not body.strip() or body.lstrip().startswith("#") or index in taken:
            continue
        if index in shown_taken or _PROPERTY.match(body):
            continue  # `card-last-interval:: 4`: a Logseq block's property, no text
        written += 1
        items += ITEM_START.match(body) is not None
        card = _card(body)
        if card is not None:
            found[index] = card
    cards = len(found) + len(shown)
    few = cards < _MIN_CARDS or _SHARE * cards < written
    if few and not multi and found and _SHARE * items >= written:
        found = _outline_concepts(rows, found)  # sure in an outline, however few
        few = not found
    if few and not multi:  # a `Front >>>` card: the notes are RemNote's
        return RemCards(text, unanswered=tuple(empty))
    concepts = [i + 1 for i, *_ in shown if rows[i].rstrip("\r").rstrip().endswith("::")]
    for index, lead, front, _ in shown:  # as RemNote shows a multi-line card
        end = rows[index][len(rows[index].rstrip("\r")) :]
        rows[index] = f"{lead}Q: {front}{end}"
    multi_lines = tuple(sorted(i + 1 for i in (*multi, *(index for index, *_ in shown))))
    shown_lines = tuple(index + 1 for index, *_ in shown)
    both = concepts
    backward: list[int] = []
    turned: list[int] = []
    for index, (lead, front, back, separator) in found.items():
        end = rows[index][len(rows[index].rstrip("\r")) :]
        if separator == "<<" and not is_statement(front) and is_statement(back):
            turned.append(index + 1)  # `ReLU << the activation ...`: a term and its definition
        elif separator == "<<":
            front, back = back, front
            backward.append(index + 1)
        elif separator in ("::", "<>"):
            both.append(index + 1)
        rows[index] = f"{lead}Q: {front} **A:** {back}{end}"
    return RemCards(
        "\n".join(rows),
        tuple(i + 1 for i in found),
        tuple(both),
        tuple(backward),
        multi_lines,
        tuple(turned),
        tuple(empty),
        shown_lines,
    )
