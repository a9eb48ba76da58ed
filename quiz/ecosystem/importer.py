"""Turn Markdown interview notes into `concept` card files that pass `drillbit lint`.

`plan_import` decides everything (ids, paths, card text, what is skipped and why)
without touching the disk, so `--dry-run` shows exactly what `write_plan` would write.
Each planned card is parsed back with the bank's own parser before it is accepted: a
card this module writes is a card the loader loads.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from quiz.bank.loader import PACK_FILE
from quiz.bank.mathtext import find_math_problems
from quiz.bank.models import KEBAB
from quiz.bank.parse import parse_card
from quiz.ecosystem.keypoints import MIN_POINTS, key_points
from quiz.ecosystem.notes import NoteQuestion, ParsedNotes, parse_notes

DEFAULT_DIFFICULTY = 2
MAX_ID_WORDS = 6
MAX_ID_CHARS = 60
MAX_TITLE_CHARS = 120

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})(.*)$")
_ATX = re.compile(r"^([ \t]{0,3})(#{1,6})([ \t]+.*)?$")
_KEBAB = re.compile(KEBAB)
_ID_STOP_WORDS = frozenset(
    "a an the is are was were be of to in on for and or its it what why how does do did "
    "explain describe".split()
)
_QUESTION_WORDS = frozenset(
    "what why how when where which who whom whose is are was were do does did can could "
    "should would will shall may might must has have had".split()
)
_IMPERATIVES = frozenset(
    "explain describe compare contrast derive implement define list give show write name "
    "state prove discuss outline summarize summarise walk sketch calculate compute estimate "
    "design draw identify justify pick choose select find suggest propose debug fix tune "
    "train build evaluate analyze analyse interpret diagnose plot solve convert translate "
    "rewrite simplify predict recommend rank classify measure sort optimize optimise "
    "argue assess critique demonstrate discuss recall review".split()
)


@dataclass(frozen=True)
class PlannedCard:
    """One card to write: where, what, and whether it replaces an existing file."""

    question: NoteQuestion
    card_id: str
    path: Path
    text: str
    key_points: tuple[str, ...]
    replaces: bool


@dataclass(frozen=True)
class Skipped:
    """A question of the notes (or another part) that gives no card, and why."""

    line: int
    label: str
    reason: str


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
    notices: tuple[str, ...]
    """Forgiving guesses worth telling (e.g. no answer marker, dollars escaped)."""


def kebab(text: str) -> str:
    """Lowercase ASCII words joined by '-' (accents folded, everything else dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower()))


def card_id_for(title: str) -> str:
    """A short, stable id from a question title: filler words dropped, at most 6 words."""
    words = kebab(title).split("-") if kebab(title) else []
    kept = [w for w in words if w not in _ID_STOP_WORDS]
    if len(kept) < 2:
        kept = words
    kept = kept[:MAX_ID_WORDS]
    slug = "-".join(kept)
    while len(slug) > MAX_ID_CHARS and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug[:MAX_ID_CHARS].strip("-")


def card_title(title: str) -> str:
    """The list title: the question's title without a final period, at most 120 characters."""
    text = re.sub(r"\s+", " ", title).strip().rstrip(".").strip()
    if len(text) <= MAX_TITLE_CHARS:
        return text
    return text[: MAX_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def as_question(title: str) -> str:
    """The title phrased as a question or instruction (a bare topic becomes 'Explain ...')."""
    text = re.sub(r"\s+", " ", title).strip()
    if text.endswith(("?", ".", "!")):
        return text
    first = text.split(" ", 1)[0].lower().strip(",:")
    if first in _QUESTION_WORDS:
        return text + "?"
    if first in _IMPERATIVES:
        return text + "."
    head, _, tail = text.partition(" ")
    if head[:1].isupper() and head[1:].islower():
        head = head.lower()
    return f"Explain {' '.join(p for p in (head, tail) if p)}."


def demote_headings(markdown: str, shallowest: int = 3) -> str:
    """Headings inside an answer moved down (to `###` and deeper) so none is a `## ` section."""
    lines = markdown.split("\n")
    levels: list[int] = []
    fence: str | None = None
    heading_rows: list[int] = []
    for index, raw in enumerate(lines):
        fence_match = _FENCE.match(raw)
        if fence is not None:
            if fence_match and fence_match.group(1).startswith(fence):
                if not fence_match.group(2).strip():
                    fence = None
            continue
        if fence_match:
            fence = fence_match.group(1)[0] * len(fence_match.group(1))
            continue
        match = _ATX.match(raw)
        if match:
            levels.append(len(match.group(2)))
            heading_rows.append(index)
    if not levels or min(levels) >= shallowest:
        return markdown
    shift = shallowest - min(levels)
    for index in heading_rows:
        match = _ATX.match(lines[index])
        assert match is not None
        level = min(len(match.group(2)) + shift, 6)
        lines[index] = f"{match.group(1)}{'#' * level}{match.group(3) or ''}"
    return "\n".join(lines)


def escape_stray_dollars(markdown: str) -> tuple[str, int]:
    """Escape `$` signs that open no math (prices, shell variables); returns (text, how many)."""
    escaped = 0
    for _ in range(200):
        problems = [
            p
            for p in find_math_problems(markdown)
            if p.message.startswith(("stray '$'", "unclosed inline math", "unclosed display math"))
        ]
        if not problems:
            break
        problem = problems[0]
        lines = markdown.split("\n")
        row = lines[problem.line - 1]
        col = problem.col - 1
        width = 2 if row.startswith("$$", col) else 1
        lines[problem.line - 1] = row[:col] + "\\$" * width + row[col + width :]
        markdown = "\n".join(lines)
        escaped += width
    return markdown, escaped


def render_card(
    *,
    card_id: str,
    title: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    source: str,
    points: Sequence[str],
    question: str,
    answer: str,
) -> str:
    """The card file's text; YAML written by safe_dump so quoting is always right."""
    front = {
        "id": card_id,
        "kind": "concept",
        "title": title,
        "topic": topic,
        "tags": list(tags),
        "difficulty": difficulty,
        "source": source,
        "key_points": list(points),
    }
    yaml_text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{yaml_text}---\n\n## Question\n\n{question}\n\n## Answer\n\n{answer}\n"


def pack_yaml_text(name: str, notes: Path, parsed: ParsedNotes) -> str:
    """A new pack's `pack.yaml`: titled after the notes' `# heading` when they have one."""
    title = parsed.title or name.replace("-", " ").capitalize()
    info = {
        "title": title,
        "description": f"Cards imported from {notes.name} with drillbit import.",
        "version": "0.1.0",
    }
    return yaml.safe_dump(info, sort_keys=False, allow_unicode=True, width=1000)


def _unique_id(
    base: str, target_dir: Path, used: set[str], taken: Mapping[str, Path]
) -> tuple[str, Path]:
    """The first of base, base-2, base-3... not used in this import nor by another card file."""
    counter = 1
    while True:
        candidate = base if counter == 1 else f"{base}-{counter}"
        path = target_dir / f"{candidate}.md"
        other = taken.get(candidate)
        same_file = other is not None and other.resolve() == path.resolve()
        if candidate not in used and (other is None or same_file):
            return candidate, path
        counter += 1


def validate_names(pack: str, topic: str) -> None:
    """Raise ValueError when the pack or topic is not a kebab-case folder name."""
    for what, value in (("pack", pack), ("topic", topic)):
        if not _KEBAB.match(value):
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
) -> ImportPlan:
    """Decide the cards for a notes file. Nothing is written.

    `taken_ids` maps ids already in the bank to their files: a new card never reuses
    one (it gets -2, -3...) unless it is that very file, which is replaced only with
    `force`. ValueError for a bad pack/topic/tag name.
    """
    notes_text = text if text is not None else notes_path.read_text(encoding="utf-8")
    pack_name = pack if pack is not None else (kebab(notes_path.stem) or "imported")
    topic_name = (
        topic if topic is not None else (pack_name if _KEBAB.match(pack_name) else "general")
    )
    validate_names(pack_name, topic_name)
    for tag in tags:
        if not _KEBAB.match(tag):
            raise ValueError(f"tag '{tag}' must be kebab-case")
    parsed = parse_notes(notes_text)
    pack_dir = content_dir / pack_name
    target_dir = pack_dir / topic_name
    taken = dict(taken_ids or {})
    used: set[str] = set()
    cards: list[PlannedCard] = []
    skipped = [Skipped(i.line, f"line {i.line} '{i.text}'", i.reason) for i in parsed.ignored]
    notices: list[str] = []
    for question in parsed.questions:
        label = f"{question.label} (line {question.line}) '{question.title}'"
        planned, reason, notes = _plan_card(
            question,
            notes_path=notes_path,
            pack=pack_name,
            topic=topic_name,
            tags=tags,
            difficulty=difficulty,
            target_dir=target_dir,
            used=used,
            taken=taken,
        )
        notices.extend(f"{label}: {note}" for note in notes)
        if planned is None:
            skipped.append(Skipped(question.line, label, reason))
            continue
        used.add(planned.card_id)
        if planned.path.exists() and not force:
            skipped.append(
                Skipped(
                    question.line,
                    label,
                    f"{planned.path} already exists (use --force to overwrite it)",
                )
            )
            continue
        cards.append(planned)
    if not parsed.questions:
        skipped.append(
            Skipped(
                1,
                notes_path.name,
                "no questions found: expected headings like '## Q1: title' or '## 1. title' "
                "(or a title ending in '?'), or 'Q:'/'A:' lines",
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
        notices=tuple(notices),
    )


def _plan_card(
    question: NoteQuestion,
    *,
    notes_path: Path,
    pack: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    target_dir: Path,
    used: set[str],
    taken: Mapping[str, Path],
) -> tuple[PlannedCard | None, str, list[str]]:
    """One card, or (None, why not), plus notices."""
    notes: list[str] = []
    if not question.title:
        return None, "the question has no title", notes
    if not question.answer.strip():
        return None, "no answer under the question", notes
    if not question.marker:
        notes.append("no '**Answer:**' line; the whole text under the question is the answer")
    answer, escaped = escape_stray_dollars(demote_headings(question.answer))
    prompt = question.prompt
    if prompt:
        prompt, more = escape_stray_dollars(demote_headings(prompt))
        escaped += more
    if escaped:
        notes.append(f"escaped {escaped} '$' sign(s) that open no math")
    points = key_points(answer)
    if len(points) < MIN_POINTS:
        return (
            None,
            f"the answer is too short for {MIN_POINTS} key points (found {len(points)}); "
            "add list items, bold 'Term:' lines or sentences to it",
            notes,
        )
    base = card_id_for(question.title) or f"{pack}-q{question.number or question.ordinal}"
    card_id, path = _unique_id(base, target_dir, used, taken)
    question_text, more = escape_stray_dollars(as_question(question.title))
    if more:
        notes.append(f"escaped {more} '$' sign(s) in the title that open no math")
    question_text += f"\n\n{prompt}" if prompt else ""
    number = question.number if question.number is not None else question.ordinal
    text = render_card(
        card_id=card_id,
        title=card_title(question.title),
        topic=topic,
        tags=tags,
        difficulty=difficulty,
        source=f"{notes_path.name} Q{number}",
        points=points,
        question=question_text,
        answer=answer,
    )
    card, problems = parse_card(text, path, pack, topic)
    if card is None:
        return None, f"the card would not pass lint: {problems[0].message}", notes
    return PlannedCard(question, card_id, path, text, tuple(points), path.exists()), "", notes


def write_plan(plan: ImportPlan) -> list[Path]:
    """Write the plan's pack.yaml (when new) and cards; returns the files written."""
    written: list[Path] = []
    if plan.pack_yaml is not None and plan.cards:
        plan.pack_dir.mkdir(parents=True, exist_ok=True)
        (plan.pack_dir / PACK_FILE).write_text(plan.pack_yaml, encoding="utf-8")
        written.append(plan.pack_dir / PACK_FILE)
    for card in plan.cards:
        card.path.parent.mkdir(parents=True, exist_ok=True)
        card.path.write_text(card.text, encoding="utf-8")
        written.append(card.path)
    return written
