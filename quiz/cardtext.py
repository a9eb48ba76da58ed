"""Card text as the app shows it: Markdown sections and one-line strings, math as Unicode.

Shared by the TUI and the CLI's `show`, so a card reads the same everywhere. Text for a
Markdown widget keeps its Markdown (the widget reads the backslash escapes); text printed
as it is (`section_text`, `plain_text`, `card_as_text`) has the escapes read, so `\\_` and
`\\[` print as `_` and `[`, except in code, where a backslash is what was written.
"""

from __future__ import annotations

from quiz.bank.models import (
    NO_MATH_SECTIONS,
    Card,
    ChoiceFront,
    CodingFront,
    ConceptFront,
    NumericFront,
    shown_front_texts,
)


def render_text(text: str) -> str:
    """Markdown card text (a section, a hint) with math shown as Unicode."""
    if "$" not in text:  # no formula: the math renderer (pylatexenc, its tables) is not needed
        return text
    from quiz.bank.mathtext import render_math

    return render_math(text)


MATH_NOTE = (
    "*Some math in this card cannot be shown as symbols, so it is shown as written "
    "(`drillbit lint` says where and why).*"
)
"""Under the first section shown (Question or Task) of a card whose math does not render."""
_FIRST_SECTIONS = ("Question", "Task")


def math_fails(card: Card) -> bool:
    """True when some math lint checks in this card (every section but the Starter, key
    points, choices) does not render. The app's load leaves this check to lint and to
    here, when the card is shown: such a card loads and shows its LaTeX as written."""
    texts = [s.text for s in card.sections.values() if s.title not in NO_MATH_SECTIONS]
    texts.extend(text for _key, _index, text in shown_front_texts(card.front))
    texts = [text for text in texts if "$" in text]  # a text with no `$` has no math problem
    if not texts:
        return False
    from quiz.bank.mathtext import find_math_problems

    return any(find_math_problems(text) for text in texts)


def section_markdown(card: Card, section: str) -> str:
    """A section of a card, ready for a Markdown widget (math shown as Unicode); the first
    section shown says so when some of the card's math cannot be rendered."""
    text = render_text(card.section(section))
    if section in _FIRST_SECTIONS and math_fails(card):
        text = f"{text.rstrip()}\n\n{MATH_NOTE}\n"
    return text


def section_text(card: Card, section: str) -> str:
    """`section_markdown` for a terminal that prints it as it is: the Markdown layout kept
    (headings, lists, emphasis marks) and its backslash escapes read, those the math
    rendering adds (`K\\_H`) and those the card has (`\\[0, 1)`), code excepted."""
    from quiz.bank.markdown import unescape

    return unescape(section_markdown(card, section))


def markdown_text(text: str) -> str:
    """Markdown card text outside a section (a hint) for a terminal, as `section_text`
    prints a section: math as Unicode, backslash escapes read."""
    from quiz.bank.markdown import unescape

    return unescape(render_text(text))


def plain_text(text: str) -> str:
    """A one-line plain string (a choice, a key point) with each `$...$` as Unicode and its
    Markdown backslash escapes read (`\\_` is `_`, `\\$` a dollar), except in code spans.

    A formula with no faithful Unicode form stays as written, backslashes and all.
    """
    if "$" not in text and "\\" not in text:  # no formula and no escape: nothing to convert
        return text
    from quiz.bank.markdown import escape_offsets, scan_math, without_offsets

    escapes = escape_offsets(text)  # none is in a formula: the parser reads it as math
    spans = scan_math(text).spans  # the formulas lint checked, paired the same way
    if spans:
        from quiz.bank.mathtext import latex_to_unicode
    pieces, last = [], 0
    for span in spans:
        pieces += [
            without_offsets(text, escapes, last, span.start),
            latex_to_unicode(span.latex) or text[span.start : span.end],
        ]
        last = span.end
    return "".join([*pieces, without_offsets(text, escapes, last)])


def code_span_text(span: str) -> str:
    """What a code span (its backticks included) shows, as CommonMark reads it: the
    backticks gone, line endings as spaces, and one space off each end when both ends have
    one (so `` `` `x` `` `` shows `` `x` ``); the backslashes are kept."""
    ticks = len(span) - len(span.lstrip("`"))
    inner = span[ticks : len(span) - ticks].replace("\r\n", " ").replace("\n", " ")
    if len(inner) > 1 and inner[0] == inner[-1] == " " and inner.strip(" "):
        inner = inner[1:-1]
    return inner


def inline_pieces(text: str) -> list[tuple[str, bool]]:
    """A one-line string (a choice, a key point) as a reader sees it, in pieces of
    (text, is code): each inline code span without its backticks, as the card's Markdown
    shows it, and the text around it as `plain_text` gives it (math as Unicode, escapes
    read). A string with no code span is one piece."""
    if "`" not in text:
        return [(plain_text(text), False)]
    from quiz.bank.markdown import code_spans

    pieces: list[tuple[str, bool]] = []
    last = 0
    for start, end in code_spans(text):
        if start > last:
            pieces.append((plain_text(text[last:start]), False))
        pieces.append((code_span_text(text[start:end]), True))
        last = end
    if last < len(text) or not pieces:
        pieces.append((plain_text(text[last:]), False))
    return pieces


def card_as_text(card: Card, *, answer: bool = False) -> str:
    """A card for the terminal: title line, question (options, unit), and with `answer` the rest;
    a choice card's answer is its right options, one a line with their numbers.

    Math is Unicode as in the app; the layout is Markdown, readable as it is, with its
    backslash escapes read (`section_text`).
    """
    front = card.front
    heading = f"# {card.title}\n\n{card.kind} · {card.pack}/{card.topic} · {card.id}\n"
    question = "Task" if isinstance(front, CodingFront) else "Question"
    parts = [heading, section_text(card, question).strip() + "\n"]
    if isinstance(front, ChoiceFront):
        parts.append(
            "\n".join(f"{n}. {plain_text(choice)}" for n, choice in enumerate(front.choices, 1))
            + "\n"
        )
    elif isinstance(front, NumericFront) and front.unit:
        parts.append(f"(answer in {front.unit})\n")
    if answer:
        if isinstance(front, ConceptFront):
            parts.append("## Answer\n\n" + section_text(card, "Answer").strip() + "\n")
            points = "\n".join(f"- {plain_text(point)}" for point in front.key_points)
            parts.append(f"## Key points\n\n{points}\n")
        elif isinstance(front, ChoiceFront):
            # one line per right choice with its number, as the app marks them: many
            # choices hold commas, so a comma-joined list could not be read back apart
            right = "\n".join(
                f"{i + 1}. {plain_text(front.choices[i])}" for i in sorted(front.correct)
            )
            parts.append(f"## Answer\n\n{right}\n")
        elif isinstance(front, NumericFront):
            parts.append(f"## Answer\n\n{front.check_numeric(front.answer).expected}\n")
        explanation = section_text(card, "Explanation").strip()
        if explanation:
            parts.append(f"## Explanation\n\n{explanation}\n")
    return "\n".join(parts)
