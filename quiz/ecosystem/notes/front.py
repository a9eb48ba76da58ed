"""The YAML front matter (Obsidian's properties) that opens a notes file.

Obsidian, Jekyll and many Markdown vaults open a note with `---`, YAML, `---`. Read as
Markdown it is a rule and a heading made of the YAML's lines, and import dropped it without
a word, its `tags` with it. Here it is taken off the notes (its lines blanked, so every
later line keeps its number), its tags become every card's, and what is not used is said.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from quiz.ecosystem.idwords import nested_tags
from quiz.ecosystem.linenames import line_said, span_said

MAX_FRONT_LINES = 200
"""A front matter closes within this many lines, else the `---` is read as Markdown (a
rule): a file that merely opens with a rule must not lose its text to a search for the end."""
TAG_KEYS = ("tags", "tag")
"""Obsidian's key, and the singular form older vaults and Jekyll use."""


@dataclass(frozen=True)
class NotesFront:
    """What the front matter said, and the notes without it."""

    text: str
    """The notes with the front matter's lines left empty (the same line count)."""
    lines: int = 0
    """How many lines it took, the two `---` included (0: there is none)."""
    tags: tuple[str, ...] = ()
    """Its tags as card tags (kebab-case), each once, in order."""
    unused: tuple[str, ...] = ()
    """Its other keys (`aliases`, `created`...), which no card field holds."""
    problem: str | None = None
    """Why it could not be read as a YAML mapping (it is left out all the same)."""
    kind: str = "front matter"
    """What the report calls it: "front matter", or Logseq's "page properties"."""
    not_tags: tuple[str, ...] = ()
    """The values under `tags` that are no tag (a mapping, a list in the list, a yes/no),
    as the report quotes them."""

    def note(self) -> str | None:
        """One line for the import's report, or None when there is nothing to say."""
        if not self.lines:
            return None
        if self.problem is not None:
            return f"{span_said(1, self.lines)} {'is' if self.lines == 1 else 'are'} left out: {self.problem}"
        said = []
        if self.tags:
            said.append(f"its tags ({', '.join(self.tags)}) are given to every card")
        if self.not_tags:
            quoted = ", ".join(f"'{value}'" for value in self.not_tags)
            said.append(
                f"its tags value{'s' if len(self.not_tags) > 1 else ''} {quoted} "
                f"{'are' if len(self.not_tags) > 1 else 'is'} no tag (a word or a number),"
                " not used"
            )
        if self.unused:
            said.append(
                f"{', '.join(self.unused)} {'is' if len(self.unused) == 1 else 'are'} not used"
            )
        return "; ".join(said) or None


def _closing(lines: list[str]) -> int | None:
    """The index of the line that closes a front matter opened on line 0, if any."""
    for index in range(1, min(len(lines), MAX_FRONT_LINES)):
        if lines[index].rstrip("\r").rstrip() in ("---", "..."):
            return index
    return None


def _tag_values(value: object) -> tuple[list[str], list[str]]:
    """(a `tags` value's tags as written, the parts of it that are no tag): a list, one
    string of tags separated by commas or spaces, or one number (`tags: 2024`, as a list's
    item is read); `#` (Obsidian's tag sign) and `/` (its nesting) are not part of a word.
    A mapping, a nested list or a yes/no is no tag, and is said: `tags: 2024` and a list's
    `{a: b}` were dropped without a word."""
    if value is None:
        return [], []
    if isinstance(value, str):
        return value.replace(",", " ").split(), []
    items = value if isinstance(value, list) else [value]
    kept = [
        str(item)
        for item in items
        if isinstance(item, str | int | float) and not isinstance(item, bool)
    ]
    left = [
        _shown(item)
        for item in items
        if item is not None and (isinstance(item, bool) or not isinstance(item, str | int | float))
    ]
    return kept, left


def _shown(value: object) -> str:
    """A value as the report quotes it, as YAML writes it, one line, at most 40 characters."""
    written = yaml.safe_dump(value, default_flow_style=True, width=10_000)
    flat = " ".join(written.removesuffix("\n...\n").split())
    return flat if len(flat) <= 40 else flat[:39] + "…"


def read_front(text: str) -> NotesFront:
    """The front matter of `text`, if it opens with one, and the text without it."""
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return NotesFront(text)
    lines = text.split("\n", MAX_FRONT_LINES)  # the rest of a long file stays one piece
    if lines[0].rstrip("\r").rstrip() != "---":
        return NotesFront(text)
    end = _closing(lines)
    if end is None:
        return NotesFront(text)
    body = "\n".join(line.rstrip("\r") for line in lines[1:end])
    blanked = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    try:
        data = yaml.safe_load(body) if body.strip() else {}
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        at = f" ({line_said(where.line + 2)})" if where is not None else ""
        return NotesFront(blanked, end + 1, problem=f"its YAML could not be read{at}")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return NotesFront(blanked, end + 1, problem="it is not a YAML mapping of keys to values")
    tags: list[str] = []
    not_tags: list[str] = []
    for key in TAG_KEYS:
        raw_tags, left = _tag_values(data.get(key))
        tags += [tag for raw in raw_tags for tag in nested_tags(raw)]
        not_tags += left
    unused = tuple(str(key) for key in data if key not in TAG_KEYS)
    return NotesFront(
        blanked, end + 1, tuple(dict.fromkeys(tags)), unused, not_tags=tuple(not_tags)
    )


_PAGE_PROPERTY = re.compile(r"([A-Za-z][\w-]*):: ?(.*)")
"""A Logseq page property line (`tags:: ml, optimization`), matched whole: no repetition
that nests, and a line of the file is at most what the file is."""


def _page_tags(value: str) -> list[str]:
    """Tags of a Logseq `tags::` value: page names separated by commas, as `[[deep
    learning]]`, `#ml` or plain words (`#a #b` without commas are several)."""
    names: list[str] = []
    for piece in value.split(","):
        piece = piece.strip()
        words = piece.split() if piece.startswith("#") else [piece]
        names += [word.strip("#").removeprefix("[[").removesuffix("]]") for word in words]
    return [tag for name in names for tag in nested_tags(name)]


_ASKING_KEYS = frozenset({"q", "question", "front"})
"""Keys of a property that asks (`notes/blockprops.ASKED_PAIR`): no page property."""


def read_page_properties(text: str) -> NotesFront:
    """Logseq's page properties, the `key:: value` lines that open a page (its front matter):
    `tags::` are every card's, as Obsidian's front matter tags are, and the other keys
    (`alias::`...) are said to be unused. Their lines are left empty (the line count stays);
    read as notes they were blanked as block properties, their tags dropped unsaid."""
    text = text.lstrip("\ufeff")
    lines = text.split("\n", MAX_FRONT_LINES)
    found: list[tuple[str, str]] = []
    for line in lines[:MAX_FRONT_LINES]:  # not the rest of a long file, split off whole
        match = _PAGE_PROPERTY.fullmatch(line.rstrip("\r"))
        if match is None or match.group(1).lower() in _ASKING_KEYS:
            break  # `Q:: What is X?` over `A:: ...` opens a list of cards, not the page's
        found.append((match.group(1), match.group(2)))
    count = len(found)
    if not found:
        return NotesFront(text)
    tags: list[str] = []
    for key, value in found:
        if key.lower() in TAG_KEYS:
            tags += _page_tags(value)
    unused = tuple(dict.fromkeys(k for k, _ in found if k.lower() not in TAG_KEYS))
    blanked = "\n" * count + "\n".join(lines[count:])
    return NotesFront(blanked, count, tuple(dict.fromkeys(tags)), unused, kind="page properties")


_NOTION_PROPERTY = re.compile(r"([A-Z][A-Za-z0-9 ]{0,39}): (\S.*)")
"""A property line of a Notion page exported as Markdown (`Tags: ML, Interview`)."""
NOTION_KEYS = frozenset({"tags", "created", "created time", "last edited time", "created by"})
"""Keys Notion gives a database page: one of them tells its properties from text such as
`Note: read this first` under a title."""


def read_notion_properties(text: str) -> NotesFront:
    """A Notion page's properties, the `Key: value` lines between its `# Title` and its
    text: `Tags:` (Notion's multi-select, values joined by `, `) are every card's, the
    other keys are said to be unused, and their lines are left empty. Read as notes they
    were the title's introduction, "not imported", and the page's tags were lost."""
    lines = text.split("\n", MAX_FRONT_LINES)
    if not lines[0].startswith("# ") or len(lines) < 3 or lines[1].strip():
        return NotesFront(text)
    found: list[tuple[str, str]] = []
    for line in lines[2:MAX_FRONT_LINES]:
        match = _NOTION_PROPERTY.fullmatch(line.rstrip("\r"))
        if match is None:
            if line.strip():
                return NotesFront(text)  # text goes on after them: no property block
            break
        found.append((match.group(1), match.group(2)))
    if not any(key.lower() in NOTION_KEYS for key, _ in found):
        return NotesFront(text)
    tags = [
        tag
        for key, value in found
        if key.lower() in TAG_KEYS
        for name in value.split(",")
        for tag in nested_tags(name.strip())
    ]
    unused = tuple(dict.fromkeys(k for k, _ in found if k.lower() not in TAG_KEYS))
    end = 2 + len(found)
    blanked = "\n".join([*lines[:2], *([""] * len(found)), *lines[end:]])
    return NotesFront(blanked, end, tuple(dict.fromkeys(tags)), unused, kind="Notion properties")
