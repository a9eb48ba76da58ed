"""A card's images, carried into the Anki package.

A card may show an image beside its file (`![loss curve](loss.png)`). The export wrote
the `<img src="loss.png">` and no file: Anki's Check Media listed it as missing and the
card showed a broken image. Anki keeps every collection's media in one flat folder, so
two packs' `plot.png` would overwrite each other there; each file goes in under a name
made from its bytes (`drillbit-<digest>-loss.png`), which changes when the image does, so
the note changes too and a re-import brings the new image.

Only a regular file inside the card's own pack is carried (`../../secret.png` is not
read); a web address or a `data:` URL is left as written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape, unescape
from pathlib import Path
from urllib.parse import unquote, urlsplit

from quiz.errors import DrillbitError, InputFileError
from quiz.textsafe import read_regular

__all__ = ["MAX_IMAGE_BYTES", "CardImages", "media_name"]

MAX_IMAGE_BYTES = 16 * 1024 * 1024
"""The largest image carried: a card's figure is far below; a larger file is named and left out."""

_IMG_SRC = re.compile(r'(<img src=")([^"]*)(")')
"""The `src` of an image as the bank's Markdown renderer writes it (attributes in its order)."""
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def media_name(data: bytes, file_name: str) -> str:
    """The file's name in Anki's media folder: from its bytes, with its own name kept readable."""
    stem, dot, suffix = file_name.rpartition(".")
    readable = _UNSAFE_NAME.sub("-", stem if dot else file_name).strip("-.")[:40] or "image"
    ending = "." + _UNSAFE_NAME.sub("", suffix)[:10] if dot and suffix else ""
    return f"drillbit-{hashlib.sha256(data).hexdigest()[:16]}-{readable}{ending}"


@dataclass
class CardImages:
    """The images of the cards of one export: their files by media name, and what was left out.

    Each image is written to `folder` under its media name as it is read, so an export holds
    one image's bytes at a time however many a deck carries; without a folder (a note's
    text alone is wanted) only the names are kept."""

    folder: Path | None = None
    files: dict[str, Path] = field(default_factory=dict)
    """The file of each media name: in `folder`, or without one the image read."""
    left_out: list[tuple[Path, str, str]] = field(default_factory=list)
    """(card file, the image as written, why) of each image not carried."""

    def carry(self, html: str, card_path: Path, pack_dir: Path) -> str:
        """The HTML with each local image's `src` replaced by its media name (its bytes kept)."""
        return _IMG_SRC.sub(lambda m: m[1] + self._source(m[2], card_path, pack_dir) + m[3], html)

    def _source(self, written: str, card_path: Path, pack_dir: Path) -> str:
        address = unescape(written)
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or address.startswith(("/", "#")) or not parts.path:
            return written  # a web address, data: or an absolute path: the browser's to fetch
        relative = unquote(parts.path)
        target = card_path.parent / relative
        try:
            inside = target.resolve().is_relative_to(pack_dir.resolve())
        except RuntimeError:  # Python 3.11's resolve on a loop of symbolic links
            self.left_out.append((card_path, relative, "its symbolic links go round in a loop"))
            return written
        except OSError:  # in Python 3.11 only a working folder that is gone
            inside = False
        if not inside:
            self.left_out.append((card_path, relative, "it is outside the card's pack"))
            return written
        try:
            data = read_regular(target, limit=MAX_IMAGE_BYTES, title="image")
        except InputFileError as exc:
            self.left_out.append((card_path, relative, exc.reason))
            return written
        name = media_name(data, target.name)
        if name not in self.files:
            if self.folder is None:
                self.files[name] = target
            else:
                file = self.folder / name
                try:
                    file.write_bytes(data)
                except OSError as exc:
                    raise DrillbitError(
                        f"cannot copy the image {relative!r} of {card_path} for the package: "
                        f"{exc.strerror or exc} (in {self.folder})",
                        title="export anki",
                    ) from exc
                self.files[name] = file
        return escape(name)

    def notices(self) -> list[str]:
        """One line per image left out, for the export's report."""
        return [
            f"{path}: image {written!r} is not in the deck ({why}); Anki shows it as missing"
            for path, written, why in self.left_out
        ]
