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

from quiz.ecosystem.wikilinks import IMAGE_SUFFIXES, in_sentence, sub_outside_code

__all__ = ["image_only", "line_images", "plain_images"]

_IMAGE = re.compile(r"!\[(?P<alt>[^\[\]\n]*)\]\((?P<path>[^()\s]+)(?:\s+\"[^\"\n]*\")?\)")
"""A Markdown image: its alt text and its path (a title in quotes after it allowed)."""
_WEB = re.compile(r"[a-z][a-z0-9+.-]+:", re.IGNORECASE)
"""A scheme (`https:`, `data:`): an image not of a file beside the notes (a Windows
drive, `C:`, is one letter)."""


_EMBED = re.compile(r"!\[\[(?P<path>[^\[\]|#\n]+)(?:[|#][^\[\]\n]*)?\]\]")
_HTML_IMAGE = re.compile(r"<img\b[^>]*?\bsrc=[\"']?(?P<path>[^\"'\s>]+)[^>]*>", re.IGNORECASE)
_ALT = re.compile(r"\balt=(?:\"(?P<q>[^\"]*)\"|'(?P<s>[^']*)'|(?P<b>[^\s>]+))", re.IGNORECASE)


def _name(path: str) -> str:
    path = path.removeprefix("attachment:")
    return PurePosixPath(path.replace("\\", "/")).name or path


_LOCAL_SCHEMES = ("file:", "attachment:")
"""Schemes of images that are files the notes hold, not the web's: a Jupyter notebook's
pasted image is `attachment:image.png`, kept in the notebook's JSON, not in its text."""


def _web(path: str) -> bool:
    return bool(_WEB.match(path)) and not path.lower().startswith(_LOCAL_SCHEMES)


def has_html_image(text: str) -> bool:
    """Whether the text may hold an HTML image (`<img src=...>`), cheaply."""
    return "<img" in text or "<IMG" in text or "<Img" in text


def plain_images(line: str, images: list[str]) -> str:
    """The line with its images of local files (each file's name added to `images`)
    removed, outside inline code; one inside a sentence is kept as its alt text. An HTML
    image (`<img src="x.png">`, GitHub notes' way to size one) is read alike, one of the
    web kept as a Markdown image (a link): the answer's HTML is stripped later, and such an
    image was dropped without a word."""
    if "![" in line:

        def replace(match: re.Match[str]) -> str:
            path = match.group("path")
            if _web(path):
                return match.group(0)
            images.append(_name(path))
            return match.group("alt").strip() if in_sentence(match, _IMAGE) else ""

        line = sub_outside_code(_IMAGE, replace, line)
    if has_html_image(line):

        def replace_html(match: re.Match[str]) -> str:
            path = match.group("path")
            found = _ALT.search(match.group(0))
            alt = next((g for g in found.groups() if g), "") if found else ""
            if _web(path):
                return f"![{alt.strip()}]({path})"
            images.append(_name(path))
            return alt.strip() if in_sentence(match, _HTML_IMAGE) else ""

        line = sub_outside_code(_HTML_IMAGE, replace_html, line)
    return line


def line_images(line: str) -> tuple[str, ...]:
    """The file names of the images a line shows (`![](x.png)`, `![[x.png]]`, `<img
    src="x.png">`), beside words or not, outside inline code, each once: a skipped text
    names them, as it names an image-only line's."""
    if "!" not in line and not has_html_image(line):
        return ()
    found: list[tuple[int, str]] = []
    for pattern in (_IMAGE, _EMBED, _HTML_IMAGE):
        for match in pattern.finditer(line):
            path = match.group("path").strip()
            if pattern is _EMBED and PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES:
                continue
            if line.count("`", 0, match.start()) % 2 == 0:  # not in inline code
                found.append((match.start(), _name(path)))
    return tuple(dict.fromkeys(name for _, name in sorted(found)))


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
            if pattern is _EMBED and PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES:
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
