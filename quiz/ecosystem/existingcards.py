"""The card files already where an import would write: the same card, a renumbered
one, one that differs, a place never written, and the cards the notes no longer give.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml

from quiz.ecosystem.importplan import AskedAt, PlannedCard
from quiz.ecosystem.notes.found import NoteQuestion
from quiz.ecosystem.tagtext import lost_tags
from quiz.textsafe import file_kind

_SOURCE_LINE = re.compile(r"^source:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


BOXES = ("[x] ", "[X] ")
"""A checked task item's box, as titles held it before it was read as the item's state
(`notes/blocks.without_checkbox`): "[x] Why does dropout reduce overfitting?"."""


_LEFT_READ = 64 * 1024
"""Bytes of a card file read for its `source` (front matter comes first; a longer one
is not of an import)."""


def left_cards(
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


def in_bank_elsewhere(
    question: NoteQuestion, taken: Mapping[str, Path], pack_dir: Path
) -> str | None:
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


def exists_reason(planned: PlannedCard, differs: Sequence[str]) -> str:
    """Why a card whose file differs from it is not written (without --force)."""
    if tuple(differs) == (UNREADABLE,):
        what = f" as a {UNREADABLE}"
    else:
        what = " with another " + (
            " and ".join(differs)
            if len(differs) < 3
            else ", ".join(differs[:-1]) + " and " + differs[-1]
        )
    why = _lost_tags_said(planned) if what != f" as a {UNREADABLE}" else ""
    return f"{planned.path} already exists{what} (use --force to overwrite it){why}"


def _lost_tags_said(planned: PlannedCard) -> str:
    """Why the file differs, when it lacks text written like a tag that the card keeps
    (`<eos>`, Anki's typed `&lt;s&gt;`): an import before the fifty-second round removed
    it as HTML, so the card it made is refused as any changed card is. Else ""."""
    from quiz.bank.loader import CARD_LIMIT
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular

    if "<" not in planned.text and "&lt;" not in planned.text:
        return ""
    try:
        old = read_regular(planned.path, limit=CARD_LIMIT).decode("utf-8", "replace")
    except InputFileError:
        return ""
    lost = lost_tags(planned.text, old)
    if not lost:
        return ""
    return (
        f": the notes hold {', '.join(lost)}, which the file lacks, as an import before the"
        " fifty-second round removed text written like a tag as if it were HTML (in a title,"
        " before the fifty-third); the file differs in more than that, so it is not written"
        " again without --force"
    )


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


_SOURCE_NUMBER = re.compile(r"(?P<notes>.+?) Q(?P<number>\S+)(?: · .+)?")
"""An imported card's `source`: the notes file's name and the question's number, then what
the note cites, if anything (`deck.txt Q5 · Goodfellow et al. ch. 8`)."""


UNREADABLE = "file, which does not load as a card"
"""In `card_differences`: the file at the card's path is no card the loader reads."""


def card_differences(planned: PlannedCard, pack: str) -> tuple[tuple[str, ...], str | None]:
    """`card_changes` without the tags and the box told apart: each is a part that differs."""
    differs, renumbered, _, _ = _compared(planned, pack)
    return differs, renumbered


def card_changes(
    planned: PlannedCard, pack: str
) -> tuple[tuple[str, ...], str | None, tuple[str, ...], str | None, bool]:
    """`card_differences`, and the tags the card adds to its file's: when the file has
    only some of the card's tags and none other (a card imported before an Anki note's
    tags were carried over, or before its note got more), "tags" is no part that differs
    but the tags it adds, written to the file as a changed number is. Last, the file's
    title when it is the card's with a task item's box before it ("[x] Why ...?", as a
    checked item was titled before the box was read as its state, `keep_boxed_ids`):
    "title" and "question" are then no parts that differ either, and the file is
    written again without the box. Last, whether the card's answer is the file's with an
    Anki note's fields past the answer added after it as a quote (`_quote_added`): a card
    imported before those fields were kept is written again with them, as tags added are."""
    differs, renumbered, added, boxed = _compared(planned, pack)
    quoted = "answer" in differs and _quote_added(planned)
    gone = {
        *(["tags"] if added else []),
        *(["title", "question"] if boxed else []),
        *(["answer"] if quoted else []),
    }
    kept = tuple(part for part in differs if part not in gone)
    return kept, renumbered, added, boxed, quoted


def _quote_added(planned: PlannedCard) -> bool:
    """True when the card keeps an Anki note's fields past its answer (`kept_fields`) and
    its file's answer is the card's without them: the card's answer then starts with the
    file's, and the rest is quote lines only."""
    if not planned.question.kept_fields:
        return False
    from quiz.bank.parse import parse_card

    try:
        old_text = planned.path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return False
    topic = planned.path.parent.name
    old, _ = parse_card(old_text, planned.path, "", topic, lint=False)
    new, _ = parse_card(planned.text, planned.path, "", topic, lint=False)
    if old is None or new is None:
        return False
    was, now = old.section("Answer").rstrip(), new.section("Answer").rstrip()
    if not was or not now.startswith(was) or now == was:
        return False
    rest = now[len(was) :].split("\n")
    return all(not row.strip() or row.lstrip().startswith(">") for row in rest)


def _compared(
    planned: PlannedCard, pack: str
) -> tuple[tuple[str, ...], str | None, tuple[str, ...], str | None]:
    """How the file at the planned card's path differs from the card: the parts that
    differ, in words ("title", "question", "answer", a front matter field such as "tags"),
    or (UNREADABLE,); and the file's `source` when it names the same notes file with
    another question number (`notes.md Q3` in the file, `notes.md Q4` in the notes: a
    question was inserted, removed or moved before it in notes without numbers), which
    is then no part that differs. ((), None): the file holds that very card. Then the
    tags the card adds to the file's when it has only some of them, and the file's title
    when only a task box before it and its question tells them apart (`card_changes`)."""
    from quiz.bank.loader import CARD_LIMIT
    from quiz.errors import InputFileError
    from quiz.textsafe import read_regular

    try:
        existing = read_regular(planned.path, limit=CARD_LIMIT)
    except InputFileError:
        return (UNREADABLE,), None, (), None
    if existing == planned.text.encode("utf-8"):
        return (), None, (), None  # a re-import of the same notes: no parse needed
    try:
        # a Windows editor's line ends: the card is the same (the parse would keep the CRs)
        old_text = existing.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        return (UNREADABLE,), None, (), None
    # Only for a file whose bytes differ, so the plain re-import loads no card models.
    from quiz.bank.parse import parse_card

    topic = planned.path.parent.name
    old, _ = parse_card(old_text, planned.path, pack, topic, lint=False)
    if old is None:
        return (UNREADABLE,), None, (), None
    new, _ = parse_card(planned.text, planned.path, pack, topic, lint=False)
    if new is None:
        return (UNREADABLE,), None, (), None
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
    boxed = _boxed_title(old_front.get("title"), new_front.get("title"), old_sections, new_sections)
    if boxed is None:
        boxed = _was_title(old_front.get("title"), new_front.get("title"), planned.question)
        if boxed is not None and _spaced_alike(old_sections, new_sections, "Answer"):
            differs = [part for part in differs if part != "answer"]  # a cloze's text whole
    return tuple(differs), renumbered, added, boxed


def _boxed_title(
    old: object, new: object, old_sections: Mapping[str, str], new_sections: Mapping[str, str]
) -> str | None:
    """`old` when it is `new` with a task box before it, and so is the file's question."""
    if not isinstance(old, str) or not isinstance(new, str):
        return None
    box = next((box for box in BOXES if old == f"{box}{new}"), None)
    if box is None:
        return None
    was, now = old_sections.get("Question"), new_sections.get("Question")
    if was is None or now is None:
        return None
    head = len(now) - len(now.lstrip())  # the blank line under the section's heading
    if was != now and was != f"{now[:head]}{box}{now[head:]}":
        return None
    return old


def _was_title(old: object, new: object, question: AskedAt) -> str | None:
    """`old` when it is the title the rule before gave this Anki note's card ("What is
    the", `keptids.keep_retitled_ids`): its title and question are then written anew."""
    from quiz.ecosystem.cardids import card_title, plain_title

    was = question.was_title
    if was is None or not isinstance(old, str) or old == new:
        return None
    return old if old == card_title(plain_title(was)) else None


def _spaced_alike(old: Mapping[str, str], new: Mapping[str, str], name: str) -> bool:
    """True when the section reads the same in both but for where its lines break: a
    cloze's text whole, in its answer, joined across the `<br>` its title now is."""
    was, now = old.get(name), new.get(name)
    return was is not None and now is not None and was.split() == now.split()


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
