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

from quiz.ecosystem.wikilinks import in_sentence, sub_outside_code

_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\((?P<path>[^()\s]+)(?:\s+\"[^\"\n]*\")?\)")
"""A Markdown image: its alt text and its path (a title in quotes after it allowed)."""
_WEB = re.compile(r"[a-z][a-z0-9+.-]+:", re.IGNORECASE)
"""A scheme (`https:`, `data:`): an image not of a file beside the notes (a Windows
drive, `C:`, is one letter)."""


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
        return match.group("alt").strip() if in_sentence(match, _IMAGE) else ""

    return sub_outside_code(_IMAGE, replace, line)
