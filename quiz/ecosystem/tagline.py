"""Lines of nothing but Obsidian tags (`#review #ml/deep`): the note's tags, not text.

Obsidian tags a note with `#tag` words anywhere in it, and vaults often end (or open) a
note with a line of them. Read as Markdown such a line is a paragraph, and import took it
into the answer of the question above it: a card whose answer ended in "#review". Here a
line made only of tags (outside fences and indented code) is taken off the notes (left
empty, so every later line keeps its number), its tags become every card's, as the front
matter's are, and the report says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quiz.ecosystem.fences import outside_fences
from quiz.ecosystem.idwords import nested_tags
from quiz.ecosystem.linenames import line_numbers
from quiz.ecosystem.notes.tabs import indent_of

_TAG_CHARACTERS = frozenset("_-/")
"""Characters a tag holds besides letters and digits (`/` nests: `#ml/optimizers`)."""


@dataclass(frozen=True)
class TagLines:
    """The notes without their tag lines, the tags those lines gave, and where they were."""

    text: str
    tags: tuple[str, ...] = ()
    """Card tags (kebab-case), each once, in order."""
    lines: tuple[int, ...] = ()
    """1-based lines taken off."""
    written: tuple[str, ...] = ()
    """The tags as the notes wrote them (`#ml/deep`), to name them in the report."""

    def note(self) -> str | None:
        """One line for the import's report, or None when no line was taken off."""
        if not self.lines:
            return None
        where = line_numbers(self.lines, len(self.lines)) + (
            " holds" if len(self.lines) == 1 else " hold"
        )
        given = (
            f"its tags ({', '.join(self.tags)}) are given to every card"
            if self.tags
            else "none of them is a card tag"
        )
        return f"{where} only Obsidian tags ({' '.join(self.written)}): {given}, not answer text"


def _is_tag(word: str) -> bool:
    """True for an Obsidian tag: `#`, then letters, digits, `_`, `-` or `/`, not all digits
    (`#1` is a number, `##` a heading mark)."""
    body = word[1:]
    return (
        word[:1] == "#"
        and bool(body)
        and all(c.isalnum() or c in _TAG_CHARACTERS for c in body)
        and not body.isdigit()
    )


_WORD = re.compile(r"#([^\s#][^#]*?)#(?=\s|$)|#[^\s#]+(?=\s|$)")
"""A tag as Obsidian writes it (`#ml/deep`) or as Bear does, closed by a `#` so that it
may hold spaces (`#deep learning#`, `#ml#`); `[^#]` keeps each match to one tag."""


def _tag_words(line: str) -> list[str] | None:
    """The tags of a line made of nothing else, as written; None for any other line."""
    words: list[str] = []
    at = 0
    while at < len(line):
        match = _WORD.match(line, at)
        if match is None:
            return None
        word = match.group(0)
        bear = match.group(1)
        if bear is not None:  # Bear's: its words are tags' words
            if bear != bear.strip() or not _is_tag("#" + bear.replace(" ", "-")):
                return None
        elif not _is_tag(word):
            return None
        words.append(word)
        at = match.end()
        while at < len(line) and line[at].isspace():
            at += 1
    return words or None


def _maybe(text: str) -> bool:
    """True when some line may be a tag line: a `#` opens it (after at most three spaces)
    and a tag's character follows (a heading's `# ` or `##` does not). Found with
    `str.find`, so notes with headings only are not split into lines."""
    at = text.find("#")
    while at >= 0:
        start = text.rfind("\n", 0, at) + 1
        if at - start <= 3 and not text[start:at].strip(" ") and _is_tag(text[at : at + 2]):
            return True
        at = text.find("#", at + 1)
    return False


def take_tag_lines(text: str) -> TagLines:
    """The notes with each line of only tags left empty (see the module's docstring)."""
    if not _maybe(text):
        return TagLines(text)  # the common case: no copy of a large file
    lines = text.split("\n")
    taken: list[int] = []
    written: list[str] = []
    for index in outside_fences(lines):
        row = lines[index]
        stripped = row.strip()
        if stripped[:1] != "#" or indent_of(row):
            continue
        words = _tag_words(stripped)
        if words is not None:
            taken.append(index)
            written.extend(words)
            lines[index] = "\r" if row.endswith("\r") else ""
    if not taken:
        return TagLines(text)
    tags = tuple(
        dict.fromkeys(tag for word in written for tag in nested_tags(word[1:].removesuffix("#")))
    )
    return TagLines(
        "\n".join(lines),
        tags,
        tuple(index + 1 for index in taken),
        tuple(dict.fromkeys(written)),
    )
