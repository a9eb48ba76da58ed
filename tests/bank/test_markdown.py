"""The bank's one Markdown reader: headings, code blocks and math spans with exact offsets."""

from __future__ import annotations

from quiz.bank.markdown import code_blocks, code_spans, headings, scan_math

DOC = """# Title

Costs $5 and $10 today, while $x^2$ is math and `$a$` is code.

| term | value |
|------|-------|
| $x$  | $\\alpha$ |

> quoted $y$

- item $z$
  with $$w$$ inline display

$$
a + b
$$

```python
# not a heading $q$
```

    indented $code$

## Section ##
Escaped \\$ sign.
"""


def test_math_spans_are_found_with_their_offsets() -> None:
    scan = scan_math(DOC)
    assert [DOC[s.start : s.end] for s in scan.spans] == [
        "$x^2$",
        "$x$",
        "$\\alpha$",
        "$y$",
        "$z$",
        "$$w$$",
        "$$\na + b\n$$",
    ]
    for span in scan.spans:
        assert DOC[span.content_start : span.content_end].strip() == span.latex.strip()
    assert [s.display for s in scan.spans] == [False] * 5 + [True, True]


def test_a_dollar_that_opens_nothing_is_reported_and_swallows_nothing() -> None:
    scan = scan_math(DOC)
    assert [DOC[p.offset : p.offset + 3] for p in scan.problems] == ["$5 ", "$10"]
    assert all("write \\$" in p.message for p in scan.problems)
    spaced = scan_math("a $ b$ and $c$")
    assert [s.latex for s in spaced.spans] == ["c"]
    assert [p.message.split(":")[0] for p in spaced.problems] == ["stray '$'"] * 2
    assert scan_math("from $a to b").problems[0].message.startswith("unclosed inline math")
    assert scan_math("open $$x and more").problems[0].message.startswith("unclosed display math")
    assert scan_math("no math \\$5 here").problems == ()


def test_offsets_refer_to_the_text_as_given_with_crlf() -> None:
    text = "a\r\n$$x$$\r\nb $y$\r\n"
    scan = scan_math(text)
    assert [text[s.start : s.end] for s in scan.spans] == ["$$x$$", "$y$"]


def test_latex_delimiters_only_when_asked() -> None:
    text = "inline \\(x^2\\) and display \\[y\\]"
    assert scan_math(text).spans == ()
    spans = scan_math(text, latex_delimiters=True).spans
    assert [(text[s.start : s.end], s.display, s.delimiter) for s in spans] == [
        ("\\(x^2\\)", False, "\\("),
        ("\\[y\\]", True, "\\["),
    ]


def test_headings_skip_code_and_know_their_lines() -> None:
    found = headings(DOC)
    assert [(h.level, h.title, h.line) for h in found] == [(1, "Title", 1), (2, "Section", 24)]
    nested = headings("- ## inside a list\n\nText\n---\n")
    assert [(h.title, h.nested, h.atx) for h in nested] == [
        ("inside a list", True, True),
        ("Text", False, False),
    ]


def test_code_blocks() -> None:
    blocks = code_blocks(DOC)
    assert [(b.language, b.fenced, b.closed, b.first_line) for b in blocks] == [
        ("python", True, True, 18),
        ("", False, True, 22),
    ]
    assert blocks[0].code == "# not a heading $q$\n"
    unclosed = code_blocks("```python\nx = 1\n")
    assert unclosed[0].closed is False


def test_code_spans_are_found_outside_code_blocks() -> None:
    text = "a `x` and ``y ` z`` here\r\n\n```\n`not a span`\n```\n"
    assert [text[start:end] for start, end in code_spans(text)] == ["`x`", "``y ` z``"]
    assert code_spans("no code here") == []


def test_an_unclosed_backtick_after_a_formula_leaves_the_formula_where_it_is() -> None:
    # the backtick rule succeeds without a token; the formula before it keeps its offsets
    for text in ["$x$` y", "p $x$` and $y$", "$${$$`"]:
        for span in scan_math(text).spans:
            assert text[span.start : span.end] in ("$x$", "$y$", "$${$$"), (text, span)
            assert text[span.content_start : span.content_end] == span.latex
