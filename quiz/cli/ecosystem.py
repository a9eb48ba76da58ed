"""Commands that move content and progress in and out: `import`, `export anki|progress`,
`import-progress`."""

from __future__ import annotations

import os
import shlex
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from quiz.cli.context import (
    Context,
    SuggestingGroup,
    check_bank_names,
    content_folder,
    display_path,
    display_paths,
    file_to_read,
    file_to_write,
    no_card_yet,
    open_store,
    pass_context,
    tell_summary,
    user_folders,
    warn,
)
from quiz.cli.numbers import WholeRange
from quiz.errors import DrillbitError, InputFileError, UsageError, escape_path
from quiz.paths import write_trouble
from quiz.plural import counted
from quiz.textsafe import (
    MIB,
    describe_size,
    file_kind,
    printable,
    printable_lines,
    read_regular_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

    from quiz.bank.loader import Bank
    from quiz.ecosystem.anki import AnkiReport
    from quiz.store.backup_report import MergeReport
    from quiz.store.store import Store

NOTES_LIMIT = 8 * MIB
"""The largest notes file `import` reads (a long Q&A notes file is a few hundred KiB)."""
ANKI_PACKAGES = (".apkg", ".colpkg", ".anki2", ".anki21", ".anki21b")


def is_notebook(path: Path, text: str) -> bool:
    """A Jupyter notebook: read as Markdown, its JSON gave "no questions found", which said
    nothing of what the file is; its cells are read instead (`quiz.ecosystem.notebook`)."""
    if path.suffix.lower() == ".ipynb":  # an empty or cut one is told what is wrong with it
        return True
    return text.lstrip("\ufeff \t\n")[:1] == "{" and '"nbformat"' in text


"""Anki's own deck and collection files (ZIP archives and SQLite databases): not read."""


def _taken(
    obj: Context, content_dir: Path
) -> tuple[dict[str, Path], dict[str, Path], dict[str, str]]:
    """Ids and pack names already used in the bank the new cards will join (every loaded
    source plus DIR), with their files and folders, and the titles of those cards.

    Read from the card index (the cards' ids and files without building them; a full
    load only when some file changed since the index was made). A pack is known by its
    cards: one without any holds no id a new card could clash with either.
    """
    from quiz.bank.index import bank_index
    from quiz.bank.sources import content_roots

    extra = [*obj.content, content_dir] if content_dir.is_dir() else list(obj.content)
    index, _ = bank_index(content_roots(extra))
    taken = {ref.id: index.card_path(ref) for ref in index.refs}
    for path in index.broken:  # a card that does not load still owns its file name
        taken.setdefault(path.stem, path)
    return taken, dict(index.pack_dirs), {ref.id: ref.title for ref in index.refs}


def _plan_running(obj: Context) -> bool:
    """True while an interview plan is set and its day has not come at `obj.now`: its days, not a due
    session's `--topic`, bring new cards in (False when the progress cannot be read)."""
    from quiz.settings import settings_warned
    from quiz.study.days import local_date, study_zone

    try:
        zone = study_zone(settings_warned(warn).day_starts_at)
        with open_store(obj) as store:
            plan = store.interview_plan()
    except DrillbitError:
        return False
    return plan is not None and local_date(obj.now, zone) < plan.interview


def _among(folder: Path, folders: Iterable[Path]) -> bool:
    """Whether `folder` is one of `folders`, each resolved."""
    target = folder.resolve()
    return any(path.resolve() == target for path in folders)


def _loaded_unasked(folder: Path) -> bool:
    """Whether every command loads `folder` with no --content: a DRILLBIT_CONTENT folder, or
    the bundled bank's own (a checkout's ./content, import's default run in the clone,
    where the summary said its cards loaded only with `--content content`)."""
    from quiz.bank.sources import bundled_content_dir, env_content_dirs

    return _among(folder, [bundled_content_dir(), *env_content_dirs()])


def _refuse_name_not_utf8(notes: Path) -> None:
    """InputFileError when the notes' file name is not UTF-8 (a Latin-1 `café.md`): each
    card records the name it came from, in UTF-8 files, and the import ended in "'utf-8'
    codec can't encode character '\\udce9'", naming neither the file nor what to do."""
    try:
        notes.name.encode("utf-8")
    except UnicodeEncodeError:
        shown = os.fsencode(notes).decode("utf-8", "backslashreplace")
        raise InputFileError(
            escape_path(shown),
            title="import",
            reason="its file name is not UTF-8, and each card records in UTF-8 the name it "
            "came from: rename the file (`convmv -f latin1 -t utf8 --notest FILE` renames "
            "a Latin-1 one) and import it again",
        ) from None


def _refuse_no_folder(into: Path) -> None:
    """UsageError when `into` (the content folder, made if need be) has a FIFO or a file in
    place of itself or of one of its folders: the import planned every card, said "wrote
    .../pack.yaml", then ended in mkdir's traceback."""
    for folder in (into, *into.parents):
        if os.path.lexists(folder):
            if not folder.is_dir():
                raise UsageError(
                    f"--into {into}: {folder} is {_kind(folder)}, not a folder; give the content "
                    "folder that holds packs",
                    title="import",
                )
            return


def _kind(path: Path) -> str:
    """What is at `path` in place of a folder: 'a file', 'a FIFO (named pipe)'..."""
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode):
        return "a file"
    return "a symbolic link to no folder" if stat.S_ISLNK(mode) else file_kind(mode)


def _always_loaded(obj: Context, folder: Path) -> bool:
    """Whether every command of this shell loads `folder` as it was run: it is loaded
    unasked, or a --content given before `import` (so the person knows)."""
    return _loaded_unasked(folder) or _among(folder, obj.content)


@click.command("import")
@click.argument(
    "notes",
    type=file_to_read(
        missing="The Markdown notes to make cards of: `drillbit import NOTES.md --pack my-notes`."
    ),
)
@click.option("--pack", help="Pack folder name (default: the notes file's name, kebab-cased).")
@click.option("--topic", help="Topic folder name (default: the pack name).")
@click.option(
    "--into",
    "--content",
    "into",
    type=content_folder(),
    default=None,
    help="Content folder the pack goes in (cards land in DIR/PACK/TOPIC/ID.md); default: "
    "the last --content given before the command, else ./content.",
    metavar="DIR",
)
@click.option("--tag", "tags", multiple=True, help="A tag for every imported card (repeatable).")
@click.option(
    "--difficulty",
    type=WholeRange(1, 5),
    default=2,
    show_default=True,
    help="The cards' difficulty, 1 easy to 5 hard.",
)
@click.option("--dry-run", is_flag=True, help="Print what would be written; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite cards that already exist.")
@click.pass_obj
def import_command(
    obj: Context,
    notes: Path,
    pack: str | None,
    topic: str | None,
    into: Path | None,
    tags: tuple[str, ...],
    difficulty: int,
    dry_run: bool,
    force: bool,
) -> None:
    """Turn Markdown Q&A notes into concept cards (DIR/PACK/TOPIC/ID.md).

    \b
    Questions it recognizes, block by block, in any mix:
      ## Q1: title   ### Q1.1: title   ## Q 2 . title
      #### 12) title   ### Q: title   ## 3. title
      any heading ending in '?' or setting a task (Explain X)
      - Derive X   **Derive X**  (a toggle, a bold line)
      **What is X?**             (a bold paragraph)
      **What is X?** It is ...   (its answer run in after it)
      Q: title   **Q:** title    (a line or paragraph)
      1. **How do you ...?**   * **Q: ...**
      1. [E] question            (list items)
      - What is X? It is ...
      - What is X? / its answer  (plain items)
      Q:: What is X? / A:: ...   (Dataview, Logseq)
      > [!question] title   > [!faq]- title
          (Obsidian callouts)
      ??? question "title"   :::spoiler title
          (MkDocs, HackMD: read as callouts)
      | Question | Answer |  (a table: a card a row)
      Question::Answer   question / ? / answer
      a ==cloze== line
          (Spaced Repetition, #flashcards)
      Term #card   (Logseq: an item, a line, a heading)
      START / Basic / question / Back: answer / END
          (Obsidian_to_Anki)
      a {{c1::cloze}} line, tagged #flashcards or not

    Answers run to the next question (or the next heading at the same or a higher
    level, or a --- rule after the answer); these markers are recognized and removed:

    \b
      **Answer:**  **Answer**  Answer:  A:  *A:*  Ans.
      <details>...</details>
      > [!answer]  > [!success]- Answer
          (a callout; others stay in the answer)

    An Anki plain-text export (Notes in Plain Text, .txt: tab-separated, or a .csv:
    comma-separated; HTML, with
    its #separator/#html/#... column header lines or none) is read as one question per
    note: its first field the question, its second the answer; a cloze note gives a
    card per cloze number (c1, c2...: ID-c1, ID-c2), its deletions as [...]; its deck
    names the topic and its tags (the #tags column, or a Tags column named in a first
    row such as Front,Back,Tags, or a Notion database's Name,Answer,Tags) are the
    cards'. A YAML front
    matter (Obsidian's properties, between two --- lines) or Logseq's page
    properties (tags:: ml, ... on the first lines) give every card its tags, as does
    a line of only #tags. An org-mode file (.org, or one opening with #+TITLE: over
    * headings) is read as the Markdown it means. A Jupyter notebook (.ipynb) is read
    as its markdown cells, each code cell a fenced block in its place; places are
    named as FILE: cell N, line M.

    A numbered heading holding questions (## 1. Concepts) is a section: its title
    becomes the topic unless --topic is given. Answers keep code, tables and math
    (\\( \\) and \\[ \\] become $ and $$); HTML is removed (a table kept as
    one; a <name> that is no HTML, such as <eos>, and a tag typed as text in Anki (&lt;s&gt;) kept as code); each card gets 3-6 key points from its answer, or 1-2 when the answer is one or two sentences that hold no
    more. Every question that gives no card is listed at its place (FILE:LINE) and why.
    A card whose file already holds it (the same notes imported again) is reported
    unchanged and left as it is, wherever its question now is in the notes: when only
    its question's number moved (a question inserted, removed or moved before it), the
    number in its source is renumbered. One whose file differs otherwise (an edited
    answer) is never overwritten without --force. Exit 0 when cards were written (or would be, with --dry-run) or found
    unchanged and none differs from its file, 1 when a card differs from its file or
    nothing could be imported, 2 on usage errors.
    """
    from quiz.bank.markdown import normalize
    from quiz.ecosystem.importer import PACK_FILE, WritingStopped, plan_import, write_plan
    from quiz.ecosystem.importlimit import TooManyQuestions
    from quiz.ecosystem.importreport import (
        ASKED_AT,
        IN_BANK,
        NOT_WRITTEN_OVER,
        asked_at,
        folded_card_line,
        folded_report,
        left_lines,
        notice_lines,
        reason_key,
        section_lines,
        skip_lines,
        summary_lines,
        updated_line,
    )
    from quiz.ecosystem.linenames import LineNames, lines_named_by
    from quiz.ecosystem.notes.nulbytes import printable_but_nul
    from quiz.wrapping import Unbroken, fold_line, terminal_width

    # `drillbit --content DIR import NOTES` and `drillbit import NOTES --content DIR` agree.
    if into is None:
        into = obj.content[-1] if obj.content else Path("content")
    if (into / PACK_FILE).is_file():
        raise UsageError(
            f"{into} is a pack folder (it has a {PACK_FILE}); --into takes the content "
            f"folder that holds packs, e.g. {into.parent}, with --pack {into.name}",
            title="import",
        )
    _refuse_no_folder(into)
    _refuse_name_not_utf8(notes)
    if notes.suffix.lower() in ANKI_PACKAGES:
        raise InputFileError(
            notes,
            title="import",
            reason="an Anki package, which import does not read: in Anki, export the deck "
            "with File > Export... as 'Notes in Plain Text (.txt)' and import that file",
        )
    from quiz.ecosystem.packages import package_refusal
    from quiz.store.backup_sniff import is_progress_backup

    if (refused := package_refusal(notes)) is not None:  # a Mochi export: no way on was named
        raise InputFileError(notes, title="import", reason=refused)
    if is_progress_backup(notes):  # "no questions found" named neither it nor its command
        raise InputFileError(
            notes,
            title="import",
            reason="a drillbit progress backup (from `drillbit export progress`), which import "
            "does not read: `drillbit import-progress "
            f"{shlex.quote(str(notes))}` merges it into this machine's progress",
        )
    # Terminal controls in notes never belong in a card; dropped before parsing, once
    # every line end is a newline (a lone CR, an old Mac's line end, is one too, as
    # Markdown reads it: dropped as a control, it joined the whole file into one line).
    try:
        raw = read_regular_text(notes, limit=NOTES_LIMIT, title="import")
    except InputFileError as error:
        if not error.reason.endswith(f"over the limit of {describe_size(NOTES_LIMIT)}"):
            raise
        # The cap said, and no way past it: a whole vault's export stopped there.
        way = (
            "clear its outputs (jupyter nbconvert --to notebook "
            f"--ClearOutputPreprocessor.enabled=True --inplace {notes.name}) or split it "
            "into notebooks"
            if notes.suffix.lower() == ".ipynb"
            else "split it at headings into files"
        )
        said = f"{way} of at most {describe_size(NOTES_LIMIT)}"
        if notes.suffix.lower() in (".csv", ".tsv"):  # a card list has no headings
            said = (
                f"split its rows into files of at most {describe_size(NOTES_LIMIT)}, each "
                "under a copy of its header row,"
            )
        raise InputFileError(
            notes,
            title="import",
            reason=f"{error.reason}: {said} and import each with the same --pack",
        ) from error
    text = printable_but_nul(normalize(raw))  # a NUL is named at its line by the import
    cells = None  # a notebook's cells joined into Markdown, and their line map
    places = None  # and how its plan's messages name a line: in cells
    if is_notebook(notes, text):
        from quiz.ecosystem.notebook.places import CellPlaces
        from quiz.ecosystem.notebook.read import read_notebook

        cells = read_notebook(notes, raw)
        text = printable_but_nul(cells.text)
        places = CellPlaces(notes, cells.lines)
    try:
        taken_ids, taken_packs, taken_titles = _taken(obj, into)
        with lines_named_by(places or LineNames()):
            plan = plan_import(
                notes,
                content_dir=into,
                pack=pack,
                topic=topic,
                tags=tags,
                difficulty=difficulty,
                force=force,
                taken_ids=taken_ids,
                text=text,
                taken_packs=taken_packs,
                taken_titles=taken_titles,
            )
    except TooManyQuestions as exc:  # the file's fault, named as its size is
        raise InputFileError(notes, title="import", reason=str(exc)) from exc
    except ValueError as exc:
        raise UsageError(str(exc), title="import") from exc
    place = None
    unbroken: tuple[Unbroken, ...] = (str(notes), display_path(plan.pack_dir))
    if cells is not None and places is not None:
        from quiz.ecosystem.notebook.places import told_left_out

        plan = told_left_out(plan, cells)
        place = places.at
        unbroken = (*places.unbroken, *unbroken)  # its place whole, path and all, first
    verb = "would write" if dry_run else "wrote"
    out_width = terminal_width()  # into a pipe (None) a card's line stays whole: grep
    if plan.pack_yaml is not None and plan.cards:
        made, new = (
            f"{verb} {display_path(plan.pack_dir / 'pack.yaml')}",
            f"(new pack '{plan.pack}')",
        )
        fits = out_width is None or len(made) + 1 + len(new) <= out_width
        pack_line = f"{made} {new}" if fits else f"{made}\n  {new}"  # its path never cut
    else:
        pack_line = None
    if not dry_run:
        try:
            write_plan(plan)
        except WritingStopped as stopped:  # then "Aborted." and exit 130, as any Ctrl-C
            click.echo(
                f"\nimport: stopped by Ctrl-C with {stopped.cards} of "
                f"{counted(stopped.total, 'card')} written, each whole: the same import again "
                "writes the rest",
                err=True,
            )
            raise
        except OSError as exc:  # --into a FIFO, a folder that cannot be made, a full disk
            failed_at = Path(os.fsdecode(exc.filename)) if exc.filename else plan.pack_dir
            trouble = (
                f"it is {_kind(failed_at)}, not a folder"
                if os.path.lexists(failed_at) and not failed_at.is_dir()
                else write_trouble(failed_at, exc)
            )
            raise DrillbitError(
                f"cannot write {display_path(failed_at)}: {trouble} (any card "
                "written before it is whole: the same import again, once this is fixed, "
                "writes the rest)",
                title="import",
            ) from exc
    if pack_line is not None:  # said once written: a write that failed said "wrote" first
        click.echo(pack_line)
    # One line per card (thousands for a long file), printed at once rather than one
    # write and flush each.
    lines: list[str] = []
    shown = display_paths([card.path for card in plan.cards])
    for card, where in zip(plan.cards, shown, strict=True):
        action = f"{verb} (replacing)" if card.replaces else verb
        line = f"{action} {where}{ASKED_AT}{asked_at(notes, card.question, place)}"
        lines += folded_card_line(line, out_width, unbroken)
        if dry_run:
            for point in card.key_points:
                lines += fold_line(f"    - {point}", out_width, " " * 6)
    shown = display_paths([moved.card.path for moved in plan.renumbered])
    for moved, where in zip(plan.renumbered, shown, strict=True):
        line = updated_line(moved, where, notes, dry_run=dry_run, place=place)
        lines += folded_card_line(line, out_width, unbroken)
    shown = display_paths([card.path for card in plan.unchanged])
    for card, where in zip(plan.unchanged, shown, strict=True):
        line = f"unchanged {where}{ASKED_AT}{asked_at(notes, card.question, place)}"
        lines += folded_card_line(line, out_width, unbroken)
    if lines:
        click.echo(printable_lines(lines))
    width = terminal_width(sys.stderr)  # the report below goes to stderr
    told = [*notice_lines(plan.notices), *left_lines(plan, display_path)]
    told += [*section_lines(plan.sections), *skip_lines(plan.skipped)]
    for line in folded_report([printable(line) for line in told], width, unbroken):
        click.echo(line, err=True)
    running = (
        not dry_run and bool(plan.cards or plan.unchanged or plan.renumbered) and _plan_running(obj)
    )
    for line in summary_lines(
        plan,
        dry_run=dry_run,
        show=display_path,
        plan_running=running,
        folder_loaded=_always_loaded(obj, into),
        folder_in_env=_loaded_unasked(into),
        width=width,
    ):
        click.echo(printable(line), err=True)
    in_bank = any(reason_key(s.reason) == IN_BANK for s in plan.skipped)
    if not plan.cards and not plan.unchanged and not plan.renumbered and not in_bank:
        click.echo("nothing imported", err=True)
        sys.exit(1)
    if any(reason_key(s.reason) in NOT_WRITTEN_OVER for s in plan.skipped):
        sys.exit(1)  # a card's place holds something else (a file that differs, a FIFO...)


class _ExportGroup(SuggestingGroup):
    """`export`, whose commands each write one kind of file: `drillbit export deck.apkg`
    (the subcommand left out, as an Anki user types it) is told the line meant."""

    def command_for_file(self, name: str) -> str | None:
        lowered = name.lower()
        if lowered.endswith((".apkg", ".colpkg")):
            return "anki"
        if lowered.endswith((".json", ".json.gz")):
            return "progress"
        return None


@click.group("export", cls=_ExportGroup)
def export_group() -> None:
    """Export the question bank to Anki, or your progress to a backup file."""


FORCE_HELP = "Replace FILE even when drillbit did not write it (its content is lost)."


def _wrote(file: Path, replaces: str | None) -> str:
    """The output's start: `wrote FILE`, or `replaced FILE (what it was)`."""
    if replaces is None:
        return f"wrote {display_path(file)}"
    return f"replaced {display_path(file)} ({replaces})"


def _left_out(bank: Bank, packs: tuple[str, ...]) -> str | None:
    """The load's problem summary for the packs exported (all without `--pack`): a card
    file that does not load, or a pack.yaml that does not (its title and order), was left
    out of the deck without a word."""
    from dataclasses import replace

    from quiz.bank.loader import under

    if not packs:
        return bank.problem_summary()
    dirs = [bank.packs[name].path if name in bank.packs else None for name in packs]
    dirs += [card.path.parent.parent for card in bank.cards if card.pack in packs]
    inside = under([d for d in dict.fromkeys(dirs) if d is not None])
    problems = tuple(p for p in bank.problems if inside(p.path))
    broken = frozenset(path for path in bank.broken_files if inside(path))
    return replace(bank, problems=problems, broken_files=broken).problem_summary()


@export_group.command("anki")
@click.argument(
    "file", type=file_to_write(missing="The deck to write: `drillbit export anki deck.apkg`.")
)
@click.option("--pack", "packs", multiple=True, help="Only this pack (repeatable).")
@click.option("--force", is_flag=True, help=FORCE_HELP)
@click.pass_obj
def export_anki_command(obj: Context, file: Path, packs: tuple[str, ...], force: bool) -> None:
    """Write the bank's concept, choice and numeric cards to an Anki deck FILE (.apkg).

    Re-exporting after edits updates the notes in Anki instead of duplicating them,
    and only the notes whose card changed: edits made in Anki to the others survive
    a re-import. Coding drills are skipped (they need the grader). A FILE already there
    is replaced only when drillbit wrote it (or with --force).

    To get new cards in drillbit's teaching order, tick "Import any deck presets" in
    Anki's import window (the decks' preset gathers them by ascending position).
    """
    from quiz.cli.export_stream import is_stream, refuse_terminal
    from quiz.ecosystem.anki import (
        FIELDS_CHANGED_NOTICE,
        export_anki,
        retitled_notice,
        retyped_notice,
        teaching_positions,
        told_apart_notice,
    )
    from quiz.ecosystem.anki_decks import DESCRIPTION_NOTICE
    from quiz.ecosystem.anki_times import ContentTimes
    from quiz.ecosystem.outfile import anki_kind, export_target
    from quiz.wrapping import fold_line, terminal_width

    streamed = is_stream(file)  # `-`, /dev/stdout, a device: written as asked (`export_stream`)
    if streamed:
        refuse_terminal(file, what="an Anki deck", title="export anki")
    target = None if streamed else export_target(file, anki_kind(), force=force)
    # with --pack a missing folder is named first (its cards may be the pack's); without,
    # the whole summary names it, once
    index, bank = obj.indexed_bank(name_missing=bool(packs))
    known = sorted({card.pack for card in bank.cards})
    for pack in packs:
        no_card_yet(pack, bank.packs, bank.cards, bank.broken_files)  # as `list --pack` says
        # there, but none of its cards loads (its pack.yaml may not load either)
        folders = [path.parent.parent for path in sorted(bank.broken_files)]
        folder = bank.packs[pack].path if pack in bank.packs else None
        folder = folder or next((f for f in folders if f.name == pack), None)
        if pack not in known and folder is not None:
            where = shlex.quote(display_path(folder))
            raise DrillbitError(
                f"pack {pack} has no card that loads: `drillbit lint {where}` says why",
                title="export anki",
            )
    for pack in packs:  # as `list --pack` refuses one, with its did-you-mean
        check_bank_names(bank, folders=user_folders(obj), pack=pack)
    cards = [card for card in bank.cards if not packs or card.pack in packs]

    def write(path: Path) -> AnkiReport:
        return export_anki(
            cards,
            path,
            pack_titles={n: p.info.title for n, p in bank.packs.items()},
            times=ContentTimes.default(),
            before_replace=None if target is None else target.recheck,
            positions=teaching_positions(bank.cards),
            now=int(obj.now.timestamp()),
        )

    if target is None:
        from quiz.cli.export_stream import stream_name, whole_then_sent
        from quiz.paths import data_dir

        report = whole_then_sent(file, data_dir(), write, name="drillbit.apkg", title="export anki")
        wrote = f"wrote an Anki package to {stream_name(file)}"
    else:
        report = write(file)
        wrote = _wrote(file, target.replaces)
    click.echo(
        f"{wrote}: {counted(report.notes, 'note')} in "
        f"{counted(report.decks, 'deck')}"
        + (f", {counted(report.images, 'image')}" if report.images else "")
        + (
            f", {counted(report.skipped_coding, 'coding drill')} skipped"
            if report.skipped_coding
            else ""
        ),
        err=streamed,  # standard output may be the package itself
    )
    # a deck shared without a card, or a pack's title, said why
    tell_summary(_left_out(bank, packs) if packs else index.summary)
    if report.notes == 0:
        raise DrillbitError("no card could be exported", title="export anki")
    for line in fold_line(DESCRIPTION_NOTICE, terminal_width()):
        click.echo(line, err=True)
    if report.fields_changed:
        click.echo(FIELDS_CHANGED_NOTICE, err=True)
    if report.retyped:
        click.echo(retyped_notice(report.retyped), err=True)
    for title, deck in report.retitled:
        click.echo(retitled_notice(title, deck), err=True)
    for pack, deck in report.told_apart:
        click.echo(told_apart_notice(pack, deck), err=True)
    for line in report.images_left_out:
        click.echo(printable(line), err=True)


@export_group.command("progress")
@click.argument(
    "file",
    type=file_to_write(
        missing="The backup to write: `drillbit export progress progress.json` (`-` for "
        "standard output)."
    ),
)
@click.option("--force", is_flag=True, help=FORCE_HELP)
@pass_context
def export_progress_command(obj: Context, file: Path, force: bool) -> None:
    """Write your progress (card schedules, reviews, drill tries, drafts, study sessions,
    suspended or buried cards, the interview plan, your settings) to FILE (.json).

    A FILE ending in .json.gz is gzip-compressed (about a sixth of the size). What the
    export reads is checked first (every page of the database, and every table but the
    review log in full, as `check-store`), unless the file is exactly as it was when such a
    check last passed: a backup of a damaged file would carry the damage along unseen.
    A FILE already there is replaced only when it is a drillbit backup (or with --force).
    FILE `-` is standard output; it, /dev/stdout or a device is written as asked
    (plain JSON unless its name ends in .gz), and what was written is said on stderr.
    """
    from quiz.cli.export_stream import is_stream
    from quiz.ecosystem.backup_settings import exported_settings
    from quiz.ecosystem.outfile import export_target, progress_kind
    from quiz.store.backup_export import export_progress
    from quiz.store.staged import ending_cleanly

    if is_stream(file):  # `-`, /dev/stdout, a device: written as asked, never renamed over
        _export_progress_to_stream(obj, file)
        return
    target = export_target(file, progress_kind(), force=force)
    settings = exported_settings(warn)
    # `kill` or a closed terminal midway removes the half-written temporary file (a hidden
    # `.NAME.partial` beside FILE was left, a heavy home's hundred MB), as Ctrl-C did
    with ending_cleanly(), open_store(obj) as store:
        # a damaged file is replaced by its salvage, and said so
        store.check_for_export()
        counts = export_progress(
            store, file, now=obj.now, before_replace=target.recheck, settings=settings
        )
    click.echo(f"{_wrote(file, target.replaces)}: {counts.describe()}")


def _export_progress_to_stream(obj: Context, file: Path) -> None:
    """`export progress` to standard output or a device (`quiz.cli.export_stream`):
    what it wrote is said on stderr, as the backup may be what stdout carries."""
    from quiz.cli.export_stream import stream_name, whole_then_sent
    from quiz.ecosystem.backup_settings import exported_settings
    from quiz.paths import data_dir
    from quiz.store.backup_export import export_progress
    from quiz.store.staged import ending_cleanly

    settings = exported_settings(warn)
    with ending_cleanly(), open_store(obj) as store:  # `kill` midway: no copy left behind
        store.check_integrity(unless_unchanged=True)
        counts = whole_then_sent(
            file,
            data_dir(),
            lambda whole: export_progress(store, whole, now=obj.now, settings=settings),
        )
    click.echo(f"wrote progress to {stream_name(file)}: {counts.describe()}", err=True)


@click.command("import-progress")
@click.argument(
    "file",
    type=file_to_read(
        dash=True,
        missing="The backup to merge, one `drillbit export progress FILE` wrote: "
        "`drillbit import-progress progress.json`.",
    ),
)
@pass_context
def import_progress_command(obj: Context, file: Path) -> None:
    """Merge a progress backup FILE (from `drillbit export progress`) into this machine's.

    Reviews already present are not added twice; for each card the schedule with the
    latest review wins; for each drill the newest draft wins; a card suspended or
    buried later than here (and not answered here since) is set aside here too; a
    setting still at its default here takes the file's value (one changed here stays).
    FILE may be gzip-compressed; it is read row by row, so its size is not limited.
    """
    from quiz.cli.export_stream import refuse_stream_import
    from quiz.cli.own_database import refuse_a_database
    from quiz.ecosystem.backup_settings import merged_settings
    from quiz.paths import database_path
    from quiz.store.backup import import_progress
    from quiz.store.staged import build_new, ending_cleanly

    refuse_stream_import(file)  # `-`, a pipe: a file is what it reads
    refuse_a_database(file, database_path(create=False))

    # No database yet: one is made only if the file is imported (a refused file, or one
    # that holds nothing, leaves no empty database behind: "nothing imported" changes
    # nothing, and the first command that needs the database makes it as it always
    # does); else one transaction: a bad row merges nothing. Ctrl-C, `kill` or a closed
    # terminal midway leave the home as it was.
    def imported(store: Store) -> MergeReport:
        report = import_progress(store, file, now=obj.now)
        if report.empty:
            raise _NothingImported(report)
        return report

    with ending_cleanly():
        try:
            report = build_new(database_path(create=False), imported, now=obj.now)
        except _NothingImported as nothing:
            report = nothing.report
        if report is None:
            with open_store(obj, says_unsaved=True) as store:  # "nothing was imported: ..."
                report = import_progress(store, file, now=obj.now)
    try:
        report = merged_settings(report)
    except DrillbitError:  # config.toml unreadable: the progress is in all the same
        click.echo(report.describe())
        raise
    click.echo(report.describe())


class _NothingImported(Exception):
    """A file that held nothing, raised out of `build_new` so that it keeps no database."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__("nothing imported")
        self.report = report


COMMANDS: tuple[click.Command, ...] = (import_command, export_group, import_progress_command)
