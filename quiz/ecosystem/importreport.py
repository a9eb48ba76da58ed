"""The text `drillbit import` prints about a plan: notes grouped, skips last, then a summary.

A file of 160 questions without answer markers should say so once, not 160 times, while
every question that gave no card is still named with its place. A place in the notes is
`notes.md:12` (the path as the user gave it), first on its line as lint puts a card's, so
that an editor or a terminal jumps to it.
"""

from __future__ import annotations

import os
import shlex
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from quiz.ecosystem.ankicolumns import COLUMN_NAMES
from quiz.ecosystem.ankiquotes import UNCLOSED_QUOTE
from quiz.ecosystem.existingcards import NEVER_WRITTEN
from quiz.ecosystem.importplan import (
    AskedAt,
    ImportPlan,
    Notice,
    Renumbered,
    Skipped,
    title_shown,
)
from quiz.ecosystem.linenames import place_of
from quiz.ecosystem.notes.skips import IMAGE_ONLY
from quiz.plural import counted
from quiz.wrapping import COMMAND_INDENT, Unbroken, fold_command, fold_line

GROUP_FROM = 3
"""This many notices (or skips) of one kind are summed up on one line."""
SHOWN_LINES = 12
SHOWN_LEFT = 10
"""This many ids of cards the notes no longer give are named; the rest are counted."""

_NOTICE_GROUPS = {  # said of GROUP_FROM or more: plural
    "no-marker": "questions had no answer marker; the text under each was taken as its answer",
    "dollars": "questions had '$' signs that open no math; they were escaped as \\$",
    "raw-latex": "formulas are kept as raw LaTeX in code (the terminal cannot show them)",
    "images": "questions' images are left out: import reads a note's text only",
    "kept fields": "cards keep their Anki note's fields past the answer in words (an Extra"
    " or Notes field) after the answer as a quote: shown with it, a remark rather than a key"
    " point",
    "unread tags": "notes' last fields look like Anki's tags in a file with no header (Anki"
    " before 2.1.55 wrote them last) and are not read: add '#tags column:N' at the top to"
    " read them as tags, or '#separator:tab' to keep them after each answer",
    "reverse": "notes make a reversed card in Anki; import makes the card asked from the"
    " front only",
    "sounds": "questions' sounds are left out: import reads a note's text only",
    "cited": "notes name their source (a 'Source: ...' line, a closing 'See ... et al.', a"
    " sentence's closing '(Lin et al., 2017)' or a Source column): it is in each card's source, not its answer or key points",
    "pointer": "answers close by pointing into the notes ('See chapter 3.', 'See the figure"
    " above.'), which names no source: that sentence is left out of each card",
    "embeds": "questions' embeds (![[...]]) are left out: import reads this file's text only",
    "indented answer": "blocks of answers indented by a tab or four spaces, which Markdown "
    "reads as code, were read as prose without the indent (they look like no code)",
    "yes-no": "answers are only 'Yes.', 'No', 'True' or 'False': kept as cards, but a yes/no"
    " card teaches little without its reason; add the why after each ('Yes, because ...') and"
    " import again",
    "one-cloze-card": "cloze notes imported before as one card each, every deletion hidden, "
    "are kept so, with their reviews; delete such a card's file and import again for one "
    "card per cloze number, as Anki makes them",
}


_LISTED_GROUPS = {  # said of GROUP_FROM or more: a line, then one line each
    "missing reference": "Logseq references name blocks or pages that are not in this file "
    "(import reads this file only); each card shows:",
    "reference after a question": "Logseq references after questions are left out of them,"
    " each question keeping its own words:",
}


_NOT_QUESTIONS = frozenset(
    {
        "not a question",
        "no questions found",
        "unanswered list item",
        "text under a section",
        "unclosed block",
        "callout in no answer",
        "text after an answer",
        "introduction",
        "column names",
        "image",
    }
)


NOT_WRITTEN_OVER = frozenset({"card exists", "not a regular file", "topic folder unusable"})
"""Skips whose card's place holds something else, left as it is: the import exits 1."""
IN_BANK = "already in the bank"
"""Skips of notes of drillbit's own Anki export whose card the bank has: nothing new."""
PLACEHOLDER = "answer a placeholder"
REPEATED = "the same question and answer as line"
"""How a note the notes gave before, word for word, is said (`importer._repeat_of`)."""
_GROUPED = frozenset({"no answer", "answer too short", PLACEHOLDER, IN_BANK, *NOT_WRITTEN_OVER})
"""Skip reasons given once, with the questions they concern, when they repeat."""


def reason_key(reason: str) -> str:
    """A skip reason without its details, to count skips by reason."""
    if reason.startswith("no answer of its own"):
        return "introduces nested questions"
    if reason.startswith("no answer"):
        return "no answer"
    if reason.startswith("the answer is too short"):
        return "answer too short"
    if reason.startswith("the answer is a placeholder"):
        return PLACEHOLDER
    if reason.startswith("the answer has no statement of at most"):
        return "sentences too long"
    if reason.startswith("an Image Occlusion note"):
        return "image occlusion"
    if reason.startswith(UNCLOSED_QUOTE):
        return "quote never closed"
    if reason.startswith(("its question is only media", "its answer is only media")):
        return "media only"
    if reason.startswith("its card is already in the bank"):
        return IN_BANK
    if reason.startswith(REPEATED):
        return "repeated"
    if "already exists" in reason:
        return "card exists"
    if NEVER_WRITTEN in reason:
        return (
            "topic folder unusable"
            if reason.startswith("the topic folder")
            else "not a regular file"
        )
    if reason.startswith("not a question"):
        return "not a question"
    if reason.startswith(COLUMN_NAMES):
        return "column names"
    if reason.startswith("no questions found"):
        return "no questions found"
    if reason.startswith("one line of ") and " rows parted by ';'" in reason:
        return "rows not told apart"
    if reason.startswith("a list item ") and " with no answer in it or right below it" in reason:
        return "unanswered list item"
    if reason.startswith(("an image (", "images (")) and IMAGE_ONLY in reason:
        return "image"
    if reason.startswith("text") and " under the section " in reason:
        return "text under a section"
    if reason.startswith("text") and reason.endswith(", in no question's answer, not imported"):
        return "introduction"
    if reason.startswith("a callout in no question's answer"):
        return "callout in no answer"
    if reason.startswith("text") and (
        (" after the " in reason and "question '" in reason) or _after_rule(reason)
    ):
        return "text after an answer"
    if " is never closed, so the rest of the file " in reason:
        return "unclosed block"
    if reason.startswith("the card would not pass lint"):
        return "would not pass lint"
    if reason.startswith("the card would be ") and "over a card file's limit" in reason:
        return "card too large"
    return reason.split(":")[0].split(";")[0]


def _after_rule(reason: str) -> bool:
    """True for the reason of text after a rule (`---`) that ends an answer."""
    return reason.startswith("text") and " after the rule (" in reason  # (line 3), (cell 2, line 3)


_RULE_ENDED = "text after a rule"
"""Skips of text after rules that end answers, summed up on one line when they repeat."""


def _rule_ended_line(items: Sequence[Skipped]) -> str:
    """One line for the text after each of many rules that end answers (a footer or a
    `[Back to top]` link under every card): it was a line per card, 40 for 40 cards."""
    labels = {skip.label for skip in items}
    what = f"{items[0].label} " if len(labels) == 1 else "text "
    places = _places_list([skip.place for skip in items])
    return (
        f"skipped {what}after {len(items)} answers that a rule (---) ends, not imported "
        f"({places}); a rule after an answer's text ends it: delete a rule to keep the text "
        "after it in that answer"
    )


def _places_list(places: Sequence[str]) -> str:
    """Places parted by `, `, or by `; ` when a place holds a comma (a notebook's `cell 2,
    line 1`, where `, ` would part a place in two)."""
    parted = "; " if any(", " in place for place in places) else ", "
    shown = parted.join(places[:SHOWN_LINES])
    more = len(places) - SHOWN_LINES
    return shown + (f" and {more} more" if more > 0 else "")


def updated_line(
    moved: Renumbered,
    where: str,
    notes: Path,
    *,
    dry_run: bool,
    place: Callable[[int], str] | None = None,
) -> str:
    """The line of a card written again for its new number, its added tags or its title
    without a task box (`place`: as `asked_at`)."""
    changes = [f"was {moved.old_source}, now Q{moved.number}"] if moved.renumbered else []
    if moved.old_source is not None and not moved.renumbered:
        changes.append(f"source was '{moved.old_source}': the citation the note gives is in it now")
    if moved.added_tags:
        changes.append(f"tags added: {', '.join(moved.added_tags)}")
    if moved.boxed_title is not None and moved.card.question.was_title is not None:
        changes.append(
            f"was titled {moved.boxed_title!r}: a line break in the note is now read as"
            " in an Anki note's front; its id and reviews kept"
        )
    elif moved.boxed_title is not None:
        changes.append(
            f"was titled {moved.boxed_title!r}: a task item's box is no word of its "
            "question; its id and reviews kept"
        )
    if moved.kept_fields:
        changes.append(
            "the note's fields past the answer added after it as a quote; its id and reviews kept"
        )
    if moved.renumbered:
        action = "would renumber" if dry_run else "renumbered"
    elif moved.boxed_title is not None:
        action = "would retitle" if dry_run else "retitled"
    elif moved.added_tags:
        action = "would retag" if dry_run else "retagged"
    else:
        action = "would update" if dry_run else "updated"
    asked = asked_at(notes, moved.card.question, place)
    return f"{action} {where}{ASKED_AT}{asked} ({'; '.join(changes)})"


ASKED_AT = "  ← "
"""Between a card's file and the place of its question, on its line."""


def folded_card_line(line: str, width: int | None, unbroken: Sequence[Unbroken]) -> list[str]:
    """A card's line (`wrote PATH  ← notes.md:12 title`) as it is when it fits `width` (or
    into a pipe, `width` None, for grep); else the card's file alone on its line and
    `  ← place title` under it, folded, the place whole. An 80-column terminal cut such a
    line anywhere, a path or a file name with spaces included."""
    head, arrow, asked = line.partition(ASKED_AT)
    if width is None or len(line) <= width or not arrow:
        return [line]
    return [head, *fold_line(f"  ← {asked}", width, "    ", unbroken=unbroken)]


def asked_at(notes: Path, question: AskedAt, place: Callable[[int], str] | None = None) -> str:
    """What a card line says of its question: `notes.md:12 Q4 title` (its place, the
    notes' own number if they give one, its title). `place` names a line of the text read
    when it is not the file's own (a notebook's: `lecture.ipynb: cell 3, line 1`)."""
    number = f" Q{question.number}" if question.number is not None else ""
    where = place_of(notes, question.line) if place is None else place(question.line)
    return f"{where}{number} {title_shown(question.title)}"


def notice_lines(notices: Sequence[Notice]) -> list[str]:
    """`note:` lines, each after its place, in the notes' line order; a kind that repeats
    summed up with the places it concerns, at its first place. Grouped by kind, a kind's
    notes came together wherever the others' lines fell (line 40 before line 3)."""
    by_group: dict[str, list[Notice]] = {}
    for notice in notices:
        by_group.setdefault(notice.group, []).append(notice)
    summed = {
        group
        for group, items in by_group.items()
        if len(items) >= GROUP_FROM and (group in _NOTICE_GROUPS or group in _LISTED_GROUPS)
    }
    out: list[str] = []
    said: set[str] = set()  # summed kinds already said, at their first place
    for notice in sorted(notices, key=lambda notice: notice.line):
        group = notice.group
        if group not in summed:
            out.append(_placed(notice.place, f"note: {notice.label}: {notice.message}"))
        elif group not in said and group in _LISTED_GROUPS:
            said.add(group)
            items = by_group[group]
            out.append(f"note: {len(items)} {_LISTED_GROUPS[group]}")
            out.extend(f"  - {n.place} {n.item}" for n in items)
        elif group not in said:
            said.add(group)
            items = by_group[group]
            lines = {n.line: n.place for n in items}
            where = _places_list([lines[line] for line in sorted(lines)])
            out.append(f"note: {len(items)} {_NOTICE_GROUPS[group]} ({where})")
    return out


def skip_lines(skipped: Sequence[Skipped]) -> list[str]:
    """`skipped` lines, each naming the question after its place; a reason that repeats is
    given once with the questions it concerns. Only the very same reason is: two answers
    too short for different reasons ("no statement of three words", "found 2 whole
    statements") were listed under the first one's words. Text after rules that end
    answers, when it repeats, is one line with its places (`_rule_ended_line`)."""
    rule_ended = sum(1 for skip in skipped if _after_rule(skip.reason)) >= GROUP_FROM
    by_reason: dict[tuple[str, str], list[Skipped]] = {}
    for skip in skipped:
        if rule_ended and _after_rule(skip.reason):  # their reasons differ only in lines
            by_reason.setdefault((_RULE_ENDED, ""), []).append(skip)
        else:
            by_reason.setdefault((reason_key(skip.reason), skip.reason), []).append(skip)
    out: list[str] = []
    for (key, _), items in by_reason.items():
        if key == _RULE_ENDED:
            out.append(_rule_ended_line(items))
        elif len(items) >= GROUP_FROM and key in _GROUPED:
            out.append(f"skipped {counted(len(items), 'question')}, {key}: {items[0].reason}")
            out.extend(f"  - {' '.join(p for p in (s.place, s.label) if p)}" for s in items)
        else:
            out.extend(
                _placed(s.place, f"skipped {s.label}: {s.reason}" if s.label else s.reason)
                for s in items
            )
    return out


def left_lines(plan: ImportPlan, show: Callable[[Path], str]) -> list[str]:
    """The note on card files of the import's topic folders that these notes gave once and
    no longer do (`ImportPlan.left`): the card named with its path and old source when it
    is one, else one line with how many, their folders and their ids (the first
    `SHOWN_LEFT`, then how many more), as Anki sums up the notes an import left alone."""
    if not plan.left:
        return []
    name = plan.notes.name
    if len(plan.left) == 1:
        path, source = plan.left[0]
        return [
            f"note: {show(path)} ({source} before) is no longer in {name} (deleted, or its "
            "title edited): left as it is, with its reviews; delete the file to drop the card"
        ]
    ids = [path.stem for path, _ in plan.left]
    folders = ", ".join(show(folder) for folder in dict.fromkeys(p.parent for p, _ in plan.left))
    named = ", ".join(ids[:SHOWN_LEFT])
    if len(ids) > SHOWN_LEFT:
        named += f" and {len(ids) - SHOWN_LEFT} more"
    return [
        f"note: {len(ids)} cards are no longer in {name} (deleted, or their titles edited), "
        f"left as they are in {folders} with their reviews: {named}; delete a card's file "
        "to drop it"
    ]


def section_lines(sections: Sequence[Skipped]) -> list[str]:
    """A line for each heading read as a section holding questions, after its place."""
    return [_placed(s.place, f"section {s.label}: {s.reason}") for s in sections]


def _placed(place: str, text: str) -> str:
    """`notes.md:12: text` (or the text alone, for no place)."""
    return f"{place}: {text}" if place else text


def summary_lines(
    plan: ImportPlan,
    *,
    dry_run: bool,
    show: Callable[[Path], str],
    plan_running: bool = False,
    folder_loaded: bool = True,
    folder_in_env: bool = False,
    width: int | None = None,
) -> list[str]:
    """The closing lines: counts (questions seen, cards, skips by reason), then the next step.

    `plan_running`: an interview plan is set and its day has not come. A due session then
    studies the plan's cards for today, which new cards join on the plan's own days, so
    `study --topic T` would find none of them today: cram is the way to study them now.
    `folder_loaded`: the content folder written to is one every command already loads
    (DRILLBIT_CONTENT, or --content before `import`); else a line says how to load it, as
    `drillbit` alone (the README's quick start) shows none of the new cards.
    `folder_in_env`: DRILLBIT_CONTENT holds the folder, or it is the bundled bank's, so the
    next commands need no --content (they read as if it were needed).
    `width`: the terminal's columns (None for a pipe or a file, which get whole lines).
    """
    questions = plan.questions_seen
    written = len(plan.cards)
    parts = [reason_key(s.reason) for s in plan.skipped]
    counts = Counter(key for key in parts if key not in _NOT_QUESTIONS)
    others = sum(1 for key in parts if key in _NOT_QUESTIONS)
    verb = "to write" if dry_run else "written"
    line = f"{counted(questions, 'question')} seen, {counted(written, 'card')} {verb}"
    renumbered = sum(1 for moved in plan.renumbered if moved.renumbered)
    if renumbered:
        line += f", {renumbered} renumbered"
    retitled = sum(1 for moved in plan.renumbered if not moved.renumbered and moved.boxed_title)
    if retitled:
        line += f", {retitled} retitled"
    updated = sum(
        1
        for moved in plan.renumbered
        if not moved.renumbered and not moved.boxed_title and not moved.added_tags
    )
    if retagged := len(plan.renumbered) - renumbered - retitled - updated:
        line += f", {retagged} retagged"
    if updated:
        line += f", {updated} updated"
    if plan.unchanged:
        line += f", {len(plan.unchanged)} unchanged"
    held = plan.unchanged or counts[IN_BANK]  # cards the bank has as the notes do
    if (
        held
        and not written
        and not plan.renumbered
        and not any(counts[k] for k in NOT_WRITTEN_OVER)
    ):
        line = "nothing new: " + line  # the notes hold nothing their cards do not
    if counts:
        detail = ", ".join(f"{n} {key}" for key, n in counts.most_common())
        line += f", {sum(counts.values())} skipped ({detail})"
    if others:
        line += f"; {counted(others, 'other part')} not imported"
    # the folders as strings first: a `Path.parent` per card was most of this function
    cards = (*plan.cards, *(moved.card for moved in plan.renumbered), *plan.unchanged)
    folders = {os.path.dirname(card.path) for card in cards}
    topics = sorted({Path(folder) for folder in folders}) or [plan.pack_dir / plan.topic]
    # no card at all: no folder is made, so none is named (it read as if one were)
    shown = [show(topic) for topic in topics]
    out = [f"{line} -> {', '.join(shown)}" if cards else line]
    if (written or plan.unchanged or plan.renumbered) and not dry_run:
        out += _next_steps(
            plan,
            topics[0].name,
            plan_running=plan_running,
            folder_loaded=folder_loaded,
            folder_in_env=folder_in_env,
            show=show,
            width=width,
        )
    elif written:
        out.append("next: run the same command without --dry-run to write the cards")
    return folded_prose(out, width, (str(plan.notes), show(plan.pack_dir.parent), *shown))


def folded_report(
    lines: Sequence[str], width: int | None, unbroken: Sequence[Unbroken]
) -> list[str]:
    """`lines` folded to `width`, later lines two columns in (a grouped skip's `  - place`
    four), never at a space of `unbroken` (the notes' path, the pack's folder): a line that
    starts with its place in the notes (`My Notes.md:12: ...`) keeps it whole at its start,
    where an editor's jump finds it, and goes on under it. Such lines were kept whole
    however long, and an 80-column terminal cut them mid-word; into a pipe or a file
    (`width` None) every line is still whole, for grep."""
    return [
        part
        for line in lines
        for part in fold_line(
            line, width, "    " if line.startswith("  - ") else "  ", unbroken=unbroken
        )
    ]


def folded_prose(
    lines: Sequence[str], width: int | None, unbroken: Sequence[Unbroken]
) -> list[str]:
    """`lines` folded to `width` (`fold_line`, later lines two columns in, never at a space
    of `unbroken`), and a command to copy (indented by `COMMAND_INDENT`) folded between its
    shell words with a ` \\` at each line's end (`fold_command`), so that pasted it runs
    as written: kept whole, the terminal cut it through a path."""
    folded: list[str] = []
    for line in lines:
        if line.startswith(COMMAND_INDENT):
            folded += fold_command(line, width)
        else:
            folded += fold_line(line, width, "  ", unbroken=unbroken)
    return folded


def _next_steps(
    plan: ImportPlan,
    topic: str,
    *,
    plan_running: bool,
    folder_loaded: bool,
    folder_in_env: bool,
    show: Callable[[Path], str],
    width: int | None,
) -> list[str]:
    """How to load the written cards and study them. Into a pipe or a file, each piece of
    advice is one whole line; on a terminal (`width`) the prose comes first, folded, and
    each command to copy stands whole on its own indented line, as git prints its hints:
    folded at spaces, `export DRILLBIT_CONTENT=...` or `--content DIR` was cut in two."""
    content = shlex.quote(show(plan.pack_dir.parent))
    loaded = shlex.quote(f"DRILLBIT_CONTENT={plan.pack_dir.parent.resolve()}")
    given = "" if folder_in_env else f"--content {content} "
    study = f"drillbit {given}study " + ("--mode cram " if plan_running else "")
    commands = [f"drillbit {given}list", f"{study}--topic {topic}"]
    cram = (
        "to study them now; your interview plan brings new cards in on its own days "
        "(cram leaves their schedule alone)"
    )
    if width is None:
        out = []
        if not folder_loaded:
            out.append(
                f"these cards load only where their folder is given: --content {content} on "
                f"each command (`drillbit --content {content}` for the app), or `export "
                f"{loaded}` in ~/.bashrc for every command"
            )
        listing = f"next: {commands[0]}, then {commands[1]}"
        return [*out, f"{listing} {cram}" if plan_running else listing]
    out = []
    if not folder_loaded:
        out += [
            f"these cards load only where their folder is given: --content {content} on each "
            "command, as for the app, or DRILLBIT_CONTENT in ~/.bashrc for every command:",
            f"{COMMAND_INDENT}drillbit --content {content}",
            f"{COMMAND_INDENT}export {loaded}",
        ]
    out.append(f"next, {cram}:" if plan_running else "next:")
    return out + [COMMAND_INDENT + command for command in commands]
