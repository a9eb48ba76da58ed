"""The questions of the notes as jobs, planned in this process or in two
(`quiz.bank.parallel`), with what every job's card needs from the import.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quiz.bank import parallel
from quiz.ecosystem.cardids import IdsInUse, base_id_of, kebab, unique_name
from quiz.ecosystem.cardplan import plan_card
from quiz.ecosystem.importplan import AskedAt, PlannedCard
from quiz.ecosystem.importsplit import read_and_plan
from quiz.ecosystem.notes.cut import cut_notes
from quiz.ecosystem.notes.found import NoteQuestion, ParsedNotes

SPLIT_MIN_BYTES = 200_000
"""From this many characters of notes (about 600 questions) they are read, not only
planned, in two processes when a core is free (`read_in_two`)."""


SPLIT_MIN_QUESTIONS = 600
"""From this many questions (about 200 KB of notes) a notes file's cards are planned in two
processes when a core is free (`quiz.bank.parallel`). The fork, the copied pages and the
hand-over cost some 50-100 ms of CPU: at 410 questions the wait was estimated at 0.80-1.04
of one process's, at 1,100 at 0.74, at 2,750 at 0.66."""


@dataclass(frozen=True)
class Shared:
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
class Job:
    """One question to plan, with the topic and folder its card goes in."""

    question: NoteQuestion
    topic: str
    target_dir: Path
    pack: str
    kept_id: str | None = None
    """The id of the card this question already has under the id rule before formulas
    were words of ids (`keep_old_ids`): the card keeps it, and its review history."""
    kept_whole: int = 0
    """For a cloze note with several numbers already imported as one card (every
    deletion hidden) before cards per number: how many cards it would give now; that
    card is kept instead (`keep_old_clozes`)."""

    @cached_property
    def base_id(self) -> str:
        """The id its title makes (`base_id_of`), worked out once for the id guess and the
        card, and only when asked (a process planning half the cards guesses half the ids)."""
        return base_id_of(self.question, self.pack)


@dataclass(frozen=True)
class Draft:
    """`plan_card`'s answer for one question, and the id it was given, if it asked for one:
    (the id its title makes, the id given)."""

    planned: PlannedCard | None
    reason: str
    notes: list[tuple[str, str, int]]
    """Notices as (group, text, line of the notes they concern, 0 for the question's)."""
    id_choice: tuple[str, str] | None


def kept_ids(jobs: Sequence[Job]) -> set[str]:
    """The ids kept from before (`Job.kept_id`): taken, for every other question."""
    return {job.kept_id for job in jobs if job.kept_id is not None}


def plan_job(job: Job, shared: Shared, choose_id: Callable[[str], tuple[str, Path]]) -> Draft:
    """`plan_card` for one job, noting the id it was given."""
    asked: list[tuple[str, str]] = []

    def choose(base: str) -> tuple[str, Path]:
        choice = choose_id(base)
        asked.append((base, choice[0]))
        return choice

    planned, reason, notes = plan_card(
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
    return Draft(planned, reason, notes, asked[0] if asked else None)


def given_id(name: str, target_dir: Path) -> Callable[[str], tuple[str, Path]]:
    """An id chooser that gives this id (and its path in `target_dir`) whatever the title
    makes; the path is made only for a question that makes a card."""
    return lambda _base: (name, target_dir / f"{name}.md")


def split_pays(questions: int) -> bool:
    """True when planning this many questions in two processes can save time now."""
    return questions >= SPLIT_MIN_QUESTIONS and parallel.can_fork()


def early_split_pays(text: str) -> bool:
    """True when reading these notes in two processes from the start can save time now."""
    return len(text) >= SPLIT_MIN_BYTES and split_pays(SPLIT_MIN_QUESTIONS)


def read_in_two(
    text: str,
    prepare: Callable[[ParsedNotes], tuple[Callable[[int], Draft], parallel.Handover]],
    read: Callable[[ParsedNotes], ParsedNotes],
) -> tuple[ParsedNotes, list[Draft]] | None:
    """The notes read and every question's draft made by this process and a helper from
    the start (`quiz.ecosystem.importsplit`), or None when the notes cannot be cut in two
    parts that read as the whole (then nothing was done)."""
    parts = cut_notes(text)
    if parts is None:
        return None
    return read_and_plan(*parts, prepare, read)


def jobs_of(
    parsed: ParsedNotes, pack_dir: Path, pack: str, topic: str, *, by_section: bool
) -> list[Job]:
    """One job per question, in order, with its topic folder (its numbered section's, when
    `by_section` and it has one, else `topic`): worked out once per section."""
    jobs: list[Job] = []
    folders: dict[str | None, tuple[str, Path]] = {}  # section -> (topic, folder), once each
    for question in parsed.questions:
        where = folders.get(question.section)
        if where is None:
            question_topic = topic
            if by_section and question.section:
                question_topic = kebab(question.section) or topic
            where = folders[question.section] = (question_topic, pack_dir / question_topic)
        jobs.append(Job(question, *where, pack))
    return jobs


def guessed_work(jobs: Sequence[Job], shared: Shared) -> Callable[[int], Draft]:
    """The draft of job i, made with the id it gets if every question before it makes a
    card (for planning out of order: the caller redoes, `Draft.id_choice`, the rare card
    whose id turns out otherwise, because an earlier question gave no card after all)."""
    guessed = IdsInUse(kept_ids(jobs))
    guesses: list[str | None] = []  # the first ones, made as far as a job asks

    def work(index: int) -> Draft:
        while len(guesses) <= index:
            job = jobs[len(guesses)]
            if not job.question.title:  # no title, no card: it takes no id
                guesses.append(None)
                continue
            name = job.kept_id or unique_name(job.base_id, job.target_dir, guessed, shared.taken)
            guessed.add(name)
            guesses.append(name)
        guess = guesses[index]
        assert guess is not None, "a question without a title asks for no id"
        return plan_job(jobs[index], shared, given_id(guess, jobs[index].target_dir))

    return work


def drafts_split(jobs: Sequence[Job], shared: Shared) -> list[Draft]:
    """Every job's draft, planned by this process and a forked helper together
    (`guessed_work`)."""
    work = guessed_work(jobs, shared)
    return parallel.map_split(
        work, range(len(jobs)), min_items=SPLIT_MIN_QUESTIONS, handover=handover_of(jobs)
    )


PackedDraft = tuple[
    tuple[str, str, tuple[str, ...], bool] | None,
    str,
    list[tuple[str, str, int]],
    tuple[str, str] | None,
]
"""A draft as a helper hands it over: its card without the question and the path (both
made again from the job, which this process has), its reason, notes and id choice."""


def handover_of(jobs: Sequence[Job]) -> parallel.Handover:
    """How a helper hands drafts over: without the question (the job's, here already) and
    with ids for paths, about a quarter of the time to load the pickle of the whole draft,
    which this process waits for."""

    def pack(draft: Draft) -> PackedDraft:
        card = draft.planned
        packed_card = (
            None if card is None else (card.card_id, card.text, card.key_points, card.replaces)
        )
        return packed_card, draft.reason, draft.notes, draft.id_choice

    def unpack(index: int, packed: PackedDraft) -> Draft:
        job = jobs[index]
        card, reason, notes, choice = packed
        planned = None
        if card is not None:
            card_id, text, points, replaces = card
            planned = PlannedCard(
                AskedAt.of(job.question), card_id, job.target_dir, text, points, replaces
            )
        return Draft(planned, reason, notes, choice)

    return pack, unpack
