"""Text printed as it is (`drillbit show`, `drillbit watch`, choices and key points) reads
the Markdown backslash escapes: `\\_` prints as `_`, except in code, where the backslash
is what was written; math is rendered as before."""

from __future__ import annotations

from functools import cache

from engine.verdict import Status, Verdict
from quiz.bank.loader import load_bank
from quiz.bank.markdown import escape_offsets, unescape
from quiz.bank.models import Card
from quiz.bank.sources import bundled_content_dir
from quiz.cardtext import card_as_text, plain_text, render_text, section_markdown, section_text
from quiz.watch_report import watch_report


@cache
def _cards() -> dict[str, Card]:
    return {card.id: card for card in load_bank([bundled_content_dir()]).cards}


def test_show_prints_conv2d_formulas_without_markdown_escapes() -> None:
    text = card_as_text(_cards()["conv2d-forward"])
    lines = text.splitlines()
    assert "Hₒ = ⌊(H + 2 p − K_H)/s⌋ + 1,   Wₒ = ⌊(W + 2 p − K_W)/s⌋ + 1" in lines
    out = "out[n, f, i, j] = b_f + ∑_(c, u, v) w[f, c, u, v] xₚ[n, c, i s + u, j s + v]"
    assert out in lines
    # code spans keep what was written
    assert "- `b` of shape `(F,)`: one bias per filter;" in lines


def test_show_and_watch_print_the_dropout_interval_as_written() -> None:
    answer = card_as_text(_cards()["dropout-keep-prob"], answer=True)
    assert "`rng.random` is uniform on [0, 1), so `rng.random(A.shape) < 0.8`" in answer
    card = _cards()["dropout"]
    verdict = Verdict(drill="nn.regularization.dropout", status=Status.PASSED, seed=0)
    report = " ".join(watch_report(verdict, card, stamp="12:00", file="a.py", width=500).split())
    assert "`rng.random` is uniform on [0, 1), so it differs" in report
    assert "\\[" not in report


def test_no_bundled_card_prints_a_markdown_escape() -> None:
    for card in _cards().values():
        text = card_as_text(card, answer=True)
        assert escape_offsets(text) == [], card.id


def test_the_markdown_for_the_app_keeps_its_escapes() -> None:
    # the TUI's Markdown widget reads the escapes itself: what it is given is unchanged
    card = _cards()["conv2d-forward"]
    assert "K\\_H" in section_markdown(card, "Task")
    assert section_text(card, "Task") == unescape(section_markdown(card, "Task"))


def test_escapes_outside_code_are_read() -> None:
    text = "a \\_b\\_ and \\*c\\* on \\[0, 1) costs \\$5 \\\\ and \\<d\\> \\# \\~ \\|\n"
    assert unescape(text) == "a _b_ and *c* on [0, 1) costs $5 \\ and <d> # ~ |\n"


def test_escapes_in_code_are_kept() -> None:
    text = "see `a\\_b` and\n\n```python\nx = 'a\\_b'\n```\n\n    c\\_d\n\nthen e\\_f\n"
    assert unescape(text) == text.replace("e\\_f", "e_f")


def test_escapes_in_math_autolinks_and_html_are_kept() -> None:
    text = "$\\{x\\_1\\}$ and $$\\|w\\|$$ and <http://a\\_b> and <span title='\\_'>x</span>"
    assert unescape(text) == text


def test_a_backslash_before_anything_but_punctuation_is_kept() -> None:
    assert unescape("\\a \\1 \\é \\") == "\\a \\1 \\é \\"
    assert unescape("line\\\nnext") == "line\\\nnext"  # a hard break is layout, not an escape


def test_escapes_in_a_link_text_are_read_and_its_destination_kept() -> None:
    assert unescape("[a\\_b](http://x\\_y)") == "[a_b](http://x\\_y)"


def test_crlf_text_keeps_its_offsets() -> None:
    assert unescape("a\\_b\r\n`c\\_d`\r\ne\\_f") == "a_b\r\n`c\\_d`\r\ne_f"


def test_plain_text_reads_escapes_outside_code_and_math() -> None:
    assert plain_text("keep \\_ and \\[0, 1) and `a\\_b`") == "keep _ and [0, 1) and `a\\_b`"
    assert plain_text("$x_1$ costs \\$5, `\\$HOME`") == "x₁ costs $5, `\\$HOME`"
    # a formula with no Unicode form stays as written, its backslashes with it
    unrendered = "$\\notacommand\\_x$"
    assert plain_text(f"a\\_b {unrendered}") == f"a_b {unrendered}"


def test_math_renders_as_before() -> None:
    # the escapes are read after the math is rendered: the formula's text is the renderer's
    text = "uniform on $[0, 1)$ and $K_H$\n"
    assert render_text(text) == "uniform on \\[0, 1) and K\\_H\n"
    assert unescape(render_text(text)) == "uniform on [0, 1) and K_H\n"
