"""Turn Markdown interview notes into `concept` card files that pass `drillbit lint`.

`plan_import` decides everything (ids, paths, card text, what is skipped and why)
without touching the disk, so `--dry-run` shows exactly what `write_plan` would write.
Each planned card is checked by the bank's own parser before it is accepted (from its
front matter data and parsed body, as `parse_card` would read the file): a card this
module writes is a card the loader loads.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from itertools import repeat
from pathlib import Path
from typing import Any, TypeVar

import yaml
from markdown_it.token import Token

from quiz.bank import parallel
from quiz.bank.index import PACK_FILE as PACK_FILE  # the loader's name, without its models
from quiz.bank.markdown import (
    MathScan,
    headings,
    inline_children,
    new_token,
    parse,
    parse_inline,
    scan_math,
    scan_math_in,
)
from quiz.bank.mathtext import latex_to_unicode
from quiz.bank.models import KEBAB
from quiz.bank.sentences import is_short_answer
from quiz.ecosystem.ankitext import (
    is_anki_text,
    parse_anki_text,
    suffix_separator,
    tab_separated,
)
from quiz.ecosystem.blockrefs import BlockRefs, read_block_refs
from quiz.ecosystem.cardcheck import plainly_clean
from quiz.ecosystem.footnotes import Footnotes, take_footnotes
from quiz.ecosystem.frontyaml import dump_front
from quiz.ecosystem.held_signals import held_between_files
from quiz.ecosystem.htmlboxes import read_asking_boxes
from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.idwords import cut_at_word, id_words, latex_words
from quiz.ecosystem.importsplit import read_and_plan
from quiz.ecosystem.keypoints import MAX_CHARS as MAX_POINT_CHARS
from quiz.ecosystem.keypoints import MIN_POINTS, is_statement, key_points
from quiz.ecosystem.latexenv import delimit_environments
from quiz.ecosystem.logseqcloze import LogseqClozes, read_logseq_clozes
from quiz.ecosystem.notes import NoteQuestion, ParsedNotes, cut_notes, parse_notes
from quiz.ecosystem.notesfront import (
    NotesFront,
    read_front,
    read_notion_properties,
    read_page_properties,
)
from quiz.ecosystem.notestabs import Untabbed, untab_prose, why_code
from quiz.ecosystem.obsidiancomments import Comments, take_comments
from quiz.ecosystem.srcards import (
    SrCards,
    read_sr_cards,
    tags_deck,
    untagged_cards,
    untagged_note,
)
from quiz.ecosystem.tagline import TagLines, take_tag_lines
from quiz.errors import DrillbitError
from quiz.gcpause import gc_paused
from quiz.plural import counted, plural
from quiz.textsafe import describe_size, file_kind

_T = TypeVar("_T")
DEFAULT_DIFFICULTY = 2
MAX_ID_WORDS = 6
MAX_ID_CHARS = 60
MAX_TITLE_CHARS = 120

_MAYBE_HEADING = re.compile(r"^[ \t]{0,3}#", re.MULTILINE)
_ATX = re.compile(r"^([ \t]{0,3})(#{1,6})([ \t]+.*)?$")
_KEBAB = re.compile(KEBAB)
_CONTRACTION = re.compile(r"(?<=[A-Za-z])['’](?=(?:s|t|re|ve|ll|d|m)\b)", re.IGNORECASE)
_KEBAB_WORD = re.compile(r"[a-z0-9]+")
_MARKUP = re.compile(r"[$`\\&<\[*_~\n\r\x00]|  ")
"""Characters without which a one-line title has no inline markup (math, code, escapes,
entities, HTML, links, emphasis, strikethrough, line breaks)."""
_ID_STOP_WORDS = frozenset(
    "a an the is are was were be of to in on for and or its it what whats why how does do did "
    "explain describe".split()
)
_QUESTION_WORDS = frozenset(
    "what why how when where which who whom whose is are was were do does did can could "
    "should would will shall may might must has have had".split()
)
_IMPERATIVES = frozenset(
    "explain describe compare contrast derive implement define list give show write name "
    "state prove discuss outline summarize summarise walk sketch calculate compute estimate "
    "design draw identify justify pick choose select find suggest propose debug fix tune "
    "train build evaluate analyze analyse interpret diagnose plot solve convert translate "
    "rewrite simplify predict recommend rank classify measure sort optimize optimise "
    "argue assess critique demonstrate discuss recall review".split()
)


@dataclass(frozen=True, slots=True)
class AskedAt:
    """What a card's report line says of its question (`asked_at`), without its answer:
    a plan holding each card's question held every answer twice (the card's text holds
    it), and the notes' questions could not be let go as their cards were made."""

    line: int
    number: str | None
    ordinal: int
    """1-based position among the questions (the `source` number of notes without their own)."""
    title: str

    @classmethod
    def of(cls, question: NoteQuestion) -> AskedAt:
        """The question's place, number and title."""
        return cls(question.line, question.number, question.ordinal, question.title)


@dataclass(frozen=True, slots=True)
class PlannedCard:
    """One card to write: where, what, and whether it replaces an existing file.

    Slotted and without its own path (made from the topic folder all its topic's cards
    share): a plan of 20,000 cards holds 20,000 of these until they are written."""

    question: AskedAt
    card_id: str
    folder: Path
    text: str
    key_points: tuple[str, ...]
    replaces: bool

    @property
    def path(self) -> Path:
        """The card's file: `folder/card_id.md`."""
        return self.folder / f"{self.card_id}.md"


@dataclass(frozen=True)
class Skipped:
    """A question of the notes (or another part) that gives no card, and why."""

    line: int
    label: str
    """What it is: `Q4 'title'` (with the notes' own number, if any), `'heading text'`."""
    reason: str
    place: str = ""
    """Where it is in the notes, as editors read it: `notes.md:12` (the path as given)."""


@dataclass(frozen=True)
class Notice:
    """A forgiving guess or a change worth telling, about one question of the notes."""

    line: int
    label: str
    message: str
    group: str
    """What kind of notice (repeated ones are summed up under it)."""
    place: str = ""
    """Where it is in the notes (`notes.md:12`); `line` is that line."""
    item: str = ""
    """What a listed group's line says of it after its place, when its kind repeats."""


def place_of(notes: Path, line: int) -> str:
    """A line of the notes as editors and terminals read a place: `notes.md:12`, the path
    as the user gave it (lint names a card's problems so too)."""
    return f"{notes}:{line}"


def question_label(question: NoteQuestion) -> str:
    """How messages name a question after its place: `Q4 'title'` when the notes number it
    (`Q4` is their own name for it), else `'title'`."""
    number = f"Q{question.number} " if question.number is not None else ""
    return f"{number}'{title_shown(question.title)}'"


def title_shown(title: str) -> str:
    """A question's title as reports quote it: at most MAX_TITLE_CHARS characters (a
    5 MB heading was printed whole, on every line that named it)."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    return title[: MAX_TITLE_CHARS - 1] + "…"


@dataclass(frozen=True)
class ImportPlan:
    """Everything an import would do."""

    notes: Path
    pack: str
    topic: str
    pack_dir: Path
    pack_yaml: str | None
    """The text of a new pack's `pack.yaml`; None when the pack already exists."""
    cards: tuple[PlannedCard, ...]
    skipped: tuple[Skipped, ...]
    notices: tuple[Notice, ...]
    """Forgiving guesses worth telling (e.g. no answer marker, dollars escaped)."""
    questions_seen: int = 0
    sections: tuple[Skipped, ...] = ()
    """Headings read as sections holding questions (not questions themselves)."""
    unchanged: tuple[PlannedCard, ...] = ()
    """Cards already in their files as the notes would write them (`same_card`): not
    written again, and not a conflict (without `force`)."""
    renumbered: tuple[Renumbered, ...] = ()
    """Cards in their files as the notes would write them but for the question's number
    in `source` (a question inserted, removed or moved before them in notes without
    numbers) or tags the notes add (`card_changes`): written again with the new number
    and tags, and not a conflict."""
    left: tuple[tuple[Path, str], ...] = ()
    """Card files in the import's topic folders whose `source` names these notes (as
    `notes.md Q4`) that no question of the notes gives now (its question was deleted,
    or its title edited): (path, that source). Left as they are, with their reviews."""


@dataclass(frozen=True)
class Renumbered:
    """A card whose file differs from the notes only in its question's number, or in tags
    the notes add to it."""

    card: PlannedCard
    old_source: str | None
    """The `source` in its file (e.g. `notes.md Q3`), replaced by the card's; None when
    it is the card's."""
    added_tags: tuple[str, ...] = ()
    """The tags the card adds to its file's (`card_changes`)."""

    @property
    def number(self) -> str:
        """The question's number in the card's new `source` (`4` of `notes.md Q4`)."""
        question = self.card.question
        return question.number if question.number is not None else str(question.ordinal)


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
    `norms=False`: the id made before norms were read as said (`idwords.id_words`)."""
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
    slug_words = kebab(_title_text(title, with_math=False))
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


_CLOSERS = ")]}\"'”’»"
"""What may close a sentence's end: a bracket or a quote after its `?`, `.` or `!`."""


def as_question(title: str) -> str:
    """The title phrased as a question or instruction (a bare topic becomes 'Explain ...').

    A sentence closed inside a bracket or quote is phrased already: "What is σ'(0)? (It is
    also the largest value.)" became "Explain the sigmoid ... (It is also the largest
    value.)." when its question was a statement first."""
    text = " ".join(title.split())
    if text.rstrip(_CLOSERS).endswith(("?", ".", "!")):
        return text
    first = text.split(" ", 1)[0].lower().strip(",:")
    if first in _QUESTION_WORDS:
        return text + "?"
    if first in _IMPERATIVES:
        return text + "."
    head, _, tail = text.partition(" ")
    if head[:1].isupper() and head[1:].islower():
        head = head.lower()
    return f"Explain {' '.join(p for p in (head, tail) if p)}."


def demote_headings(markdown: str, shallowest: int = 3) -> str:
    """Headings inside an answer moved down (to `###` and deeper) so none is a `## ` section."""
    if not _MAYBE_HEADING.search(markdown):  # no line starts like a heading: nothing to parse
        return markdown
    found = [h for h in headings(markdown) if h.atx]
    if not found or min(h.level for h in found) >= shallowest:
        return markdown
    shift = shallowest - min(h.level for h in found)
    lines = markdown.split("\n")
    for heading in found:
        row = heading.line - 1
        match = _ATX.match(lines[row])
        if match is None:  # a heading in a list item or quote: leave it
            continue
        level = min(len(match.group(2)) + shift, 6)
        lines[row] = f"{match.group(1)}{'#' * level}{match.group(3) or ''}"
    return "\n".join(lines)


def escape_stray_dollars(markdown: str) -> tuple[str, int]:
    """Escape `$` signs that open no math (prices, shell variables); returns (text, how many)."""
    problems = scan_math(markdown).problems
    for problem in reversed(problems):
        at = problem.offset
        width = 2 if markdown.startswith("$$", at) else 1
        markdown = markdown[:at] + "\\$" * width + markdown[at + width :]
    return markdown, sum(2 if "'$$'" in p.message else 1 for p in problems)


def convert_math(markdown: str) -> tuple[str, list[str]]:
    """`\\(..\\)` and `\\[..\\]` as `$..$` and `$$..$$`; a formula the terminal cannot show
    kept as raw LaTeX in code (the card still loads). Returns (text, formulas kept raw)."""
    kept: list[str] = []
    delimited = "\\(" in markdown or "\\[" in markdown
    if "$" not in markdown and not delimited:
        return markdown, kept
    # Without \( or \[ the plain reader finds the same formulas, and its scan is the one
    # escape_stray_dollars reuses (cached) next.
    scan = scan_math(markdown, latex_delimiters=delimited)
    for span in reversed(scan.spans):
        latex = span.latex
        if latex_to_unicode(latex) is None:
            kept.append(latex.strip())
            raw = " ".join(latex.split())
            ticks = "`" * (max((len(m) for m in re.findall("`+", raw)), default=0) + 1)
            if span.delimiter == "$$" and "\n" in markdown[span.start : span.end]:
                line_start = markdown.rfind("\n", 0, span.start) + 1
                indent = markdown[line_start : span.start]
                indent = indent if not indent.strip() else " " * len(indent)
                body = "\n".join(
                    indent + row.strip() for row in latex.strip().split("\n") if row.strip()
                )
                replacement = f"```latex\n{body}\n{indent}```"
            else:
                replacement = f"{ticks}{raw}{ticks}"
        elif span.delimiter == "\\(":
            replacement = f"${latex.strip()}$"
        elif span.delimiter == "\\[":
            replacement = f"$${latex.strip()}$$"
        else:
            continue
        markdown = markdown[: span.start] + replacement + markdown[span.end :]
    kept.reverse()
    return markdown, kept


def front_matter(
    *,
    card_id: str,
    title: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    source: str,
    points: Sequence[str],
) -> tuple[dict[str, Any], str]:
    """A concept card's front matter as data and as the YAML written for it (by yaml's safe
    dumper, so quoting is always right and the text loads back as this very data)."""
    front: dict[str, Any] = {
        "id": card_id,
        "kind": "concept",
        "title": title,
        "topic": topic,
        "tags": list(tags),
        "difficulty": difficulty,
        "source": source,
        "key_points": list(points),
    }
    return front, dump_front(front)


def card_body(question: str, answer: str) -> str:
    """The card's text after its front matter (what `parse_card` reads as the body)."""
    return f"\n## Question\n\n{question}\n\n## Answer\n\n{answer}\n"


_ONE_LINE_QUESTION = re.compile(r"[A-Za-z](?:[^\n\r\x00]*\S)?")
"""A question text that is one paragraph line of the card body: it starts with a letter (no
block syntax opens so) and ends without space (nothing for the paragraph to strip)."""
_HEAD_ROWS = 6
"""Lines of a card body before its answer: "", "## Question", "", the question, "",
"## Answer"."""


def parse_body(question: str, answer: str, env: dict[str, Any]) -> list[Token]:
    """`parse(card_body(question, answer), env=env)`: the tokens of a card body.

    For a one-line question the part before the answer is always the same nine tokens
    (two `##` headings and the question's paragraph): they are made here, and only the
    answer is parsed, its line numbers moved down to where it stands in the body. That
    part was about a quarter of each body's parse. The `## Answer` heading closes every
    block before it, so the answer parses alone as it does in the body, and the question's
    inline markup is read as the parse reads it, with the references the answer defines.
    `env` is a new dict (it receives the link `references`, placed in the body). A test
    holds the tokens and references equal to the whole body's parse."""
    if env or _ONE_LINE_QUESTION.fullmatch(question) is None:
        return parse(card_body(question, answer), env=env)
    tail = parse(f"\n{answer}\n", env=env)
    for token in tail:
        if token.map is not None:
            token.map = [token.map[0] + _HEAD_ROWS, token.map[1] + _HEAD_ROWS]
    for reference in env.get("references", {}).values():  # where each was defined
        if reference.get("map") is not None:
            reference["map"] = [reference["map"][0] + _HEAD_ROWS, reference["map"][1] + _HEAD_ROWS]
    head = [
        *_heading_tokens("Question", 1),
        new_token("paragraph_open", "p", 1),
        _inline_token(question, 3),
        new_token("paragraph_close", "p", -1),
        *_heading_tokens("Answer", 5),
    ]
    head[3].map = [3, 4]
    head[4].children = inline_children(head[4], env)
    for token in head:
        token.block = True
    return head + tail


def _heading_tokens(title: str, row: int) -> list[Token]:
    """The tokens of a `## title` line at this row of a parsed text."""
    opening, closing = new_token("heading_open", "h2", 1), new_token("heading_close", "h2", -1)
    opening.markup = closing.markup = "##"
    opening.map = [row, row + 1]
    inline = _inline_token(title, row)
    text = new_token("text", "", 0)
    text.content = title
    inline.children = [text]
    return [opening, inline, closing]


def _inline_token(content: str, row: int) -> Token:
    """A block's inline token (level 1, inside its opening token), children not set."""
    inline = new_token("inline", "", 0)
    inline.content = content
    inline.map = [row, row + 1]
    inline.level = 1
    inline.children = []
    return inline


def _parsed_body(
    question: str, answer: str
) -> tuple[str, dict[str, Any], list[Token], list[Token] | None]:
    """A card's body, its parse's env (link references), its tokens and its answer's."""
    body = card_body(question, answer)
    env: dict[str, Any] = {}
    tokens = parse_body(question, answer, env)
    return body, env, tokens, _answer_tokens(question, tokens, env)


def _answer_tokens(question: str, tokens: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """The answer's tokens out of the parsed card body: what parsing the answer alone gives
    (the `## Answer` heading closes every block before it), or None when the question
    defines link references or left a block open over the heading (then parse the answer)."""
    if env.get("references"):
        return None
    row = question.count("\n") + 5  # "", "## Question", "", question..., "", "## Answer"
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and token.map[0] >= row:
            if token.map[0] == row and token.level == 0 and tokens[index + 1].content == "Answer":
                return tokens[index + 3 :]
            return None
    return None


def pack_yaml_text(name: str, notes: Path, parsed: ParsedNotes) -> str:
    """A new pack's `pack.yaml`: titled after the notes' `# heading` when they have one."""
    title = parsed.title or name.replace("-", " ").capitalize()
    info = {
        "title": title,
        "description": f"Cards imported from {notes.name} with drillbit import.",
        "version": "0.1.0",
    }
    return dump_front(info)  # a title such as `1e3` in quotes, as in a card's front matter


def _unique_id(
    base: str, target_dir: Path, used: set[str], taken: Mapping[str, Path]
) -> tuple[str, Path]:
    """The first of base, base-2, base-3... not used in this import nor by another card file,
    and its path."""
    name = _unique_name(base, target_dir, used, taken)
    return name, target_dir / f"{name}.md"


def _unique_name(base: str, target_dir: Path, used: set[str], taken: Mapping[str, Path]) -> str:
    """`_unique_id` without the path (made only to compare with a taken id's file)."""
    counter = 1
    while True:
        candidate = base if counter == 1 else f"{base}-{counter}"
        if candidate not in used:  # cheap test first: notes repeat titles many times
            other = taken.get(candidate)
            if other is None or other.resolve() == (target_dir / f"{candidate}.md").resolve():
                return candidate
        counter += 1


_NOTION_ID = re.compile(r"[ _-]+[0-9a-f]{32}$")
"""The page id Notion adds to every exported file's name (`Prep 3f2a...5a6b.md`)."""


def default_pack(notes: Path, content_dir: Path) -> str:
    """The pack named after the notes' file, without the page id Notion's export adds to
    it: `ML Prep 3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b.md` was the pack and topic folder
    `ml-prep-3f2a9c1e8b7d4e6f9a0b1c2d3e4f5a6b`, in every path and command shown. A pack
    already imported under the whole name keeps it (its cards are not made again)."""
    whole = kebab(notes.stem) or "imported"
    if (content_dir / whole / PACK_FILE).is_file():
        return whole
    return kebab(_NOTION_ID.sub("", notes.stem)) or "imported"


def validate_names(pack: str, topic: str) -> None:
    """Raise ValueError when the pack or topic is not a kebab-case folder name."""
    for what, value in (("pack", pack), ("topic", topic)):
        if not _KEBAB.match(value):
            raise ValueError(
                f"{what} '{value}' must be kebab-case (lowercase letters and digits joined by '-')"
            )


def plan_import(
    notes_path: Path,
    *,
    content_dir: Path,
    pack: str | None = None,
    topic: str | None = None,
    tags: Sequence[str] = (),
    difficulty: int = DEFAULT_DIFFICULTY,
    force: bool = False,
    taken_ids: Mapping[str, Path] | None = None,
    text: str | None = None,
    taken_packs: Mapping[str, Path] | None = None,
    taken_titles: Mapping[str, str] | None = None,
) -> ImportPlan:
    """Decide the cards for a notes file. Nothing is written.

    `taken_ids` maps ids already in the bank to their files: a new card never reuses
    one (it gets -2, -3...) unless it is that very file, which is replaced only with
    `force`. `taken_packs` maps pack names already in the bank to their folders: the
    pack may only be that folder (the app loads no second pack of a name, nor its cards).
    `taken_titles` gives the titles of those ids' cards where known (the bank index has
    them), so that a card imported before ids spelled formulas is matched to its
    question (`_keep_old_ids`) without reading its file.
    ValueError for a bad pack/topic/tag name, or a pack name taken elsewhere.
    """
    notes_text = text if text is not None else notes_path.read_text(encoding="utf-8")
    front = NotesFront(notes_text)
    refs = BlockRefs(notes_text)
    untabbed = Untabbed(notes_text)
    tag_lines = TagLines(notes_text)
    comments = Comments(notes_text)
    footnotes = Footnotes(notes_text)
    clozes = LogseqClozes(notes_text)
    sr_cards = SrCards(notes_text)
    untagged: tuple[int, ...] = ()  # Spaced Repetition cards in a note not tagged for them
    if not is_anki_text(notes_text, notes_path.suffix):
        front = read_front(notes_text)  # Obsidian's properties: the tags are every card's
        if not front.lines:  # Logseq's page properties (`tags:: ml`): the same for a page
            front = read_page_properties(front.text)
        if not front.lines:  # a Notion page's (`Tags: ML, Interview` under its title)
            front = read_notion_properties(front.text)
        refs = read_block_refs(front.text)  # Logseq's `((uuid))`: the text of the block
        boxes = read_asking_boxes(refs.text)  # an aside or <details> holding a question asks
        comments = take_comments(boxes.text)  # `%% ... %%`: Obsidian shows none of it
        footnotes = take_footnotes(comments.text)  # `[^1]`: the note's, not an answer's
        tag_lines = take_tag_lines(footnotes.text)  # `#review` lines: the note's tags, no text
        clozes = read_logseq_clozes(tag_lines.text)  # `{{cloze x}}` #card blocks: asked hidden
        tag_lines = replace(tag_lines, text=clozes.text)
        if tags_deck(tag_lines.text, (*front.tags, *tag_lines.tags)):
            sr_cards = read_sr_cards(tag_lines.text)  # the Spaced Repetition plugin's cards
            tag_lines = replace(tag_lines, text=sr_cards.text)
        else:
            untagged = untagged_cards(tag_lines.text)
        untabbed = untab_prose(tag_lines.text)  # answers indented as code but prose: prose
        notes_text = delimit_environments(untabbed.text)  # a bare `\begin{equation}`: math
    pack_name = pack if pack is not None else default_pack(notes_path, content_dir)
    topic_name = (
        topic if topic is not None else (pack_name if _KEBAB.match(pack_name) else "general")
    )
    validate_names(pack_name, topic_name)
    elsewhere = (taken_packs or {}).get(pack_name)
    if elsewhere is not None and elsewhere.resolve() != (content_dir / pack_name).resolve():
        raise ValueError(
            f"pack '{pack_name}' is already at {elsewhere}: the app would load neither a "
            "second pack of that name nor its cards; choose another name with --pack"
        )
    for tag in tags:
        if not _KEBAB.match(tag):
            raise ValueError(f"tag '{tag}' must be kebab-case")
    tags = tuple(dict.fromkeys([*tags, *front.tags, *tag_lines.tags]))
    # Thousands of cards' tokens and texts are built and dropped here, none in a cycle:
    # reference counting frees them, and the collector's full passes over everything
    # alive (a tenth of the time on 1 MB of notes) are held until the plan is made.
    with gc_paused():
        pack_dir = content_dir / pack_name
        taken = dict(taken_ids or {})
        shared = _Shared(
            notes_path, notes_text, pack_name, tuple(tags), difficulty, taken, taken_titles or {}
        )
        jobs: list[_Job] = []

        def prepare(notes: ParsedNotes) -> tuple[Callable[[int], _Draft], parallel.Handover]:
            jobs[:] = _jobs(notes, pack_dir, pack_name, topic_name, by_section=topic is None)
            jobs[:] = _keep_old_ids(_keep_old_clozes(jobs, shared), shared)
            return _guessed_work(jobs, shared), _handover(jobs)

        anki = is_anki_text(notes_text, notes_path.suffix)
        early = (
            _read_in_two(notes_text, prepare)
            if not anki and _early_split_pays(notes_text)
            else None
        )
        drafts: list[_Draft] | None
        if early is not None:  # the notes read and the cards planned by two processes
            parsed, drafts = early
        else:
            parsed = (
                parse_anki_text(notes_text, suffix_separator(notes_path.suffix))
                if anki
                else parse_notes(notes_text)
            )
            jobs = _jobs(parsed, pack_dir, pack_name, topic_name, by_section=topic is None)
            jobs = _keep_old_ids(_keep_old_clozes(jobs, shared), shared)
            drafts = _drafts_split(jobs, shared) if _split_pays(len(jobs)) else None
        used = _kept_ids(jobs)  # no other question takes a card's id kept from before
        questions_seen = len(jobs)  # a cloze note kept as one card is one
        job_folders = {job.target_dir for job in jobs}
        found = bool(parsed.questions)
        # The jobs hold the questions now, and let each go once its card is made (below):
        # the cards made hold no question, so the notes' answers are not held to the end.
        parsed = replace(parsed, questions=())
        ready: Iterator[_Draft | None] = repeat(None, questions_seen)
        if drafts is not None:
            drafts_in_turn = _let_go(drafts)
            ready = drafts_in_turn
        cards: list[PlannedCard] = []
        unchanged: list[PlannedCard] = []
        renumbered: list[Renumbered] = []
        skipped = [
            Skipped(i.line, f"'{i.text}'", i.reason, place_of(notes_path, i.line))
            for i in parsed.ignored
        ]
        notices: list[Notice] = []
        if (said := front.note()) is not None:
            notices.append(Notice(1, front.kind, said, front.kind, place_of(notes_path, 1)))
        if (said := refs.note()) is not None:
            notices.append(
                Notice(
                    refs.first,
                    "block references",
                    said,
                    "block references",
                    place_of(notes_path, refs.first),
                )
            )
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
        if (said := comments.note()) is not None:
            first = comments.lines[0]
            notices.append(Notice(first, "comments", said, "comments", place_of(notes_path, first)))
        if (said := footnotes.note()) is not None:
            first = footnotes.lines[0] if footnotes.lines else 1
            notices.append(
                Notice(first, "footnotes", said, "footnotes", place_of(notes_path, first))
            )
        if (said := clozes.note()) is not None:
            first = clozes.lines[0]
            notices.append(Notice(first, "cloze", said, "cloze", place_of(notes_path, first)))
        if (said := tag_lines.note()) is not None:
            first = tag_lines.lines[0]
            notices.append(Notice(first, "tags", said, "tags", place_of(notes_path, first)))
        if (said := sr_cards.note()) is not None:
            first = min(sr_cards.single + sr_cards.multi)
            notices.append(
                Notice(first, "flashcards", said, "flashcards", place_of(notes_path, first))
            )
        if untagged:
            said, first = untagged_note(untagged), untagged[0]
            notices.append(
                Notice(first, "flashcards", said, "flashcards", place_of(notes_path, first))
            )
        for block in untabbed.blocks:
            notices.append(
                Notice(
                    block.first,
                    f"indented by {block.by}",
                    untabbed.note(block),
                    "indented answer",
                    place_of(notes_path, block.first),
                )
            )
        folder_problems: dict[Path, str | None] = {}
        planned_names: set[tuple[Path, str]] = set()  # (folder, id): every card a question gives
        for job, draft_made in zip(_let_go(jobs), ready, strict=True):
            question = job.question
            label = question_label(question)
            where = place_of(notes_path, question.line)
            in_bank = _bank_card(question, taken, pack_dir)
            if in_bank is not None:
                skipped.append(Skipped(question.line, label, in_bank, where))
                continue
            if draft_made is None:
                if job.kept_id is not None:
                    unique = _given(job.kept_id, job.target_dir)
                else:
                    unique = partial(_unique_id, target_dir=job.target_dir, used=used, taken=taken)
                draft = _plan_job(job, shared, unique)
            else:
                # Made with the id guessed for it; made again when that is not its id
                # after all (an earlier question with the same title gave no card).
                draft = draft_made
                if draft.id_choice is not None:
                    base, guess = draft.id_choice
                    name = job.kept_id or _unique_name(base, job.target_dir, used, taken)
                    if name != guess:
                        draft = _plan_job(job, shared, _given(name, job.target_dir))
            planned, reason, notes = draft.planned, draft.reason, draft.notes
            if job.kept_whole:
                notes = [*notes, ("one-cloze-card", _one_cloze_card(job), 0)]
            notices.extend(
                Notice(
                    line or question.line,
                    label,
                    note,
                    group,
                    place_of(notes_path, line or question.line),
                )
                for group, note, line in notes
            )
            if planned is None:
                skipped.append(Skipped(question.line, label, reason, where))
                continue
            used.add(planned.card_id)
            planned_names.add((planned.folder, planned.card_id))
            odd = odd_target(planned, job.target_dir, folder_problems)
            if odd is not None:
                if planned.path.is_symlink() and same_card(planned, pack_name):
                    unchanged.append(planned)  # the linked file holds the card: no write
                else:
                    skipped.append(Skipped(question.line, label, odd, where))
                continue
            if planned.replaces and not force:
                differs, old_source, added = card_changes(planned, pack_name)
                if not differs and old_source is None and not added:
                    unchanged.append(planned)
                elif not differs:
                    renumbered.append(Renumbered(planned, old_source, added))
                else:
                    skipped.append(Skipped(question.line, label, _exists(planned, differs), where))
                continue
            cards.append(planned)
    if not found and anki:
        skipped.append(
            Skipped(
                1,
                "",
                "no questions found: read as an Anki plain-text export, it has no note with "
                "a question and an answer (or a cloze) in its first two fields",
                str(notes_path),
            )
        )
    elif _BLANK_NOTES.fullmatch(notes_text):  # no copy of the notes, as a strip() made
        empty = "empty" if not notes_text else "blank"
        skipped.append(Skipped(1, "", f"no questions found: the file is {empty}", str(notes_path)))
    elif not found:
        skipped.append(
            Skipped(
                1,
                "",
                "no questions found: expected headings like '## Q1: title', '### 3) title' "
                "or ending in '?', bold questions ('**What is X?**'), 'Q:' lines or list "
                "items (see drillbit import --help)"
                + (
                    "; its lines are tab-separated: an Anki plain-text export is read from a "
                    ".txt file, or any file starting with Anki's '#separator:tab' line"
                    if tab_separated(notes_text)
                    else ""
                ),
                str(notes_path),
            )
        )
    new_pack = not (pack_dir / PACK_FILE).exists()
    return ImportPlan(
        notes=notes_path,
        pack=pack_name,
        topic=topic_name,
        pack_dir=pack_dir,
        pack_yaml=pack_yaml_text(pack_name, notes_path, parsed) if new_pack else None,
        cards=tuple(cards),
        skipped=tuple(sorted(skipped, key=lambda s: s.line)),
        # by line, as the notes read: the front matter's and the indented blocks' notes
        # were made before the questions' and came first wherever they were
        notices=tuple(sorted(notices, key=lambda notice: notice.line)),
        questions_seen=questions_seen,
        sections=tuple(
            Skipped(s.line, f"'{s.text}'", s.reason, place_of(notes_path, s.line))
            for s in parsed.sections
        ),
        unchanged=tuple(unchanged),
        renumbered=tuple(renumbered),
        left=_left_cards(job_folders, planned_names, notes_path.name),
    )


def _let_go(items: list[_T]) -> Iterator[_T]:
    """Each item in order, the list letting go of it as it is given (emptied at the end):
    a plan's questions and drafts are freed one by one as their cards are made."""
    items.reverse()
    while items:
        yield items.pop()


_BLANK_NOTES = re.compile(r"[\ufeff \t\r\n]*")
"""Notes with no text: blank lines, a byte-order mark."""
_SOURCE_LINE = re.compile(r"^source:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_LEFT_READ = 64 * 1024
"""Bytes of a card file read for its `source` (front matter comes first; a longer one
is not of an import)."""


def _left_cards(
    folders: set[Path], planned: set[tuple[Path, str]], notes_name: str
) -> tuple[tuple[Path, str], ...]:
    """`ImportPlan.left`: the cards in `folders` not in `planned` (as (folder, id)) whose
    `source` is a question of `notes_name` (the import's own `notes.md Q4` form)."""
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular

    left: list[tuple[Path, str]] = []
    for folder in sorted(folders):
        if not folder.is_dir() or folder.is_symlink():
            continue
        for path in sorted(folder.glob("*.md")):
            if (folder, path.stem) in planned:
                continue
            try:
                head = read_regular(path, limit=_LEFT_READ).decode("utf-8", "replace")
            except InputFileError:
                continue  # not a regular file (or too long for a card made here)
            if not head.startswith("---"):
                continue
            front = head.split("\n---", 1)[0]
            match = _SOURCE_LINE.search(front)
            if match is None:
                continue
            try:
                source = yaml.safe_load(match[1])
            except yaml.YAMLError:
                continue
            number = _SOURCE_NUMBER.fullmatch(source) if isinstance(source, str) else None
            if number is not None and number["notes"] == notes_name:
                left.append((path, source))
    return tuple(left)


def _one_cloze_card(job: _Job) -> str:
    """The note for a cloze note kept as the one card it was imported as."""
    return (
        f"a cloze note with {job.kept_whole} numbers, imported before as one card with "
        f"every deletion hidden ({job.kept_id}): kept so, with its reviews; delete its file "
        f"and import again for one card per number, as Anki makes them"
    )


def _bank_card(question: NoteQuestion, taken: Mapping[str, Path], pack_dir: Path) -> str | None:
    """Why a note of drillbit's own Anki export is not imported: the card it was made
    from is in the bank, outside the import's pack (a card of that pack is compared as
    any card is); None otherwise. Imported again it was a second card of the same
    question under an id made from its title."""
    if question.card_id is None:
        return None
    path = taken.get(question.card_id)
    if path is None or path.resolve().is_relative_to(pack_dir.resolve()):
        return None
    return (
        "its card is already in the bank, under the id its note names (a note of"
        " drillbit's own Anki export): nothing to import"
    )


def _exists(planned: PlannedCard, differs: Sequence[str]) -> str:
    """Why a card whose file differs from it is not written (without --force)."""
    if tuple(differs) == (UNREADABLE,):
        what = f" as a {UNREADABLE}"
    else:
        what = " with another " + (
            " and ".join(differs)
            if len(differs) < 3
            else ", ".join(differs[:-1]) + " and " + differs[-1]
        )
    return f"{planned.path} already exists{what} (use --force to overwrite it)"


NEVER_WRITTEN = "import never writes"
"""In the reason a card is not written at its path (what is there is no regular file)."""


def odd_target(planned: PlannedCard, folder: Path, folders: dict[Path, str | None]) -> str | None:
    """Why the card is not written at its path, even with --force, or None.

    Only a regular file is written over: writing to a FIFO would wait for a reader for
    ever, and a symbolic link (in the card's place or the topic folder's) may lead out of
    the pack (the caller leaves a link to a file that already holds the card as it is,
    unchanged). A topic folder that is a link is refused too: the loader does not follow one, so a
    card written through it would not even load. `folders` caches the topic folders'
    answers (a pack's cards share a few); `folder` is the card's.
    """
    if folder not in folders:
        folders[folder] = _folder_problem(folder)
    if (problem := folders[folder]) is not None:
        return problem
    try:
        mode = os.lstat(planned.path).st_mode
    except OSError:  # nothing there (or no folder yet): a new file
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return (
            f"{planned.path} is a symbolic link: {NEVER_WRITTEN} through one, even with "
            "--force (it may lead out of the pack); put a regular file in its place"
        )
    return (
        f"{planned.path} is {file_kind(mode)}, not a regular file: {NEVER_WRITTEN} over "
        "one, even with --force; remove it or import with another --topic"
    )


def _folder_problem(folder: Path) -> str | None:
    """Why cards are not written in this topic folder (a link, not a folder), or None."""
    try:
        mode = os.lstat(folder).st_mode
    except OSError:
        return None  # made when the cards are written
    if stat.S_ISDIR(mode):
        return None
    if stat.S_ISLNK(mode):
        return (
            f"the topic folder {folder} is a symbolic link: the app loads no card through "
            f"one, and {NEVER_WRITTEN} through one"
        )
    what = "a regular file" if stat.S_ISREG(mode) else file_kind(mode)
    return f"the topic folder {folder} is {what}, not a folder: {NEVER_WRITTEN} in it"


def same_card(planned: PlannedCard, pack: str) -> bool:
    """True when the file at the planned card's path already holds that card: the same
    bytes, or a text that the bank reads as the same card (its front matter's values and
    its sections' texts: the YAML's layout, a byte-order mark or CRLF line ends aside).
    A file that cannot be read as the loader reads a card (a regular file within its size
    limit: not a FIFO that would never end), or does not load as a card, differs."""
    return card_differences(planned, pack) == ((), None)


_SOURCE_NUMBER = re.compile(r"(?P<notes>.+) Q(?P<number>\S+)")
"""An imported card's `source`: the notes file's name and the question's number."""
UNREADABLE = "file, which does not load as a card"
"""In `card_differences`: the file at the card's path is no card the loader reads."""


def card_differences(planned: PlannedCard, pack: str) -> tuple[tuple[str, ...], str | None]:
    """`card_changes` without the tags told apart: tags added are a part that differs."""
    differs, renumbered, _ = _compared(planned, pack)
    return differs, renumbered


def card_changes(
    planned: PlannedCard, pack: str
) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """`card_differences`, and the tags the card adds to its file's: when the file has
    only some of the card's tags and none other (a card imported before an Anki note's
    tags were carried over, or before its note got more), "tags" is no part that differs
    but the tags it adds, written to the file as a changed number is."""
    differs, renumbered, added = _compared(planned, pack)
    if added:
        differs = tuple(part for part in differs if part != "tags")
    return differs, renumbered, added


def _compared(
    planned: PlannedCard, pack: str
) -> tuple[tuple[str, ...], str | None, tuple[str, ...]]:
    """How the file at the planned card's path differs from the card: the parts that
    differ, in words ("title", "question", "answer", a front matter field such as "tags"),
    or (UNREADABLE,); and the file's `source` when it names the same notes file with
    another question number (`notes.md Q3` in the file, `notes.md Q4` in the notes: a
    question was inserted, removed or moved before it in notes without numbers), which
    is then no part that differs. ((), None): the file holds that very card. Then the
    tags the card adds to the file's when it has only some of them (`card_changes`)."""
    from quiz.bank.loader import CARD_LIMIT
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular

    try:
        existing = read_regular(planned.path, limit=CARD_LIMIT)
    except InputFileError:
        return (UNREADABLE,), None, ()
    if existing == planned.text.encode("utf-8"):
        return (), None, ()  # a re-import of the same notes: no parse needed
    try:
        # a Windows editor's line ends: the card is the same (the parse would keep the CRs)
        old_text = existing.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return (UNREADABLE,), None, ()
    # Only for a file whose bytes differ, so the plain re-import loads no card models.
    from quiz.bank.parse import parse_card

    topic = planned.path.parent.name
    old, _ = parse_card(old_text, planned.path, pack, topic, lint=False)
    if old is None:
        return (UNREADABLE,), None, ()
    new, _ = parse_card(planned.text, planned.path, pack, topic, lint=False)
    if new is None:
        return (UNREADABLE,), None, ()
    differs: list[str] = []
    old_front, new_front = _fields(old.front), _fields(new.front)
    if old_front.get("title") != new_front.get("title"):
        differs.append("title")
    old_sections = {name: s.text for name, s in old.sections.items()}
    new_sections = {name: s.text for name, s in new.sections.items()}
    for name in dict.fromkeys([*old_sections, *new_sections]):
        if old_sections.get(name) != new_sections.get(name):
            differs.append(name.lower())
    if old.hints != new.hints:
        differs.append("hints")
    if old.starter != new.starter:
        differs.append("starter code")
    renumbered = _renumbered(old_front.get("source"), new_front.get("source"))
    # the key points are drawn from the answer: an answer that differs says it all
    skip = {
        "title",
        *(["source"] if renumbered else []),
        *(["key_points"] if "answer" in differs else []),
    }
    differs.extend(
        name.replace("_", " ")
        for name in dict.fromkeys([*old_front, *new_front])
        if name not in skip and old_front.get(name) != new_front.get(name)
    )
    old_tags, new_tags = old.front.tags, new.front.tags
    added: tuple[str, ...] = ()
    if old_tags != new_tags and set(old_tags) < set(new_tags):
        added = tuple(tag for tag in new_tags if tag not in old_tags)
    return tuple(differs), renumbered, added


def _fields(front: object) -> dict[str, object]:
    """A card's front matter (a dataclass) as its fields' values by name."""
    import dataclasses

    assert dataclasses.is_dataclass(front)
    return {f.name: getattr(front, f.name) for f in dataclasses.fields(front)}


def _renumbered(old: object, new: object) -> str | None:
    """`old` when both sources name the same notes file with other question numbers."""
    if not isinstance(old, str) or not isinstance(new, str) or old == new:
        return None
    was, now = _SOURCE_NUMBER.fullmatch(old), _SOURCE_NUMBER.fullmatch(new)
    if was is None or now is None or was["notes"] != now["notes"]:
        return None
    return old


def _indented_hint(answer: str, answer_tokens: list[Token] | None) -> str:
    """Why an answer indented by a tab or four spaces has no statements: Markdown reads
    those lines as a code block, whose text is no prose (a note pasted from an outline).
    The advice fits the block: code is fenced to stay code (taking its indent off would
    make it a paragraph of code), prose loses its indent."""
    tokens = answer_tokens if answer_tokens is not None else parse(answer)
    block = next((token for token in tokens if token.type == "code_block"), None)
    if block is None:
        return ""
    said = (
        "; its lines are indented by a tab or four spaces, which Markdown reads as a "
        "code block, not prose"
    )
    why = why_code(block.content.rstrip("\n").split("\n"))
    if why is None:
        return f"{said}: remove the indent to make them prose"
    return (
        f"{said} ({why}): to keep them code, fence them with ``` and write the answer in "
        "sentences beside them; if they are prose, remove the indent"
    )


def _prepare(markdown: str) -> tuple[str, list[str], int]:
    """Markdown of the notes made card-ready: HTML stripped, math converted, headings
    below `##`, stray `$` escaped. Returns (text, formulas kept raw, dollars escaped)."""
    return _prepare_math(strip_html(markdown))


def _prepare_math(markdown: str, *, demote: bool = True) -> tuple[str, list[str], int]:
    """`_prepare` of a text without HTML (`demote=False`: its headings left as they are)."""
    text, raw = convert_math(markdown)
    text, escaped = escape_stray_dollars(demote_headings(text) if demote else text)
    return text.strip("\n"), raw, escaped


def _no_high_headings(answer: str, answer_tokens: list[Token] | None) -> bool:
    """True when `demote_headings` leaves the answer as it is: no line starts like a
    heading, or its tokens (`_answer_tokens`) hold no `#` or `##` heading."""
    if not _MAYBE_HEADING.search(answer):
        return True
    if answer_tokens is None:
        return False
    return not any(
        t.type == "heading_open" and t.tag in ("h1", "h2") and t.markup.startswith("#")
        for t in answer_tokens
    )


def _math_as_is(
    body: str, tokens: list[Token], answer_tokens: list[Token] | None
) -> MathScan | None:
    """The parsed card body's math scan when it has no `$` that opens nothing and no
    formula the terminal cannot show (then `_prepare` leaves its answer's math as it is,
    and the lint check reads the same scan), else None. Needs the answer's own tokens
    (`_answer_tokens`), so that the answer reads as it does alone."""
    if answer_tokens is None:
        return None
    scan = scan_math_in(body, tokens, inline_parsed=True)
    if scan.problems or any(latex_to_unicode(s.latex) is None for s in scan.spans):
        return None
    return scan


SPLIT_MIN_BYTES = 200_000
"""From this many characters of notes (about 600 questions) they are read, not only
planned, in two processes when a core is free (`_read_in_two`)."""
SPLIT_MIN_QUESTIONS = 600
"""From this many questions (about 200 KB of notes) a notes file's cards are planned in two
processes when a core is free (`quiz.bank.parallel`). The fork, the copied pages and the
hand-over cost some 50-100 ms of CPU: at 410 questions the wait was estimated at 0.80-1.04
of one process's, at 1,100 at 0.74, at 2,750 at 0.66."""


@dataclass(frozen=True)
class _Shared:
    """What every question's card needs from the import as a whole."""

    notes_path: Path
    notes_text: str
    pack: str
    tags: tuple[str, ...]
    difficulty: int
    taken: Mapping[str, Path]
    titles: Mapping[str, str]
    """The titles of the taken ids' cards, where known."""
    folders: dict[Path, bool] = field(default_factory=dict)
    """Topic folder -> exists (a new pack's cards need no stat); filled as it goes."""

    @cached_property
    def lines(self) -> NotesLines:
        """Where the notes' lines start, found when a card first names a line (a formula
        the terminal cannot show)."""
        return NotesLines(self.notes_text)


class NotesLines:
    """The notes' text with where each line starts, to name the line a piece of text is on.

    The notes split into a list of lines took about three times their size (a string
    object a line, 5.5 MB for 2 MiB of notes), made for the first card that named a line
    and held to the end of the plan, on top of its cards: the plan's peak."""

    def __init__(self, notes_text: str) -> None:
        self.text = notes_text.lstrip("\ufeff").replace("\r\n", "\n")
        self.starts = array("q", [0])
        position = self.text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = self.text.find("\n", position + 1)

    def line_of(self, needle: str, start: int) -> int:
        """1-based line where `needle`'s first line appears, from line `start` on (`start`
        when it appears nowhere after)."""
        first = needle.strip().split("\n")[0].strip()
        row = max(start - 1, 0)
        if not first or row >= len(self.starts):
            return start
        found = self.text.find(first, self.starts[row])
        return start if found < 0 else bisect_right(self.starts, found)


@dataclass(frozen=True)
class _Job:
    """One question to plan, with the topic and folder its card goes in."""

    question: NoteQuestion
    topic: str
    target_dir: Path
    pack: str
    kept_id: str | None = None
    """The id of the card this question already has under the id rule before formulas
    were words of ids (`_keep_old_ids`): the card keeps it, and its review history."""
    kept_whole: int = 0
    """For a cloze note with several numbers already imported as one card (every
    deletion hidden) before cards per number: how many cards it would give now; that
    card is kept instead (`_keep_old_clozes`)."""

    @cached_property
    def base_id(self) -> str:
        """The id its title makes (`_base_id`), worked out once for the id guess and the
        card, and only when asked (a process planning half the cards guesses half the ids)."""
        return _base_id(self.question, self.pack)


@dataclass(frozen=True)
class _Draft:
    """`_plan_card`'s answer for one question, and the id it was given, if it asked for one:
    (the id its title makes, the id given)."""

    planned: PlannedCard | None
    reason: str
    notes: list[tuple[str, str, int]]
    """Notices as (group, text, line of the notes they concern, 0 for the question's)."""
    id_choice: tuple[str, str] | None


_MAY_NORM = ("‖", "\\|", "Vert")
"""In a title whose id may hold a norm read as said (`‖`, LaTeX's `\\|`, `\\Vert`)."""


def _old_base_ids(question: NoteQuestion, pack: str) -> list[str]:
    """The ids the question's title made under the rules before (`_keep_old_ids`): before
    formulas, code and symbols were words of ids, before norms were read as said, and
    before a cloze's hints were left out of its id; each once, and not the id it makes now."""
    whole = question.whole
    if whole is not None:  # cards per number came after all but the hints' rule
        hinted = card_id_for(whole.title) if whole.id_title is not None else ""
        olds = [f"{hinted}-c{question.cloze}"] if hinted else []
    else:
        olds = [_base_id(question, pack, legacy=True)]
        if any(mark in question.title for mark in _MAY_NORM):
            olds.append(card_id_for(question.title, norms=False) or olds[0])
        if question.id_title is not None:  # a cloze's id, its hints' words in it
            olds.append(card_id_for(question.title) or olds[0])
    now = _base_id(question, pack)
    return [old for old in dict.fromkeys(olds) if old != now]


def _base_id(question: NoteQuestion, pack: str, *, legacy: bool = False) -> str:
    """The id the question's title makes (before -2, -3... keep it unique); `legacy`: the
    one it made before formulas, code and symbols were words of ids. A cloze note's id is
    made from its `id_title` (every deletion `[...]`, its hints left out). A card of a cloze
    number is its note's id and `-c1`, `-c2`...: the same for each
    number's card whatever the others show, and new (no rule before made such cards)."""
    if question.whole is not None:
        return f"{_base_id(question.whole, pack)}-c{question.cloze}"
    if legacy:
        made = legacy_card_id_for(question.title)
    else:  # a cloze whose text outside its deletions has no word keeps its hints' words
        made = card_id_for(question.id_title or question.title)
        if not made and question.id_title is not None:
            made = card_id_for(question.title)
    return made or f"{pack}-q{question.number or question.ordinal}"


def _kept_ids(jobs: Sequence[_Job]) -> set[str]:
    """The ids kept from before (`_Job.kept_id`): taken, for every other question."""
    return {job.kept_id for job in jobs if job.kept_id is not None}


def _same_legacy_id(title: str) -> bool:
    """True when the title surely makes the same id by both rules: ASCII with no formula,
    code or escape (the words are the same, and so is the filler dropped)."""
    return title.isascii() and not any(mark in title for mark in "$`\\")


_SUFFIX = re.compile(r"-[2-9][0-9]*$|-1[0-9]+$")
"""The `-2`, `-3`... an id gets to be unique (`_unique_name`)."""


def _keep_old_ids(jobs: list[_Job], shared: _Shared) -> list[_Job]:
    """The jobs, each question that already has its card under the id a rule before
    made (`_old_base_ids`, -2, -3... as `_unique_name` gave them) keeping that id.

    Ids used to leave formulas, code and symbols out; now they are words of them, so a
    card imported before would get a new id on a re-import, and a second file beside its
    first (the review history stays with the old id). As Anki matches an imported note to
    the one it has by its first field, a card is matched here by its title: the file of
    an old id (its base or a -N of it, in the question's topic folder) whose front matter
    has the title this card gets is this question's card. Each file is matched once, in
    the order of the notes. Only read for questions whose two ids differ, with such a file
    in the bank."""
    if not shared.taken:
        return jobs
    by_base: dict[str, list[str]] | None = None
    claimed = _kept_ids(jobs)
    first_open: dict[str, int] = {}  # base -> where its unclaimed candidates start
    titles: dict[tuple[str, Path], str | None] = {}  # (id, folder) -> its file's title
    kept = list(jobs)
    for index, job in enumerate(jobs):
        title = job.question.title
        if not title or job.kept_id is not None:
            continue
        if _same_legacy_id(title) and job.question.id_title is None and job.question.whole is None:
            continue
        olds = _old_base_ids(job.question, job.pack)
        if not olds:
            continue
        if by_base is None:  # the bank's ids by the base they were made from
            by_base = {}
            for taken_id in sorted(shared.taken, key=lambda i: (len(i), i)):
                by_base.setdefault(taken_id, []).append(taken_id)
                base = _SUFFIX.sub("", taken_id)
                if base != taken_id:
                    by_base.setdefault(base, []).append(taken_id)
        wanted = card_title(_plain_title(title))
        for old in olds:
            candidates = by_base.get(old, [])
            start = first_open.get(old, 0)
            while start < len(candidates) and candidates[start] in claimed:
                start += 1  # notes repeating a title claim its -2, -3... in order: once
            first_open[old] = start
            found = None
            for candidate in candidates[start:]:
                if candidate in claimed:
                    continue
                key = (candidate, job.target_dir)
                if key not in titles:
                    path = job.target_dir / f"{candidate}.md"
                    if not _same_file(shared.taken[candidate], path):
                        titles[key] = None
                    elif candidate in shared.titles:
                        titles[key] = shared.titles[candidate]
                    else:
                        titles[key] = _card_title_of(path)
                if titles[key] == wanted:
                    found = candidate
                    break
            if found is not None:
                claimed.add(found)
                kept[index] = replace(job, kept_id=found)
                vars(kept[index])["base_id"] = job.base_id  # worked out already
                break
    return kept


def _keep_old_clozes(jobs: list[_Job], shared: _Shared) -> list[_Job]:
    """The jobs, the cards of each cloze number of a note replaced by the one card that
    note already has, every deletion hidden, as imports made it before cards per number:
    its file (in the topic folder, of the id its title makes by either id rule, or a -2,
    -3... of it) has that title. It keeps its id, its reviews, and its form: nothing is
    duplicated, and `plan_import` says how to get a card per number instead."""
    if not shared.taken or not any(job.question.whole is not None for job in jobs):
        return jobs
    by_base: dict[str, list[str]] = {}
    for taken_id in sorted(shared.taken, key=lambda i: (len(i), i)):
        by_base.setdefault(_SUFFIX.sub("", taken_id), []).append(taken_id)
    claimed = _kept_ids(jobs)
    kept: list[_Job] = []
    index = 0
    while index < len(jobs):
        job = jobs[index]
        whole = job.question.whole
        end = index + 1
        while whole is not None and end < len(jobs) and jobs[end].question.whole is whole:
            end += 1
        found = None if whole is None else _old_whole_card(whole, job, shared, by_base, claimed)
        if whole is None or found is None:
            kept.extend(jobs[index:end])
        else:
            claimed.add(found)
            kept.append(_Job(whole, job.topic, job.target_dir, job.pack, found, end - index))
        index = end
    return kept


def _old_whole_card(
    whole: NoteQuestion,
    job: _Job,
    shared: _Shared,
    by_base: Mapping[str, list[str]],
    claimed: set[str],
) -> str | None:
    """The id of the card file in the job's folder that holds this cloze note as one card
    (`_keep_old_clozes`), or None."""
    wanted = card_title(_plain_title(whole.title))
    bases = [_base_id(whole, job.pack), *_old_base_ids(whole, job.pack)]
    for base in bases:
        for candidate in by_base.get(base, []):
            if candidate in claimed:
                continue
            path = job.target_dir / f"{candidate}.md"
            if not _same_file(shared.taken[candidate], path):
                continue
            title = shared.titles.get(candidate)
            if title is None:
                title = _card_title_of(path)
            if title == wanted:
                return candidate
    return None


def _same_file(known: Path, path: Path) -> bool:
    """True when the two paths name one file: as written or made absolute (no system
    call), else once links are followed."""
    if known == path or os.path.abspath(known) == os.path.abspath(path):
        return True
    return known.resolve() == path.resolve()


def _card_title_of(path: Path) -> str | None:
    """The `title` in a card file's front matter, or None when it cannot be read so."""
    from quiz.bank import safeyaml
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular_text

    try:
        text = read_regular_text(path, limit=_CARD_LIMIT, title="import")
    except InputFileError:
        return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    try:
        front = safeyaml.load(text[4 : end + 1]) if end >= 0 else None
    except yaml.YAMLError:
        return None
    title = front.get("title") if isinstance(front, dict) else None
    return title if isinstance(title, str) else None


_CARD_LIMIT = 1024 * 1024
"""The largest card file read (the loader's `CARD_LIMIT`, without importing the loader)."""


def _plan_job(job: _Job, shared: _Shared, choose_id: Callable[[str], tuple[str, Path]]) -> _Draft:
    """`_plan_card` for one job, noting the id it was given."""
    asked: list[tuple[str, str]] = []

    def choose(base: str) -> tuple[str, Path]:
        choice = choose_id(base)
        asked.append((base, choice[0]))
        return choice

    planned, reason, notes = _plan_card(
        job.question,
        notes_path=shared.notes_path,
        line_of=lambda needle, start: shared.lines.line_of(needle, start),
        pack=shared.pack,
        topic=job.topic,
        tags=shared.tags,
        difficulty=shared.difficulty,
        target_dir=job.target_dir,
        choose_id=choose,
        base_id=job.base_id,
        folders=shared.folders,
    )
    return _Draft(planned, reason, notes, asked[0] if asked else None)


def _given(name: str, target_dir: Path) -> Callable[[str], tuple[str, Path]]:
    """An id chooser that gives this id (and its path in `target_dir`) whatever the title
    makes; the path is made only for a question that makes a card."""
    return lambda _base: (name, target_dir / f"{name}.md")


def _split_pays(questions: int) -> bool:
    """True when planning this many questions in two processes can save time now."""
    return questions >= SPLIT_MIN_QUESTIONS and parallel.can_fork()


def _early_split_pays(text: str) -> bool:
    """True when reading these notes in two processes from the start can save time now."""
    return len(text) >= SPLIT_MIN_BYTES and _split_pays(SPLIT_MIN_QUESTIONS)


def _read_in_two(
    text: str, prepare: Callable[[ParsedNotes], tuple[Callable[[int], _Draft], parallel.Handover]]
) -> tuple[ParsedNotes, list[_Draft]] | None:
    """The notes read and every question's draft made by this process and a helper from
    the start (`quiz.ecosystem.importsplit`), or None when the notes cannot be cut in two
    parts that read as the whole (then nothing was done)."""
    parts = cut_notes(text)
    if parts is None:
        return None
    return read_and_plan(*parts, prepare)


def _jobs(
    parsed: ParsedNotes, pack_dir: Path, pack: str, topic: str, *, by_section: bool
) -> list[_Job]:
    """One job per question, in order, with its topic folder (its numbered section's, when
    `by_section` and it has one, else `topic`): worked out once per section."""
    jobs: list[_Job] = []
    folders: dict[str | None, tuple[str, Path]] = {}  # section -> (topic, folder), once each
    for question in parsed.questions:
        where = folders.get(question.section)
        if where is None:
            question_topic = topic
            if by_section and question.section:
                question_topic = kebab(question.section) or topic
            where = folders[question.section] = (question_topic, pack_dir / question_topic)
        jobs.append(_Job(question, *where, pack))
    return jobs


def _guessed_work(jobs: Sequence[_Job], shared: _Shared) -> Callable[[int], _Draft]:
    """The draft of job i, made with the id it gets if every question before it makes a
    card (for planning out of order: the caller redoes, `_Draft.id_choice`, the rare card
    whose id turns out otherwise, because an earlier question gave no card after all)."""
    guessed = _kept_ids(jobs)
    guesses: list[str | None] = []  # the first ones, made as far as a job asks

    def work(index: int) -> _Draft:
        while len(guesses) <= index:
            job = jobs[len(guesses)]
            if not job.question.title:  # no title, no card: it takes no id
                guesses.append(None)
                continue
            name = job.kept_id or _unique_name(job.base_id, job.target_dir, guessed, shared.taken)
            guessed.add(name)
            guesses.append(name)
        guess = guesses[index]
        assert guess is not None, "a question without a title asks for no id"
        return _plan_job(jobs[index], shared, _given(guess, jobs[index].target_dir))

    return work


def _drafts_split(jobs: Sequence[_Job], shared: _Shared) -> list[_Draft]:
    """Every job's draft, planned by this process and a forked helper together
    (`_guessed_work`)."""
    work = _guessed_work(jobs, shared)
    return parallel.map_split(
        work, range(len(jobs)), min_items=SPLIT_MIN_QUESTIONS, handover=_handover(jobs)
    )


_PackedDraft = tuple[
    tuple[str, str, tuple[str, ...], bool] | None,
    str,
    list[tuple[str, str, int]],
    tuple[str, str] | None,
]
"""A draft as a helper hands it over: its card without the question and the path (both
made again from the job, which this process has), its reason, notes and id choice."""


def _handover(jobs: Sequence[_Job]) -> parallel.Handover:
    """How a helper hands drafts over: without the question (the job's, here already) and
    with ids for paths, about a quarter of the time to load the pickle of the whole draft,
    which this process waits for."""

    def pack(draft: _Draft) -> _PackedDraft:
        card = draft.planned
        packed_card = (
            None if card is None else (card.card_id, card.text, card.key_points, card.replaces)
        )
        return packed_card, draft.reason, draft.notes, draft.id_choice

    def unpack(index: int, packed: _PackedDraft) -> _Draft:
        job = jobs[index]
        card, reason, notes, choice = packed
        planned = None
        if card is not None:
            card_id, text, points, replaces = card
            planned = PlannedCard(
                AskedAt.of(job.question), card_id, job.target_dir, text, points, replaces
            )
        return _Draft(planned, reason, notes, choice)

    return pack, unpack


def _plan_card(
    question: NoteQuestion,
    *,
    notes_path: Path,
    line_of: Callable[[str, int], int],
    pack: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    target_dir: Path,
    choose_id: Callable[[str], tuple[str, Path]],
    base_id: str,
    folders: dict[Path, bool],
) -> tuple[PlannedCard | None, str, list[tuple[str, str, int]]]:
    """One card, or (None, why not), plus notices as (group, text). `choose_id` gives the
    card's id and path from `base_id`, the id its title makes (asked only once the card is
    made)."""
    notes: list[tuple[str, str, int]] = []
    if not question.title:
        return None, "the question has no title", notes
    stripped = strip_html(question.answer)
    # An answer with `$` math is usually left as it is by `_prepare`, whose scan of the
    # formulas is a parse of the answer: that is found out from the card body's parse
    # instead (then the scan is not needed), and `_prepare` runs only when it would
    # change something.
    # Likewise `demote_headings` parses an answer with a line starting with `#` (most
    # often a comment in code) to find its headings: the card body's parse tells whether
    # it has a `#` or `##` heading, and only then is the answer demoted and parsed again.
    deferred = "$" in stripped and "\\(" not in stripped and "\\[" not in stripped
    raw: list[str] = []
    if deferred:
        answer, escaped = stripped.strip("\n"), 0
    else:
        answer, raw, escaped = _prepare_math(stripped, demote=False)
    if not answer.strip():
        if question.subquestions:
            return (
                None,
                f"no answer of its own: it introduces "
                f"{counted(question.subquestions, 'nested question')}, which carry its text "
                "as context",
                notes,
            )
        return None, "no answer under the question", notes
    if not question.marker:
        notes.append(
            ("no-marker", "no answer marker; the whole text under the question is the answer", 0)
        )
    if question.images:
        shown = ", ".join(question.images[:3]) + (" ..." if len(question.images) > 3 else "")
        notes.append(("images", f"its images are left out ({shown}): import reads text only", 0))
    if question.reverse:
        notes.append(
            (
                "reverse",
                "its reversed card (asked from the answer) is not made: import makes the card"
                " asked from the front only",
                0,
            )
        )
    if question.sounds:
        shown = ", ".join(question.sounds[:3]) + (" ..." if len(question.sounds) > 3 else "")
        notes.append(("sounds", f"its sounds are left out ({shown}): import reads text only", 0))
    if question.embeds:
        shown = ", ".join(question.embeds[:3]) + (" ..." if len(question.embeds) > 3 else "")
        notes.append(
            ("embeds", f"its embeds are left out ({shown}): import reads this file's text only", 0)
        )
    prompt, raw_prompt, more = _prepare(question.prompt) if question.prompt else ("", [], 0)
    context, raw_context, context_escaped = (
        _prepare(question.context) if question.context else ("", [], 0)
    )
    raw_prompt = [*raw_context, *raw_prompt]
    more += context_escaped
    title_text, raw_title, title_escaped = _prepare(as_question(question.title))
    more += title_escaped
    # The body is parsed once: its answer part gives the key points, and the whole is
    # what parse_card splits into sections. The text of the question this one is nested
    # in comes first in the question: it sets the scene.
    question_text = "\n\n".join(part for part in (context, title_text, prompt) if part)
    body, env, body_tokens, answer_tokens = _parsed_body(question_text, answer)
    if not _no_high_headings(answer, answer_tokens):
        flat = answer
        if deferred:
            answer = demote_headings(stripped).strip("\n")
        else:
            answer, raw, escaped = _prepare_math(stripped)
        if answer != flat:
            body, env, body_tokens, answer_tokens = _parsed_body(question_text, answer)
    math_scan = _math_as_is(body, body_tokens, answer_tokens) if deferred else None
    if deferred and math_scan is None:
        answer, raw, escaped = _prepare_math(stripped)
        body, env, body_tokens, answer_tokens = _parsed_body(question_text, answer)
    escaped += more
    for latex in [*raw_title, *raw_prompt, *raw]:
        line = line_of(latex, question.line)
        flat = " ".join(latex.split())
        short = flat if len(flat) <= 60 else flat[:57] + "..."
        notes.append(
            ("raw-latex", f"formula kept as raw LaTeX (the terminal cannot show it): {short}", line)
        )
    if escaped:
        notes.append(
            (
                "dollars",
                f"escaped {escaped} "
                + plural(escaped, "'$' sign that opens", "'$' signs that open")
                + " no math",
                0,
            )
        )
    points = key_points(answer, answer_tokens)
    short_answer = len(points) < MIN_POINTS and is_short_answer(answer, answer_tokens)
    if short_answer:  # its whole statements are its 1-2 points; a one-item "- Adam" is none
        points = [point for point in points if is_statement(point)]
    if short_answer and not points and len(" ".join(answer.split())) > MAX_POINT_CHARS:
        # Long, yet no point: its sentences are over a key point's length, not too short.
        return (
            None,
            f"the answer has no statement of at most {MAX_POINT_CHARS} characters (a key "
            "point's limit) with a clause that stands alone; split it into shorter sentences",
            notes,
        )
    if short_answer and not points:
        return (
            None,
            "the answer is too short for a key point (no statement of three words or more "
            "in it); write the answer as a sentence" + _indented_hint(answer, answer_tokens),
            notes,
        )
    if len(points) < MIN_POINTS and not short_answer:
        return (
            None,
            f"the answer is too short for {MIN_POINTS} key points (found "
            f"{counted(len(points), 'whole statement')}), and only an answer of at most two sentences of prose may have "
            "fewer; add list items, bold 'Term:' lines or sentences to it"
            + _indented_hint(answer, answer_tokens),
            notes,
        )
    card_id, path = choose_id(base_id)
    number = question.number if question.number is not None else question.ordinal
    data, yaml_text = front_matter(
        card_id=card_id,
        title=card_title(_plain_title(question.title)),
        topic=topic,
        tags=list(dict.fromkeys([*tags, *question.tags])) if question.tags else tags,
        difficulty=difficulty,
        source=f"{notes_path.name} Q{number}",
        points=points,
    )
    # Checked as lint would read the file, from the data rather than by reading the YAML
    # back: the safe dumper's text loads as the data it was given. The plain check
    # settles nearly every card without the card models (pydantic); a card it is not
    # sure of gets the full check, whose first problem is the reason given.
    inline_parsed = not env.get("references")  # math_scan was made so too
    if not plainly_clean(
        data, body, body_tokens, path, topic, inline_parsed=inline_parsed, math_scan=math_scan
    ):
        from quiz.bank.parse import card_from_data

        card, problems = card_from_data(
            data,
            yaml_text,
            body,
            path,
            pack,
            topic,
            tokens=body_tokens,
            inline_parsed=inline_parsed,
            math_scan=math_scan,
        )
        if card is None:
            return None, f"the card would not pass lint: {problems[0].message}", notes
    text = f"---\n{yaml_text}---\n{body}"
    size = len(text) if text.isascii() else len(text.encode("utf-8"))
    if size > _CARD_LIMIT:  # the app and lint would refuse the file, unread
        return (
            None,
            f"the card would be {describe_size(size)}, over a card file's limit of "
            f"{describe_size(_CARD_LIMIT)} (the app would not load it); split the question "
            "or its answer",
            notes,
        )
    folder = folders.get(target_dir)
    if folder is None:
        folder = folders[target_dir] = target_dir.is_dir()
    replaces = folder and path.exists()
    asked = AskedAt.of(question)
    return PlannedCard(asked, card_id, target_dir, text, tuple(points), replaces), "", notes


def _plain_title(title: str) -> str:
    """The list title: plain text, since lists and card headings show it as is. Math is
    shown as the app shows formulas, in Unicode (`$\\nabla_\\theta L$` -> `∇_θ L`; raw
    LaTeX without its `$` read as the title's words went missing), or as its LaTeX when it
    has no faithful text form; code as its text (no backticks)."""
    return _title_text(title, with_math=True)


@lru_cache(maxsize=16)
def _title_pieces(title: str) -> tuple[tuple[str, str], ...]:
    """(type, content) of a title's inline tokens; cached because the id and the list
    title of one card read the same title one after the other."""
    if not _MARKUP.search(title):  # nothing the inline parser would read as markup
        return (("text", title),)
    tokens = parse_inline(title, latex_delimiters=True)
    return tuple((c.type, c.content) for c in (tokens[0].children or () if tokens else ()))


def _title_text(title: str, *, with_math: bool) -> str:
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
        elif kind in ("math_inline", "math_inline_double"):
            latex = content.strip()
            parts.append((latex_to_unicode(latex) or latex) if with_math else " ")
    return " ".join("".join(parts).split())  # whitespace runs as one space (re's `\s`)


class WritingStopped(KeyboardInterrupt):
    """Ctrl-C stopped `write_plan` between two card files: how many of them it wrote."""

    def __init__(self, cards: int, total: int) -> None:
        super().__init__(cards, total)
        self.cards = cards
        self.total = total


def write_plan(plan: ImportPlan) -> list[Path]:
    """Write the plan's pack.yaml (when new) and cards; returns the files written. Ctrl-C
    or `kill` meanwhile stops it between two files, never inside one (`held_between_files`;
    Ctrl-C as WritingStopped): the next import of the same notes finds the cards written
    and writes the rest."""
    written: list[Path] = []
    cards = (*plan.cards, *(moved.card for moved in plan.renumbered))
    try:
        _write_files(plan, cards, written)
    except KeyboardInterrupt as stop:
        done = len(written) - (plan.pack_dir / PACK_FILE in written)
        raise WritingStopped(done, len(cards)) from stop
    return written


def _write_files(plan: ImportPlan, cards: Sequence[PlannedCard], written: list[Path]) -> None:
    """`write_plan`'s files, each appended to `written` once whole."""
    with held_between_files() as stop_if_asked:
        if plan.pack_yaml is not None and plan.cards:
            plan.pack_dir.mkdir(parents=True, exist_ok=True)
            _write_new(plan.pack_dir / PACK_FILE, plan.pack_yaml)
            written.append(plan.pack_dir / PACK_FILE)
        made: set[Path] = set()  # each topic folder is made once, not asked again per card
        for card in cards:
            stop_if_asked()
            folder = card.path.parent
            if folder not in made:
                folder.mkdir(parents=True, exist_ok=True)
                made.add(folder)
            _write_new(card.path, card.text)
            written.append(card.path)


_WRITE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_TRUNC
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
)
"""A card's file is opened without following a link in its place and without waiting
for a FIFO's reader (`odd_target` refused both when the plan was made; this holds when
one appears since)."""


def _write_new(path: Path, text: str) -> None:
    """`path.write_text(text, encoding="utf-8")` with the bytes handed to the file at once
    (no text layer: it asks the file about buffering and seeking first, per card).

    Only ever into a regular file: DrillbitError, naming the path, for a link in its
    place, a FIFO, a folder (or any file that cannot be written)."""
    data = text.encode("utf-8")
    try:
        fd = os.open(path, _WRITE, 0o666)
    except OSError as exc:
        raise DrillbitError(
            f"{path}: not written: {_open_failure(path, exc)}", title="import"
        ) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise DrillbitError(
                f"{path}: not written: {file_kind(mode)}, not a regular file", title="import"
            )
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _open_failure(path: Path, error: OSError) -> str:
    """Why a card's file could not be opened for writing, in words."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISLNK(mode):
        return "a symbolic link; import never writes through one"
    if mode and not stat.S_ISREG(mode):
        return f"{file_kind(mode)}, not a regular file"
    return str(error.strerror or error)
