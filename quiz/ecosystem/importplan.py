"""What an import plan holds: the cards it would write, what it skips and tells,
and how its report names a question of the notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quiz.ecosystem.cardids import MAX_TITLE_CHARS
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.tagtext import as_read_before


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
    kept_fields: bool = False
    """An Anki note's fields past the answer are kept after it (`NoteQuestion.kept_fields`)."""
    was_title: str | None = None
    """Its title under the rule before, when it differs (`NoteQuestion.was_title`)."""

    @classmethod
    def of(cls, question: NoteQuestion) -> AskedAt:
        """The question's place, number and title."""
        return cls(
            question.line,
            question.number,
            question.ordinal,
            question.title,
            bool(question.kept_fields),
            question.was_title,
        )


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


def question_label(question: NoteQuestion) -> str:
    """How messages name a question after its place: `Q4 'title'` when the notes number it
    (`Q4` is their own name for it), else `'title'`."""
    number = f"Q{question.number} " if question.number is not None else ""
    return f"{number}'{title_shown(question.title)}'"


def title_shown(title: str) -> str:
    """A question's title as reports quote it: at most MAX_TITLE_CHARS characters (a
    5 MB heading was printed whole, on every line that named it), a tag typed in Anki as
    the user sees it (`<s>`, held as `&lt;s&gt;`)."""
    title = as_read_before(title)
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
    """A card whose file differs from the notes only in its question's number, in tags
    the notes add to it, or in a task box its title and question held."""

    card: PlannedCard
    old_source: str | None
    """The `source` in its file (e.g. `notes.md Q3`), replaced by the card's; None when
    it is the card's."""
    added_tags: tuple[str, ...] = ()
    """The tags the card adds to its file's (`card_changes`)."""
    boxed_title: str | None = None
    """The title in its file when it is the card's with a task item's box before it
    ("[x] Why ...?", `keep_boxed_ids`): written again without it."""
    kept_fields: bool = False
    """Its answer is its file's with the note's fields past the answer added as a quote
    (`card_changes`): written again with them."""

    @property
    def renumbered(self) -> bool:
        """Its question's number is another than its file's (`notes.md Q3`, now Q4): else
        only what the note cites changed, or was not read before (an Anki note's Source)."""
        if self.old_source is None:
            return False
        return self.old_source.partition(" · ")[0].rpartition(" Q")[2] != self.number

    @property
    def number(self) -> str:
        """The question's number in the card's new `source` (`4` of `notes.md Q4`)."""
        question = self.card.question
        return question.number if question.number is not None else str(question.ordinal)
