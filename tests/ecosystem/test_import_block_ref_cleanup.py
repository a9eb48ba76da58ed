"""A Logseq `((ref))` reads as its block's text cleaned as the notes' own text is
(fifty-fifth round): its `[[links]]` as their words, the tags ending it (Logseq's tags of
the block, no words of a sentence) off, its `**bold**` read as the question's own bold is,
in a block it quotes too; and a loop of references is shown as one and named at its file
and line, where it read "(a block not in these notes)" without a word."""

from __future__ import annotations

from pathlib import Path

from quiz.ecosystem.blockrefs import LOOPED, NOT_HERE, read_block_refs
from tests.ecosystem.test_import_notes import answer_of, front, run_import

A = "6571a2b4-1c2d-4e5f-8a9b-00000000000a"
B = "6571a2b4-1c2d-4e5f-8a9b-00000000000b"
C = "6571a2b4-1c2d-4e5f-8a9b-00000000000c"

_ANSWER = (
    "\t- It divides each step by the root of that mean, per weight, so steps even out.\n"
    "\t- See {said} again for the moving average it keeps over the steps.\n"
)


def _card(tmp_path: Path, name: str, text: str) -> tuple[dict[str, object], str, str]:
    """The one card of the notes: (its front matter, its answer, the import's output)."""
    notes = tmp_path / f"{name}.md"
    notes.write_text(text, "utf-8")
    into = tmp_path / name
    result = run_import(str(notes), "--pack", "p", "--topic", "t", "--into", str(into))
    assert result.exit_code == 0, result.output
    (card,) = into.rglob("*.md")
    return front(card), answer_of(card), " ".join(result.output.split())


def _quoted_and_written(tmp_path: Path, block: str, written: str) -> None:
    """A question and answer quoting a block (`block`, its first line) read as the same
    question with the words Logseq shows (`written`) typed in: same title, same answer."""
    quoting = (
        f"- {block}\n  id:: {A}\n- How does (({A})) differ from SGD? #card\n"
        + _ANSWER.format(said=f"(({A}))")
    )
    typed = f"- How does {written} differ from SGD? #card\n" + _ANSWER.format(said=written)
    quoted, quoted_answer, _ = _card(tmp_path, "quoting", quoting)
    own, own_answer, _ = _card(tmp_path, "typed", typed)
    assert quoted["title"] == own["title"]
    assert quoted_answer == own_answer


def test_links_read_as_their_words(tmp_path: Path) -> None:
    block = "Adam keeps a running mean of [[squared gradients]] per [[Weights|weight]]"
    rows = read_block_refs(f"- {block}\n  id:: {A}\n- Why (({A}))?\n").text.split("\n")
    assert rows[2] == "- Why Adam keeps a running mean of squared gradients per weight?"
    _quoted_and_written(
        tmp_path, block, "Adam keeps a running mean of squared gradients per weight"
    )


def test_the_tags_ending_a_block_are_its_tags_not_words(tmp_path: Path) -> None:
    block = "Adam keeps a #running mean of squared gradients #optim #[[deep learning]]"
    rows = read_block_refs(f"- {block}\n  id:: {A}\n- Why (({A}))?\n").text.split("\n")
    # "Why Adam keeps ... gradients #optim #[[deep learning]]?": its tags in the sentence
    assert rows[2] == "- Why Adam keeps a #running mean of squared gradients?"
    front_matter, _, _ = _card(
        tmp_path,
        "tags",
        f"- {block}\n  id:: {A}\n- How does (({A})) differ from SGD? #card\n"
        + _ANSWER.format(said="it"),
    )
    assert front_matter["title"] == (
        "How does Adam keeps a #running mean of squared gradients differ from SGD?"
    )
    # a block of nothing but tags keeps them: there is no other text to show
    rows = read_block_refs(f"- #optim\n  id:: {A}\n- See (({A})).\n").text.split("\n")
    assert rows[2] == "- See #optim."


def test_bold_reads_as_the_questions_own_bold(tmp_path: Path) -> None:
    block = "Adam keeps a **running mean** of squared gradients"
    _quoted_and_written(tmp_path, block, block)
    quoted, answer, _ = _card(
        tmp_path,
        "bold",
        f"- {block}\n  id:: {A}\n- How does (({A})) differ from SGD? #card\n"
        + _ANSWER.format(said=f"(({A}))"),
    )
    assert "**" not in str(quoted["title"])  # a title is plain, as the question's own is
    assert "See Adam keeps a **running mean** of squared gradients again" in answer


def test_a_nested_reference_is_cleaned_at_each_level(tmp_path: Path) -> None:
    inner = "a running mean of [[squared gradients]] #optim"
    outer = f"Adam keeps (({A})) per **weight** #adam"
    rows = read_block_refs(
        f"- {inner}\n  id:: {A}\n- {outer}\n  id:: {B}\n- Why (({B}))?\n"
    ).text.split("\n")
    assert rows[4] == "- Why Adam keeps a running mean of squared gradients per **weight**?"
    quoting = (
        f"- {inner}\n  id:: {C}\n- {outer.replace(A, C)}\n  id:: {A}\n"
        f"- How does (({A})) differ from SGD? #card\n" + _ANSWER.format(said=f"(({A}))")
    )
    written = "Adam keeps a running mean of squared gradients per **weight**"
    typed = f"- How does {written} differ from SGD? #card\n" + _ANSWER.format(said=written)
    nested, nested_answer, _ = _card(tmp_path, "nested", quoting)
    own, own_answer, _ = _card(tmp_path, "written", typed)
    assert (
        nested["title"] == own["title"] == f"How does {written.replace('**', '')} differ from SGD?"
    )
    assert nested["key_points"] == own["key_points"]
    assert nested_answer == own_answer


def test_a_loop_is_shown_as_one_and_named_at_its_file_and_line(tmp_path: Path) -> None:
    text = (
        f"- Momentum, see (({B}))\n  id:: {A}\n"
        f"- Nesterov, see (({A}))\n  id:: {B}\n"
        f"- A block that quotes (({C})) itself\n  id:: {C}\n"
        f"- How does (({A})) differ from SGD? #card\n" + _ANSWER.format(said="it")
    )
    read = read_block_refs(text)
    assert read.text.split("\n")[6] == (
        f"- How does Momentum, see Nesterov, see {LOOPED} differ from SGD? #card"
    )
    assert NOT_HERE not in read.text and read.missing == ()
    front_matter, _, said = _card(tmp_path, "loop", text)
    assert (
        front_matter["title"] == f"How does Momentum, see Nesterov, see {LOOPED} differ from SGD?"
    )
    assert (
        f"loop.md:7: note: block reference: the blocks at lines 1 -> 3 -> 1 quote each "
        f'other, the last back with (({A})): a loop whose text never ends; the card shows "'
        f'{LOOPED}" in its place (write the words out in one of the blocks)'
    ) in said
    assert (
        f"loop.md:5: note: block reference: the block at line 5 quotes itself with (({C})): a loop"
        in said
    )
