"""A Logseq property line (`key:: value`, a bare `Foo::`) is metadata only outside code, as
the one Markdown reader finds code (`notes/coderows.py`): a fenced C++ block's `Foo::` line,
a `key:: value` shown in a fence, or a line an inline code span runs on to, was cut out of
an answer (import53c's loss, redone in import54 with one block parse a text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.ecosystem.blockrefs import read_block_refs
from quiz.ecosystem.cardtagplace import card_tag_last
from quiz.ecosystem.notes.blockprops import take_properties
from quiz.ecosystem.notes.coderows import CodeRows
from quiz.ecosystem.properties import find_properties
from tests.ecosystem.test_import_notes import answer_of, front, run_import

FENCED = """\
- What does a qualified name look like in C++? #card
  collapsed:: true
\t- The class scope comes before the member's name, spelled out in full, as
\t  `Foo::
\t  bar()` reads, one span over two lines.
\t  ```cpp
\t  Foo::
\t    bar();
\t  key:: value
\t  ```
\t  Status:: draft
"""


def _imported(tmp_path: Path, text: str) -> tuple[Path, str]:
    notes = tmp_path / "cpp.md"
    notes.write_text(text, "utf-8")
    into = tmp_path / "cards"
    result = run_import(str(notes), "--into", str(into))
    assert result.exit_code == 0, result.output
    (card,) = into.rglob("*.md")
    return card, " ".join(result.output.split())


def test_a_fenced_block_and_a_code_span_keep_their_property_like_lines(tmp_path: Path) -> None:
    card, said = _imported(tmp_path, FENCED)

    assert front(card)["title"] == "What does a qualified name look like in C++?"
    answer = answer_of(card)
    lines = [line.strip() for line in answer.split("\n")]
    fence = lines.index("```cpp")
    assert lines[fence + 1 : fence + 5] == ["Foo::", "bar();", "key:: value", "```"]
    assert "`Foo::\nbar()`" in "\n".join(lines)  # the span's second line, kept
    assert "Status" not in answer and "collapsed" not in answer  # outside code: left out
    # the report names the user's property outside code, and no line of the code
    assert "line 11 holds a property (Status:: draft), metadata" in said
    assert "key:: value" not in said and "Foo::" not in said


def test_the_rows_in_code_as_the_reader_finds_them() -> None:
    text = (
        "## How does Ruby name a nested constant?\n"  # 0
        "\n"
        "Like this:\n"  # 2
        "\n"
        "    Foo::\n"  # 4: indented code
        "    std:: vector\n"  # 5
        "\n"
        "It reads `a\n"  # 7: the span opens here
        "Bar:: baz` as one span, and ``b\n"  # 8: in it; ``b opens another
        "c:: d`` too.\n"  # 9: in that one
        "e:: f after `g` and `h`\n"  # 10: spans of its own line only
        "~~~\n"  # 11
        "x:: y\n"  # 12
        "~~~\n"  # 13
        "topic:: ruby\n"  # 14
    )
    code = CodeRows(text)
    assert [row for row in range(15) if row in code] == [4, 5, 8, 9, 11, 12, 13]
    # the same rows with Windows line ends
    windows = CodeRows(text.replace("\n", "\r\n"))
    assert [row for row in range(15) if row in windows] == [4, 5, 8, 9, 11, 12, 13]


def test_take_properties_keeps_code_and_blanks_the_rest() -> None:
    text = (
        "## What is X?\n\n    Foo::\n\nIt reads `a\nBar:: baz` as one span.\ntopic:: ruby\n"
        "An inline `a:: b` span.\n"
    )
    kept, _, cited, _ = take_properties(text, 0)
    rows = kept.split("\n")
    assert rows[2] == "    Foo::"
    assert rows[5] == "Bar:: baz` as one span."
    assert rows[6] == ""  # a property: left blank, so each line keeps its number
    assert rows[7] == "An inline `a:: b` span."
    assert cited == {}
    assert find_properties(text).found == ((7, "topic:: ruby"),)


def test_a_source_line_in_code_is_no_citation() -> None:
    text = "## What is X?\n\n```\nsource:: not a citation\n```\nsource:: Goodfellow 7.1\n"
    kept, _, cited, _ = take_properties(text, 3)

    assert "source:: not a citation" in kept
    assert "Goodfellow" not in kept
    assert cited == {8: "Goodfellow 7.1"}  # the notes' row, 0-based


def test_a_question_pair_in_code_is_no_card_and_one_outside_still_is() -> None:
    text = "Q:: What is Z?\nA:: It is W.\n\n```\nQ:: What is X?\nA:: It is Y.\nstd::\n```\n"
    kept, _, _, _ = take_properties(text, 0)

    assert kept.split("\n") == [
        "Q: What is Z?",
        "A: It is W.",
        "",
        "```",
        "Q:: What is X?",
        "A:: It is Y.",
        "std::",
        "```",
        "",
    ]


def test_an_id_in_code_names_no_block() -> None:
    uuid = "6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5b"
    other = "6571a2b4-1c2d-4e5f-8a9b-0c1d2e3f4a5c"
    text = (
        "- Gradient descent steps against the gradient\n"
        f"  id:: {other}\n"  # the block's own
        "  ```\n"
        f"  id:: {uuid}\n"  # shown in code: names no block (it named the fence's line)
        "  ```\n"
        f"- What does (({uuid})) name?\n"
        f"- And what does (({other})) name?\n"
    )
    read = read_block_refs(text)
    rows = read.text.split("\n")
    assert rows[5] == "- What does (a block not in these notes) name?"
    assert rows[6] == "- And what does Gradient descent steps against the gradient name?"
    assert [(ref.line, ref.written) for ref in read.missing] == [(6, f"(({uuid}))")]
    assert rows[3] == f"  id:: {uuid}"  # the code's line, as written


def test_a_tags_card_line_in_code_tags_no_block() -> None:
    text = (
        "- Warmup schedule\n  tags:: card\n\t- Linear, then cosine.\n"
        "- Show a property\n  ```\n  tags:: card\n  ```\n"
    )
    rows = card_tag_last(text).split("\n")
    assert rows[0] == "- Warmup schedule #card"
    assert rows[3] == "- Show a property"  # its `tags::` is a fence's line


def test_a_flat_note_with_nothing_like_code_is_not_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    from quiz.ecosystem.notes import coderows

    def no_parse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("parsed")

    monkeypatch.setattr(coderows, "parse_blocks", no_parse)
    text = "## What is X?\n\nStatus:: draft\nIt is Y, as std:: says.\n  topic:: ml\n"
    assert find_properties(text).found == ((3, "Status:: draft"), (5, "topic:: ml"))
    kept, _, _, _ = take_properties(text, 0)
    assert kept.split("\n")[2:5] == ["", "It is Y, as std:: says.", ""]
    # one line indented as code, and the parse is asked for
    with pytest.raises(AssertionError, match="parsed"):
        find_properties(text + "\n    Foo::\n")
