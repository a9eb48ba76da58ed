"""Turn Markdown interview notes into `concept` card files that pass `drillbit lint`.

`plan_import` decides everything (ids, paths, card text, what is skipped and why)
without touching the disk, so `--dry-run` shows exactly what `write_plan` would write.
Each planned card is checked by the bank's own parser before it is accepted (from its
front matter data and parsed body, as `parse_card` would read the file): a card this
module writes is a card the loader loads.

"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import TypeVar

from quiz.bank import parallel
from quiz.bank.index import PACK_FILE as PACK_FILE  # the loader's name, without its models
from quiz.ecosystem.ankitext import (
    is_anki_text,
    parse_anki_text,
    suffix_separator,
    tab_separated,
)
from quiz.ecosystem.blockrefs import BlockRefs, read_block_refs
from quiz.ecosystem.cardids import KEBAB_NAME, kebab, unique_id, unique_name
from quiz.ecosystem.cardtext import pack_yaml_text
from quiz.ecosystem.existingcards import (
    card_changes,
    exists_reason,
    in_bank_elsewhere,
    left_cards,
    odd_target,
    same_card,
)
from quiz.ecosystem.footnotes import Footnotes, take_footnotes
from quiz.ecosystem.htmlboxes import read_asking_boxes
from quiz.ecosystem.importplan import (
    ImportPlan,
    Notice,
    PlannedCard,
    Renumbered,
    Skipped,
    place_of,
    question_label,
)
from quiz.ecosystem.keptids import keep_old_clozes, keep_old_ids
from quiz.ecosystem.latexenv import delimit_environments
from quiz.ecosystem.logseqcloze import LogseqClozes, read_logseq_clozes
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.notes.front import (
    NotesFront,
    read_front,
    read_notion_properties,
    read_page_properties,
)
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.notes.tabs import Untabbed, untab_prose
from quiz.ecosystem.obsidiancomments import Comments, take_comments
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
from quiz.ecosystem.srcards import (
    SrCards,
    read_sr_cards,
    tags_deck,
    untagged_cards,
    untagged_note,
)
from quiz.ecosystem.tagline import TagLines, take_tag_lines
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


def validate_names(pack: str, topic: str) -> None:
    """Raise ValueError when the pack or topic is not a kebab-case folder name."""
    for what, value in (("pack", pack), ("topic", topic)):
        if not KEBAB_NAME.match(value):
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
    question (`keep_old_ids`) without reading its file.
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
        topic if topic is not None else (pack_name if KEBAB_NAME.match(pack_name) else "general")
    )
    validate_names(pack_name, topic_name)
    elsewhere = (taken_packs or {}).get(pack_name)
    if elsewhere is not None and elsewhere.resolve() != (content_dir / pack_name).resolve():
        raise ValueError(
            f"pack '{pack_name}' is already at {elsewhere}: the app would load neither a "
            "second pack of that name nor its cards; choose another name with --pack"
        )
    for tag in tags:
        if not KEBAB_NAME.match(tag):
            raise ValueError(f"tag '{tag}' must be kebab-case")
    tags = tuple(dict.fromkeys([*tags, *front.tags, *tag_lines.tags]))
    # Thousands of cards' tokens and texts are built and dropped here, none in a cycle:
    # reference counting frees them, and the collector's full passes over everything
    # alive (a tenth of the time on 1 MB of notes) are held until the plan is made.
    with gc_paused():
        pack_dir = content_dir / pack_name
        taken = dict(taken_ids or {})
        shared = Shared(
            notes_path, notes_text, pack_name, tuple(tags), difficulty, taken, taken_titles or {}
        )
        jobs: list[Job] = []

        def prepare(notes: ParsedNotes) -> tuple[Callable[[int], Draft], parallel.Handover]:
            jobs[:] = jobs_of(notes, pack_dir, pack_name, topic_name, by_section=topic is None)
            jobs[:] = keep_old_ids(keep_old_clozes(jobs, shared), shared)
            return guessed_work(jobs, shared), handover_of(jobs)

        anki = is_anki_text(notes_text, notes_path.suffix)
        early = (
            read_in_two(notes_text, prepare) if not anki and early_split_pays(notes_text) else None
        )
        drafts: list[Draft] | None
        if early is not None:  # the notes read and the cards planned by two processes
            parsed, drafts = early
        else:
            parsed = (
                parse_anki_text(notes_text, suffix_separator(notes_path.suffix))
                if anki
                else parse_notes(notes_text)
            )
            jobs = jobs_of(parsed, pack_dir, pack_name, topic_name, by_section=topic is None)
            jobs = keep_old_ids(keep_old_clozes(jobs, shared), shared)
            drafts = drafts_split(jobs, shared) if split_pays(len(jobs)) else None
        used = kept_ids(jobs)  # no other question takes a card's id kept from before
        questions_seen = len(jobs)  # a cloze note kept as one card is one
        job_folders = {job.target_dir for job in jobs}
        found = bool(parsed.questions)
        # The jobs hold the questions now, and let each go once its card is made (below):
        # the cards made hold no question, so the notes' answers are not held to the end.
        parsed = replace(parsed, questions=())
        ready: Iterator[Draft | None] = repeat(None, questions_seen)
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
            in_bank = in_bank_elsewhere(question, taken, pack_dir)
            if in_bank is not None:
                skipped.append(Skipped(question.line, label, in_bank, where))
                continue
            if draft_made is None:
                if job.kept_id is not None:
                    unique = given_id(job.kept_id, job.target_dir)
                else:
                    unique = partial(unique_id, target_dir=job.target_dir, used=used, taken=taken)
                draft = plan_job(job, shared, unique)
            else:
                # Made with the id guessed for it; made again when that is not its id
                # after all (an earlier question with the same title gave no card).
                draft = draft_made
                if draft.id_choice is not None:
                    base, guess = draft.id_choice
                    name = job.kept_id or unique_name(base, job.target_dir, used, taken)
                    if name != guess:
                        draft = plan_job(job, shared, given_id(name, job.target_dir))
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
                    skipped.append(
                        Skipped(question.line, label, exists_reason(planned, differs), where)
                    )
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
        left=left_cards(job_folders, planned_names, notes_path.name),
    )


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
