"""A tag typed as text in an Anki field (stored escaped, `&lt;b&gt;`) is kept; a raw tag
(`<b>`, Anki's bold) is markup (fifty-second round, import52b). Both were unescaped first
and stripped alike: "Write bold in the page", "What does the token mark?"."""

from __future__ import annotations

import shutil
from pathlib import Path

from quiz.bank.loader import load_bank
from quiz.bank.sources import content_roots
from quiz.ecosystem.ankifields import field_markdown
from quiz.ecosystem.cardids import card_id_for
from quiz.ecosystem.htmlstrip import strip_html
from tests.conftest import DATA
from tests.ecosystem.anki_through import anki_holding, export_text
from tests.ecosystem.test_import_notes import front, run_import

TYPED = "Write &lt;b&gt;bold&lt;/b&gt; in the page."
REAL = "The browser shows <b>bold</b> text."
TOKEN_QUESTION = "What does the &lt;s&gt; token mark?"
TOKEN_ANSWER = (
    "The start of a sentence. A sentencepiece model puts &lt;s&gt; before the first piece and"
    " &lt;/s&gt; after the last."
)


def _anki(tmp_path: Path, *rows: str) -> Path:
    notes = tmp_path / "anki.txt"
    notes.write_text("#separator:tab\n#html:true\n" + "".join(f"{r}\n" for r in rows), "utf-8")
    return notes


def _cards(into: Path) -> dict[str, str]:
    return {p.stem: p.read_text("utf-8") for p in into.rglob("*.md")}


def test_typed_text_is_kept_as_code_and_a_real_tag_is_bold() -> None:
    assert field_markdown(TYPED, True) == "Write `<b>`bold`</b>` in the page."
    assert field_markdown(REAL, True) == "The browser shows **bold** text."
    mixed = field_markdown(f"<div>{TYPED}</div><div>{REAL}</div>", True)
    assert mixed == "Write `<b>`bold`</b>` in the page.\nThe browser shows **bold** text."


def test_a_question_keeps_a_typed_tag_as_markdown_shows_it_and_drops_a_real_one() -> None:
    assert field_markdown(TOKEN_QUESTION, True, bold=False) == TOKEN_QUESTION
    assert field_markdown("What is <b>bold</b> &lt;b&gt;?", True, bold=False) == (
        "What is bold &lt;b&gt;?"
    )


def test_text_without_a_typed_tag_reads_as_before() -> None:
    """A lone `&lt;` (a comparison) is no tag: read as `<`, as it always was; code in
    `<code>` or `<pre>` holding a typed tag is one code span, not code inside code."""
    assert field_markdown("Use <b>ReLU</b> when a &lt; b &amp;&amp; c &gt; d.", True) == (
        "Use **ReLU** when a < b && c > d."
    )
    assert field_markdown("Ends with <code>&lt;/s&gt;</code>.", True) == "Ends with `</s>`."
    assert field_markdown("<pre>x = '&lt;b&gt;'</pre>", True) == "```\nx = '<b>'\n```"
    assert field_markdown(TYPED, False) == TYPED  # not HTML: the text as it is


def test_anki_notes_import_with_typed_tags_kept_and_their_ids_as_before(tmp_path: Path) -> None:
    notes = _anki(
        tmp_path,
        f"How does HTML make text bold?\t<div>{TYPED} {REAL}</div>",
        f"{TOKEN_QUESTION}\t{TOKEN_ANSWER}",
    )
    into = tmp_path / "cards"

    result = run_import(str(notes), "--into", str(into))

    assert result.exit_code == 0, result.output
    assert "What does the <s> token mark?" in result.output  # as the user typed it
    cards = _cards(into)
    bold = cards["html-make-text-bold"]
    assert "Write `<b>`bold`</b>` in the page. The browser shows **bold** text." in bold
    # the id the title made when `<s>` was dropped, not `s-token-mark`
    assert card_id_for("What does the token mark?") == "token-mark"
    [token] = into.rglob("token-mark.md")
    assert front(token)["title"] == "What does the <s> token mark?"
    text = token.read_text("utf-8")
    assert "What does the &lt;s&gt; token mark?" in text  # Markdown's way to show `<s>`
    assert "puts `<s>` before the first piece and `</s>` after the last." in text


def test_a_cloze_keeps_a_typed_tag_and_its_id(tmp_path: Path) -> None:
    notes = _anki(tmp_path, "A sentencepiece model marks the start with {{c1::&lt;s&gt;}}.\t")
    into = tmp_path / "cards"

    result = run_import(str(notes), "--into", str(into))

    assert result.exit_code == 0, result.output
    [card] = into.rglob("*.md")
    assert card.stem == "sentencepiece-model-marks-start-with"  # as before
    # its deletion was `****` (its `<s>` stripped); now Markdown's `<s>`, in bold
    assert "marks the start with **&lt;s&gt;**." in card.read_text("utf-8")


def test_a_card_imported_before_and_edited_is_refused_saying_the_typed_tag_it_lacks(
    tmp_path: Path,
) -> None:
    """The card an import before made (its `<s>` dropped), edited since, is refused as
    changed, as the `<eos>` of import52 was; the reason names the text and why; --force
    writes it. Unedited, a plain re-import writes it again (import53,
    `test_import_leftovers_53.py`)."""
    notes = _anki(tmp_path, f"{TOKEN_QUESTION}\t{TOKEN_ANSWER}")
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    [card] = into.rglob("token-mark.md")
    made = card.read_text("utf-8")
    before = (
        made.replace(" <s>", "").replace(" &lt;s&gt;", "").replace(" `<s>`", "")
        .replace(" `</s>`", "").replace("the last.", "the last one.")
    )  # fmt: skip
    card.write_text(before, "utf-8")

    again = run_import(str(notes), "--into", str(into))

    flat = " ".join(again.output.split())
    assert "already exists with another title, question and answer" in flat
    assert "the notes hold <s>, </s>, which the file lacks" in flat
    assert "an import before the fifty-second round removed text written like a tag" in flat
    assert card.read_text("utf-8") == before

    forced = run_import(str(notes), "--into", str(into), "--force")

    assert forced.exit_code == 0, forced.output
    assert card.read_text("utf-8") == made


def test_an_edited_card_without_tags_is_refused_as_before(tmp_path: Path) -> None:
    notes = _anki(
        tmp_path, "What is bias?\tThe error of the average model. It is <b>not</b> noise."
    )
    into = tmp_path / "cards"
    assert run_import(str(notes), "--into", str(into)).exit_code == 0
    [card] = into.rglob("*bias*.md")
    card.write_text(card.read_text("utf-8").replace("average", "mean"), "utf-8")

    again = run_import(str(notes), "--into", str(into))

    flat = " ".join(again.output.split())
    assert "already exists with another answer (use --force to overwrite it)" in flat
    assert "fifty-second" not in flat


def test_markdown_notes_keep_escaped_text_and_strip_a_raw_tag(tmp_path: Path) -> None:
    """The same rule in Markdown: `&lt;b&gt;` is text (kept, shown as `<b>`); `<b>` is HTML."""
    notes = tmp_path / "html.md"
    notes.write_text(
        "## Q1: How does HTML make text bold?\n\n"
        "Write &lt;b&gt;bold&lt;/b&gt; in the page. The browser shows <b>bold</b> text.\n",
        "utf-8",
    )
    into = tmp_path / "cards"

    result = run_import(str(notes), "--into", str(into))

    assert result.exit_code == 0, result.output
    [text] = _cards(into).values()
    assert "Write &lt;b&gt;bold&lt;/b&gt; in the page. The browser shows bold text." in text


def test_a_typed_tag_comes_back_through_anki(tmp_path: Path) -> None:
    """Our card with `</s>` written as Markdown's `&lt;/s&gt;` is exported escaped, imported
    into Anki, exported by Anki as text and imported back: its title and the token kept."""
    bank_dir = tmp_path / "content"
    shutil.copytree(DATA / "anki_bank", bank_dir)
    (bank_dir / "anki" / "math" / "token-mark.md").write_text(
        "---\nid: token-mark\nkind: concept\ntitle: What does the <s> token mark?\n"
        "topic: math\ntags: [nlp]\ndifficulty: 2\nsource: Kudo and Richardson 2018\n"
        "key_points:\n  - The start of a sentence\n  - Its pair ends the sentence\n---\n\n"
        "## Question\n\nWhat does the &lt;s&gt; token mark?\n\n## Answer\n\n"
        "The start of a sentence; &lt;/s&gt; marks its end.\n",
        encoding="utf-8",
    )
    bank = load_bank(content_roots([bank_dir], include_bundled=False))
    cards = [c for c in bank.cards if c.id == "token-mark"]
    with anki_holding(cards, tmp_path) as col:
        notes = export_text(col, tmp_path / "notes.txt")
    assert "&lt;/s&gt;" in notes.read_text("utf-8")  # typed text, as Anki keeps it

    result = run_import(str(notes), "--pack", "back", "--into", str(tmp_path / "back"))

    assert result.exit_code == 0, result.output
    [card] = (tmp_path / "back").rglob("token-mark.md")
    assert front(card)["title"] == "What does the <s> token mark?"
    assert "The start of a sentence; `</s>` marks its end." in card.read_text("utf-8")


def test_a_markdown_escaped_tag_in_an_answer_is_kept_without_its_backslash() -> None:
    """`\\<s>` is Markdown's text `<s>`: it was stripped as a tag, its backslash left
    ("and \\ too"). An escaped backslash before a real tag (`\\\\<b>`) is still markup."""
    answer = "Put \\<s> first and \\<eos> last. It is <b>never</b> masked; a \\\\<b>path</b>."
    assert strip_html(answer) == (
        "Put `<s>` first and `<eos>` last. It is never masked; a \\\\path."
    )
