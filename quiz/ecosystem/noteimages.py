"""Markdown images of local files in notes (`![image.png](../assets/image_17095.png)`),
left out as embeds are (`wikilinks`): import reads the notes' text, not their files.

Logseq writes every pasted image so, and Obsidian does with wikilinks turned off. The
image stayed in the card, a link to a file beside the notes that the card's folder does
not have, and its alt text, which Logseq sets to the file's name, was a key point
("image.png"). An image of the web (`https://...`) is left as it is.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from quiz.ecosystem.wikilinks import sub_outside_code

_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\((?P<path>[^()\s]+)(?:\s+\"[^\"\n]*\")?\)")
"""A Markdown image: its alt text and its path (a title in quotes after it allowed)."""
_WEB = re.compile(r"[a-z][a-z0-9+.-]+:", re.IGNORECASE)
"""A scheme (`https:`, `data:`): an image not of a file beside the notes (a Windows
drive, `C:`, is one letter)."""
_SENTENCE_END = re.compile(r"[.!?:;](?:\s|$)")


def _in_sentence(match: re.Match[str]) -> bool:
    """Whether the image has words of its sentence around it on its line."""
    line = match.string
    before = line[: match.start()]
    ends = list(_SENTENCE_END.finditer(before))
    before = before[ends[-1].end() :] if ends else before
    after = line[match.end() :]
    end = _SENTENCE_END.search(after)
    after = after[: end.start()] if end else after
    return any(re.search(r"\w", _IMAGE.sub("", part)) for part in (before, after))


def plain_images(line: str, images: list[str]) -> str:
    """The line with its images of local files (each file's name added to `images`)
    removed, outside inline code; one inside a sentence is kept as its alt text."""
    if "![" not in line:
        return line

    def replace(match: re.Match[str]) -> str:
        path = match.group("path")
        if _WEB.match(path) and not path.lower().startswith("file:"):
            return match.group(0)
        images.append(PurePosixPath(path.replace("\\", "/")).name or path)
        return match.group("alt").strip() if _in_sentence(match) else ""

    return sub_outside_code(_IMAGE, replace, line)
