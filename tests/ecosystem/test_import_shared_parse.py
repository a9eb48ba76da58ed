"""The importer parses less to go faster: these check that what it skips changes nothing.

A notes file is read as block tokens with inline markup parsed only where it can matter,
each card body is parsed once (its answer part gives the key points, the whole gives
`parse_card` its sections): each shortcut must give what the full parse gives.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.markdown import inline_children, parse, parse_blocks
from quiz.bank.parse import card_from_data, parse_card, split_front_matter
from quiz.ecosystem.cardbody import _answer_tokens, card_body
from quiz.ecosystem.cardfront import front_matter
from quiz.ecosystem.cardtext import demote_headings, no_high_headings
from quiz.ecosystem.importer import plan_import
from quiz.ecosystem.keypoints import key_points
from quiz.ecosystem.keypoints_bare import bare_answer
from quiz.ecosystem.notes.read import parse_notes
from tests.conftest import DATA

_MIXED = """\
# Notes

See [the paper][ref] and ![an *image* alt](x.png), \\*escaped\\* & &amp; &#63; here.

- **Term:** a $x^2$ formula and \\(a + b\\) and \\[\\sum_i x_i\\] too
- `code` with $$y = 1$$ inline

| a | b |
|---|---|
| **c** | $d$ |

[ref]: https://example.org "title"
"""


def _dicts(tokens: list[Any]) -> list[dict[str, Any]]:
    return [t.as_dict() for t in tokens]


@pytest.mark.parametrize("latex", [False, True])
def test_inline_children_are_what_a_full_parse_gives(latex: bool) -> None:
    full = parse(_MIXED, latex_delimiters=latex)
    env: dict[str, Any] = {}
    blocks = parse_blocks(_MIXED, env=env)
    assert env["references"], "the reference definition is collected by the block parse"
    inlines = [t for t in blocks if t.type == "inline"]
    assert len(inlines) == len([t for t in full if t.type == "inline"]) >= 5
    for lazy, whole in zip(inlines, [t for t in full if t.type == "inline"], strict=True):
        assert not lazy.children  # block parse only
        assert _dicts(inline_children(lazy, env, latex_delimiters=latex)) == _dicts(
            whole.children or []
        )
    # Without the references the link is text: the env is what makes them equal.
    linked = inlines[1]
    assert "[ref]" in linked.content
    assert _dicts(inline_children(linked, {}, latex_delimiters=latex)) != _dicts(
        [t for t in full if t.type == "inline"][1].children or []
    )


def test_a_list_item_question_written_with_an_entity_is_still_found() -> None:
    # "&#63;" is a '?' only once the inline markup is parsed: the item must be parsed.
    notes = "1. What is bias&#63;\n\n   Bias is the error of the average model. It is big.\n"
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == ["What is bias?"]


def _card(question: str, answer: str) -> str:
    front = "id: x\nkind: concept\ntitle: X\ntopic: t\ndifficulty: 2\nsource: s\n"
    points = "key_points:\n- One point here\n- Two points here\n- Three points here\n"
    return f"---\n{front}{points}---{card_body(question, answer)}"


def test_parse_card_reuses_tokens_only_of_its_own_body() -> None:
    text = _card("What is X?", "X is a thing.")
    split = split_front_matter(text)
    assert split is not None and split[2] == card_body("What is X?", "X is a thing.")
    path = Path("x.md")
    plain, problems = parse_card(text, path, "p", "t")
    assert plain is not None and not problems
    body = split[2]
    same, _ = parse_card(text, path, "p", "t", parsed_body=(body, parse(body)))
    assert same is not None and same.sections == plain.sections
    # Tokens of another body are ignored, so they cannot change the card...
    other = card_body("Other?", "Other answer.")
    ignored, _ = parse_card(text, path, "p", "t", parsed_body=(other, parse(other)))
    assert ignored is not None and ignored.sections == plain.sections
    # ...while tokens given for this body are really used (here, wrong ones on purpose).
    wrong = parse("\n# Nothing\n")
    broken, problems = parse_card(text, path, "p", "t", parsed_body=(body, wrong))
    assert broken is None and any("missing section" in p.message for p in problems)


def test_answer_tokens_are_the_answer_parsed_alone() -> None:
    question, answer = "What is X?\n\nSay it in words.", "- **A:** one\n- two\n\n```py\nx = 1\n```"
    env: dict[str, Any] = {}
    tokens = parse(card_body(question, answer), env=env)
    sliced = _answer_tokens(question, tokens, env)
    assert sliced is not None
    alone = parse(answer)
    strip = [{k: v for k, v in d.items() if k != "map"} for d in _dicts(alone)]
    assert [{k: v for k, v in d.items() if k != "map"} for d in _dicts(sliced)] == strip


@pytest.mark.parametrize(
    "question",
    [
        "What is [X][r]?\n\n[r]: https://example.org",  # a reference the answer could use
        "What is X?\n\n```\nunclosed fence",  # a block left open over the heading
    ],
)
def test_answer_tokens_fall_back_when_the_question_changes_the_answer(question: str) -> None:
    env: dict[str, Any] = {}
    tokens = parse(card_body(question, "See [X][r]. It is one. It is two."), env=env)
    assert _answer_tokens(question, tokens, env) is None


def test_every_fixture_card_has_the_points_of_its_answer_parsed_alone(tmp_path: Path) -> None:
    cards = 0
    for notes in sorted((DATA / "notes").glob("*.md")):
        plan = plan_import(notes, content_dir=tmp_path, pack="p")
        for card in plan.cards:
            answer = card.text.split("\n## Answer\n\n", 1)[1].removesuffix("\n")
            bare = bare_answer(answer)  # a one-word answer is its own point
            expected = key_points(answer) or ([bare] if bare else [])
            assert list(card.key_points) == expected, (notes.name, card.card_id)
            cards += 1
    assert cards >= 50


_ODD = """\
# Odd notes

- 🤔 Q: a question behind an emoji

  It has an answer. A second sentence.

- <b>Q:</b> a question in a tag

  Its answer is here. And more.

- **Is it bold?** 🤔
  It is. Yes it is.

**What is an entity&#63;**

An entity is a character reference. It is resolved by the parser.

**Bold run** &#x1F914;

Text after a bold line. More text.

1. [E] A tagged question
   Ans. It is tagged. It is easy.

- ~~Q~~: struck out
  Body text. More body.

- [](https://example.org) Q: after an empty link
  Its answer. Another sentence.

- plain item without any mark
- **Term:** a labelled fact

**What is a bold first line?** 🤔
Its answer follows at once. No blank line between.

**Answer:**
A label line, then text. It is no question.

1. **2. A numbered bold first line**
   Its answer. Another sentence.

__Q7: An underscored first line?__
Its answer. Another one.

**What is an entity in a first line&#63;**
Its answer. More of it.
"""


def test_notes_read_lazily_are_what_a_full_parse_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    import quiz.ecosystem.notes.blocks as blocks_module

    texts = [_ODD, *(p.read_text(encoding="utf-8") for p in sorted((DATA / "notes").glob("*.md")))]
    lazy = [parse_notes(text) for text in texts]
    monkeypatch.setattr(blocks_module, "_needs_inline", lambda *_: True)
    eager = [parse_notes(text) for text in texts]
    assert lazy == eager
    assert len(lazy[0].questions) >= 5  # the odd shapes are really read as questions


def test_every_fixture_card_read_back_from_its_file_is_the_card_checked(tmp_path: Path) -> None:
    """The importer checks each card from its front matter data, without reading the YAML
    back: the written text must parse to that same, clean card."""
    for notes in sorted((DATA / "notes").glob("*.md")):
        plan = plan_import(notes, content_dir=tmp_path, pack="p")
        for card in plan.cards:
            read, problems = parse_card(card.text, card.path, "p", card.path.parent.name)
            assert read is not None and not problems, (notes.name, card.card_id, problems)
            assert read.front.id == card.card_id
            assert list(read.front.key_points) == list(card.key_points)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "points",
    [
        ["One point here", "Two points here", "x" * 201],  # too long for lint
        ["One point here", "Two points here"],  # too few for an answer of three sentences
        ["One point here", "Two points here", "A $x^{2$ formula"],  # math that does not parse
        ["One point here", "Two points here", "Three points here"],  # but in the wrong file
    ],
)
def test_checking_from_data_finds_what_parsing_the_file_finds(points: list[str]) -> None:
    data, yaml_text = front_matter(
        card_id="x",
        title="X",
        topic="t",
        tags=(),
        difficulty=2,
        source="s",
        points=points,
    )
    body = card_body("What is X?", "X is a thing. It has parts. It is used often.")
    path = Path("t/x.md") if len(points) < 3 or points[2] != "Three points here" else Path("u/y.md")
    from_file = parse_card(f"---\n{yaml_text}---\n{body}", path, "p", "t")
    from_data = card_from_data(data, yaml_text, body, path, "p", "t")
    assert from_file[0] is None and from_data[0] is None
    assert from_data[1] == from_file[1]


@pytest.mark.parametrize(
    "paragraph",
    [
        "**Term:** a $x^2$ formula and `code`",
        "**Term**: rest of it",
        "**A `code` $y$ label:** rest",
        "**Term:**: two colons",
        "**Only a label:**",
        "**Split\nlabel:** rest\non two lines",
        "**Costs:** \\$5 a month",
        "**Term:**rest glued to the bold",
        "__Term:__ underscores",
    ],
)
def test_labels_read_from_the_parsed_paragraph_are_the_parts_parsed_alone(paragraph: str) -> None:
    from quiz.ecosystem import keypoints_labels

    inline = next(t for t in parse(paragraph) if t.type == "inline")
    pair = keypoints_labels.labelled(inline.content)
    assert pair is not None
    expected = (
        keypoints_labels.inline_text_of(pair[0]),
        keypoints_labels.inline_text_of(pair[1]) if pair[1] else "",
    )
    assert keypoints_labels.label_texts(inline.content, inline) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40))
def test_a_title_read_without_the_parser_is_what_the_parser_reads(title: str) -> None:
    """A title with no markup character skips the inline parser: same id and list title."""
    import re

    from quiz.ecosystem import cardids

    def texts() -> tuple[str, str]:
        cardids._title_pieces.cache_clear()
        return cardids.title_text(title, with_math=False), cardids.title_text(title, with_math=True)

    fast = texts()
    markup = cardids._MARKUP
    try:
        cardids._MARKUP = re.compile("")  # every title parsed
        assert texts() == fast
    finally:
        cardids._MARKUP = markup
        cardids._title_pieces.cache_clear()


def test_math_read_from_a_full_parse_is_what_a_fresh_inline_parse_finds() -> None:
    """The importer's lint check reads the formulas out of the card body's full parse."""
    from quiz.bank.markdown import normalize, scan_math_in

    odd = (
        "Costs $5 and $10, `$x$` in code, [a $y$ link](u), \\$ escaped, $$z$$ and $a\\b$.\n\n"
        "- $x^2$ in an item\n\n| $t$ | $$u$$ |\n|---|---|\n| 1 | $v |\n\n$$\nw = 1\n$$\n"
    )
    texts = [odd, *(p.read_text(encoding="utf-8") for p in sorted((DATA / "notes").glob("*.md")))]
    checked = 0
    for text in map(normalize, texts):
        env: dict[str, Any] = {}
        full = parse(text, env=env)
        if env.get("references"):
            continue
        fresh = scan_math_in(text, parse_blocks(text))
        assert scan_math_in(text, full, inline_parsed=True) == fresh
        checked += bool(fresh.spans or fresh.problems)
    assert checked >= 5


@pytest.mark.parametrize(
    "answer",
    [
        "It costs $5 and $10 a month. The loss is $x^2$. It is small. It is convex.",
        "The form is $\\unknownmacro{x}$ here. The loss is $x^2$. It is small. It is fine.",
        "The loss is $x^2$, shown as is. It is small. It is convex. It is smooth.",
        "[r]: https://example.org\n\nSee [the paper][r] for $x^2$. It is small. It is fine.",
    ],
)
def test_an_answer_with_dollar_math_is_prepared_as_prepare_does(
    answer: str, tmp_path: Path
) -> None:
    """The answer's math is checked from the card body's parse; `card_ready` runs only when
    it changes something: the card is the one `card_ready` gives."""
    from quiz.ecosystem.cardtext import card_ready

    notes = tmp_path / "n.md"
    notes.write_text(f"## Q1: What is it?\n**Answer:**\n{answer}\n", encoding="utf-8")
    plan = plan_import(notes, content_dir=tmp_path / "c", pack="p")
    assert len(plan.cards) == 1, plan.skipped
    written = plan.cards[0].text.split("\n## Answer\n\n", 1)[1].removesuffix("\n")
    prepared, raw, escaped = card_ready(answer)
    assert written == prepared
    messages = " ".join(n.message for n in plan.notices)
    assert ("kept as raw LaTeX" in messages) == bool(raw)
    assert (f"escaped {escaped} '$'" in messages) == bool(escaped)


_HEADING_PIECES = [
    "# h1",
    "## h2",
    "### h3",
    "#### h4",
    "#no space",
    "   ## indented",
    "    # code by indent",
    "```\n# a comment\n```",
    "~~~py\n## also code\n~~~",
    "- ## in a list",
    "> # in a quote",
    "Setext\n===",
    "Under\n---",
    "text",
    "$x$ and $$y$$",
    "",
    "<div>\n# in html\n</div>",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEADING_PIECES), min_size=1, max_size=8))
def test_an_answer_the_body_parse_finds_flat_is_not_demoted(pieces: list[str]) -> None:
    """The importer demotes an answer's headings only when the card body's parse finds a
    `#` or `##` heading in it: everywhere else `demote_headings` would leave it as it is."""
    answer = "\n\n".join(pieces).strip("\n") or "text"
    question = "What is X?"
    env: dict[str, Any] = {}
    tokens = parse(card_body(question, answer), env=env)
    if no_high_headings(answer, _answer_tokens(question, tokens, env)):
        assert demote_headings(answer) == answer


def test_the_heading_shortcut_writes_the_cards_demoting_first_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import quiz.ecosystem.cardplan as cardplan_module

    notes = tmp_path / "headings.md"
    notes.write_text(
        "# Q1: What is X?\n\n**Answer:**\n\n## Big\n\nX is big. It is here. It is there.\n\n"
        "```python\n# a comment, not a heading\nx = 1\n```\n\n"
        "# Q2: What is Y?\n\n**Answer:**\n\n### Small\n\nY is small. It is near. It is far.\n\n"
        "# Q3: What is Z?\n\n**Answer:** Z costs $5 and $$z^2$$ is shown.\n\n"
        "## Part\n\nZ is long. It is wide. It is tall.\n",
        encoding="utf-8",
    )
    texts = [notes, *sorted((DATA / "notes").glob("*.md"))]
    fast = [plan_import(n, content_dir=tmp_path, pack="p") for n in texts]
    monkeypatch.setattr(cardplan_module, "no_high_headings", lambda *_: False)
    plain = [plan_import(n, content_dir=tmp_path, pack="p") for n in texts]
    assert [[c.text for c in p.cards] for p in fast] == [[c.text for c in p.cards] for p in plain]
    assert [p.notices for p in fast] == [p.notices for p in plain]
    cards = {c.card_id: c.text for c in fast[0].cards}
    assert len(cards) == 3
    assert "\n### Big\n" in cards["what-is-x"]  # demoted below the card's own sections
    assert "\n# a comment, not a heading\n" in cards["what-is-x"]
    assert "\n### Small\n" in cards["what-is-y"] and "\n### Part\n" in cards["what-is-z"]


_HTML_PIECES = [
    "a",
    " b ",
    "x < y",
    "x<y and y>z",
    "R&D",
    "&amp;",
    "&nbsp;",
    "<b>bold</b>",
    "<br/>",
    "<!-- note -->",
    "<style>p {}</style>",
    "<summary>Show</summary>",
    "`<b>` code",
    "\n",
    "\n\n",
    "  \n",
    "\t",
    "\n```\n<i>x</i>\n```\n",
    "\n    <code> indented\n",
    "\u00a0",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_HTML_PIECES), max_size=12).map("".join))
def test_html_left_alone_only_where_stripping_changes_nothing(text: str) -> None:
    """`strip_html` skips its code scan when nothing anywhere would be stripped: it must
    then give what the full pass gives."""
    from quiz.ecosystem import htmlstrip

    fast = htmlstrip.strip_html(text)
    real = htmlstrip._nothing_to_strip
    try:
        htmlstrip._nothing_to_strip = lambda _text: False  # type: ignore[assignment]
        assert fast == htmlstrip.strip_html(text)
    finally:
        htmlstrip._nothing_to_strip = real
