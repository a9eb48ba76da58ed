"""A card's text from a question and its answer: the question phrased, headings
demoted, math converted, the body parsed once for the checks and key points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from markdown_it.token import Token

from quiz.bank.markdown import (
    MathScan,
    headings,
    inline_children,
    new_token,
    parse,
    scan_math,
    scan_math_in,
)
from quiz.bank.mathtext import latex_to_unicode
from quiz.ecosystem.frontyaml import dump_front
from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.keypoints_sentences import OPEN_ENDS
from quiz.ecosystem.notes.found import ParsedNotes
from quiz.ecosystem.notes.tabs import why_code

_MAYBE_HEADING = re.compile(r"^[ \t]{0,3}#", re.MULTILINE)


_ATX = re.compile(r"^([ \t]{0,3})(#{1,6})([ \t]+.*)?$")


_QUESTION_WORDS = frozenset(
    "what why how when where which who whom whose is are was were do does did can could "
    "should would will shall may might must has have had".split()
)


_IMPERATIVES = frozenset(
    "explain describe compare contrast derive implement define list give show write name "
    "state prove discuss outline summarize summarise walk sketch calculate compute estimate "
    "design draw identify justify pick choose select find suggest propose debug fix tune "
    "train build evaluate analyze analyse interpret diagnose plot solve convert translate "
    "rewrite simplify predict recommend rank classify measure sort optimize optimise "
    "argue assess critique demonstrate discuss recall review".split()
)


_CLOSERS = ")]}\"'”’»"
"""What may close a sentence's end: a bracket or a quote after its `?`, `.` or `!`."""


_POSSESSIVE = re.compile(r"(?:['’]s?)$")
"""A name's possessive ends the first word (`Bayes'`, `Newton's`): a proper name, no
common noun to lowercase ("Explain bayes' rule.")."""


def as_question(title: str, names: str = "") -> str:
    """The title phrased as a question or instruction (a bare topic becomes 'Explain ...').
    `names`: the note's other text, where a capitalised first word written so mid-sentence
    is a name and keeps its capital ("Explain Adam.", not "Explain adam.").

    A sentence closed inside a bracket or quote is phrased already: "What is σ'(0)? (It is
    also the largest value.)" became "Explain the sigmoid ... (It is also the largest
    value.)." when its question was a statement first."""
    text = " ".join(title.split())
    if text.endswith(":") and len(text) > 1:
        text = text[:-1].rstrip()  # `Softmax:` over its formula: "Explain softmax:." before
    if text.rstrip(_CLOSERS).endswith(("?", ".", "!")):
        return text
    first = text.split(" ", 1)[0].lower().strip(",:")
    if first in _QUESTION_WORDS:
        return text + "?"
    if first in _IMPERATIVES or _BLANK in text:
        return text + "."  # a deletion's `[...]`: a fill-in, asked as its sentence is
    if " " in text and text.rsplit(" ", 1)[1].lower() in OPEN_ENDS:
        return text + " [...]."  # "The derivative of tanh is": "Explain the ... is." before
    head, _, tail = text.partition(" ")
    if (
        head[:1].isupper()
        and head[1:].islower()
        and not _POSSESSIVE.search(head)
        and not _named_mid_sentence(head, names)
        and not _name_opening_phrase(head, tail, names)
    ):
        head = head.lower()  # "Dropout" -> "dropout"; "Bayes' rule", "Newton's method" kept
    return f"Explain {' '.join(p for p in (head, tail) if p)}."


_BLANK = "[...]"
"""What a cloze deletion shows in its card's title: the card asks to fill it in."""


_FUNCTION_WORDS = frozenset(
    "the a an this that these those some any each every all no one two its their our".split()
)
"""Words that open a noun phrase and are never a name ("The chain rule")."""


def _name_opening_phrase(word: str, tail: str, text: str) -> bool:
    """True when a title of more words opens with a word the note writes only capitalised
    (`**Nesterov** momentum looks ahead`): a capitalised word before the lowercase head of
    a noun phrase is how a method is named after someone (Nesterov momentum, Huber loss),
    and a common word recurs in lowercase in its own explanation ("steps against the
    gradient", "shrinks the weights"), a name never does. A one-word title is the term
    itself ("Momentum") and a word the note does not write is no evidence: both lowercase."""
    if not tail or word.lower() in _FUNCTION_WORDS or not tail[:1].islower():
        return False
    if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is None:
        return False
    return re.search(rf"(?<!\w){re.escape(word.lower())}", text) is None


_BEFORE_WORD = " \t*_`\"'([“‘"
"""What may stand between a sentence's start and its first word: blanks, emphasis, quotes."""


def _named_mid_sentence(word: str, text: str) -> bool:
    """True when the text writes the word capitalised after another word of its sentence
    (`...; Adam then scales`), a name's mark: at a sentence's or a line's start any word
    is capitalised (`**Dropout** zeroes ...`)."""
    if word not in text:
        return False
    for found in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        before = text[: found.start()]
        kept = before.rstrip(_BEFORE_WORD)
        if kept and kept[-1] not in ".!?:\n>#-" and "\n" not in before[len(kept) :]:
            return True
    return False


def demote_headings(markdown: str, shallowest: int = 3) -> str:
    """Headings inside an answer moved down (to `###` and deeper) so none is a `## ` section."""
    if not _MAYBE_HEADING.search(markdown):  # no line starts like a heading: nothing to parse
        return markdown
    found = [h for h in headings(markdown) if h.atx]
    if not found or min(h.level for h in found) >= shallowest:
        return markdown
    shift = shallowest - min(h.level for h in found)
    lines = markdown.split("\n")
    for heading in found:
        row = heading.line - 1
        match = _ATX.match(lines[row])
        if match is None:  # a heading in a list item or quote: leave it
            continue
        level = min(len(match.group(2)) + shift, 6)
        lines[row] = f"{match.group(1)}{'#' * level}{match.group(3) or ''}"
    return "\n".join(lines)


def escape_stray_dollars(markdown: str) -> tuple[str, int]:
    """Escape `$` signs that open no math (prices, shell variables); returns (text, how many)."""
    problems = scan_math(markdown).problems
    for problem in reversed(problems):
        at = problem.offset
        width = 2 if markdown.startswith("$$", at) else 1
        markdown = markdown[:at] + "\\$" * width + markdown[at + width :]
    return markdown, sum(2 if "'$$'" in p.message else 1 for p in problems)


def convert_math(markdown: str) -> tuple[str, list[str]]:
    """`\\(..\\)` and `\\[..\\]` as `$..$` and `$$..$$`; a formula the terminal cannot show
    kept as raw LaTeX in code (the card still loads). Returns (text, formulas kept raw)."""
    kept: list[str] = []
    delimited = "\\(" in markdown or "\\[" in markdown
    if "$" not in markdown and not delimited:
        return markdown, kept
    # Without \( or \[ the plain reader finds the same formulas, and its scan is the one
    # escape_stray_dollars reuses (cached) next.
    scan = scan_math(markdown, latex_delimiters=delimited)
    for span in reversed(scan.spans):
        latex = span.latex
        if latex_to_unicode(latex) is None:
            kept.append(latex.strip())
            raw = " ".join(latex.split())
            ticks = "`" * (max((len(m) for m in re.findall("`+", raw)), default=0) + 1)
            if span.delimiter == "$$" and "\n" in markdown[span.start : span.end]:
                line_start = markdown.rfind("\n", 0, span.start) + 1
                indent = markdown[line_start : span.start]
                indent = indent if not indent.strip() else " " * len(indent)
                body = "\n".join(
                    indent + row.strip() for row in latex.strip().split("\n") if row.strip()
                )
                replacement = f"```latex\n{body}\n{indent}```"
            else:
                replacement = f"{ticks}{raw}{ticks}"
        elif span.delimiter == "\\(":
            replacement = f"${latex.strip()}$"
        elif span.delimiter == "\\[":
            replacement = f"$${latex.strip()}$$"
        else:
            continue
        markdown = markdown[: span.start] + replacement + markdown[span.end :]
    kept.reverse()
    return markdown, kept


def front_matter(
    *,
    card_id: str,
    title: str,
    topic: str,
    tags: Sequence[str],
    difficulty: int,
    source: str,
    points: Sequence[str],
) -> tuple[dict[str, Any], str]:
    """A concept card's front matter as data and as the YAML written for it (by yaml's safe
    dumper, so quoting is always right and the text loads back as this very data)."""
    front: dict[str, Any] = {
        "id": card_id,
        "kind": "concept",
        "title": title,
        "topic": topic,
        "tags": list(tags),
        "difficulty": difficulty,
        "source": source,
        "key_points": list(points),
    }
    return front, dump_front(front)


def card_body(question: str, answer: str) -> str:
    """The card's text after its front matter (what `parse_card` reads as the body)."""
    return f"\n## Question\n\n{question}\n\n## Answer\n\n{answer}\n"


_ONE_LINE_QUESTION = re.compile(r"[A-Za-z](?:[^\n\r\x00]*\S)?")
"""A question text that is one paragraph line of the card body: it starts with a letter (no
block syntax opens so) and ends without space (nothing for the paragraph to strip)."""


_HEAD_ROWS = 6
"""Lines of a card body before its answer: "", "## Question", "", the question, "",
"## Answer"."""


def parse_body(question: str, answer: str, env: dict[str, Any]) -> list[Token]:
    """`parse(card_body(question, answer), env=env)`: the tokens of a card body.

    For a one-line question the part before the answer is always the same nine tokens
    (two `##` headings and the question's paragraph): they are made here, and only the
    answer is parsed, its line numbers moved down to where it stands in the body. That
    part was about a quarter of each body's parse. The `## Answer` heading closes every
    block before it, so the answer parses alone as it does in the body, and the question's
    inline markup is read as the parse reads it, with the references the answer defines.
    `env` is a new dict (it receives the link `references`, placed in the body). A test
    holds the tokens and references equal to the whole body's parse."""
    if env or _ONE_LINE_QUESTION.fullmatch(question) is None:
        return parse(card_body(question, answer), env=env)
    tail = parse(f"\n{answer}\n", env=env)
    for token in tail:
        if token.map is not None:
            token.map = [token.map[0] + _HEAD_ROWS, token.map[1] + _HEAD_ROWS]
    for reference in env.get("references", {}).values():  # where each was defined
        if reference.get("map") is not None:
            reference["map"] = [reference["map"][0] + _HEAD_ROWS, reference["map"][1] + _HEAD_ROWS]
    head = [
        *_heading_tokens("Question", 1),
        new_token("paragraph_open", "p", 1),
        _inline_token(question, 3),
        new_token("paragraph_close", "p", -1),
        *_heading_tokens("Answer", 5),
    ]
    head[3].map = [3, 4]
    head[4].children = inline_children(head[4], env)
    for token in head:
        token.block = True
    return head + tail


def _heading_tokens(title: str, row: int) -> list[Token]:
    """The tokens of a `## title` line at this row of a parsed text."""
    opening, closing = new_token("heading_open", "h2", 1), new_token("heading_close", "h2", -1)
    opening.markup = closing.markup = "##"
    opening.map = [row, row + 1]
    inline = _inline_token(title, row)
    text = new_token("text", "", 0)
    text.content = title
    inline.children = [text]
    return [opening, inline, closing]


def _inline_token(content: str, row: int) -> Token:
    """A block's inline token (level 1, inside its opening token), children not set."""
    inline = new_token("inline", "", 0)
    inline.content = content
    inline.map = [row, row + 1]
    inline.level = 1
    inline.children = []
    return inline


def parsed_body(
    question: str, answer: str
) -> tuple[str, dict[str, Any], list[Token], list[Token] | None]:
    """A card's body, its parse's env (link references), its tokens and its answer's."""
    body = card_body(question, answer)
    env: dict[str, Any] = {}
    tokens = parse_body(question, answer, env)
    return body, env, tokens, _answer_tokens(question, tokens, env)


def _answer_tokens(question: str, tokens: list[Token], env: dict[str, Any]) -> list[Token] | None:
    """The answer's tokens out of the parsed card body: what parsing the answer alone gives
    (the `## Answer` heading closes every block before it), or None when the question
    defines link references or left a block open over the heading (then parse the answer)."""
    if env.get("references"):
        return None
    row = question.count("\n") + 5  # "", "## Question", "", question..., "", "## Answer"
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None and token.map[0] >= row:
            if token.map[0] == row and token.level == 0 and tokens[index + 1].content == "Answer":
                return tokens[index + 3 :]
            return None
    return None


def pack_yaml_text(name: str, notes: Path, parsed: ParsedNotes) -> str:
    """A new pack's `pack.yaml`: titled after the notes' `# heading` when they have one."""
    title = parsed.title or name.replace("-", " ").capitalize()
    info = {
        "title": title,
        "description": f"Cards imported from {notes.name} with drillbit import.",
        "version": "0.1.0",
    }
    return dump_front(info)  # a title such as `1e3` in quotes, as in a card's front matter


def indented_hint(answer: str, answer_tokens: list[Token] | None) -> str:
    """Why an answer indented by a tab or four spaces has no statements: Markdown reads
    those lines as a code block, whose text is no prose (a note pasted from an outline).
    The advice fits the block: code is fenced to stay code (taking its indent off would
    make it a paragraph of code), prose loses its indent."""
    tokens = answer_tokens if answer_tokens is not None else parse(answer)
    block = next((token for token in tokens if token.type == "code_block"), None)
    if block is None:
        return ""
    said = (
        "; its lines are indented by a tab or four spaces, which Markdown reads as a "
        "code block, not prose"
    )
    why = why_code(block.content.rstrip("\n").split("\n"))
    if why is None:
        return f"{said}: remove the indent to make them prose"
    return (
        f"{said} ({why}): to keep them code, fence them with ``` and write the answer in "
        "sentences beside them; if they are prose, remove the indent"
    )


def card_ready(markdown: str) -> tuple[str, list[str], int]:
    """Markdown of the notes made card-ready: HTML stripped, math converted, headings
    below `##`, stray `$` escaped. Returns (text, formulas kept raw, dollars escaped)."""
    return card_ready_math(strip_html(markdown))


def card_ready_math(markdown: str, *, demote: bool = True) -> tuple[str, list[str], int]:
    """`card_ready` of a text without HTML (`demote=False`: its headings left as they are)."""
    text, raw = convert_math(markdown)
    text, escaped = escape_stray_dollars(demote_headings(text) if demote else text)
    return text.strip("\n"), raw, escaped


def no_high_headings(answer: str, answer_tokens: list[Token] | None) -> bool:
    """True when `demote_headings` leaves the answer as it is: no line starts like a
    heading, or its tokens (`_answer_tokens`) hold no `#` or `##` heading."""
    if not _MAYBE_HEADING.search(answer):
        return True
    if answer_tokens is None:
        return False
    return not any(
        t.type == "heading_open" and t.tag in ("h1", "h2") and t.markup.startswith("#")
        for t in answer_tokens
    )


def math_as_is(
    body: str, tokens: list[Token], answer_tokens: list[Token] | None
) -> MathScan | None:
    """The parsed card body's math scan when it has no `$` that opens nothing and no
    formula the terminal cannot show (then `card_ready` leaves its answer's math as it is,
    and the lint check reads the same scan), else None. Needs the answer's own tokens
    (`_answer_tokens`), so that the answer reads as it does alone."""
    if answer_tokens is None:
        return None
    scan = scan_math_in(body, tokens, inline_parsed=True)
    if scan.problems or any(latex_to_unicode(s.latex) is None for s in scan.spans):
        return None
    return scan
