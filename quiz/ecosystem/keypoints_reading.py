"""Read an answer's Markdown into candidate key points (`candidate_points`), block by block:
labelled statements, list items, table rows, prose sentences (a statement a line when
typed without stops), code comments and, through `keypoints_formulas`, formulas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from quiz.bank.markdown import parse, parse_inline
from quiz.ecosystem.keypoints_candidate import (
    PointCandidate,
    PointCollector,
    inline_as_line,
    inline_holder,
)
from quiz.ecosystem.keypoints_formulas import (
    add_formula_point,
    apart_formulas,
    completing_formula,
    defining,
    display_in_sentence,
    formula_next,
    introducing_statement,
    item_formulas,
    without_display,
)
from quiz.ecosystem.keypoints_sentences import (
    OPEN_ENDS,
    TERMINAL,
    mask_math,
    single_spaced,
    split_sentences,
)
from quiz.ecosystem.titles import plain_inline, strip_emoji

_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+?)\s*(:?)\s*(?:\*\*|__)\s*(:?)\s*(.*)$", re.DOTALL)
_PLAIN_LABEL = re.compile(r"^[^:$`]{1,30}:\s")
_RUN_IN = re.compile(r"^(?:\*\*|__)([^*_]+?)\.(?:\*\*|__)(?:\s|$)")
RUN_IN_WORDS = 6
"""A bold run-in heading ending in a period (`**Training.** The gradient...`) has at most
this many words: a heading, no statement to grade against; a longer one is a sentence."""
_DOCSTRING = re.compile(r'^\s*(?:"""|\'\'\')(.+?)(?:"""|\'\'\')\s*$')
_COMMENT = re.compile(r"(?:^|\s)(?:#|//)\s*(.+)$")


_CODE_LIKE = re.compile(r"[=(){}\[\];]|\w\.\w|^\s*(?:import|from|return|def|class)\b")


def _labelled(text: str) -> tuple[str, str] | None:
    """(label, rest) for `**Label:** rest` (the colon inside or after the bold)."""
    match = _LABEL.match(text.strip())
    if match is None or not (match.group(2) or match.group(3)):
        return None
    return single_spaced(match.group(1)), match.group(4).strip()


def _table(tokens: list[Token], start: int, out: PointCollector) -> int:
    """Rows of the table opening at `start` as points; returns the index past it."""
    rows: list[list[str]] = []
    index = start
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(inline_as_line(token))
        index += 1
    if len(rows) < 2:
        return index + 1
    header = rows[0]
    out.new_group()
    for values in rows[1:]:
        if len(values) < 2 or not values[0]:
            continue
        if len(values) == 2:
            out.add(f"{values[0]}: {values[1]}", 0)
            continue
        pairs = [
            f"{name} {value}" if name else value
            for name, value in zip(header[1:], values[1:], strict=False)
            if value
        ]
        out.add(f"{values[0]}: {'; '.join(pairs)}", 0)
    return index + 1


def _code(code: str, language: str, out: PointCollector) -> None:
    """The author's words about the code (docstrings, comments of two words or more that
    are not code commented out): never a line of the code itself."""
    for raw in code.split("\n"):
        docstring = _DOCSTRING.match(raw)
        if docstring:
            out.add(docstring.group(1), 3)
        comment = _COMMENT.search(raw) if language in {"", "python", "py", "bash", "sh"} else None
        if language in {"c", "cpp", "java", "js", "javascript", "ts", "typescript", "go", "rust"}:
            comment = re.search(r"//\s*(.+)$", raw)
        if comment is None:
            continue
        words = comment.group(1).strip()
        if len(re.findall(r"[A-Za-z]{2,}", words)) >= 2 and not _CODE_LIKE.search(words):
            out.add(words, 3)


def _line_statements(children: list[Token]) -> list[str] | None:
    """A paragraph's lines when it is typed a statement a line, without stops (Obsidian
    shows each line of a paragraph on its own): two lines or more, none ending in a stop,
    not all ending in a stop, none in `:`, `,` or `;`, each opening with a capital or a
    digit (the first with a formula too). Read as one sentence, "Normalises each
    feature\nLearns a scale and a shift" was one run-on key point, as was an Anki field's
    `<br>` after a line without a stop ("A distribution over classes<br>Each output is
    positive."). None otherwise: prose wrapped at a width has lines that open in
    lowercase."""
    if not any(child.type == "softbreak" for child in children):
        return None
    lines: list[list[Token]] = [[]]
    for child in children:
        if child.type == "softbreak":
            lines.append([])
        else:
            lines[-1].append(child)
    texts = [single_spaced(plain_inline(line, display_inline=True)) for line in lines]
    for number, line in enumerate(texts):
        opens = line[:1]
        if not opens or (opens.islower() if number == 0 else not opens.isupper()):
            if not opens.isdigit():
                return None  # the first line may open with a formula, no other
        if line.endswith((":", ",", ";")):
            return None
    if all(line.endswith(TERMINAL) for line in texts):
        return None  # its sentences end where its stops are
    if any(line.endswith(TERMINAL) for line in texts) and not all(
        _plainly_ends(before, after)
        for before, after in zip(texts, texts[1:], strict=False)
        if not before.endswith(TERMINAL)
    ):
        return None  # "... the same as an\nL2 penalty on the loss.": prose wrapped
    return texts


_SENTENCE_OPEN = re.compile(r"[A-Z][a-z]")


def _plainly_ends(before: str, after: str) -> bool:
    """True when a line without a stop ends a statement in a paragraph whose other lines
    have stops: it ends in no word that carries on (`OPEN_ENDS`) and the next line opens
    a sentence (`Each ...`, not `L2 ...`, which a wrap puts at a line's start as well)."""
    words = before.split()
    last = words[-1].lower() if words else ""
    return last not in OPEN_ENDS and bool(_SENTENCE_OPEN.match(after))


def _unpunctuated_end(tokens: list[Token], index: int) -> bool:
    """True when nothing after the paragraph ending before `index` can carry its last
    sentence on: the answer ends there, or a heading follows, or a paragraph that does not
    open in lowercase. So a sentence without a final stop is whole: Logseq blocks, and
    answers typed a line each, are seldom punctuated ("It turns logits into probabilities"
    gave no key point, "too short"); one before a list, code or a formula is still cut."""
    if index >= len(tokens):
        return True
    kind = tokens[index].type
    if kind == "heading_open":
        return True
    if kind != "paragraph_open" or index + 1 >= len(tokens):
        return False
    return not tokens[index + 1].content.lstrip()[:1].islower()


def candidate_points(answer: str, tokens: list[Token] | None = None) -> list[PointCandidate]:
    """The answer's candidate key points, read block by block (`_Reading`)."""
    reading = _Reading(parse(answer) if tokens is None else tokens)
    while reading.index < len(reading.tokens):
        reading.step()
    return reading.out.items


@dataclass
class _Reading:
    """An answer read token by token: where it is (a label over the text, a list's depth, an
    item's first paragraph) decides what each block's text is a candidate as."""

    tokens: list[Token]
    out: PointCollector = field(default_factory=PointCollector)
    label: str = ""
    sublabel: str = ""
    list_depth: int = 0
    item_first: bool = False
    cut: bool = False  # the block before left a sentence open: a formula, a list, code, "...:"
    index: int = 0

    def step(self) -> None:
        """Read the next token (a block's start, or a whole block when it is one token)."""
        token = self.tokens[self.index]
        kind = token.type
        self.index += 1
        if kind in ("blockquote_open", "blockquote_close"):
            self.out.quote_depth += 1 if kind == "blockquote_open" else -1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            self.list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.list_depth -= 1
            self.cut = not self.list_depth
        elif kind == "list_item_open":
            self.item_first = True
        elif kind == "heading_open" and not self.list_depth:
            self.out.new_group()
            self.cut = False
            self.label, self.sublabel = inline_as_line(self.tokens[self.index]), ""
            self.index += 2
        elif kind == "table_open":
            self.index = _table(self.tokens, self.index, self.out)
        elif kind in ("fence", "code_block"):
            language = token.info.strip().split(" ", 1)[0].lower() if token.info else ""
            _code(token.content, language, self.out)
            self.item_first = False
            self.cut = not self.list_depth
        elif kind == "math_block":
            add_formula_point(token.content, self.out)
            self.cut = not self.list_depth
        elif kind in ("paragraph_open", "heading_open"):
            # a heading in a list item (`2. # Normalize it`) is the item's text, no label
            self._paragraph()

    def _paragraph(self) -> None:
        """A paragraph's text: an item's first, a labelled statement, or prose; its display
        formulas that stand apart from its sentences are points of their own."""
        after_formula = self.index >= 2 and self.tokens[self.index - 2].type == "math_block"
        inline = self.tokens[self.index]
        self.index += 2
        in_sentence = display_in_sentence(inline.children or [])
        if self.list_depth and self.item_first and item_formulas(inline, in_sentence, self.out):
            self.item_first = False  # "- The gradient is:\n  $$...$$\n  It is ...": Logseq's
            return
        raw, has_math = apart_formulas(inline, in_sentence, self.out)
        bare = without_display(inline, in_sentence) if has_math else inline
        text = inline_as_line(bare)
        if self.list_depth and self.item_first:
            self._item_first(raw, bare, text)
        elif (pair := _label_texts(raw, bare, self.out.quote_depth > 0)) is not None:
            self.out.new_group()
            self.cut = False
            self.label, self.sublabel, rest = pair[0], "", pair[1]
            if rest:
                self.out.add(f"{self.label}: {rest}", 0, labelled=True)
        else:
            self._prose(raw, inline, bare, text, has_math, after_formula)

    def _item_first(self, raw: str, bare: Token, text: str) -> None:
        """A list item's first paragraph: the item's point, or its label over what follows."""
        self.item_first = False
        self.label, self.sublabel = _item(
            raw, bare, text, self.list_depth, self.label, self.sublabel, self.out
        )
        made = self.out.items[-1] if self.out.items else None
        if made is not None and made.text.endswith(":") and formula_next(self.tokens, self.index):
            intro = introducing_statement(made.text)  # "- Compare it with:" over "- $$...$$"
            self.out.items[-1] = replace(made, parts=(intro,) if intro else ())

    def _prose(
        self, raw: str, inline: Token, bare: Token, text: str, has_math: bool, after_formula: bool
    ) -> None:
        """A paragraph of prose, a point a sentence: a sentence left open is whole by what
        follows the paragraph, or ended by the formula after it."""
        sentences, whole = _sentences(raw, bare, text, has_math)
        closing = None
        open_end = bool(sentences) and not sentences[-1].endswith(TERMINAL)
        if open_end and raw == inline.content:
            closing = completing_formula(self.tokens, self.index)
        whole.discard(len(sentences) - 1)  # the last, by what follows the paragraph
        if open_end and closing is None and not self.list_depth:
            if _unpunctuated_end(self.tokens, self.index):
                whole.add(len(sentences) - 1)
        # a paragraph opening in lowercase carries on a sentence only after a cut;
        # else it is how the notes were typed ("exploding gradients make ...")
        opens_cut = self.cut
        self.cut = open_end and len(sentences) - 1 not in whole
        for number, sentence in enumerate(sentences):
            rank = 1 if number == 0 else 2
            carries_on = number == 0 and opens_cut and sentence[:1].islower()
            if number in whole:
                self.out.add(sentence, rank, prose=True, complete=True, carries_on=carries_on)
            elif closing is not None and number == len(sentences) - 1:
                # "... the weighted sum of the values: $$...$$": the formula ends
                # the sentence, so both are the point (and no formula point twice)
                intro = introducing_statement(sentence)
                parts: tuple[str, ...] = (intro, f"${closing}$") if intro else ()
                self.out.add(f"{sentence} ${closing}$", rank, complete=True, parts=parts)
                self.index += 1
                self.cut = False
            else:
                parts = self._sentence_parts(sentence, number, len(sentences), after_formula)
                self.out.add(sentence, rank, prose=True, carries_on=carries_on, parts=parts)

    def _sentence_parts(
        self, sentence: str, number: int, count: int, after_formula: bool
    ) -> tuple[str, ...]:
        """The parts of a sentence that a formula completes: the statement introducing the
        formula after its paragraph, or the definition opening one after a formula."""
        if number == count - 1 and self.index < len(self.tokens):
            if self.tokens[self.index].type == "math_block":
                intro = introducing_statement(sentence)  # "... each key:" over the formula
                return (intro,) if intro else ()
        if number == 0 and after_formula:
            defined = defining(sentence)  # "where $d_k$ is the key dimension."
            return (defined,) if defined else ()
        return ()


def _sentences(raw: str, bare: Token, text: str, has_math: bool) -> tuple[list[str], set[int]]:
    """(a paragraph's sentences, the numbers of those whole without a stop at their end):
    a statement a line when typed without stops; a bold run-in heading is no sentence."""
    lines = _line_statements(bare.children or [])
    whole: set[int] = set()
    if lines is None:
        # without formulas the masked text is the text itself
        masked = (
            single_spaced(plain_inline(bare.children, display_inline=True, mask=True))
            if has_math
            else text
        )
        if len(masked) != len(text):
            masked = mask_math(text)
        sentences = split_sentences(text, masked)
    else:  # a statement a line, unpunctuated: each line's end is a sentence's
        sentences = []
        for line in lines:
            sentences += split_sentences(line)
            whole.add(len(sentences) - 1)
    if sentences and sentences[0].rstrip(".") == _run_in_heading(raw):
        sentences = sentences[1:]  # "**Cost.** ...": the rest is the statement
        whole = {number - 1 for number in whole}
    return sentences, whole


def _run_in_heading(raw: str) -> str | None:
    """The words of a bold run-in heading opening a paragraph (`**Why decay.** ...`), or
    None: "Why decay." was a key point, and read as one it says nothing."""
    match = _RUN_IN.match(raw.strip())
    if match is None or len(match.group(1).split()) > RUN_IN_WORDS:
        return None
    return single_spaced(match.group(1))


CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
"""A task list item's checkbox (`- [ ] add an example`, `- [x] read the paper`), as
Obsidian, GitHub and Logseq's Markdown write it."""
TASK_MARK = re.compile(CHECKBOX.pattern + r"(?=\S)")
"""A checkbox with the item's words after it."""


def _item(
    raw: str, inline: Token, text: str, depth: int, label: str, sublabel: str, out: PointCollector
) -> tuple[str, str]:
    """One list item's point; returns the (label, sublabel) context for the next ones."""
    pair = _label_texts(raw, inline)
    if pair is not None and not pair[1]:
        return label, pair[0]
    nested = depth > 1
    context = sublabel if nested and sublabel else label
    task = TASK_MARK.match(text)
    if task is not None:  # `- [ ] add an example`: a to-do of the notes' more often than not
        out.add(text[task.end() :], 2)
        return label, (sublabel if nested else "")
    if pair is not None:
        text = f"{pair[0]}: {pair[1]}"
    elif context and not _PLAIN_LABEL.match(text):
        text = f"{context}: {text}"
    out.add(text, 0, labelled=pair is not None)
    return label, (sublabel if nested else "")


_FLAT = frozenset({"text", "text_special", "code_inline", "math_inline", "softbreak"})
"""Inline tokens a label is read from as is (anything else: the label is parsed alone)."""


def _label_texts(raw: str, inline: Token, quoted: bool = False) -> tuple[str, str] | None:
    """(label, rest) as point text for a `**Label:** rest` paragraph, or None when it is not
    one; read from the paragraph's parsed markup (`inline`) when its bold run is the
    plain `**Label:**` the pattern saw, else by parsing the two parts alone. A callout's
    icon before the label in a quote ("> 💡 **Rule:** ...", as Notion writes it) is left
    out."""
    bold = min((raw.find(mark) for mark in ("**", "__") if mark in raw), default=0)
    if quoted and bold and _icon_only(raw[:bold], quoted):
        raw = raw[bold:]
    pair = _labelled(raw)
    if pair is None:
        return None
    kids = inline.children or []
    while kids and kids[0].type == "text" and _icon_only(kids[0].content, quoted):
        kids = kids[1:]  # the parser may open with an empty text token (or a quote's icon)
    close = next((i for i, c in enumerate(kids) if c.type == "strong_close"), 0)
    if (
        not kids
        or kids[0].type != "strong_open"
        or close < 2
        or any(c.type not in _FLAT for c in kids[1:close])
    ):
        return _inline_text_of(pair[0]), _inline_text_of(pair[1]) if pair[1] else ""
    label = inline_as_line(inline_holder(kids[1:close]))
    label = label[:-1].rstrip() if label.endswith(":") else label
    rest = inline_as_line(inline_holder(kids[close + 1 :]))
    rest = rest[1:].lstrip() if rest.startswith(":") else rest
    return label, rest


def _icon_only(text: str, quoted: bool) -> bool:
    """True for text that is nothing, or in a quote only a callout's icon ("💡 ")."""
    return not (strip_emoji(text) if quoted else text).strip()


def _inline_text_of(markdown: str) -> str:
    """A fragment of inline Markdown as one line of point text."""
    tokens = parse_inline(markdown)
    return inline_as_line(tokens[0]) if tokens else single_spaced(markdown)
