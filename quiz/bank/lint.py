"""`drillbit lint`: load the bank around the given paths, check everything, report with places.

Problems are errors (lint fails) or warnings (reported, exit code still 0): a
warning is a hint about how a pack teaches, such as right answers that crowd one option
position or a numeric card an earlier card works out, not a broken card.

What is read depends on what is linted (`lint_roots`). A folder of packs is checked
whole. A pack folder (or a folder inside one) is linted alone: that pack, plus the packs
its `after` names from the same folder (loaded as the app loads them, so a `related` id
may name their cards; their own problems are not reported); no other pack of the folder
is read, so a broken neighbour does not fail the run: only their card file names are
listed, for a warning at a linted card whose id one of them also has
(`sibling_id_warnings`). A card file (pre-commit passes the
changed files) is checked with the whole folder of packs it belongs to: cross-file
checks (unique ids, related ids) see that whole bank, so linting one changed file does
not report false problems, and a related id anywhere in that bank that no longer
resolves (its card was deleted or broken by the change) is reported too. The command
also loads the bank the app loads
around them (the bundled bank, --content and DRILLBIT_CONTENT folders, installed packs):
a pack name or card id that bank already has makes the app refuse the linted pack or
card, so lint reports it, at the linted file.
Coding cards are also checked against their checker in the engine.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from quiz.bank.answer_length import (
    code_only_answer_warnings,
    long_answer_warnings,
    long_question_warnings,
)
from quiz.bank.answer_positions import answer_position_warnings
from quiz.bank.card_images import image_warnings
from quiz.bank.card_links import card_link_warnings
from quiz.bank.card_tags import duplicate_tag_warnings, tag_spelling_warnings
from quiz.bank.citations import (
    bare_url_warnings,
    reversed_range_warnings,
    section_as_chapter_warnings,
)
from quiz.bank.fence_language import fence_language_warnings
from quiz.bank.indented_code import indented_code_warnings
from quiz.bank.lint_drills import DRILL_TIMEOUT_SECONDS, DrillRunner
from quiz.bank.lint_packless import packless_cards
from quiz.bank.loader import (
    NO_PACK_FOUND,
    PACK_FILE,
    Bank,
    card_ids_by_name,
    find_pack_dirs,
    is_pack,
    load_bank,
    only_under,
    pack_dir_of,
    under,
)
from quiz.bank.models import Card, CodingFront
from quiz.bank.pack_after import after_cycle_warnings, unknown_after_warnings
from quiz.bank.pack_slips import pack_yaml_slips
from quiz.bank.pack_title import pack_title_problems
from quiz.bank.parse import extract_code_block
from quiz.bank.problems import Problem
from quiz.bank.related_self import self_related_warnings
from quiz.bank.starter_imports import starter_import_problems
from quiz.bank.title_dollars import title_escape_warnings
from quiz.bank.title_markup import title_markup_warnings
from quiz.bank.worked_examples import worked_example_warnings
from quiz.paths import as_found

REFERENCE_CODES = frozenset({"unknown-related"})
"""Problems of one card caused by another: reported whichever file of the bank is linted."""

PACK_CODES = frozenset({"duplicate-pack"})
"""Problems of a pack's pack.yaml that keep all its cards from loading: reported when any
file of that pack is linted (pre-commit passes only the changed card files)."""

LINT_SEED = 20240601
"""A fixed seed, so lint's drill checks are reproducible."""

STARTER_COLUMNS = 71
"""The widest starter line the drill editor shows unwrapped at 80 columns: its code area
beside a two-digit line-number gutter and the scroll bar (a test holds the editor to it).
A wider line wraps under the gutter, where it reads as two lines of code."""


def roots_for(path: Path) -> list[Path]:
    """The content root(s) whose packs `path` is checked as part of (see `lint_roots`)."""
    pack = pack_dir_of(path)
    if pack is not None:
        # A pack (or a folder inside one) is linted alone; a file, as pre-commit passes
        # changed files, with the whole folder of packs it belongs to.
        return [pack] if path.is_dir() else [pack.parent]
    if path.is_dir() and find_pack_dirs(path):
        return [path]
    return [path if path.is_dir() else path.parent]


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def lint_roots(paths: Sequence[Path]) -> list[Path]:
    """The content roots the linted paths are checked in, each once, in the paths' order.

    A card or pack.yaml file is checked with the whole folder of packs it belongs to, so a
    changed file's id is unique and a related id resolves across that bank (pre-commit
    passes the changed files). A pack folder, or a folder inside one, is linted alone: its
    root is the pack, and no other pack of its folder is read (`support_roots` adds the
    packs it builds on). A folder of packs is that folder. A pack whose whole folder is
    also linted is not named again.
    """
    roots: list[Path] = []
    for path in paths:
        for root in roots_for(path):
            if all(not _same(root, r) for r in roots):
                roots.append(root)
    folders = [r.resolve() for r in roots if not is_pack(r)]
    return [r for r in roots if not is_pack(r) or r.parent.resolve() not in folders]


def _after_names(pack: Path) -> tuple[str, ...]:
    """The pack names a pack's `pack.yaml` lists in `after` (none when it does not load:
    linting the pack reports why)."""
    from quiz.bank.loader import load_pack_info

    info = load_pack_info(pack)
    return () if info is None else info.after


def _sibling(pack: Path, name: str) -> Path | None:
    """The pack named `name` in the folder around `pack`, if there is one. Only a plain
    folder name counts: `after` names packs, never paths (`../x` is not followed)."""
    if name in (".", "..") or "\0" in name or Path(name).name != name:
        return None
    candidate = pack.parent / name
    return candidate if is_pack(candidate) else None


def support_roots(own: Sequence[Path]) -> list[Path]:
    """The packs the packs linted alone build on (`after`, and what those build on), from
    the same folder: loaded with them as the app loads packs, so a `related` id may name
    their cards, and their own problems are not reported. Another pack of the folder is
    never read."""
    found: list[Path] = []
    todo = [root for root in own if is_pack(root)]
    seen = {root.resolve() for root in todo}
    while todo:
        pack = todo.pop(0)
        for name in _after_names(pack):
            sibling = _sibling(pack, name)
            if sibling is None or sibling.resolve() in seen:
                continue
            seen.add(sibling.resolve())
            found.append(sibling)
            todo.append(sibling)
    return found


def lint_load_roots(paths: Sequence[Path]) -> list[Path]:
    """The roots a lint of `paths` loads besides the app's bank: the packs the packs
    linted alone build on, first (as their cards come first), then `lint_roots`."""
    return _with_support(lint_roots(paths))


def _with_support(own: Sequence[Path]) -> list[Path]:
    """`own` (`lint_roots`) after the packs its packs linted alone build on."""
    return [*support_roots(own), *own]


def checked_cards(bank: Bank, paths: Sequence[Path]) -> list[Card]:
    """The cards of the linted paths that loaded: what lint's summary counts as fine (a
    sibling pack loaded for its ids, or the bundled bank, is not counted)."""
    inside = under(paths)
    return [card for card in bank.cards if inside(card.path)]


def lint(
    paths: Sequence[Path],
    *,
    roots: Sequence[Path] | None = None,
    run_drills: bool = True,
    drill_timeout: float = DRILL_TIMEOUT_SECONDS,
) -> tuple[Bank, list[Problem]]:
    """Every problem located under `paths`, sorted by place, and the bank loaded to find them.

    `roots`: the content roots the app loads, in its order (`drillbit lint` passes the
    bundled bank, --content and DRILLBIT_CONTENT folders and installed packs, with the
    paths' own roots as --content folders), so what the app would refuse because of the
    rest of its bank is found; a root of `lint_load_roots` missing from them is loaded
    last. By default only those are loaded. Only the packs of the paths' own roots
    (`lint_roots`) are checked as lint checks; the rest (the packs a pack linted alone
    builds on, the app's bank) is loaded as the app loads it, and its own problems are not
    the linted files' (they are not reported). `run_drills` grades each coding card's
    reference and starter; a pack's checker runs only then, stopped at `drill_timeout`.
    """
    own = lint_roots(paths)
    mine = _with_support(own)
    load = list(mine if roots is None else roots)
    for root in mine:
        if all(not _same(root, r) for r in load):
            load.append(root)
    in_own = under(own)
    bank = load_bank(load, lint=in_own)
    problems = list(bank.problems)
    with DrillRunner(drill_timeout) as runner:  # started by the first drill graded
        for card in checked_cards(bank, paths):
            if isinstance(card.front, CodingFront):
                problems.extend(
                    check_coding_card(
                        card, run_drills=run_drills, drill_timeout=drill_timeout, runner=runner
                    )
                )
    own_cards = [c for c in bank.cards if in_own(c.path)]
    problems.extend(answer_position_warnings(own_cards, bank.packs))
    problems.extend(worked_example_warnings(own_cards, bank.packs))
    problems.extend(long_answer_warnings(own_cards))
    problems.extend(long_question_warnings(own_cards))
    problems.extend(code_only_answer_warnings(own_cards))
    problems.extend(indented_code_warnings(own_cards))
    problems.extend(fence_language_warnings(own_cards))
    problems.extend(title_escape_warnings(own_cards))
    problems.extend(title_markup_warnings(own_cards))
    problems.extend(duplicate_tag_warnings(own_cards))
    problems.extend(tag_spelling_warnings(own_cards, bank.cards))
    problems.extend(image_warnings(own_cards))
    problems.extend(card_link_warnings(own_cards))
    problems.extend(self_related_warnings(own_cards))
    problems.extend(section_as_chapter_warnings(own_cards))
    problems.extend(bare_url_warnings(own_cards))
    problems.extend(reversed_range_warnings(own_cards))
    problems.extend(pack_title_problems(bank.packs.values(), in_own))
    for root in own:
        packless = packless_cards(root)
        if packless:  # they say which folder lacks its pack.yaml: the root's word is that
            problems = [p for p in problems if not _no_pack_at(p, root)]
        problems.extend(packless)
        problems = pack_yaml_slips(find_pack_dirs(root), in_own, problems)
    # References into the linted files: a card elsewhere in the bank that names a card
    # deleted or broken by this change is part of the change's problems, and so is an
    # `after` naming a pack this change renamed.
    references = [p for p in bank.problems if p.code in REFERENCE_CODES and in_own(p.path)]
    references += unknown_after_warnings(bank.packs, in_own)
    references += after_cycle_warnings(bank.packs, in_own)
    # A linted card whose whole pack is refused does not load: say why, at the pack.yaml.
    linted = [as_found(path) for path in paths]
    refused_packs = [
        p
        for p in bank.problems
        if p.code in PACK_CODES
        and p.path.name == PACK_FILE
        and any(under([p.path.parent])(path) for path in linted)
    ]
    found = set(only_under(problems, paths))
    alone = [root for root in own if is_pack(root)]
    found.update(sibling_id_warnings(bank, alone, loaded=load, paths=paths))
    return bank, sorted(_say_alone(found | set(references) | set(refused_packs), alone))


def _no_pack_at(problem: Problem, root: Path) -> bool:
    """The load's "no pack found" at `root`."""
    return problem.message == NO_PACK_FOUND and _same(problem.path, root)


def sibling_id_warnings(
    bank: Bank, alone: Sequence[Path], *, loaded: Sequence[Path], paths: Sequence[Path]
) -> list[Problem]:
    """A warning at each linted card whose id a pack of the same folder also has, for the
    packs linted alone.

    The app given the folder loads every pack in it, and of two cards with one id keeps
    the first (packs load in name order): the other is left out, as a whole-folder lint
    reports (`duplicate-id`). A pack linted alone does not load its neighbours, so only
    their card ids are read, from their file names (ids equal file names): no file of
    theirs is opened, and their own problems stay theirs. A warning, not an error: the
    clash is between two packs, the neighbour's card may not load at all (names alone
    cannot tell), and a pack's own lint must not fail for what is added beside it.
    Neighbours the lint loads anyway (named in `after`, or the folder in the app's bank)
    are skipped: the load reports their clashes itself.
    """
    inside = under(paths)
    warnings: list[Problem] = []
    for pack in alone:
        mine = [card for card in bank.cards if inside(card.path) and under([pack])(card.path)]
        if not mine:
            continue
        for sibling in _unloaded_siblings(pack, loaded):
            ids = card_ids_by_name(sibling)
            for card in mine:
                other = ids.get(card.id)
                if other is None:
                    continue
                kept = (
                    "that one, and leaves this one out"
                    if sibling.name < pack.name
                    else "this one, and leaves that one out"
                )
                warnings.append(
                    Problem(
                        card.path,
                        card.lines.get("id", 1),
                        1,
                        "sibling-duplicate-id",
                        f"id '{card.id}' is also the name of {other}, in pack "
                        f"'{sibling.name}' of the same folder (not linted); the app, loading "
                        f"the folder, keeps {kept}: rename one, or lint the whole folder",
                        severity="warning",
                    )
                )
    return warnings


def _unloaded_siblings(pack: Path, loaded: Sequence[Path]) -> list[Path]:
    """The other packs of `pack`'s folder that a load of `loaded` does not read."""
    folder = pack.parent
    if any(_same(root, folder) for root in loaded):
        return []
    try:
        packs = find_pack_dirs(folder)
    except OSError:
        return []
    return [
        sibling
        for sibling in packs
        if not _same(sibling, pack) and not any(_same(root, sibling) for root in loaded)
    ]


ALONE_NOTE = (
    "; linted alone, a pack sees only its own cards, the packs its `after` names and the "
    "app's bank: name the card's pack in `after`, or lint the whole folder"
)


def _say_alone(problems: set[Problem], alone: Sequence[Path]) -> list[Problem]:
    """An unknown related id in a pack linted alone says what the pack was linted with:
    it may name a card of a pack of the folder that was not read. Not when it names the
    card it is a typo of (`relu-of-valeu`): the note sent a newcomer to `after` for a slip."""
    if not alone:
        return list(problems)
    inside = under(alone)
    return [
        replace(p, message=p.message + ALONE_NOTE)
        if p.code in REFERENCE_CODES and inside(p.path) and _MEANT not in p.message
        else p
        for p in problems
    ]


_MEANT = "(did you mean '"
"""How a problem's message names what was meant (`quiz.bank.loader`'s related ids)."""


def _starter_signatures(tree: ast.Module) -> dict[str, tuple[tuple[str, ...], int]]:
    """Entry name -> (parameter names, line) from the starter code."""
    return {
        node.name: (
            tuple(a.arg for a in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]),
            node.lineno,
        )
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
    }


def _starter_first_line(card: Card) -> int:
    section = card.sections["Starter"]
    block = extract_code_block(section.text)
    return section.line + 1 + (block[1] if block else 0)


def _wide_starter_lines(card: Card) -> list[Problem]:
    """A problem at each starter line wider than the editor shows at 80 columns."""
    first_line = _starter_first_line(card)
    return [
        Problem(
            card.path,
            first_line + index,
            STARTER_COLUMNS + 1,
            "starter-too-wide",
            f"starter line is {width} columns wide; the drill editor wraps it at 80 "
            f"columns: keep starter lines to {STARTER_COLUMNS} (split the comment, "
            "docstring or call)",
        )
        for index, line in enumerate(card.starter.splitlines())
        if (width := len(line.expandtabs(4))) > STARTER_COLUMNS
    ]


def check_coding_card(
    card: Card,
    *,
    run_drills: bool = True,
    drill_timeout: float = DRILL_TIMEOUT_SECONDS,
    runner: DrillRunner | None = None,
) -> list[Problem]:
    """The starter fits the editor and imports only what a drill may (`starter_imports`),
    and the card agrees with its checker: it exists, the
    entries and the starter's signatures match, the params are read, the reference passes
    and the starter fails (`lint_drills`: the starter and a pack's checker run only with
    `run_drills`, in `runner`'s child, else one of their own, stopped at `drill_timeout`
    seconds)."""
    from quiz.bank.lint_drills import checker_problems, facts_for, request_for

    tree = ast.parse(card.starter)
    signatures = _starter_signatures(tree)
    request = request_for(
        card, {k: v[0] for k, v in signatures.items()}, seed=LINT_SEED, run_drills=run_drills
    )
    facts = facts_for(request, timeout=drill_timeout, runner=runner)
    first_line = _starter_first_line(card)
    return [
        *_wide_starter_lines(card),
        *(
            Problem(card.path, first_line + line - 1, col, "starter-import", message)
            for line, col, message in starter_import_problems(tree)
        ),
        *checker_problems(card, facts, first_line=first_line, starter_signatures=signatures),
    ]
