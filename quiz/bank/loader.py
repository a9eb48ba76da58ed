"""Load a question bank: find packs, parse every card, check what spans files.

Loading never stops at a bad file and never drops one silently: the Bank holds
the good cards and every problem, each with its `path:line:col`.
"""

from __future__ import annotations

import os
import re
import stat as stat_module
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, TypeAlias, cast

from quiz.bank import cache as card_cache
from quiz.bank import cachefile
from quiz.bank.card_facts import CardFacts, CardLike, CardT
from quiz.bank.card_names import is_markdown_name, is_misnamed, misnamed_stem, reads_as_card
from quiz.bank.id_fixes import taken_id_notes
from quiz.bank.models import Card, Pack, PackInfo
from quiz.bank.order import not_read_note, order_problems, teaching_order
from quiz.bank.problems import ContentError, Problem
from quiz.bank.sources import NOT_A_FOLDER, folder_trouble
from quiz.errors import InputFileError
from quiz.gcpause import gc_paused
from quiz.paths import DEAD_LINK, NO_ENTRY, as_found, link_trouble
from quiz.plural import counted
from quiz.textsafe import describe_size, names_binary, read_regular_text

PACK_FILE = "pack.yaml"
NO_PACK_FOUND = f"no pack found: a pack is a folder with a {PACK_FILE}"
"""A content root without a pack: lint drops it where it names the folder that lacks its
`pack.yaml` (`lint_packless`), one slip told once."""
CARD_LIMIT = 1024 * 1024
"""The largest card (or pack.yaml) file read, in bytes; a bigger one is a problem."""
_IGNORED_MARKDOWN = {"README.md", "CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md"}
_FRONT_KIND = re.compile(
    r"\ufeff?---[ \t]*\r?\n(?:(?!---[ \t]*\r?$).*\n)*?kind[ \t]*:", re.MULTILINE
)
"""Front matter with a top-level `kind:` key before its closing `---`: what every card has,
and a docs page's front matter (`title:`, `layout:`) has not."""


@dataclass(frozen=True)
class Bank:
    """Everything loaded from one or more content roots."""

    cards: tuple[Card, ...]
    packs: dict[str, Pack]
    problems: tuple[Problem, ...]
    broken_files: frozenset[Path] = field(default_factory=frozenset)
    """Card files that could not be loaded (their problems are in `problems`)."""

    def by_id(self) -> dict[str, Card]:
        """Cards keyed by id."""
        return {card.id: card for card in self.cards}

    def problem_summary(self) -> str | None:
        """One line saying which files have problems (card files and others) and which
        content folders are not there, or None; when a file has one, lint's line of its
        first problem goes above it (`path:line:col: message [code]`, errors first): a
        bad pack.yaml was named, never what was wrong in it, by every command but lint."""
        return problem_summary(self.problems, self.broken_files)

    def get(self, card_id: str) -> Card | None:
        """The card with this id, if loaded."""
        return next((card for card in self.cards if card.id == card_id), None)


def problem_summary(problems: Sequence[Problem], broken_files: frozenset[Path]) -> str | None:
    """`Bank.problem_summary` of a load with these problems and card files that do not load."""
    if not problems:
        return None
    parts = []
    unfound = [p for p in problems if p.code == "no-content"]
    gone = sorted({p.path for p in unfound})
    told = [  # told in full below, not as "no such": a loop of links too (`dead_link`)
        p
        for p in unfound
        if p.message.endswith(NOT_A_FOLDER) or DEAD_LINK in p.message or NO_ENTRY in p.message
    ]
    missing = sorted({p.path for p in unfound if p not in told})
    if missing:  # said outright: "run lint to see why" for a mistyped --content
        parts.append(f"no such content folder: {', '.join(str(path) for path in missing)}")
    parts.extend(f"{p.path}: {p.message}" for p in unfound if p.path not in missing)
    if broken_files:
        parts.append(f"{counted(len(broken_files), 'card file')} could not be loaded")
    others = sorted({p.path for p in problems} - broken_files - set(gone))
    if others:
        named = ", ".join(str(path) for path in others[:3])
        more = f" and {len(others) - 3} more" if len(others) > 3 else ""
        parts.append(f"problems in {named}{more}")
    if not (broken_files or others):
        return "; ".join(parts)
    first = min((p for p in problems if p.code != "no-content"), key=lambda p: not p.is_error)
    return f"{first.format()}\n" + "; ".join(parts) + "; run `drillbit lint` to see why"


def _load_pack_info(
    pack_dir: Path, problems: list[Problem], pack_cache: card_cache.PackCache | None = None
) -> PackInfo | None:
    path = pack_dir / PACK_FILE
    refused = _link_problem(path, pack_dir)
    if refused is not None:  # a pack.yaml is the pack's own file, as its cards are
        problems.append(refused)
        return None
    stat: os.stat_result | None = None
    if pack_cache is not None:
        try:
            stat = os.stat(path)
        except OSError:
            stat = None  # reading it below reports the problem
        else:
            cached = pack_cache.lookup_info(cachefile.file_key(stat))
            if cached is not None:
                return cached
    import yaml  # only when something must be parsed: a warm start never needs PyYAML

    from quiz.bank import safeyaml

    try:
        text = read_regular_text(path, limit=CARD_LIMIT)
        data = safeyaml.load(text)
    except InputFileError as exc:
        problems.append(
            Problem(path, exc.line or 1, exc.column or 1, "unreadable", f"pack file: {exc.reason}")
        )
        return None
    except yaml.YAMLError as exc:
        from quiz.bank.yamlerrors import yaml_error

        row, col, problem = yaml_error(exc, text)
        problems.append(Problem(path, row + 1, col + 1, "yaml", f"invalid YAML: {problem}"))
        return None
    if data is None:  # one slip, one problem: not a missing-key for each of the three
        problems.append(Problem(path, 1, 1, "missing-key", EMPTY_PACK_FILE))
        return None
    from pydantic import ValidationError  # only when a pack.yaml is read: validated here

    from quiz.bank.parse import PACK_FIELDS, schema_problems
    from quiz.bank.schema import validate_pack_info

    try:
        info = validate_pack_info(data)
    except ValidationError as exc:
        # As a card's front matter is told: at the key's line, with a did-you-mean.
        found = schema_problems(exc.errors(), text, 1, fields=PACK_FIELDS, data=data)
        for line, col, code, message in found:
            problems.append(Problem(path, line, col, code, message or "not a valid pack.yaml"))
        return None
    if pack_cache is not None and stat is not None:
        pack_cache.store_info(stat, info)
    return info


EMPTY_PACK_FILE = (
    "pack file is empty: write its keys, one per line: title: (the pack's title Home shows), "
    "description: (a sentence or two under it) and version: (three numbers, e.g. 1.0.0)"
)
"""What an empty pack.yaml (or one of comments only) is told: one problem, where each of
its three required keys was told missing on its own."""


def load_pack_info(pack_dir: Path) -> PackInfo | None:
    """A pack's `pack.yaml` as a load reads it; None when it does not load (a load of the
    pack says why)."""
    return _load_pack_info(pack_dir, [])


def find_pack_dirs(root: Path, unreadable: list[Path] | None = None) -> list[Path]:
    """Pack folders in a content root, or the root itself when it is a pack. A folder that
    cannot be read (a permission refused: `Path.is_file` raised it) goes to `unreadable`
    when given, else is passed over."""
    refused: list[Path] = [] if unreadable is None else unreadable
    before = len(refused)
    if _holds_pack_file(root, refused):
        return [root]
    if len(refused) > before:
        return []  # nothing inside it can be looked up either
    try:
        folders = [p for p in root.iterdir() if p.is_dir()]
    except PermissionError:
        refused.append(root)
        return []
    return sorted(p for p in folders if _holds_pack_file(p, refused))


def _holds_pack_file(folder: Path, unreadable: list[Path]) -> bool:
    """Whether `folder` has a pack.yaml file; a folder whose entries cannot be looked up
    goes to `unreadable`."""
    try:
        return stat_module.S_ISREG(os.stat(folder / PACK_FILE).st_mode)
    except PermissionError:
        unreadable.append(folder)
        return False
    except (OSError, ValueError):
        return False


_ORDER_SHOWN = 3
"""The `order` ids an empty pack's warning names (the rest as '...')."""


def _empty_pack(pack_dir: Path, order: Sequence[str] = ()) -> Problem:
    """A pack with no card file: every command said "unknown pack" of it, lint nothing.

    Its `order` entries name cards not written yet: one cause, so they are said here,
    not as an error per entry ("is not a card of this pack" of each, though none is)."""
    listed = ""
    if order:
        shown = ", ".join(order[:_ORDER_SHOWN]) + (", ..." if len(order) > _ORDER_SHOWN else "")
        listed = f" (its order lists {len(order)} not written yet: {shown})"
    return Problem(
        pack_dir / PACK_FILE,
        1,
        1,
        "empty-pack",
        f"pack '{pack_dir.name}' has no card: add one at {pack_dir.name}/<topic>/<id>.md{listed}",
        severity="warning",
    )


def is_pack(folder: Path) -> bool:
    """Whether `folder` is a pack (has a pack.yaml file); False, never PermissionError, for
    a folder that cannot be looked into (the load reports it as `unreadable`)."""
    return _holds_pack_file(folder, [])


def unreadable_folder(folder: Path) -> Problem:
    """A folder of the bank that cannot be read: its cards would be left out unsaid."""
    return Problem(
        folder,
        1,
        1,
        "unreadable",
        "folder: cannot read it (permission denied): its cards are not loaded; "
        "give yourself read access, e.g. chmod u+rx",
    )


def pack_dir_of(path: Path) -> Path | None:
    """The pack folder a file or folder belongs to (searching upwards), if any."""
    for candidate in [path, *path.parents] if path.is_dir() else path.parents:
        if is_pack(candidate):
            return candidate
    return None


def _markdown_files(
    pack_dir: Path,
    linked: list[Path] | None = None,
    unreadable: list[Path] | None = None,
    misnamed: list[Path] | None = None,
) -> list[tuple[tuple[str, ...], Path]]:
    """(parts relative to pack_dir, path) of every `*.md` below it that no hidden part hides.

    The same set and order as `sorted(pack_dir.rglob("*.md"))` on Linux minus hidden parts,
    from one os.scandir per folder: rglob's per-path objects cost a tenth of a large load.
    The same walk on every system: Windows' rglob matched `x.MD` as `*.md` (its names
    compare without case), so a card the Linux load warns of (`not-read`) loaded there,
    and `x.markdown` was left out without a word.
    `linked`, when given, gets every other symbolic link met (a linked folder is not
    walked: lint says so). `unreadable`, when given, gets every folder whose listing was
    refused (its cards are not loaded: the load says so). `misnamed`, when given, gets
    every file at a card's place (`<topic>/<name>`) whose suffix is `.md` in another
    spelling (`x.MD`, `x.markdown`): never read as a card, so the load says so.
    """
    names: list[tuple[str, ...]] = []
    todo: list[tuple[str, tuple[str, ...]]] = [(str(pack_dir), ())]
    while todo:
        folder, prefix = todo.pop()
        try:
            with os.scandir(folder) as entries:
                listed = list(entries)
        except PermissionError:
            if unreadable is not None:
                unreadable.append(Path(folder))
            continue
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in listed:
            name = entry.name
            if name.startswith("."):
                continue  # hidden: never loaded (rglob would list it, the loader skipped it)
            if name.endswith(".md"):
                names.append((*prefix, name))
            elif misnamed is not None and len(prefix) == 1 and is_misnamed(name):
                misnamed.append(Path(entry.path))
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                todo.append((entry.path, (*prefix, name)))
            elif linked is not None and not name.endswith(".md") and entry.is_symlink():
                linked.append(Path(entry.path))
    names.sort()
    return [(parts, pack_dir.joinpath(*parts)) for parts in names]


def _where_it_goes(pack: str, parts: tuple[str, ...]) -> str:
    """Where a card at the wrong depth is loaded from: its topic folder, the first level
    under the pack (a card at the pack's top has none yet: its `topic:` names it)."""
    if len(parts) == 1:
        return f"move it into a topic folder named as its topic, {pack}/<topic>/{parts[0]}"
    return f"move it up to {pack}/{parts[0]}/{parts[-1]}"


def misnamed_problem(path: Path) -> Problem:
    """A card saved under another name than `<id>.md`: where it is and the name it needs."""
    return Problem(
        path,
        1,
        1,
        "not-read",
        "looks like a card but is not named *.md, so it is not read: rename it to "
        f"{misnamed_stem(path.name)}.md",
        severity="warning",
    )


def looks_like_misnamed_card(path: Path) -> bool:
    """Whether a file under a misnamed card's name (`is_misnamed`) is a card: a Markdown
    name whose front matter has a `kind` (or that cannot be read: it is still told), or a
    `.txt` whose text starts as a card's (front matter, or `## Question`). A `.txt` that
    cannot be read as text (an image, a binary) is none."""
    if is_markdown_name(path.name) and looks_like_card(path):
        return True
    try:
        head = read_regular_text(path, limit=CARD_LIMIT, title="card file")
    except InputFileError:
        return False
    return reads_as_card(head)


def card_ids_by_name(pack_dir: Path) -> dict[str, Path]:
    """The ids of a pack's cards, from the names of the files a load would read as cards
    (`<pack>/<topic>/<id>.md`): folders listed, no file opened. The first file of an id
    in name order, as a load keeps it."""
    ids: dict[str, Path] = {}
    for parts, path in _markdown_files(pack_dir):
        if len(parts) == 2:
            ids.setdefault(path.name.removesuffix(".md"), path)
    return ids


def _card_files(
    pack_dir: Path,
    problems: list[Problem],
    misplaced: set[Path],
    lint: bool = False,
    not_read: list[Path] | None = None,
) -> list[tuple[Path, str]]:
    """(card file, topic folder) pairs; Markdown files at the wrong depth are reported
    (and added to `misplaced`), and cards under another Markdown suffix (added to
    `not_read`). With `lint`, links the load does not follow are too."""
    files: list[tuple[Path, str]] = []
    linked: list[Path] | None = [] if lint else None
    unreadable: list[Path] = []
    misnamed: list[Path] = []
    for parts, path in _markdown_files(pack_dir, linked, unreadable, misnamed):
        if path.name in _IGNORED_MARKDOWN and not looks_like_card(path):
            continue  # a README (a topic folder's too): never a card id, which is lowercase
        if len(parts) == 2:
            files.append((path, parts[0]))
        elif looks_like_card(path):
            misplaced.add(path)
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "misplaced",
                    "card files live at <pack>/<topic>/<id>.md; this one is not loaded: "
                    + _where_it_goes(pack_dir.name, parts),
                )
            )
    problems.extend(_unfollowed_link_problems(linked or [], pack_dir))
    problems.extend(map(unreadable_folder, unreadable))
    read = _link_targets(path for path, _ in files) if misnamed else set()
    misnamed_cards = [
        p
        for p in sorted(misnamed)
        if p.is_file() and (not read or p.resolve() not in read) and looks_like_misnamed_card(p)
    ]
    problems.extend(map(misnamed_problem, misnamed_cards))
    if not_read is not None:
        not_read.extend(misnamed_cards)
    return files


def _link_targets(cards: Iterable[Path]) -> set[Path]:
    """Where the card files that are links lead: a file so read (`drafts/kept.txt` behind
    `basics/kept.md`) is read, under its link's name, and no `not-read` card."""
    targets: set[Path] = set()
    for path in cards:
        if path.is_symlink():
            try:
                targets.add(path.resolve(strict=True))
            except (OSError, RuntimeError):  # a loop or a broken link: its own problem
                continue
    return targets


def looks_like_card(path: Path) -> bool:
    """True when a Markdown file outside `<pack>/<topic>/` is a card put in the wrong place
    (its front matter has a `kind`), not a page of the pack's docs (a guide, a docs/ page
    with a site generator's front matter), which the app never reads as a card either.
    A file that cannot be read is taken as a card, so it is still reported."""
    try:
        head = read_regular_text(path, limit=CARD_LIMIT, title="card file")
    except InputFileError:
        return True
    return _FRONT_KIND.match(head) is not None


def _unfollowed_link_problems(links: Sequence[Path], pack_dir: Path) -> list[Problem]:
    """Lint's word on links that are not card files (never followed, nothing read through
    them): one leaving the pack is `link-outside`, as a card's is; a folder linked from
    inside the pack is a warning, since the cards in it are not loaded."""
    problems: list[Problem] = []
    for path in sorted(links):
        problem = _link_problem(path, pack_dir)
        if problem is not None:
            if problem.code == "link-outside":
                problems.append(problem)
        elif os.path.isdir(path):
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "linked-folder",
                    "a linked folder is not followed: the cards in it are not loaded "
                    "(make it a real folder)",
                    severity="warning",
                )
            )
    return problems


LintPacks: TypeAlias = bool | Callable[[Path], bool]
"""Which packs a load checks as lint does: all (True), none (False), or those whose folder
the function accepts (lint checks its own packs, and loads the rest of the bank as the app
does, to find what the app would refuse)."""


def load_bank(
    roots: Sequence[Path],
    *,
    use_cache: bool | None = None,
    lint: LintPacks = False,
    clean: list[Card | CardFacts] | None = None,
) -> Bank:
    """Load every pack under the given content roots (a root may also be a single pack).

    Clean cards are remembered in a persistent cache (see `quiz.bank.cache`) so the
    next load skips their parsing; `use_cache=None` follows DRILLBIT_CACHE (on by default).
    With `lint` (for a pack it names), every card is also checked for what only lint
    reports (its math, see `parse.LINT_ONLY_CODES`); a card with only such problems still
    loads, as in the app's load, which leaves them to `drillbit lint` and to the moment a
    card is shown (so `order` and `related` do not call it broken). A linted pack refused because another pack has its name still has its cards
    checked, each on its own: none of them loads, but their own problems are reported.
    `clean`, when given, gets every card whose file loaded with no problem of its own (what
    the card index remembers of it, `card_facts`).
    """
    if use_cache is None:
        use_cache = cachefile.enabled()
    with gc_paused(long_lived=True):  # the bank stays: no young collection walks it
        return _load_bank(roots, use_cache, lint, clean=clean).bank()


class Loaded(NamedTuple):
    """What a load gives: its cards (`CardFacts` for the files `known` answered), packs,
    problems and card files that do not load."""

    cards: tuple[Card | CardFacts, ...]
    packs: dict[str, Pack]
    problems: tuple[Problem, ...]
    broken: frozenset[Path]

    def bank(self) -> Bank:
        """The bank: only for a load without `known`, whose every card is a model."""
        if any(isinstance(card, CardFacts) for card in self.cards):
            raise ValueError("a load that took cards from their facts has no bank")
        return Bank(cast(tuple[Card, ...], self.cards), self.packs, self.problems, self.broken)


def load_parts(
    roots: Sequence[Path],
    known: Callable[[str, str, Path], CardFacts | None],
    clean: list[Card | CardFacts] | None = None,
) -> Loaded:
    """`load_bank(roots)` as the app loads it (no lint, the card cache as set), with every
    card file `known` answers for taken as those facts, not read (`card_facts.KnownFiles`:
    a file whose key is the one it had when it loaded clean). The checks across files run
    on the facts and the loaded cards together, with the same code as a whole load; so the
    cards' ids, order and refs, the problems and the files that do not load are a whole
    load's. The card cache is read, never written, when `known` is given: its files keep
    what a load saw, and this one sees only the cards it read. `clean`: as `load_bank`'s."""
    with gc_paused(long_lived=True):
        return _load_bank(roots, cachefile.enabled(), False, known, clean)


def _load_bank(
    roots: Sequence[Path],
    use_cache: bool,
    lint: LintPacks = False,
    known: Callable[[str, str, Path], CardFacts | None] | None = None,
    clean: list[Card | CardFacts] | None = None,
) -> Loaded:
    problems: list[Problem] = []
    packs: dict[str, Pack] = {}
    broken: set[Path] = set()
    seen_dirs: set[Path] = set()
    empty: set[Path] = set()  # packs with no card file
    refused: set[Path] = set()  # card files of a pack refused for its name, checked by lint
    misplaced: set[Path] = set()  # Markdown files at the wrong depth, reported and not loaded
    not_read: list[Path] = []  # cards saved as `x.MD` or `x.markdown`: warned of, not read
    written: dict[Path, str] = {}  # the id a card file that does not load writes
    # Every card file in load order: its result, or None until it is parsed below.
    results: list[tuple[Card | CardFacts | None, list[Problem]] | None] = []
    files: list[Path] = []
    pending: list[_Job] = []  # the files the card cache did not answer
    caches: list[card_cache.PackCache] = []
    for root in roots:
        trouble = folder_trouble(root)
        if trouble is not None:
            problems.append(Problem(root, 1, 1, "no-content", f"content folder {trouble}"))
            continue
        unreadable: list[Path] = []
        pack_dirs = find_pack_dirs(root, unreadable)
        problems.extend(map(unreadable_folder, unreadable))
        if not pack_dirs and not unreadable:
            problems.append(Problem(root, 1, 1, "no-pack", NO_PACK_FOUND))
        for pack_dir in pack_dirs:
            resolved = pack_dir.resolve()
            if resolved in seen_dirs:
                continue
            seen_dirs.add(resolved)
            pack_lint = lint(pack_dir) if callable(lint) else lint
            pack_cache = card_cache.PackCache(pack_dir) if use_cache else None
            info = _load_pack_info(pack_dir, problems, pack_cache)
            name = pack_dir.name
            duplicate = name in packs
            if duplicate:
                problems.append(
                    Problem(
                        pack_dir / PACK_FILE,
                        1,
                        1,
                        "duplicate-pack",
                        f"pack '{name}' is also at {packs[name].path}: this pack and its "
                        "cards are not loaded (a pack is named after its folder: rename it)",
                    )
                )
                if not pack_lint:
                    continue
            elif info is not None:
                packs[name] = Pack(name, info, pack_dir)
            if pack_cache is not None:
                caches.append(pack_cache)
            told = len(problems)
            card_files = _card_files(pack_dir, problems, misplaced, pack_lint, not_read)
            if not card_files and len(problems) == told:
                problems.append(_empty_pack(pack_dir, info.order if info is not None else ()))
                empty.add(pack_dir)
            folder = str(pack_dir)
            for path, topic in card_files:
                facts = None
                if known is not None and not duplicate and not pack_lint:
                    facts = known(folder, topic, path)
                if facts is not None:  # unchanged since it loaded clean: no model built
                    files.append(path)
                    results.append((facts, []))
                    continue
                found = _cached_file(path, name, topic, pack_dir, pack_cache, pack_lint)
                files.append(path)
                if duplicate:
                    refused.add(path)
                if isinstance(found, _Job):
                    found.slot = len(results)
                    pending.append(found)
                    results.append(None)
                else:
                    results.append(found)
    if pending:
        from quiz.bank.parallel import map_split

        parsed_all = map_split(_parse_job, pending, handover=(_pack_parsed, _unpack_parsed))
        for job, parsed in zip(pending, parsed_all, strict=True):
            card, card_problems, data = parsed
            results[job.slot] = card, card_problems
            if card is None and isinstance(data, dict) and isinstance(data.get("id"), str):
                written[job.path] = data["id"]
            if job.cache is not None and job.stat is not None and card is not None:
                if not card_problems:
                    job.cache.store(job.relative, job.stat, card, data, linted=job.lint)
    if known is None:  # a load that read every card: its cache files keep what it saw
        for pack_cache in caches:
            pack_cache.save()
    cards: list[Card | CardFacts] = []
    for path, result in zip(files, results, strict=True):
        assert result is not None
        loaded, card_problems = result
        problems.extend(card_problems)
        if loaded is None or path in refused:
            broken.add(path)
        else:
            cards.append(loaded)
            if clean is not None and not card_problems:
                clean.append(loaded)
    not_loaded = {path: _names_of(path, written) for path in broken | misplaced}
    cards = _check_across_files(cards, problems, broken, not_loaded, not_read)
    problems = taken_id_notes(problems, {card.id: card.path for card in cards})
    if lint:
        # A misplaced file is not a card file (the app never counts it), but it is reported
        # at its own file: an `order` entry naming it is not a second problem either.
        for pack in packs.values():
            if pack.path in empty:  # its order names cards not written yet: told once
                continue
            if lint(pack.path) if callable(lint) else lint:
                problems.extend(order_problems(pack, cards, not_loaded, not_read))
    cards = teaching_order(cards, packs)  # after the clashes: the first loaded card wins
    return Loaded(tuple(cards), packs, tuple(sorted(problems)), frozenset(broken))


@dataclass
class _Job:
    """A card file to parse (the card cache did not have it), and where its result goes."""

    path: Path
    pack: str
    topic: str
    cache: card_cache.PackCache | None = None
    relative: str = ""
    stat: os.stat_result | None = None
    slot: int = -1
    lint: bool = False
    """Parse with lint's checks too (`parse_card(..., lint=True)`)."""
    vouched: cachefile.Key | None = None
    """The key the file had when it loaded clean under this code (`BankIndex.vouched_key`)."""


def _lstat_key(path: Path) -> cachefile.Key | None:
    try:
        return cachefile.file_key(os.lstat(path))
    except OSError:
        return None


def _parse_job(job: _Job) -> tuple[Card | None, list[Problem], Any]:
    """Read and parse one card file (in this process or the parallel helper), with the
    front matter's data as YAML loaded it (for the card cache and the hand-over)."""
    from quiz.bank import parse

    # Vouched only when the file has the clean version's key before and after the read.
    vouched = job.vouched is not None and _lstat_key(job.path) == job.vouched
    try:
        text = read_regular_text(job.path, limit=CARD_LIMIT)
    except InputFileError as exc:
        reason = f"card file: {exc.reason}"
        if exc.reason.endswith(_OVER_LIMIT):  # what was said; now what to do
            reason += "; a card is one question and its answer: split it into cards"
        elif names_binary(exc.reason):  # a PDF or a deck put in among the cards
            reason += (
                "; a .md file here is read as a card: remove it, or, if it "
                "belongs in the pack, rename it so its name does not end in .md"
            )
        place = (exc.line or 1, exc.column or 1)
        return None, [Problem(job.path, *place, "unreadable", reason)], None
    vouched = vouched and _lstat_key(job.path) == job.vouched
    card, problems, data = parse.parse_card_data(
        text, job.path, job.pack, job.topic, lint=job.lint, vouched=vouched, loads_as_app=True
    )
    if job.lint and card is not None:  # from the text read here: lint reads a file once
        from quiz.bank.invisible import invisible_char_warnings

        problems += invisible_char_warnings(text, job.path)
    return card, problems, data


def _pack_parsed(parsed: tuple[Card | None, list[Problem], Any]) -> tuple[Any, ...]:
    """A clean card as the helper hands it over: its front matter's data and plain parts.
    A pickled card (pydantic model, Path, slotted sections) took 40-50 us to load again,
    validating the data (the same input to the same validator) about 10."""
    card, problems, data = parsed
    if card is None or problems:
        return ("as-is", parsed)
    return ("card", data, card_cache.card_parts(card))


def _unpack_parsed(job: _Job, packed: tuple[Any, ...]) -> tuple[Card | None, list[Problem], Any]:
    """The parse result `_pack_parsed` handed over, equal to the helper's."""
    if packed[0] == "as-is":
        result: tuple[Card | None, list[Problem], Any] = packed[1]
        return result
    _, data, parts = packed
    return card_cache.card_from_parts(data, parts, job.path, job.pack), [], data


def _cached_file(
    path: Path,
    pack: str,
    topic: str,
    pack_dir: Path | None = None,
    pack_cache: card_cache.PackCache | None = None,
    lint: bool = False,
) -> tuple[Card | None, list[Problem]] | _Job:
    """The file's result when no parsing is needed (a refused link, a cache hit), else the
    job of parsing it (with lint's checks too when `lint`: then only a record of a card
    that passed them is a hit). A symbolic link must stay inside the card's pack."""
    try:
        own = os.lstat(path)
    except OSError:
        why = f"card file: a broken symbolic link{_LINK_FIX}"
        return None, [Problem(path, 1, 1, "unreadable", why)]
    # A plain file's lstat is its stat (the cache key): one system call per card, not two.
    stat: os.stat_result | None = None if stat_module.S_ISLNK(own.st_mode) else own
    if stat is None:
        # Card files sit at <pack>/<topic>/<name>: the pack is known without pack_dir.
        refused = _link_problem(path, pack_dir if pack_dir is not None else path.parent.parent)
        if refused is not None:
            return None, [refused]
    if pack_cache is None or pack_dir is None:
        return _Job(path, pack, topic, lint=lint)
    try:
        if stat is None:
            stat = os.stat(path)  # a link inside the pack: the key of what it points to
    except OSError:
        return _Job(path, pack, topic, lint=lint)  # reading it reports the problem
    relative = f"{topic}/{path.name}"  # card files sit at <pack>/<topic>/<name>
    cached = pack_cache.lookup(relative, cachefile.file_key(stat), path, pack, linted=lint)
    if cached is not None:
        return cached, []
    return _Job(path, pack, topic, pack_cache, relative, stat, lint=lint)


def load_card_file(
    path: Path,
    pack: str,
    topic: str,
    pack_cache: card_cache.PackCache | None = None,
    *,
    vouch: Callable[[Path], cachefile.Key | None] | None = None,
) -> Card | None:
    """One card file as a load of its pack gives it, or None when it does not load.

    From `pack_cache` when it holds this version of the file, else parsed (nothing is
    stored: a cache file is only written whole, by a full load). The checks across files
    are not made. `vouch`, asked only when the file is parsed: the key the file had when
    a full load under this code found it clean (`BankIndex.vouched_key`); a file read
    with that key has its front built without the schema (`models.front_of_valid`), so
    showing it does not import pydantic.
    """
    pack_dir = None if pack_cache is None else path.parent.parent
    found = _cached_file(path, pack, topic, pack_dir, pack_cache)
    if isinstance(found, _Job):
        found.vouched = None if vouch is None else vouch(path)
        return _parse_job(found)[0]
    return found[0]


_LINK_FIX = ": delete the link, or point it at a card file inside its pack"
"""What to do about a card file's link that leads to no file (a loop, a broken link)."""

_OVER_LIMIT = f"over the limit of {describe_size(CARD_LIMIT)}"
"""How `read_regular` ends its reason for a file over the card limit."""


def _link_problem(path: Path, pack_dir: Path) -> Problem | None:
    """A problem when `path` is a symlink that leaves its pack (or is broken, or a loop).

    A pack's files stay inside the pack: a link to a card of a sibling pack, to a file of
    the folder around the packs or to anything else outside is refused (the file it names
    is not read), so a pack loads, lints and installs the same wherever it is put.
    """
    try:
        if not stat_module.S_ISLNK(os.lstat(path).st_mode):
            return None
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Python 3.11)
        why = link_trouble(path) or "a broken symbolic link"
        return Problem(path, 1, 1, "unreadable", f"card file: {why}{_LINK_FIX}")
    try:
        pack = pack_dir.resolve()
    except (OSError, RuntimeError):
        pack = None
    if pack is None or not target.is_relative_to(pack):
        return Problem(
            path,
            1,
            1,
            "link-outside",
            f"symbolic link to {target}, outside its pack "
            f"'{pack_dir.name if pack is None else pack.name}'; "
            "links may only point inside the pack (copy the file in instead)",
        )
    return None


def _names_of(path: Path, written: dict[Path, str]) -> frozenset[str]:
    """The ids a card file that does not load answers to: its file name, and the id its
    front matter writes when that differs (`id-file-name`): a `related` or `order` naming
    either is the file's own problem, not a second one."""
    return frozenset({path.stem, written.get(path, path.stem)})


def _check_across_files(
    cards: list[CardT],
    problems: list[Problem],
    broken: set[Path],
    not_loaded: dict[Path, frozenset[str]],
    not_read: Sequence[Path] = (),
) -> list[CardT]:
    """Unique ids (the later file is not loaded: it joins `broken` and `not_loaded`) and `related` ids
    that exist; a `related` id naming a file of `not_loaded` (a card file that does not
    load, or a misplaced one: path -> `_names_of`) is not a problem (that file has its
    own)."""
    first: dict[str, CardT] = {}
    kept: list[CardT] = []
    for card in cards:
        other = first.get(card.id)
        if other is not None:
            problems.append(
                Problem(
                    card.path,
                    card.lines.get("id", 1),
                    1,
                    "duplicate-id",
                    f"id '{card.id}' is also used by {other.path}: this card is not "
                    "loaded; give it an id of its own (the file's name too)",
                )
            )
            broken.add(card.path)
            not_loaded[card.path] = _names_of(card.path, {})
            continue
        first[card.id] = card
        kept.append(card)
    # A card file that does not load still names its id (ids equal file names, or the id
    # it writes): a related id naming it is not a second problem (its file's own problem
    # says what to fix).
    invalid = {name for names in not_loaded.values() for name in names} - first.keys()
    for card in kept:
        for index, related in enumerate(card.front.related):
            if related in first or related in invalid:
                continue
            problems.append(
                Problem(
                    card.path,
                    *related_item_place(card, index),
                    "unknown-related",
                    f"related id '{related}' does not exist in the bank"
                    + (not_read_note(related, not_read, -3) or _meant(related, card, kept)),
                )
            )
    return kept


def related_item_place(card: CardLike, index: int) -> tuple[int, int]:
    """The line and column of the card's `index`-th `related` item: at the item itself (in
    a `- id` list it is lines below the `related:` key), else at the key."""
    # Only here: parse imports PyYAML, which a warm start never needs.
    from quiz.bank.parse import file_node_position

    place = file_node_position(card.path, ("related", index), CARD_LIMIT)
    return place or (card.lines.get("related", 1), 1)


def _meant(card_id: str, card: CardLike, cards: Sequence[CardLike]) -> str:
    """A did-you-mean for a `related` id no card has: an id of the card's own pack first,
    else of the bank, that is a typo of it (`difflib` ratio at least 0.8) or was renamed
    from or to it by words added or dropped (`sigmoid-bound`, `sigmoid-derivative-bound`);
    never the card's own id. Nothing when none is: 'base-card' is not 'my-card'."""
    import difflib

    words = set(card_id.split("-"))

    def near(other: str) -> bool:
        if other == card.id:
            return False
        theirs = set(other.split("-"))
        if words <= theirs or theirs <= words:
            return True
        return difflib.SequenceMatcher(None, card_id, other).ratio() >= 0.8

    own = [c.id for c in cards if c.pack == card.pack and near(c.id)]
    found = own or [c.id for c in cards if c.pack != card.pack and near(c.id)]
    if not found:
        return ""
    best = max(found, key=lambda other: difflib.SequenceMatcher(None, card_id, other).ratio())
    return f" (did you mean '{best}'?)"


def only_under(problems: Iterable[Problem], paths: Sequence[Path]) -> list[Problem]:
    """The problems located in (or below) any of the given paths.

    A problem's own file is not resolved: a symlink in the pack that points elsewhere is
    reported where it sits.
    """
    inside = under(paths)
    return [problem for problem in problems if inside(problem.path)]


def under(paths: Sequence[Path]) -> Callable[[Path], bool]:
    """Whether a file or folder is one of `paths` or below one (`only_under`'s test).

    The file's own name is not resolved (a symlink is where it sits); its folder is, as
    every given folder is, so `./content` and its absolute form agree. A given file is
    where it sits too: a link given by name (to a card, or a loop) is that link.
    """
    resolved = {p.resolve() if p.is_dir() else as_found(p) for p in paths}
    folders: dict[Path, Path] = {}  # a bank's cards share a few folders: resolved once each

    def inside(path: Path) -> bool:
        # `place` and its few parents looked up among the paths, not each path tried in
        # turn: pre-commit passing 3,000 changed cards of a 10,000-card bank made that
        # 30 million comparisons, 21 minutes before the lint itself
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        place = folder / path.name
        return place in resolved or not resolved.isdisjoint(place.parents)

    return inside


def load_card_text(text: str, path: Path, pack: str = "", topic: str | None = None) -> Card:
    """One card from its text; raises ContentError (with every problem) when it is not valid."""
    from quiz.bank.parse import parse_card

    card, problems = parse_card(text, path, pack, topic)
    if card is None:
        raise ContentError(problems or [Problem(path, 1, 1, "invalid", "card could not be loaded")])
    return card
