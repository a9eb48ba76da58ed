"""Turn Markdown interview notes into `concept` card files that pass `drillbit lint`.

`plan_import` decides everything (ids, paths, card text, what is skipped and why)
without touching the disk, so `--dry-run` shows exactly what `write_plan` would write.
Each planned card is checked by the bank's own parser before it is accepted (from its
front matter data and parsed body, as `parse_card` would read the file): a card this
module writes is a card the loader loads.

"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import TypeVar

from quiz.bank import parallel
from quiz.bank.index import PACK_FILE as PACK_FILE  # the loader's name, without its models
from quiz.ecosystem.ankiheader import suffix_separator, tab_separated
from quiz.ecosystem.ankitext import parse_anki_text
from quiz.ecosystem.cardfront import pack_yaml_text
from quiz.ecosystem.cardids import KEBAB_NAME, IdsInUse, kebab, unique_id, unique_name
from quiz.ecosystem.clozecards import split_clozes
from quiz.ecosystem.existingcards import (
    card_changes,
    exists_reason,
    in_bank_elsewhere,
    left_cards,
    odd_target,
    same_card,
)
from quiz.ecosystem.importlimit import check_questions
from quiz.ecosystem.importplan import (
    ImportPlan,
    Notice,
    PlannedCard,
    Renumbered,
    Skipped,
    question_label,
)
from quiz.ecosystem.importreport import REPEATED
from quiz.ecosystem.keptids import keep_earlier_ids
from quiz.ecosystem.kindchange import kind_change_reason
from quiz.ecosystem.linenames import place_of
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.notes.plainquestions import question_paragraphs_hint
from quiz.ecosystem.notes.quizletrows import quizlet_hint
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.planjobs import (
    Draft,
    Job,
    Shared,
    drafts_split,
    early_split_pays,
    given_id,
    guessed_work,
    handover_of,
    jobs_of,
    kept_ids,
    plan_job,
    read_in_two,
    split_pays,
)
from quiz.ecosystem.remnote import UNANSWERED, answered_multi
from quiz.ecosystem.semicolonrows import CHOOSE, rows_on_one_line
from quiz.ecosystem.tagrepair import repaired_said, repaired_tags
from quiz.ecosystem.takeoff import TakenOff, read_properties, take_off, taken_off_notices
from quiz.ecosystem.writeplan import WritingStopped as WritingStopped  # the CLI's entry points
from quiz.ecosystem.writeplan import write_plan as write_plan
from quiz.gcpause import gc_paused

_T = TypeVar("_T")


DEFAULT_DIFFICULTY = 2


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


KEBAB_SAID = "lowercase letters and digits joined by '-'"
"""What kebab-case is, as a bad --pack, --topic or --tag is told."""


def validate_names(pack: str, topic: str) -> None:
    """Raise ValueError when the pack or topic is not a kebab-case folder name."""
    for what, value in (("pack", pack), ("topic", topic)):
        if not KEBAB_NAME.match(value):
            raise ValueError(f"{what} '{value}' must be kebab-case ({KEBAB_SAID})")


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
    question (`keep_old_ids`) without reading its file.
    ValueError for a bad pack/topic/tag name, or a pack name taken elsewhere.

    The story, a step each: take off what is the notes' and no question's (`takeoff.take_off`),
    name the pack and topic (`_pack_and_topic`), find the questions and plan their ids
    (`_read_questions`), make and check each card and compare it with the file already
    there (`_place_card`), and say what gave nothing (`_nothing_found`).
    """
    notes_text = text if text is not None else notes_path.read_text(encoding="utf-8")
    off = take_off(notes_text, notes_path.suffix)
    notes_text = off.text
    pack_name, topic_name = _pack_and_topic(notes_path, content_dir, pack, topic, taken_packs)
    for tag in tags:
        if not KEBAB_NAME.match(tag):
            raise ValueError(f"tag '{tag}' must be kebab-case ({KEBAB_SAID})")
    tags = tuple(dict.fromkeys([*tags, *off.front.tags, *off.tag_lines.tags]))
    # Thousands of cards' tokens and texts are built and dropped here, none in a cycle:
    # reference counting frees them, and the collector's full passes over everything
    # alive (a tenth of the time on 1 MB of notes) are held until the plan is made.
    with gc_paused():
        pack_dir = content_dir / pack_name
        taken = dict(taken_ids or {})
        shared = Shared(
            notes_path, notes_text, pack_name, tuple(tags), difficulty, taken, taken_titles or {}
        )
        anki = off.anki  # decided once, for the take-off and the reader alike
        parsed, jobs, drafts = _read_questions(
            shared,
            anki,
            pack_dir,
            topic_name,
            by_section=topic is None,
            read=partial(_as_read, off),
        )
        read_properties(off, parsed)  # the property lines the reader left out, named
        used = IdsInUse(kept_ids(jobs))  # no other question takes a card's id kept from before
        questions_seen = len(jobs)  # a cloze note kept as one card is one
        job_folders = {job.target_dir for job in jobs}
        found = bool(parsed.questions)
        # The jobs hold the questions now, and let each go once its card is made (below):
        # the cards made hold no question, so the notes' answers are not held to the end.
        parsed = replace(parsed, questions=())
        ready: Iterator[Draft | None] = repeat(None, questions_seen)
        if drafts is not None:
            drafts_in_turn = _let_go(drafts)  # inferred as drafts, not as drafts or None
            ready = drafts_in_turn
        unanswered = {(line, line) for line, _ in off.remnote.unanswered}
        placed = _Placed(
            skipped=[
                Skipped(
                    i.line,
                    f"'{i.text}'",
                    off.anki_blocks.after_end(i.rule, i.line, i.last)
                    or off.sr_cards.after_card(i.rule, i.line, i.last)
                    or i.reason,
                    place_of(notes_path, i.line),
                )
                for i in parsed.ignored
                if (i.line, i.last or i.line) not in unanswered
            ],
            notices=taken_off_notices(off, notes_path, topic_name),
        )
        for job, draft_made in zip(_let_go(jobs), ready, strict=True):
            _place_question(job, draft_made, shared, pack_dir, force, used, placed)
    placed.skipped.extend(
        Skipped(line, f"'{front} >>>'", UNANSWERED, place_of(notes_path, line))
        for line, front in off.remnote.unanswered
    )
    nothing = _nothing_found(notes_text, notes_path, found, anki)
    if nothing is not None:
        placed.skipped.append(nothing)
    new_pack = not (pack_dir / PACK_FILE).exists()
    return ImportPlan(
        notes=notes_path,
        pack=pack_name,
        topic=topic_name,
        pack_dir=pack_dir,
        pack_yaml=pack_yaml_text(pack_name, notes_path, parsed) if new_pack else None,
        cards=tuple(placed.cards),
        skipped=tuple(sorted(placed.skipped, key=lambda s: s.line)),
        # by line, as the notes read: the front matter's and the indented blocks' notes
        # were made before the questions' and came first wherever they were
        notices=tuple(sorted(placed.notices, key=lambda notice: notice.line)),
        questions_seen=questions_seen,
        sections=tuple(
            Skipped(s.line, f"'{s.text}'", s.reason, place_of(notes_path, s.line))
            for s in parsed.sections
        ),
        unchanged=tuple(placed.unchanged),
        renumbered=tuple(placed.renumbered),
        left=left_cards(job_folders, placed.planned_names, notes_path.name),
    )


def _pack_and_topic(
    notes_path: Path,
    content_dir: Path,
    pack: str | None,
    topic: str | None,
    taken_packs: Mapping[str, Path] | None,
) -> tuple[str, str]:
    """The pack and topic the cards go in, checked before any card is made: a name that is
    no folder name, or a pack that is already another folder, would make cards no load
    reads."""
    pack_name = pack if pack is not None else default_pack(notes_path, content_dir)
    topic_name = (
        topic if topic is not None else (pack_name if KEBAB_NAME.match(pack_name) else "general")
    )
    validate_names(pack_name, topic_name)
    elsewhere = (taken_packs or {}).get(pack_name)
    if elsewhere is not None and elsewhere.resolve() != (content_dir / pack_name).resolve():
        raise ValueError(
            f"pack '{pack_name}' is already at {elsewhere}: the app would load neither a "
            "second pack of that name nor its cards; choose another name with --pack"
        )
    return pack_name, topic_name


def _read_questions(
    shared: Shared,
    anki: bool,
    pack_dir: Path,
    topic_name: str,
    *,
    by_section: bool,
    read: Callable[[ParsedNotes], ParsedNotes],
) -> tuple[ParsedNotes, list[Job], list[Draft] | None]:
    """The notes' questions as jobs (each with its topic, folder and the id kept from an
    earlier import), and their cards drafted ahead when two processes pay: long notes are
    read in two halves at once (`read_in_two`), many questions planned in two (`drafts_split`).
    What was read is as the take-off read it (`read`: `_as_read`).
    """
    notes_path, notes_text, pack_name = shared.notes_path, shared.notes_text, shared.pack
    jobs: list[Job] = []

    def prepare(notes: ParsedNotes) -> tuple[Callable[[int], Draft], parallel.Handover]:
        jobs[:] = jobs_of(notes, pack_dir, pack_name, topic_name, by_section=by_section)
        jobs[:] = keep_earlier_ids(jobs, shared)
        return guessed_work(jobs, shared), handover_of(jobs)

    early = (
        read_in_two(notes_text, prepare, read)
        if not anki and early_split_pays(notes_text)
        else None
    )
    if early is not None:  # the notes read and the cards planned by two processes
        parsed, drafts = early
        return parsed, jobs, drafts
    parsed = (
        parse_anki_text(notes_text, suffix_separator(notes_path.suffix))
        if anki
        else read(parse_notes(notes_text))
    )
    if anki:  # a cloze note's numbers each (notes read otherwise are checked by `read`)
        check_questions(len(parsed.questions), card_list=True)
    jobs = jobs_of(parsed, pack_dir, pack_name, topic_name, by_section=by_section)
    jobs = keep_earlier_ids(jobs, shared)
    return parsed, jobs, drafts_split(jobs, shared) if split_pays(len(jobs)) else None


def _as_read(off: TakenOff, parsed: ParsedNotes) -> ParsedNotes:
    """The questions as the take-off read them: a cloze note of several deletions a
    question per deletion (`split_clozes`), a RemNote `Front >>>` card's answer its lines
    under it, as it reads (`answered_multi`). More than one import plans are refused here,
    before any card is made (by this process, when two read the notes: the helper is
    stopped)."""
    parsed = answered_multi(parsed, off.remnote.multi)
    parsed = split_clozes(parsed, off.cloze_sources)
    check_questions(len(parsed.questions), card_list=False)
    return parsed


def _draft_of(job: Job, draft_made: Draft | None, shared: Shared, used: set[str]) -> Draft:
    """A question's card with its id: made here when no other process made it, or made
    again when the id it was guessed under is not its id after all (an earlier question
    with the same title gave no card)."""
    taken = shared.taken
    if draft_made is None:
        unique: Callable[[str], tuple[str, Path]]
        if job.kept_id is not None:
            unique = given_id(job.kept_id, job.target_dir)
        else:
            unique = partial(unique_id, target_dir=job.target_dir, used=used, taken=taken)
        return plan_job(job, shared, unique)
    draft = draft_made
    if draft.id_choice is not None:
        base, guess = draft.id_choice
        name = job.kept_id or unique_name(base, job.target_dir, used, taken)
        if name != guess:
            draft = plan_job(job, shared, given_id(name, job.target_dir))
    return draft


@dataclass
class _Placed:
    """Where each question went: a card to write, one already in its file (unchanged or
    only renumbered), or no card and why; and what is worth telling."""

    skipped: list[Skipped]
    notices: list[Notice]
    cards: list[PlannedCard] = field(default_factory=list)
    unchanged: list[PlannedCard] = field(default_factory=list)
    renumbered: list[Renumbered] = field(default_factory=list)
    planned_names: set[tuple[Path, str]] = field(default_factory=set)
    """(folder, id) of every card a question gives, written or not."""
    folder_problems: dict[Path, str | None] = field(default_factory=dict)
    """Why a topic folder can take no card, asked once per folder (`odd_target`)."""
    first_lines: dict[bytes, int] = field(default_factory=dict)
    """The line of each question and answer first met (`_repeat_of`)."""


def _repeat_of(job: Job, placed: _Placed) -> str | None:
    """Why a question gives no card when the notes said it before, word for word (its
    question, answer, tags and folder; a note pasted twice, two files joined): the same
    card twice, `what-is-x` and `what-is-x-2`, split its reviews. None for its first time,
    and for a note of drillbit's own export (its card id is its own)."""
    question = job.question
    if question.card_id is not None:
        return None
    said = (str(job.target_dir), question.title, question.prompt, question.answer,
            str(question.cloze), "\x1f".join(question.tags), question.cited)  # fmt: skip
    # a digest, not the texts: the plan lets each question's answer go once its card is made
    key = hashlib.blake2b("\x00".join(said).encode("utf-8", "surrogatepass"), digest_size=16)
    first = placed.first_lines.setdefault(key.digest(), question.line)
    if first == question.line:
        return None
    return f"{REPEATED} {first}: one card is made of them"


def _place_question(
    job: Job,
    draft_made: Draft | None,
    shared: Shared,
    pack_dir: Path,
    force: bool,
    used: set[str],
    placed: _Placed,
) -> None:
    """One question's turn: a question whose card is elsewhere in the bank gives none, the
    rest get their card made and checked (`_draft_of`, with what is worth telling of it)
    and placed against the file already there (`_place_card`)."""
    notes_path = shared.notes_path
    question = job.question
    label = question_label(question)
    where = place_of(notes_path, question.line)
    in_bank = in_bank_elsewhere(question, shared.taken, pack_dir)
    if in_bank is not None:
        placed.skipped.append(Skipped(question.line, label, in_bank, where))
        return
    repeated = _repeat_of(job, placed)
    if repeated is not None:
        placed.skipped.append(Skipped(question.line, label, repeated, where))
        return
    draft = _draft_of(job, draft_made, shared, used)
    notes = draft.notes
    if job.kept_whole:
        notes = [*notes, ("one-cloze-card", _one_cloze_card(job), 0)]
    placed.notices.extend(
        Notice(
            line or question.line,
            label,
            note,
            group,
            place_of(notes_path, line or question.line),
        )
        for group, note, line in notes
    )
    planned = draft.planned
    if planned is None:
        placed.skipped.append(Skipped(question.line, label, draft.reason, where))
        return
    used.add(planned.card_id)
    placed.planned_names.add((planned.folder, planned.card_id))

    def made_before() -> bool:
        """Whether the file differing from the card is this note's card as an import
        before its own fields were read made it, then said so (`_made_before_own_fields`)."""
        older = _made_before_own_fields(job, shared, planned)
        if older is not None:
            placed.notices.append(Notice(question.line, label, older, "own fields", where))
            return True
        lost = repaired_tags(planned, shared.pack)  # an older rule removed `<s>`, unedited
        if lost:
            said = repaired_said(lost)
            placed.notices.append(Notice(question.line, label, said, "tags kept", where))
        return bool(lost)

    def refused(differs: tuple[str, ...]) -> str:
        """Why the card is not written over its file: another kind of card's, for a note of
        drillbit's own export whose kind changed (`kind_change_reason`), else as any."""
        changed = kind_change_reason(planned, shared.pack, differs) if question.card_id else None
        return changed or exists_reason(planned, differs)

    why_not = _place_card(planned, job.target_dir, shared.pack, force, placed, made_before, refused)
    if why_not is not None:
        placed.skipped.append(Skipped(question.line, label, why_not, where))


def _place_card(
    planned: PlannedCard,
    target_dir: Path,
    pack_name: str,
    force: bool,
    placed: _Placed,
    made_before: Callable[[], bool] = lambda: False,
    refused: Callable[[tuple[str, ...]], str] | None = None,
) -> str | None:
    """Compare a made card with the file already at its path, and put it where it goes:
    a card whose file holds it is not written again, and an edited file is never
    overwritten without `force`, unless `made_before` finds it is this question's card as
    an older import made it, unedited. Why it is skipped (`refused` says it, given the
    parts that differ), or None when it is placed."""
    odd = odd_target(planned, target_dir, placed.folder_problems)
    if odd is not None:
        if planned.path.is_symlink() and same_card(planned, pack_name):
            placed.unchanged.append(planned)  # the linked file holds the card: no write
            return None
        return odd
    if planned.replaces and not force:
        differs, old_source, added, boxed, quoted = card_changes(planned, pack_name)
        if not differs and old_source is None and not added and boxed is None and not quoted:
            placed.unchanged.append(planned)
        elif not differs:
            placed.renumbered.append(Renumbered(planned, old_source, added, boxed, quoted))
        elif made_before():
            placed.cards.append(planned)
        else:
            return refused(differs) if refused is not None else exists_reason(planned, differs)
        return None
    placed.cards.append(planned)
    return None


def _made_before_own_fields(job: Job, shared: Shared, planned: PlannedCard) -> str | None:
    """What to tell when the file at a card's path is the card an earlier import made of
    this very note of drillbit's own Anki export, before its fields were read (the
    fiftieth round read its Title and KeyPoints fields, the fifty-first its kind): then
    the file holds nothing the user wrote, and the card is written over it, its id and
    reviews kept. None for any other file, which is never written over without --force."""
    question = job.question
    if question.card_id is None and question.own_kind is None:
        return None
    read_as = [replace(question, own_kind=None)] if question.own_kind is not None else []
    if question.own_title is not None or question.own_points:
        read_as.append(replace(question, own_title=None, own_points=(), own_kind=None))
    if question.read_before is not None:  # exported without its note type's name
        read_as.append(question.read_before)
    for older in read_as:
        draft = plan_job(
            replace(job, question=older), shared, given_id(planned.card_id, job.target_dir)
        )
        if draft.planned is None:
            continue
        differs, _, _, boxed, quoted = card_changes(draft.planned, shared.pack)
        if not differs and boxed is None and not quoted:
            read = [
                name
                for name, now, then in (
                    ("title", question.own_title, older.own_title),
                    ("key points", question.own_points, older.own_points),
                    ("kind", question.own_kind, older.own_kind),
                )
                if now != then
            ]
            if older is question.read_before:  # none of its fields was read as ours
                return (
                    "its file is the card an earlier import made of this note of drillbit's "
                    "own Anki export, exported without its note type's name, before the note "
                    "was told as drillbit's by its fields: written again from them, its id "
                    "and reviews kept"
                )
            one = read in (["title"], ["kind"])  # "key points" are many
            return (
                "its file is the card an earlier import made of this note of drillbit's own "
                f"Anki export, before the note's {' and '.join(read)} "
                f"{'was' if one else 'were'} read: written again with "
                f"{'it' if one else 'them'}, its id and reviews kept"
            )
    return None


def _nothing_found(notes_text: str, notes_path: Path, found: bool, anki: bool) -> Skipped | None:
    """Why a file gave no question at all, in the words its shape calls for (an Anki
    export, a blank file, notes in no shape the reader knows), or None when it gave one."""
    if not found and anki:
        return Skipped(
            1,
            "",
            "no questions found: read as an Anki plain-text export, it has no note with "
            "a question and an answer (or a cloze) in its first two fields",
            str(notes_path),
        )
    if _BLANK_NOTES.fullmatch(notes_text):  # no copy of the notes, as a strip() made
        empty = "empty" if not notes_text else "blank"
        return Skipped(1, "", f"no questions found: the file is {empty}", str(notes_path))
    if not found:
        return Skipped(
            1,
            "",
            "no questions found: expected headings like '## Q1: title', '### 3) title' "
            "or ending in '?', bold questions ('**What is X?**'), 'Q:' lines or list "
            "items (see drillbit import --help)" + _separated_hint(notes_text),
            str(notes_path),
        )
    return None


def _separated_hint(notes_text: str) -> str:
    """What to do with a card list the reader did not take for one: tab-separated lines in
    a file of another suffix, or lines parted by `;` (Quizlet's custom separator), which no
    suffix gives, but Anki's header line does. Quizlet's rows all on one line with a comma
    in each (Comma and Semicolon chosen) are told to be exported again: the header would
    read the line as one note."""
    if rows_on_one_line(notes_text, ",") is not None:
        return (
            "; its rows are on one line, parted by ';', a ',' between term and definition "
            f"(Quizlet's export with Comma and Semicolon), which is read as no card list: {CHOOSE}"
        )
    if tab_separated(notes_text):
        return (
            "; its lines are tab-separated: an Anki plain-text export is read from a "
            ".txt file, or any file starting with Anki's '#separator:tab' line"
        )
    if tab_separated(notes_text, ";"):
        return (
            "; its lines are parted by ';' (a card list such as Quizlet's export with a "
            "custom separator): add the line '#separator:semicolon' at its top, Anki's "
            "header, and import it again"
        )
    # ` - ` rows in a `.md`, read from a `.txt` only; plain paragraphs under a question line
    return quizlet_hint(notes_text) or question_paragraphs_hint(notes_text)


def _let_go(items: list[_T]) -> Iterator[_T]:
    """Each item in order, the list letting go of it as it is given (emptied at the end):
    a plan's questions and drafts are freed one by one as their cards are made."""
    items.reverse()
    while items:
        yield items.pop()


_BLANK_NOTES = re.compile(r"[\ufeff \t\r\n]*")
"""Notes with no text: blank lines, a byte-order mark."""


def _one_cloze_card(job: Job) -> str:
    """The note for a cloze note kept as the one card it was imported as."""
    return (
        f"a cloze note with {job.kept_whole} numbers, imported before as one card with "
        f"every deletion hidden ({job.kept_id}): kept so, with its reviews; delete its file "
        f"and import again for one card per number, as Anki makes them"
    )
