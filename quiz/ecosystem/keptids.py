"""Cards imported before keep their ids: a question whose card exists under the id
an older rule made (or a cloze note kept as one card) is matched to that file.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import yaml

from quiz.ecosystem.ankisource import cited_part
from quiz.ecosystem.cardids import (
    base_id_of,
    card_id_for,
    card_title,
    legacy_card_id_for,
    old_base_ids,
    plain_title,
)
from quiz.ecosystem.cardplan import CARD_FILE_LIMIT
from quiz.ecosystem.existingcards import BOXES
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.planjobs import Job, Shared, kept_ids


def _same_legacy_id(title: str) -> bool:
    """True when the title surely makes the same id by both rules: ASCII with no formula,
    code or escape (the words are the same, and so is the filler dropped)."""
    return title.isascii() and not any(mark in title for mark in "$`\\")


_SUFFIX = re.compile(r"-[2-9][0-9]*$|-1[0-9]+$")
"""The `-2`, `-3`... an id gets to be unique (`unique_name`)."""


def keep_earlier_ids(jobs: list[Job], shared: Shared) -> list[Job]:
    """The jobs, each question whose card an earlier import made under another id keeping
    that card (a cloze note kept whole, an older id rule, a task box in its title)."""
    jobs = keep_retitled_ids(keep_old_clozes(keep_titles(jobs, shared), shared), shared)
    return keep_boxed_ids(keep_old_ids(jobs, shared), shared)


def keep_titles(jobs: list[Job], shared: Shared) -> list[Job]:
    """The jobs, each note of drillbit's own Anki export whose Title field is empty (the
    user cleared it in Anki, or the note was exported before the field) and whose card is
    the file at its place keeping that card's title: a card needs one, and an emptied
    field is no new title. Titled by its question's first line instead, the card "already
    exists with another title" and was skipped, or with `--force` written under that line.
    What it cites is read again after the kept title (`ankisource.cited_part`), so an
    older export's title holding ` · ` is cut whole from the Source field.

    A note whose card is not in the bank (a deck imported on another machine, or into a
    new bank) takes the title its Source field starts with (`NoteQuestion.source_title`):
    Anki shows no Title field on the card, but its back shows that Source line, title
    first, so the user still sees the title they did not change; it was titled by its
    question's first line, so the same deck gave a card two titles, one a bank with it and
    one without. A Source field written over (no ` · `) leaves the question's first line."""
    kept = list(jobs)
    for index, job in enumerate(jobs):
        question = job.question
        if question.card_id is None or question.own_title is not None:
            continue
        known = shared.taken.get(question.card_id)
        path = job.target_dir / f"{question.card_id}.md"
        title: str | None = None
        if known is not None and _same_file(known, path):
            title = shared.titles.get(question.card_id) or _card_title_of(path)
        elif known is None:
            title = question.source_title
        if not title:
            continue
        source = question.own_source
        if question.own_source_field:
            source = cited_part(question.own_source_field, title)
        kept[index] = replace(job, question=replace(question, own_title=title, own_source=source))
    return kept


def keep_retitled_ids(jobs: list[Job], shared: Shared) -> list[Job]:
    """The jobs, each Anki note's card that the title rule before titled otherwise
    (`NoteQuestion.was_title`: a `<br>` ended it, "What is the"; a deletion-only cloze
    over its formula was "[...]", its id the place-based `p-q2`) keeping the id it got
    then. Anki matches a note by its first field, which has not changed; its card is
    found here by what the rule before made of it: the file of the id its old title
    makes (by any id rule, or a -2, -3... of it) in its topic folder, titled so or, once
    retitled, as now. Its file is then written with the new title (`existingcards`,
    "retitled"). Each file once."""
    if not shared.taken:
        return jobs
    by_base: dict[str, list[str]] | None = None
    claimed = kept_ids(jobs)
    kept = list(jobs)
    for index, job in enumerate(jobs):
        question, whole = job.question, job.question.whole
        was_whole = whole.was_title if whole is not None else None
        if job.kept_id is not None or (question.was_title is None and was_whole is None):
            continue
        old = replace(
            question,
            title=question.was_title or question.title,
            whole=replace(whole, title=was_whole) if whole is not None and was_whole else whole,
        )
        if by_base is None:
            by_base = {}
            for taken_id in sorted(shared.taken, key=lambda i: (len(i), i)):
                by_base.setdefault(_SUFFIX.sub("", taken_id), []).append(taken_id)
        # its file retitled by the import before this one has the title it has now
        wanted = {card_title(plain_title(title)) for title in (old.title, question.title)}
        for base in dict.fromkeys([base_id_of(old, job.pack), *old_base_ids(old, job.pack)]):
            found = _first_titled(by_base.get(base, []), job, shared, claimed, wanted)
            if found is not None:
                claimed.add(found)
                kept[index] = replace(job, kept_id=found)
                vars(kept[index])["base_id"] = job.base_id
                break
    return kept


def keep_old_ids(jobs: list[Job], shared: Shared) -> list[Job]:
    """The jobs, each question that already has its card under the id a rule before
    made (`old_base_ids`, -2, -3... as `unique_name` gave them) keeping that id.

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
    claimed = kept_ids(jobs)
    first_open: dict[str, int] = {}  # base -> where its unclaimed candidates start
    titles: dict[tuple[str, Path], str | None] = {}  # (id, folder) -> its file's title
    kept = list(jobs)
    for index, job in enumerate(jobs):
        title = job.question.title
        if not title or job.kept_id is not None:
            continue
        if _same_legacy_id(title) and job.question.id_title is None and job.question.whole is None:
            continue
        olds = old_base_ids(job.question, job.pack)
        if not olds:
            continue
        if by_base is None:  # the bank's ids by the base they were made from
            by_base = {}
            for taken_id in sorted(shared.taken, key=lambda i: (len(i), i)):
                by_base.setdefault(taken_id, []).append(taken_id)
                base = _SUFFIX.sub("", taken_id)
                if base != taken_id:
                    by_base.setdefault(base, []).append(taken_id)
        wanted = card_title(plain_title(title))
        # a note of drillbit's own export: its card, imported before its Title field was
        # read, then written again with it (`--force`, or `importer._made_before_own_fields`),
        # has the note's title; matched by the question's alone, a new card beside it
        # took the note's CardId, and its reviews stayed with the old id
        retitled = job.question.own_title if job.question.card_id is not None else None
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
                if titles[key] == wanted or (retitled is not None and titles[key] == retitled):
                    found = candidate
                    break
            if found is not None:
                claimed.add(found)
                kept[index] = replace(job, kept_id=found)
                vars(kept[index])["base_id"] = job.base_id  # worked out already
                break
    return kept


def keep_boxed_ids(jobs: list[Job], shared: Shared) -> list[Job]:
    """The jobs, each question asked by a checked task item (`- [x] Why ...?`) whose card
    was imported while the box was a word of its title keeping that card's id.

    Such a card is `x-dropout-reduce-overfitting`, titled "[x] Why does dropout reduce
    overfitting?"; the same question now makes `dropout-reduce-overfitting`, a new card
    beside the old one, whose reviews stayed behind with its id. The id is what progress,
    backups and other machines know the card by, so the card keeps it, as a card of an
    older id rule does (`keep_old_ids`); its file is then written without the box
    (`existingcards`, "retitled"). Matched by the file's title, each file once: the file
    of the id the boxed title makes (or a -2, -3... of it) in the question's topic folder,
    whose title is the boxed one, or the question's once retitled (so the next import
    finds it unchanged). Nothing is read unless the bank has an `x-` id."""
    boxed = {taken_id for taken_id in shared.taken if taken_id.startswith("x-")}
    if not boxed:
        return jobs
    by_base: dict[str, list[str]] = {}
    for taken_id in sorted(boxed, key=lambda i: (len(i), i)):
        by_base.setdefault(_SUFFIX.sub("", taken_id), []).append(taken_id)
    claimed = kept_ids(jobs)
    kept = list(jobs)
    for index, job in enumerate(jobs):
        question = job.question
        if job.kept_id is not None or question.whole is not None or question.id_title:
            continue
        if not question.title or question.title.startswith(("[x]", "[X]")):
            continue
        boxed_title = f"{BOXES[0]}{question.title}"
        bases = dict.fromkeys([card_id_for(boxed_title), legacy_card_id_for(boxed_title)])
        candidates = [c for b in bases for c in by_base.get(b, [])]
        if not candidates:
            continue
        # its file retitled by the import before this one has the title without the box
        wanted = {card_title(plain_title(f"{box}{question.title}")) for box in ("", *BOXES)}
        found = _boxed_card(job, shared, candidates, wanted, claimed)
        if found is not None:
            claimed.add(found)
            kept[index] = replace(job, kept_id=found)
            vars(kept[index])["base_id"] = job.base_id
    return kept


def _boxed_card(
    job: Job, shared: Shared, candidates: list[str], wanted: set[str], claimed: set[str]
) -> str | None:
    """The first unclaimed candidate id whose file is in the job's folder with a boxed
    title of its question (`keep_boxed_ids`), or None."""
    return _first_titled(candidates, job, shared, claimed, wanted)


def keep_old_clozes(jobs: list[Job], shared: Shared) -> list[Job]:
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
    claimed = kept_ids(jobs)
    kept: list[Job] = []
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
            kept.append(Job(whole, job.topic, job.target_dir, job.pack, found, end - index))
        index = end
    return kept


def _old_whole_card(
    whole: NoteQuestion,
    job: Job,
    shared: Shared,
    by_base: Mapping[str, list[str]],
    claimed: set[str],
) -> str | None:
    """The id of the card file in the job's folder that holds this cloze note as one card
    (`keep_old_clozes`), or None."""
    wanted = card_title(plain_title(whole.title))
    bases = [base_id_of(whole, job.pack), *old_base_ids(whole, job.pack)]
    for base in bases:
        found = _first_titled(by_base.get(base, []), job, shared, claimed, {wanted})
        if found is not None:
            return found
    return None


def _first_titled(
    candidates: list[str], job: Job, shared: Shared, claimed: set[str], wanted: set[str]
) -> str | None:
    """The first unclaimed candidate id whose card file is in the job's folder and titled
    one of `wanted`, or None: what a boxed title and an old cloze card are known by."""
    for candidate in candidates:
        if candidate in claimed:
            continue
        path = job.target_dir / f"{candidate}.md"
        if not _same_file(shared.taken[candidate], path):
            continue
        title = shared.titles.get(candidate)
        if title is None:
            title = _card_title_of(path)
        if title in wanted:
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
        text = read_regular_text(path, limit=CARD_FILE_LIMIT, title="import")
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
