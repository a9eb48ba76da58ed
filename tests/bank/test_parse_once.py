"""The loader parses a card body's Markdown once: its math problems must be exactly those
of each section checked on its own (what `find_math_problems(section.text)` reports)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from quiz.bank.markdown import parse, parse_blocks, scan_math, scan_math_in
from quiz.bank.mathtext import find_math_problems
from quiz.bank.parse import _Collector, parse_card, split_front_matter, split_sections
from quiz.bank.problems import Problem

ROOT = Path(__file__).resolve().parents[2]
PATH = Path("pack/topic/card-id.md")
HEAD = "---\nid: card-id\nkind: concept\ntitle: T\ntopic: topic\ndifficulty: 1\nsource: s\n---\n"

TRICKY_BODIES = [
    "## Question\n\n$a$ and $\\frac{1}{$ and $5 and\n\n## Answer\n\n$$\n\\badmacro\n$$\n",
    "stray $x$\n## Question\n\n```\n## not a heading $\n```\n$y\n## Answer\n\n$$ open\n",
    "## Question\n\n> quoted $\\sqrt{2$\n> $$\n> \\frac{a}{b\n> $$\n\n## Answer\n\n- item $z\n",
    "## Question\n\n<!-- open comment\n## Answer\n$q\n",
    "## Question\n\n[a $x$](http://e.com) [ref] $\n\n[ref]: http://e.com\n\n## Answer\n\n$\\{$\n",
    "## Question\n\n$$ a\n## Answer\nb $$\n\n## Question\n\n$dup\n",
    "## Starter\n\n$\\bad\n\n## Question $h\n\n|a|b|\n|-|-|\n|$x|$\\frac{}{}$|\n\n## Answer\n$ x$",
    "## Question\n\n    indented $code\n\n## Answer\n\ntext $a$$b$ 5$ $$c$$ `$`\n",
]


def _per_section(text: str) -> list[tuple[int, int, str]]:
    """The math problems of each section checked alone (the loader's former way)."""
    split = split_front_matter(text)
    assert split is not None
    _, _, body, body_line = split
    sections, _ = split_sections(body, body_line, _Collector(PATH))
    return [
        (section.line + problem.line, problem.col, problem.message)
        for section in sections.values()
        if section.title != "Starter"
        for problem in find_math_problems(section.text)
    ]


def _from_parse_card(text: str) -> list[tuple[int, int, str]]:
    _, problems = parse_card(text, PATH, "pack", "topic")
    return [(p.line, p.col, p.message) for p in problems if p.code == "math"]


def _corpus() -> list[str]:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted(
        (ROOT / "tests" / "data").rglob("*.md")
    )
    texts = [path.read_text(encoding="utf-8") for path in files]
    return [t for t in texts if split_front_matter(t) is not None]


def test_bundled_and_fixture_cards_place_math_problems_as_per_section_checks() -> None:
    corpus = _corpus()
    assert len(corpus) > 100
    for text in corpus:
        assert _from_parse_card(text) == _per_section(text)


def test_tricky_bodies_place_math_problems_as_per_section_checks() -> None:
    for body in TRICKY_BODIES:
        text = HEAD + body
        assert _from_parse_card(text) == _per_section(text), body
    assert _from_parse_card(HEAD + TRICKY_BODIES[0]), "the cases do have math problems"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["Question", "Answer", "Starter", "Question"]),
            st.text(alphabet="$\\{}`>-*#[]()!:\n abx", max_size=60),
        ),
        max_size=4,
    ),
    st.text(alphabet="$ a\n", max_size=10),
)
def test_generated_bodies_place_math_problems_as_per_section_checks(
    parts: list[tuple[str, str]], stray: str
) -> None:
    body = stray + "".join(f"\n## {title}\n{text}\n" for title, text in parts)
    text = HEAD + body
    assert _from_parse_card(text) == _per_section(text)


def test_scan_math_in_reads_block_or_full_tokens_like_scan_math() -> None:
    for body in TRICKY_BODIES:
        expected = scan_math(body)
        assert scan_math_in(body, parse_blocks(body)) == expected
        tokens = parse(body)
        before = [(t.type, t.content, t.children) for t in tokens]
        assert scan_math_in(body, tokens) == expected
        assert [(t.type, t.content, t.children) for t in tokens] == before, "tokens only read"


def test_crlf_card_places_math_problems_as_per_section_checks() -> None:
    text = (HEAD + TRICKY_BODIES[0]).replace("\n", "\r\n")
    found = _from_parse_card(text)
    assert found and found == _per_section(text)


def test_problem_type_is_unchanged() -> None:
    _, problems = parse_card(HEAD + TRICKY_BODIES[0], PATH, "pack", "topic")
    assert all(isinstance(p, Problem) for p in problems)
