"""Read an answer's Markdown into candidate key points (`candidate_points`), block by block:
labelled statements and list items (`keypoints_labels`), table rows and code comments
(`keypoints_blocks`), prose sentences (`keypoints_lines`: a statement a line when typed
without stops) and, through `keypoints_formulas`, formulas.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.ecosystem.keypoints_blocks import code_points, table_points
from quiz.ecosystem.keypoints_candidate import (
    PointCandidate,
    PointCollector,
    inline_as_line,
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
from quiz.ecosystem.keypoints_labels import item_point, label_texts
from quiz.ecosystem.keypoints_lines import paragraph_sentences, unpunctuated_end
from quiz.ecosystem.keypoints_sentences import TERMINAL

__all__ = ["candidate_points"]


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
            self.index = table_points(self.tokens, self.index, self.out)
        elif kind in ("fence", "code_block"):
            language = token.info.strip().split(" ", 1)[0].lower() if token.info else ""
            code_points(token.content, language, self.out)
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
        elif (pair := label_texts(raw, bare, self.out.quote_depth > 0)) is not None:
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
        self.label, self.sublabel = item_point(
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
        sentences, whole = paragraph_sentences(raw, bare, text, has_math)
        closing = None
        open_end = bool(sentences) and not sentences[-1].endswith(TERMINAL)
        if open_end and raw == inline.content:
            closing = completing_formula(self.tokens, self.index)
        whole.discard(len(sentences) - 1)  # the last, by what follows the paragraph
        if open_end and closing is None and not self.list_depth:
            if unpunctuated_end(self.tokens, self.index):
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
