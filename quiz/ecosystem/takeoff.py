"""What notes hold besides their questions, taken off before the questions are read.

Front matter and page properties give every card tags, a Logseq task's mark and dates, a
Logseq macro, the markers of a Logseq `#+BEGIN_NOTE` block and an Obsidian block id are
no card's text (and a `#card` tag goes after the
tags that follow it), a Logseq block reference is its block's text, a comment or a
footnote is no answer's text, a `#review` line is tags, a
Spaced Repetition card or a Logseq cloze asks its own way, and an answer indented as code is
prose. Each is taken off the text in the order it needs the one before it gone, and each
says, at its first line, what became of it (`taken_off_notices`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from quiz.ecosystem.admonitions import read_admonitions
from quiz.ecosystem.ankiheader import has_anki_header, is_anki_text, suffix_separator
from quiz.ecosystem.ankiitems import anki_cloze_items, anki_items_note
from quiz.ecosystem.blockids import drop_block_ids
from quiz.ecosystem.blockrefs import LOOPED, BlockRefs, read_block_refs
from quiz.ecosystem.cardtagplace import card_tag_last
from quiz.ecosystem.clozebraces import unpaired_note
from quiz.ecosystem.clozecards import ClozeSource
from quiz.ecosystem.footnotes import Footnotes, take_footnotes
from quiz.ecosystem.htmlboxes import AskingBoxes, read_asking_boxes
from quiz.ecosystem.importplan import Notice
from quiz.ecosystem.latexenv import delimit_environments
from quiz.ecosystem.linenames import line_numbers, place_of
from quiz.ecosystem.logseqcloze import LogseqClozes, read_logseq_clozes
from quiz.ecosystem.logseqmacros import Macros, take_macros
from quiz.ecosystem.logseqorg import read_org_blocks
from quiz.ecosystem.logseqtasks import drop_task_marks
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.notes.front import (
    NotesFront,
    read_front,
    read_notion_properties,
    read_page_properties,
)
from quiz.ecosystem.notes.nulbytes import NulBytes, take_nul_bytes
from quiz.ecosystem.notes.quizletrows import QuizletList, read_quizlet_list
from quiz.ecosystem.notes.tabs import Untabbed, untab_prose
from quiz.ecosystem.obsidiancomments import Comments, take_comments
from quiz.ecosystem.obsidiantoanki import AnkiBlocks, read_anki_blocks
from quiz.ecosystem.orgnotes import OrgNotes, read_org
from quiz.ecosystem.properties import Properties, find_properties
from quiz.ecosystem.qalines import split_question_lines
from quiz.ecosystem.qapairs import split_question_pairs
from quiz.ecosystem.qatables import read_qa_tables
from quiz.ecosystem.remnote import (
    RemCards,
    item_clozes,
    read_remnote_cards,
    remnote_clozes,
    unpaired_remnote_clozes,
)
from quiz.ecosystem.scripts import write_scripts
from quiz.ecosystem.semicolonrows import SemicolonRows, card_list_rows
from quiz.ecosystem.srcards import (
    SrCards,
    read_sr_cards,
    read_untagged_clozes,
    tags_deck,
    untagged_cards,
    untagged_note,
)
from quiz.ecosystem.tagline import TagLines, take_tag_lines

__all__ = ["TakenOff", "read_properties", "take_off", "taken_off_notices"]


@dataclass
class TakenOff:
    """The notes' text with what belongs to the notes and to no question taken off, and
    each part taken off (front matter, block references, comments...), for its notices.
    An Anki export has none of them: each is empty and `text` is the export as read."""

    text: str
    front: NotesFront
    refs: BlockRefs
    untabbed: Untabbed
    tag_lines: TagLines
    comments: Comments
    footnotes: Footnotes
    clozes: LogseqClozes
    sr_cards: SrCards
    macros: Macros
    untagged: tuple[int, ...] = ()
    """Lines of Spaced Repetition cards in a note not tagged for them."""
    properties: Properties = Properties()
    """Property lines the reader leaves out (`Status:: draft`), named: set once the notes
    are read (`read_properties`), from the rows the reader left out."""
    anki_blocks: AnkiBlocks = AnkiBlocks("")
    """Obsidian_to_Anki's notes (`START` ... `END`), rewritten as questions."""
    remnote: RemCards = RemCards("")
    """RemNote's one-line cards (`Front >> Back`), rewritten as questions."""
    remnote_clozes: tuple[int, ...] = ()
    """Lines of RemNote's clozes (`{{x}}`), written as Anki's (`{{c1::x}}`)."""
    remnote_unpaired: tuple[tuple[int, str], ...] = ()
    """(1-based line, the cloze as written) of RemNote's clozes whose braces do not pair
    up: not read, named."""
    org: OrgNotes = OrgNotes("")
    """Org-mode notes read as Markdown (`orgnotes.read_org`), line for line."""
    item_clozes: tuple[ClozeSource, ...] = ()
    """Clozes in list items (RemNote's, Anki's), each item its own cloze note
    (`remnote.item_clozes`)."""
    answer_clozes: tuple[int, ...] = ()
    """Lines of list items with clozes (RemNote's or Anki's) in a question's answer: bold
    there."""
    anki_items: tuple[int, ...] = ()
    """Lines of list items holding Anki's clozes (`ankiitems.py`), read as RemNote's are."""
    split_lines: tuple[int, ...] = ()
    """Lines of one-line `Q: ... A: ...` questions made list items (`qalines.py`)."""
    boxes: AskingBoxes = AskingBoxes("")
    """The HTML boxes read as questions, and the one-line asides left unclear (named)."""
    anki: bool = False
    """The file is a card list (an Anki export, a `.txt`/`.tsv`/`.csv` of cards), read as
    one (`is_anki_text`), decided here once for the take-off and the reader alike."""
    nul_bytes: NulBytes = NulBytes()
    rows_on_line: SemicolonRows | None = None
    """A card list's rows all on one line, parted by `;` (Quizlet's), for the report."""
    quizlet: QuizletList | None = None
    """Quizlet's export with other separators, read as tab rows (`notes/quizletrows.py`)."""
    """Where the notes held NUL bytes, taken out first (`notes/nulbytes.py`)."""

    @property
    def cloze_sources(self) -> dict[int, ClozeSource]:
        """The cloze notes as written by their question's line, to be asked a deletion at
        a time (`clozecards.split_clozes`)."""
        return {
            s.line: s for s in (*self.clozes.sources, *self.sr_cards.sources, *self.item_clozes)
        }


def take_off(notes_text: str, suffix: str) -> TakenOff:
    """Take off the notes' own parts before the questions are looked for, in the order each
    needs the one before it gone: properties give every card tags, a comment or a footnote
    is no answer's text, a Logseq reference is its block's text.

    A card list is decided once, here: the file is Anki's (its header), or it reads as one
    with only its frame off (`_card_list_frame`: a headerless list that read as one as
    written too, whose `%% ... %%` line between two cards was a one-field note), or as
    written; then nothing else is taken off its cards.
    The reader asked again of the notes' text with everything off: such a file's `%%` and
    `^2` were taken off as Obsidian's comments and block ids (`printf("100%%")` lost its
    text), yet it was read as a card list.
    Org-mode notes are read as the Markdown they mean first (`orgnotes`), and a stray
    NUL byte is taken out before all (`take_nul_bytes`), said at its line, and so is every
    byte-order mark: one starting a line past the first is where two files were joined
    (`cat a.md b.md`, a CSV saved by Excel added to another), and hid that line's heading
    or made its column names a card."""
    notes_text, nul_bytes = take_nul_bytes(notes_text)
    notes_text = notes_text.replace("\ufeff", "")
    org = read_org(notes_text, suffix)
    off = _taken_off(org.text, suffix)
    off.org = org
    off.nul_bytes = nul_bytes
    if off.anki:
        off.rows_on_line = card_list_rows(off.text, suffix_separator(suffix))
    return off


def _taken_off(notes_text: str, suffix: str) -> TakenOff:
    """`take_off` of notes in Markdown."""
    off = _as_written(notes_text)
    if has_anki_header(notes_text):  # Anki wrote it: no Obsidian comment or tag line in it
        off.anki = True
        return off
    quizlet = read_quizlet_list(notes_text, suffix)
    if quizlet is not None:  # ` - ` or a blank line between rows: tab rows, line for line
        off.text, off.anki, off.quizlet = quizlet.text, True, quizlet
        return off
    front = _front_of(notes_text)
    framed = _card_list_frame(off, front, suffix)
    if framed is not None:
        return framed
    if is_anki_text(notes_text, suffix):
        off.anki = True
        return off
    return _notes_taken_off(off, front)


def _card_list_frame(off: TakenOff, front: NotesFront, suffix: str) -> TakenOff | None:
    """The file as a card list with its frame taken off, or None when it reads as none so:
    its front matter, tag lines (`#ml #interview` over tab-separated cards) and comments on
    lines of no card, and one inside a card's field (a card's `%%` is otherwise its text:
    `printf("100%%")`; `take_comments` with the list's separator)."""
    comments = take_comments(front.text, suffix_separator(suffix))
    tag_lines = take_tag_lines(comments.text)
    if not (front.lines or comments.lines or tag_lines.lines):
        return None  # nothing taken off: it reads as it did as written
    if not is_anki_text(tag_lines.text, suffix):
        return None
    if front.lines:
        off.front = front
    off.comments, off.tag_lines, off.text, off.anki = comments, tag_lines, tag_lines.text, True
    return off


def _as_written(notes_text: str) -> TakenOff:
    """The text with nothing taken off yet."""
    return TakenOff(
        notes_text,
        NotesFront(notes_text),
        BlockRefs(notes_text),
        Untabbed(notes_text),
        TagLines(notes_text),
        Comments(notes_text),
        Footnotes(notes_text),
        LogseqClozes(notes_text),
        SrCards(notes_text),
        Macros(notes_text),
    )


def _front_of(notes_text: str) -> NotesFront:
    """The notes' properties, whose tags are every card's: Obsidian's front matter, else
    Logseq's page properties (`tags:: ml`), else a Notion page's (`Tags: ML, Interview`
    under its title)."""
    front = read_front(notes_text)
    if not front.lines:
        front = read_page_properties(front.text)
    if not front.lines:
        front = read_notion_properties(front.text)
    return front


def _notes_taken_off(off: TakenOff, front: NotesFront) -> TakenOff:
    """Every part of the notes that is no question's taken off, `front` (their properties)
    first."""
    # START ... END: Obsidian_to_Anki's notes; `m<sub>t-1</sub>`: m_(t-1), not mt-1
    off.anki_blocks = read_anki_blocks(write_scripts(front.text))
    front = replace(
        front, text=read_org_blocks(drop_task_marks(card_tag_last(off.anki_blocks.text)))
    )
    # `??? question "What is X?"` (MkDocs), `:::spoiler What is X?` (HackMD): callouts
    front = replace(front, text=read_qa_tables(read_admonitions(front.text)))  # `| Q | A |`
    off.front = front
    off.refs = read_block_refs(front.text)  # Logseq's `((uuid))`: the text of the block
    off.boxes = read_asking_boxes(off.refs.text)  # an aside or <details> asking: a question
    off.macros = take_macros(off.boxes.text)  # Logseq's `{{video url}}`: a player, not text
    off.comments = take_comments(off.macros.text)  # `%% ... %%`: Obsidian shows none of it
    off.comments = replace(off.comments, text=drop_block_ids(off.comments.text))  # `^id`
    off.footnotes = take_footnotes(off.comments.text)  # `[^1]`: the note's, not an answer's
    tag_lines = take_tag_lines(off.footnotes.text)  # `#review` lines: the note's tags, no text
    off.clozes = read_logseq_clozes(tag_lines.text)  # `{{cloze x}}` #card blocks: asked hidden
    off.anki_items = anki_cloze_items(off.clozes.text)  # `- The {{c1::ReLU}}`: in items
    rem_text, off.remnote_clozes = remnote_clozes(off.clozes.text)  # `{{x}}`: `{{c1::x}}`
    off.remnote_unpaired = unpaired_remnote_clozes(off.clozes.text)  # `{{$\frac{1}{2$}}`
    items = tuple(sorted({*off.remnote_clozes, *off.anki_items}))
    rem_text, off.item_clozes, off.answer_clozes = item_clozes(rem_text, items)
    tag_lines = replace(tag_lines, text=rem_text)
    if tags_deck(tag_lines.text, (*front.tags, *tag_lines.tags)):
        off.sr_cards = read_sr_cards(tag_lines.text)  # the Spaced Repetition plugin's cards
        tag_lines = replace(tag_lines, text=off.sr_cards.text)
    else:
        off.untagged = untagged_cards(tag_lines.text)
        off.sr_cards = read_untagged_clozes(tag_lines.text)  # clozes ask, tagged or not
        tag_lines = replace(tag_lines, text=off.sr_cards.text)
    off.remnote = read_remnote_cards(tag_lines.text)  # `Front >> Back`: a question a line
    split, off.split_lines = split_question_lines(off.remnote.text)  # `Q: ... A: ...` runs
    split, pairs = split_question_pairs(split)  # `Q:` over `A:`, pair under pair
    off.split_lines = tuple(sorted((*off.split_lines, *pairs)))
    tag_lines = replace(tag_lines, text=split)
    off.tag_lines = tag_lines
    off.untabbed = untab_prose(tag_lines.text)  # answers indented as code but prose: prose
    off.text = delimit_environments(off.untabbed.text)  # a bare `\begin{equation}`: math
    return off  # its properties (`Status:: draft`) are named as the reader leaves them out


def read_properties(off: TakenOff, parsed: ParsedNotes) -> None:
    """Name the property lines the reader left out of the notes (`parsed.property_rows`),
    Logseq's own aside; a card list has none (nothing is taken off its cards)."""
    if not off.anki:
        off.properties = find_properties(off.text, parsed.property_rows)


def _remnote_clozes_note(off: TakenOff) -> str:
    """What became of RemNote's clozes: cards, a list item's each its own, and those in a
    question's answer bold in it (no card of their own)."""
    rem = set(off.remnote_clozes)
    in_answers = tuple(line for line in off.answer_clozes if line in rem)
    asked = tuple(line for line in off.remnote_clozes if line not in in_answers)
    said = ""
    if asked:
        said = (
            f"RemNote's clozes ('{{{{...}}}}', {line_numbers(asked)}) read as Anki's"
            " ('{{c1::...}}'), a card per deletion"
        )
        if item_lines := tuple(s.line for s in off.item_clozes if s.line in rem):
            said += (
                f"; each list item holding one ({line_numbers(item_lines)}) is a note of its own"
            )
    if in_answers:
        lines = line_numbers(in_answers)
        said += (
            f"; those in a question's answer ({lines}) are shown bold in it"
            if said
            else f"RemNote's clozes ('{{{{...}}}}', {lines}) in a question's answer are shown"
            " bold in it, no cards of their own"
        )
    return said


def taken_off_notices(off: TakenOff, notes_path: Path, topic: str = "") -> list[Notice]:
    """What was taken off the notes, told at its first line: the user sees where their
    front matter, comments or indented answers went."""
    notices: list[Notice] = []

    def tell(first: int, label: str, said: str, group: str) -> None:
        notices.append(Notice(first, label, said, group, place_of(notes_path, first)))

    front, refs = off.front, off.refs
    if (said := off.nul_bytes.note()) is not None:
        tell(off.nul_bytes.lines[0], "NUL bytes", said, "NUL bytes")
    if off.rows_on_line is not None and (said := off.rows_on_line.note()) is not None:
        tell(off.rows_on_line.line, "Quizlet", said, "Quizlet")
    if off.quizlet is not None:
        tell(off.quizlet.line, "Quizlet", off.quizlet.note(), "Quizlet")
    if (said := off.org.note()) is not None:
        tell(1, "org-mode", said, "org-mode")
    if (said := front.note()) is not None:
        tell(1, front.kind, said, front.kind)
    if (said := off.anki_blocks.note()) is not None:
        tell(off.anki_blocks.notes[0], "Obsidian_to_Anki", said, "Obsidian_to_Anki")
    if (said := refs.note()) is not None:
        tell(refs.first, "block references", said, "block references")
    notices.extend(
        Notice(
            ref.line,
            "block reference" if "[[" not in ref.written else "page embed",
            ref.message(),
            "missing reference",
            place_of(notes_path, ref.line),
            f"{ref.written}: {ref.effect()}",
        )
        for ref in refs.missing
    )
    notices.extend(
        Notice(
            ref.line,
            "block reference",
            ref.message(),
            "reference after a question",
            place_of(notes_path, ref.line),
            f"{ref.written}: left out of its question",
        )
        for ref in refs.after_question
    )
    notices.extend(
        Notice(
            loop.line,
            "block reference",
            loop.message(),
            "reference loop",
            place_of(notes_path, loop.line),
            f'{loop.written}: a loop, shown as "{LOOPED}"',
        )
        for loop in refs.loops
    )
    for line, said in off.boxes.notes():
        tell(line, "<aside>", said, "one-line aside")
    if (said := off.comments.note()) is not None:
        tell(off.comments.lines[0], "comments", said, "comments")
    if (said := off.macros.note()) is not None:
        tell(off.macros.taken[0][0], "macros", said, "macros")
    if (said := off.properties.note()) is not None:
        tell(off.properties.found[0][0], "properties", said, "properties")
    if (said := off.footnotes.note(notes_path)) is not None:
        first = min((*off.footnotes.lines, *off.footnotes.inline), default=1)
        tell(first, "footnotes", said, "footnotes")
    if (said := off.clozes.note()) is not None:
        tell(off.clozes.lines[0], "cloze", said, "cloze")
    for found, label in ((off.clozes.unpaired, "cloze"), (off.remnote_unpaired, "RemNote")):
        if (said := unpaired_note(found)) is not None:
            tell(found[0][0], label, said, "cloze braces")
    if (said := off.tag_lines.note()) is not None:
        tell(off.tag_lines.lines[0], "tags", said, "tags")
    if (said := off.sr_cards.note(topic)) is not None:
        cards = off.sr_cards.single + off.sr_cards.multi + off.sr_cards.clozes
        tell(min(cards), "flashcards", said, "flashcards")
    if off.untagged:
        tell(off.untagged[0], "flashcards", untagged_note(off.untagged), "flashcards")
    if (said := off.remnote.note()) is not None:
        tell(off.remnote.first, "RemNote", said, "RemNote")
    if off.remnote_clozes:
        tell(off.remnote_clozes[0], "RemNote", _remnote_clozes_note(off), "RemNote clozes")
    anki = set(off.anki_items)
    anki_asked = tuple(s.line for s in off.item_clozes if s.line in anki)
    anki_bold = tuple(line for line in off.answer_clozes if line in anki)
    if (said := anki_items_note(anki_asked, anki_bold)) is not None:
        tell(min((*anki_asked, *anki_bold)), "cloze", said, "Anki clozes in items")
    for block in off.untabbed.blocks:
        tell(block.first, f"indented by {block.by}", off.untabbed.note(block), "indented answer")
    return notices
