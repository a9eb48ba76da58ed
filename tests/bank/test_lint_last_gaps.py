"""Lint's last small gaps (forty-third round): a binary `.md` file said what it was but not
what to do; a lone `$` in a title passed, where the same in a body is an unclosed math
error; an invisible character in the middle of a card (a byte-order mark pasted in, a
zero-width space, a soft hyphen, a word joiner) was not told at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.lint import lint

CARD = (
    "---\nid: c\nkind: concept\ntitle: {title}\ntopic: t\ndifficulty: 1\nsource: tests\n"
    "key_points: [one]\n---\n\n## Question\n\n{question}\n\n## Answer\n\nA.\n"
)


def pack(tmp_path: Path) -> Path:
    """A pack `p` with its topic folder `t`; the folder of `t`'s cards."""
    root = tmp_path / "p"
    (root / "t").mkdir(parents=True)
    (root / "pack.yaml").write_text("title: P\ndescription: d\nversion: 0.1.0\n")
    return root / "t"


def told(tmp_path: Path) -> list[tuple[str, int, int, str, str, str]]:
    _, problems = lint([tmp_path], run_drills=False)
    return [(p.path.name, p.line, p.col, p.code, p.severity, p.message) for p in problems]


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (bytes(range(256)) * 4, "a binary file (it holds NUL bytes)"),
        (b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n", "a PDF document"),
        (b"PK\x03\x04\x14\x00\xff\xfe", "a ZIP archive (such as an Anki .apkg or .colpkg deck, or a .docx)"),
    ],
    ids=["nul-bytes", "pdf", "zip"],
)  # fmt: skip
def test_a_binary_md_file_says_to_remove_or_rename_it(
    tmp_path: Path, data: bytes, kind: str
) -> None:
    """It said only "not UTF-8 text but a PDF document": true, and no way on."""
    (pack(tmp_path) / "paper.md").write_bytes(data)
    assert told(tmp_path) == [
        (
            "paper.md",
            1,
            1,
            "unreadable",
            "error",
            f"card file: not UTF-8 text but {kind}; a .md file here is read as a card: "
            "remove it, or, if it belongs in the pack, rename it so its name does not end "
            "in .md",
        )
    ]


def test_text_in_another_encoding_still_says_to_save_it_as_utf8(tmp_path: Path) -> None:
    """A UTF-16 card is text: its fix is saving it as UTF-8, not removing it."""
    text = CARD.format(title="T", question="Q?")
    (pack(tmp_path) / "c.md").write_bytes(text.encode("utf-16"))
    ((name, line, _, code, _, message),) = told(tmp_path)
    assert (name, line, code) == ("c.md", 1, "unreadable")
    assert message.endswith("; save it as UTF-8"), message
    assert "remove it" not in message


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Bias $b", "unclosed inline math: '$' has no closing '$' (column 6 of the title)"),
        ("Weights $w$ and bias $b", "unclosed inline math: '$' has no closing '$' (column 22 of the title)"),
    ],
)  # fmt: skip
def test_a_lone_dollar_in_a_title_is_told_at_the_title_line(
    tmp_path: Path, title: str, said: str
) -> None:
    """`title: Bias $b` passed, where the same words in a body are an unclosed math error:
    a title is checked the same now, at its line, with a title's fix (Unicode, as
    `title-math` says of closed math)."""
    (pack(tmp_path) / "c.md").write_text(CARD.format(title=title, question="Q?"))
    lone = [p for p in told(tmp_path) if "of the title" in p[5]]
    assert lone == [
        (
            "c.md",
            4,
            1,
            "title-math",
            "error",
            f"title: {said}: a title is shown as written (lists, headings, the Anki export): "
            "write its math in Unicode (√dₖ, 3×3, σ′)",
        )
    ]


@pytest.mark.parametrize(
    "title", ["Bias b and weights w", "Is $5 a lot for a GPU hour?", "Costs in $ and more", "Pay $"]
)
def test_a_title_without_math_dollars_passes(tmp_path: Path, title: str) -> None:
    """No `$` at all, or a price or the sign itself (a `$` before a digit, a space or the
    end), which a title shows as written and no one reads as math: fine, as the importer
    writes a note's "Is $5 a lot?"."""
    folder = pack(tmp_path)
    (folder / "c.md").write_text(CARD.format(title=title, question="Q $b$?"))
    assert told(tmp_path) == []


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\ufeff", "U+FEFF (zero width no-break space, a byte-order mark)"),
        ("\u200b", "U+200B (zero width space)"),
        ("\u00ad", "U+00AD (soft hyphen)"),
        ("\u2060", "U+2060 (word joiner)"),
    ],
)
def test_an_invisible_character_in_a_card_is_a_warning_at_its_place(
    tmp_path: Path, char: str, name: str
) -> None:
    """A U+FEFF in the middle of a card (two files pasted together) was not told: it shows
    as nothing, and a search for the word it splits does not find it. It, and the other
    invisible characters the check of the line before `---` names, is a warning at its
    line and column; a byte-order mark at the very start is the file's, and is not."""
    text = "\ufeff" + CARD.format(title="T", question=f"What does drop{char}out do?")
    (pack(tmp_path) / "c.md").write_text(text, encoding="utf-8")
    assert told(tmp_path) == [
        (
            "c.md",
            13,
            15,
            "invisible-char",
            "warning",
            f"{name} here shows as nothing, and a search for the word it is in does not "
            "find it: delete it",
        )
    ]


def test_every_invisible_character_is_told_in_the_front_matter_too(tmp_path: Path) -> None:
    text = CARD.format(title="Drop\u200bout", question="What does \u00addrop\u2060out do?")
    (pack(tmp_path) / "c.md").write_text(text, encoding="utf-8")
    places = [(line, col, code) for _, line, col, code, _, _ in told(tmp_path)]
    assert places == [
        (4, 12, "invisible-char"),
        (13, 11, "invisible-char"),
        (13, 16, "invisible-char"),
    ]


def test_visible_text_and_a_leading_byte_order_mark_give_no_warning(tmp_path: Path) -> None:
    """Differently written right cards: a BOM only at the start, non-ASCII letters, an
    em dash and a non-breaking space are all fine."""
    text = "\ufeff" + CARD.format(title="Naïve Bayes", question="Why — in\u00a0short — naïve?")
    (pack(tmp_path) / "c.md").write_text(text, encoding="utf-8")
    assert told(tmp_path) == []
