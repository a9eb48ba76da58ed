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

__all__ = ["image_only", "plain_images"]

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


_IMAGE_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .svg .webp .bmp .avif .tif .tiff .heic .excalidraw".split()
)
"""What an Obsidian embed (`![[...]]`) of an image ends with; `![[note]]` embeds a note."""
_EMBED = re.compile(r"!\[\[(?P<path>[^\[\]|#\n]+)(?:[|#][^\[\]\n]*)?\]\]")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=[\"']?(?P<path>[^\"'\s>]+)[^>]*>", re.IGNORECASE)
_ITEM_MARK = re.compile(r"^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")


def image_only(line: str) -> tuple[str, ...]:
    """The file names of the images a line holds when it holds nothing else (`- ![](x.png)`,
    `- ![[x.png]]`, `<img src="x.png">`, after its list mark), else (): such a line, in no
    question's answer, is reported as an image, not as text."""
    rest = _ITEM_MARK.sub("", line.strip(), count=1)
    if not rest or ("!" not in rest and "<img" not in rest.lower()):
        return ()
    found: list[tuple[int, int, str]] = []  # (start, end, file name), in the line's order
    for pattern in (_IMAGE, _EMBED, _HTML_IMAGE):
        for match in pattern.finditer(rest):
            path = match.group("path").strip()
            if pattern is _EMBED and PurePosixPath(path).suffix.lower() not in _IMAGE_SUFFIXES:
                return ()  # `![[note]]`: a note's text, no image
            name = PurePosixPath(path.replace("\\", "/")).name or path
            found.append((match.start(), match.end(), name))
    found.sort()
    left, at = [], 0  # the line's text between its images: none, or it is no image only
    for start, end, _ in found:
        left.append(rest[at:start])
        at = end
    left.append(rest[at:])
    return tuple(name for _, _, name in found) if found and not "".join(left).strip() else ()
