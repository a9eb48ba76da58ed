"""A card's image in the Anki package (`quiz/ecosystem/anki_media.py`): its media name's
parts, the size limit at its edge, a symbolic link loop and a copy that fails, each
named as the user reads it. Each test kills forty-sixth round mutants the export's
tests let pass."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from quiz.ecosystem.anki_media import CardImages, media_name
from quiz.errors import DrillbitError

PNG = b"\x89PNG\r\n\x1a\n" + b"figure"
DIGEST = hashlib.sha256(PNG).hexdigest()


@pytest.mark.parametrize(
    ("file_name", "readable"),
    [
        ("plot.png", "plot.png"),
        ("x" * 50 + ".png", "x" * 40 + ".png"),  # the readable part is cut at 40
        ("a." + "p" * 15, "a." + "p" * 10),  # an ending is cut at 10
        ("README", "README"),  # no ending: none is made up from the name
        ("notes.", "notes"),  # a dot with nothing after it
        (".png", "image.png"),  # nothing readable before the ending
        ("l o*ss.P N G", "l-o-ss.PNG"),
    ],
)
def test_a_media_name_is_the_bytes_digest_and_the_readable_name(
    file_name: str, readable: str
) -> None:
    """The digest's 16 hex digits ([:16] made 15, 17 or the whole passed), the readable
    part's and the ending's cuts (40 and 10, either ±1 or dropped passed), and `dot and
    suffix` made `or` (a name without a dot got its whole name again as an ending)."""
    name = media_name(PNG, file_name)
    assert name == f"drillbit-{DIGEST[:16]}-{readable}"
    assert re.fullmatch(r"drillbit-[0-9a-f]{16}-.+", name)


def _card(tmp_path: Path) -> tuple[Path, Path]:
    pack = tmp_path / "pack"
    (pack / "topic").mkdir(parents=True)
    return pack, pack / "topic" / "card.md"


def test_an_image_of_16_mib_is_carried_and_one_byte_more_is_named(tmp_path: Path) -> None:
    """The limit at its edge (16 * 1024 * 1024, any factor ±1 passed)."""
    pack, card = _card(tmp_path)
    (pack / "topic" / "full.png").write_bytes(b"\0" * (16 * 1024 * 1024))
    (pack / "topic" / "over.png").write_bytes(b"\0" * (16 * 1024 * 1024 + 1))
    images = CardImages()

    html = images.carry('<img src="full.png" alt="" /><img src="over.png" alt="" />', card, pack)

    full = media_name(b"\0" * (16 * 1024 * 1024), "full.png")
    assert html == f'<img src="{full}" alt="" /><img src="over.png" alt="" />'
    assert images.files == {full: pack / "topic" / "full.png"}
    assert images.notices() == [
        f"{card}: image 'over.png' is not in the deck (16.1 MiB, over the limit of 16 MiB); "
        "Anki shows it as missing"
    ]


def test_an_image_whose_links_go_round_in_a_loop_is_named_so(tmp_path: Path) -> None:
    """A loop of symbolic links inside the pack was "outside the card's pack", sending the
    user to look for a path that leaves it."""
    pack, card = _card(tmp_path)
    (pack / "topic" / "a.png").symlink_to("b.png")
    (pack / "topic" / "b.png").symlink_to("a.png")
    images = CardImages()

    html = images.carry('<img src="a.png" alt="" />', card, pack)

    assert html == '<img src="a.png" alt="" />'
    assert images.files == {}
    assert images.notices() == [
        f"{card}: image 'a.png' is not in the deck (its symbolic links go round in a loop); "
        "Anki shows it as missing"
    ]


def test_an_image_that_cannot_be_copied_names_the_os_reason_and_the_folder(
    tmp_path: Path,
) -> None:
    """The whole line (`exc.strerror or exc` made `and` repeated the path in it)."""
    pack, card = _card(tmp_path)
    (pack / "topic" / "plot.png").write_bytes(PNG)
    images = CardImages(tmp_path / "gone")

    with pytest.raises(DrillbitError) as raised:
        images.carry('<img src="plot.png" alt="" />', card, pack)

    assert raised.value.one_line() == (
        f"export anki: cannot copy the image 'plot.png' of {card} for the package: "
        f"No such file or directory (in {tmp_path / 'gone'})"
    )
