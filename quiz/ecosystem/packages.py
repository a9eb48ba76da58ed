"""Other apps' export archives that import does not read, named with what to export.

Read as notes, a Mochi export (`.mochi`: a ZIP of its cards as `data.json` or `data.edn`,
and their attachments) stopped at its first bytes with "not UTF-8 text but a ZIP archive
(such as an Anki .apkg ...)": true, but it named another app and no way on. Anki's own
packages are named where the command checks the file's suffix.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["MOCHI_EXPORT", "package_refusal"]

MOCHI_EXPORT = (
    "a Mochi export (a ZIP archive of its cards' data), which import does not read: in"
    " Mochi, copy the cards' Markdown into a .md file, each card's front over a '---' line"
    " over its back, as Mochi writes a card, and import that file"
)
"""Why a `.mochi` file gives no card, and what import reads instead (`A question over a
rule` in docs/importing.md)."""

_REFUSED = {".mochi": MOCHI_EXPORT}


def package_refusal(path: Path) -> str | None:
    """Why `path` is refused before it is read, by its suffix, or None to read it."""
    return _REFUSED.get(path.suffix.lower())
