"""Plain text of inline Markdown: question titles and rubric points without markup.

Titles lose links, emoji, bold and numbering but keep their words, math and code;
`split_title` reads the numbering people put in front of a question (`Q1.2:`, `12)`,
`5.1.4`, `[E]`) so the notes reader can tell a question from a section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it.token import Token

from quiz.bank.sentences import BLANK
from quiz.ecosystem.htmlstrip import is_html_tag
from quiz.ecosystem.wikilinks import links_as_text

# Prefixes of a question title, tried on its plain text (markup already removed).
_Q_PREFIX = re.compile(
    r"^Q(?:uestion)?\s*(?P<num>\d+(?:\.\d+)*)?\s*(?:[:.)]|\s[-–—]|(?<=\d)\s)\s*(?P<title>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,4}(?:\.\d{1,4})*)(?P<punct>[.):]|\s+[-–—])?\s+(?P<title>\S.*)$", re.DOTALL
)
_TAG = re.compile(r"^\[(?P<tag>[EMH]|easy|medium|hard)\]\s*(?P<title>\S.*)$", re.IGNORECASE)
_CITATION = re.compile(r"\s*\[(?!(?:\.\.\.|…)\])[^\[\]]{1,30}\]\s*$")
"""A bracket at a title's end, a source (`[Bishop 4.2]`); never a cloze's blank, `[...]`:
a Logseq cloze card ending in its cloze, unpunctuated as blocks are, lost its blank."""
_LINK_TAIL = re.compile(r"\s*\[\s*\]\s*$|\s*\(\s*\)\s*$")
_EMPTY_BRACKETS = re.compile(r"\[\s*\]|\(\s*\)")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?[^`]\1(?!`)")
"""A code span in a title (`torch.no_grad()`): its text is code, kept as written."""
_EMOJI = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\ufe0f\u200d\u20e3]"
)


_NUMBER_ONLY = re.compile(
    r"^(?:Q(?:uestion)?\s*\d+(?:\.\d+)*|Q(?:uestion)?(?=\s*[:.)])"
    r"|\d{1,4}(?:\.\d{1,4})*(?=\s*[.):])|\d{1,4}(?:\.\d{1,4})+)"
    r"[\s.:)|*_=~\-–—]*$",
    re.IGNORECASE,
)
"""Question numbering with nothing after it but punctuation or a rule: `Q5: ---`, `3.`."""


def number_only(plain: str) -> bool:
    """True when a heading's plain text is a question's numbering with no title (`Q5: ---`,
    `Q 2 .`, `3)`, `1.2`), so a report can say that rather than "no number"; a bare number
    (`2024`) is no numbering."""
    return _NUMBER_ONLY.match(" ".join(strip_emoji(plain).split())) is not None


def strip_emoji(text: str) -> str:
    """The text without emoji and pictographs (and their joiners)."""
    return _EMOJI.sub("", text)


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
"""An HTML line break in a line of notes (`html_inline`), a space between its words."""


def plain_inline(
    children: list[Token] | None,
    *,
    display_inline: bool = False,
    mask: bool = False,
    typed_tags: bool = True,
) -> str:
    """An inline token's text without markup: links reduced to their text, math and code
    kept, a `$` that is text escaped (`display_inline`: `$$x$$` written as `$x$`).
    With `mask`, each formula is NUL characters of the same length (to cut outside math).
    With `typed_tags` (a title's reading), text written like an HTML tag (`\\<s>` or
    `&lt;s&gt;` in the notes: the parse made it text) stays Markdown's `&lt;s&gt;`, as an
    Anki note's typed tag does: read back as `<s>` it was HTML, dropped from the card's
    title and question until import53 ("What does mark?")."""
    if mask:
        text = plain_inline(children, display_inline=display_inline, typed_tags=typed_tags)
        return _masked(children, text, display_inline)
    parts: list[str] = []
    struck = 0  # inside `~~...~~`: text the writer crossed out, no part of what is said
    for child in children or ():
        kind = child.type
        if kind in ("s_open", "s_close"):
            struck += 1 if kind == "s_open" else -1
        elif struck > 0:
            continue
        elif kind in ("text", "text_special"):
            text = child.content.replace("$", "\\$")
            parts.append(held_tags(text) if typed_tags and "<" in text else text)
        elif kind in ("softbreak", "hardbreak") or (
            kind == "html_inline" and _LINE_BREAK_TAG.fullmatch(child.content)
        ):
            parts.append(" ")  # `What is the<br>softmax?`: "What is thesoftmax?" before
        elif kind == "code_inline":
            ticks = "`" * (max((len(m) for m in re.findall("`+", child.content)), default=0) + 1)
            parts.append(f"{ticks}{child.content}{ticks}")
        elif kind == "html_inline" and not is_html_tag(child.content):
            parts.append(child.content)  # `<eos>`: a token's name, not markup
        elif kind == "math_inline":
            parts.append(f"${child.content.strip()}$")
        elif kind == "math_inline_double":
            mark = "$" if display_inline else "$$"
            parts.append(f"{mark}{child.content.strip()}{mark}")
        elif kind == "image":
            parts.append(
                plain_inline(child.children, display_inline=display_inline, typed_tags=typed_tags)
            )
    return "".join(parts)


_TEXT_TAG = re.compile(r"<(/?[A-Za-z][\w-]*(?:\s[^<>]*)?/?)>")
"""Text written like a tag in a text token: the notes escaped it, or a raw one would be
an `html_inline` token."""


def held_tags(text: str) -> str:
    """The text with each tag-like part whose name is HTML's (`<s>`, `</b>`) as Markdown's
    `&lt;s&gt;`, which `strip_html` and the title's reading keep and show as `<s>`; a
    name no element has (`<eos>`) is already kept as it is."""
    return _TEXT_TAG.sub(
        lambda m: f"&lt;{m.group(1)}&gt;" if is_html_tag(m.group(0)) else m.group(0), text
    )


def _masked(children: list[Token] | None, text: str, display_inline: bool) -> str:
    """`text` (from `plain_inline`) with its formulas blanked, found in the same walk order."""
    out: list[str] = []
    position = 0
    for child in children or ():
        if child.type not in ("math_inline", "math_inline_double"):
            continue
        mark = "$$" if child.type == "math_inline_double" and not display_inline else "$"
        formula = f"{mark}{child.content.strip()}{mark}"
        found = text.find(formula, position)
        if found < 0:
            continue
        out.append(text[position:found] + BLANK * len(formula))
        position = found + len(formula)
    out.append(text[position:])
    return "".join(out)


def _without_empty_brackets(text: str) -> str:
    """The text without the empty brackets links leave, outside its code spans: a call in
    code keeps its parentheses (the card asked "What does `torch.no_grad` do?")."""
    if "`" not in text:
        return _EMPTY_BRACKETS.sub("", text)
    pieces: list[str] = []
    at = 0
    for span in _CODE_SPAN.finditer(text):
        pieces.extend((_EMPTY_BRACKETS.sub("", text[at : span.start()]), span.group(0)))
        at = span.end()
    pieces.append(_EMPTY_BRACKETS.sub("", text[at:]))
    return "".join(pieces)


def clean_title(text: str) -> str:
    """A title as plain words: no emoji, no empty brackets left by links, spaces collapsed,
    wikilinks as the text they show (a daily note's `[[2024-03-01]] review` was quoted so
    in skip lines and named a new pack so). Embeds are left for the reader to name."""
    text = strip_emoji(text)
    text = links_as_text(text)
    if "[" in text or "(" in text:
        text = _without_empty_brackets(text)
    text = " ".join(text.split())  # whitespace runs as one space (str.split's is re's \s)
    # The text now ends in no space, so the tails below can only match a final ']' or ')'.
    if text.endswith((")", "]")):
        text = _LINK_TAIL.sub("", text)
    while text.endswith("]") and (shorter := _CITATION.sub("", text)) != text:
        text = shorter  # "title [src]" -> "title"
    return text.strip(" -–—:|").strip()


_ASKING_VERBS = frozenset(
    "explain describe derive define compare prove implement calculate discuss distinguish"
    " interpret".split()
)
"""The verbs a question in notes starts with when it is a task ("Explain X."); none that
is also a noun heading a section ("Compute budget", "Outline", "Contrast stretching")."""
_OBJECT_VERBS = frozenset(
    "write sketch design list give show name state estimate compute outline".split()
)
"""Verbs that set a task only before what they ask for (`Write the update rule`, `Design
a rate limiter`, `Compute the gradient`): alone they are nouns or adjectives heading a
section (`Design patterns`, `Compute budget`, `List comprehensions`, `Outline`)."""
_WHAT_IS_ASKED = frozenset(
    "a an the that how why what when which your its each every all some one two three four"
    " five".split()
)
"""Words that open what an `_OBJECT_VERBS` verb asks for."""


def opens_with_asking_verb(text: str) -> bool:
    """True when the text's first word (markup and a list marker aside) is one of the
    verbs a task starts with: a cheap test of whether a line may be an imperative prompt
    ("Derive the gradient of softmax"), before its markup is parsed."""
    head = text.lstrip("-*+_ \t")[:16].split(maxsplit=1)
    return bool(head) and (head[0].lower() in _ASKING_VERBS or head[0].lower() in _OBJECT_VERBS)


_END_TAG = re.compile(r"\s#([\w/-]+)$")
"""An Obsidian or Bear tag ending a title (`## What is Adam? #ml #optimization`)."""
_DIFFICULTY_LABEL = re.compile(r"\s*[(\[](?:easy|medium|hard)[)\]]$", re.IGNORECASE)
"""A difficulty label ending a title (`What is X? (Easy)`), as `[E] title` starts one."""
_ASKED_THEN_REMARK = re.compile(r"\?\s*\([^()]{1,60}\)$")
"""A question followed by a remark in brackets: `What is X? (asked at every interview)`."""


@dataclass(frozen=True)
class TitleParts:
    """What a question-like title says about itself."""

    number: str | None
    title: str
    style: str
    """'q' (Q1: ...), ')' '.' ':' '-' or 'dotted' (numbered), 'tag' ([E] ...), '' (none)."""
    tags: tuple[str, ...] = ()
    """The tags ending the title, as written without their `#` (`ml`, `ml/deep`)."""

    @property
    def question_like(self) -> bool:
        """Prefixed, numbered, tagged, or ending in '?' (or in '?' and a remark in brackets)."""
        return (
            bool(self.style)
            or self.title.endswith("?")
            or _ASKED_THEN_REMARK.search(self.title) is not None
        )

    @property
    def asks(self) -> bool:
        """A task an interviewer sets, worded without a '?': "Explain weight decay",
        "Derive the gradient of the MSE" (an imperative verb, then what it asks about), or
        "Write the update rule for SGD" (a verb that is a noun too, then an article or a
        question word: "Design patterns" heads a section)."""
        words = self.title.split(maxsplit=2)
        if len(words) < 2:
            return False
        verb = words[0].lower()
        if verb in _ASKING_VERBS:
            return True
        return verb in _OBJECT_VERBS and len(words) == 3 and words[1].lower() in _WHAT_IS_ASKED


def split_title(plain: str) -> TitleParts:
    """Number, title, numbering style and tags of a heading's or paragraph's plain text.

    Tags and a difficulty label ending it are no words of the title: `## What is Adam?
    #ml` and `## What is warmup? (Easy)` were "not a question (... no '?' ...)"."""
    text, tags = _end_tags(clean_title(plain))
    if "(" in text or "[" in text:
        text = _DIFFICULTY_LABEL.sub("", text)
    parts = _numbered(text)
    return replace(parts, tags=tags) if tags else parts


def _end_tags(text: str) -> tuple[str, tuple[str, ...]]:
    """The title without the tags ending it, and those tags as written (`#` taken off); a
    number (`Item #2`) is no tag."""
    if "#" not in text:
        return text, ()
    tags: list[str] = []
    while (match := _END_TAG.search(text)) is not None and not match.group(1).isdigit():
        tags.append(match.group(1))
        text = text[: match.start()].rstrip()
    return text, tuple(reversed(tags))


def _numbered(text: str) -> TitleParts:
    """Number, title and numbering style of a clean title."""
    match = _Q_PREFIX.match(text)
    if match and (match.group("num") or re.match(r"^Q(?:uestion)?\s*[:.)]", text, re.I)):
        return TitleParts(match.group("num"), clean_title(match.group("title")), "q")
    match = _NUMBERED.match(text)
    if match:
        punct = (match.group("punct") or "").strip()[:1]
        style = punct if punct in {")", ".", ":"} else ("-" if punct else "")
        if not style and "." in match.group("num"):
            style = "dotted"
        if style:
            return TitleParts(match.group("num"), clean_title(match.group("title")), style)
    match = _TAG.match(text)
    if match:
        return TitleParts(None, clean_title(match.group("title")), "tag")
    return TitleParts(None, text, "")
