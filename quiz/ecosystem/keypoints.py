"""Draw a concept card's self-grading rubric (`key_points`) out of an answer's Markdown.

The answer is read by the bank's Markdown reader. Where points come from, best first:
  1. labelled statements (`**Term:** text`), list items and table rows: what notes
     already present as separate facts, taken round-robin across the answer's parts
     (each bold label or heading starts a part) so the rubric covers the whole answer;
  2. sentences of the prose, first sentences first (task items, `- [ ] add an example`,
     a to-do more often than a fact, come with the later sentences, without their box);
  3. display formulas, as inline math, spread over the derivation;
  4. from code blocks: docstrings and comments that are words, never a line of code.
Lower kinds only pad the rubric up to the minimum of three. Short of three, a display
formula is taken apart from the sentence that introduces it ("...:"), each a point, and a
"where $d_k$ is ..." after it is one without its "where" (`_unfolded`). The answer's
opening sentence (or formula) comes first when list items or rows left it out. A quote (`> ...`, an Obsidian
or Notion callout) is a side remark shown with the answer, not a point of it: it gives
points only when labelled (`> **Term:** text`), when the answer is nothing but quotes,
or to reach three points that the rest of a longer answer lacks. A short answer (one or two
sentences) is split at its clauses; when it still gives only 1-2 points, those are its
rubric (lint accepts that for an answer of at most two sentences). Every point is one
line of at most `MAX_CHARS` characters (lint's limit) and never cut: a longer statement
is split at clauses or left out. Prose points are whole sentences or whole clauses that stand alone: a
subordinate clause ("when fraud is rare") stays with the clause it depends on, and an
abbreviation ("e.g.") ends no sentence. Math in a point is what the renderer accepts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from markdown_it.token import Token

from quiz.bank.markdown import parse, parse_inline, scan_math
from quiz.bank.mathtext import find_math_problems
from quiz.bank.sentences import BLANK, is_short_answer, sentence_ends
from quiz.ecosystem.titles import plain_inline, strip_emoji

MIN_POINTS = 3
MAX_POINTS = 6
MAX_CHARS = 200
"""Lint's limit for one key point."""
MIN_WORDS = 3
"""A sentence or clause of fewer words ("Yes.", "Cost.") is no statement to grade against."""

_LABEL = re.compile(r"^(?:\*\*|__)([^*_]+?)\s*(:?)\s*(?:\*\*|__)\s*(:?)\s*(.*)$", re.DOTALL)
_PLAIN_LABEL = re.compile(r"^[^:$`]{1,30}:\s")
_RUN_IN = re.compile(r"^(?:\*\*|__)([^*_]+?)\.(?:\*\*|__)(?:\s|$)")
RUN_IN_WORDS = 6
"""A bold run-in heading ending in a period (`**Training.** The gradient...`) has at most
this many words: a heading, no statement to grade against; a longer one is a sentence."""
_DOCSTRING = re.compile(r'^\s*(?:"""|\'\'\')(.+?)(?:"""|\'\'\')\s*$')
_COMMENT = re.compile(r"(?:^|\s)(?:#|//)\s*(.+)$")
_CLAUSE = re.compile(
    r"\s*;\s+|(?:,|\s+[-–—])\s+(?=(?:and|but|so|which|while|whereas|because|since|"
    r"though|although|as|or|where|when|unless)\b)"
)
"""Where a sentence may be cut into clauses: at `;` and before a conjunction after a comma
or a dash. Never at a colon or a dash alone: what comes before one is most often a lead-in ("There are two
reasons", "The key idea is") and what comes after an elaboration without a verb ("roughly
twice as fast", "the learning rate, the batch size and the warmup"), neither a statement."""
_TERMINAL = (".", "!", "?", ".)", '."', "?)")
_WORD_CHAR = re.compile(r"[A-Za-z0-9]")
_FIRST_WORDS = re.compile(r"\W*(\w[\w.'’]*)(?:\W+(\S+))?")
_SUBORDINATORS = frozenset(
    "when whenever if unless because since although though while whereas as where wherever "
    "which who whom whose that until before after once than like whether".split()
)
"""Words that open a clause which cannot stand alone ("when fraud is rare")."""
_COORDINATORS = frozenset("and but".split())
_DEPENDENTS = frozenset("or nor so yet".split())
"""Conjunctions whose clause says nothing without the one before: "Or the estimate is
noisy", "So they stay identical forever" (the consequence of a cause left out)."""
_LEAD_INS = re.compile(
    r"(?:e\.\s?g\.|i\.\s?e\.|(?:for example|for instance|in other words|that is|namely|"
    r"especially|particularly|such as|roughly|about|approximately|not)\b)",
    re.IGNORECASE,
)
"""Openings of a clause that only elaborates the one before ("e.g. with SGD ...")."""
_DANGLING = frozenset(
    "a an the of to in on at by for with from into than as and or but so that which who "
    "is are was were be been being has have had do does did can could will would should "
    "must may might its their".split()
)
"""Last words that leave a clause unfinished ("and therefore it", "The key idea is")."""
_SUBJECTS = frozenset(
    "i it they we you he she this that these those there one the a an its their our his "
    "her each every no some most many all both either neither any such".split()
)
"""Words that can start the subject of a clause after 'and', 'but'..."""
_MATH_CHILDREN = frozenset({"math_inline", "math_inline_double"})
_CODE_SPAN = re.compile(r"(`+).+?\1")
_CODE_LIKE = re.compile(r"[=(){}\[\];]|\w\.\w|^\s*(?:import|from|return|def|class)\b")


@dataclass(frozen=True)
class _Candidate:
    text: str
    rank: int
    group: int
    order: int
    prose: bool = False
    """A sentence of running text: kept only when it ends like a sentence."""
    complete: bool = False
    """A sentence that ends with the display formula it introduces (no period after it)."""
    carries_on: bool = False
    """The rest of a sentence a formula, a list or a code block cut ("where ..."): it opens
    a paragraph in lowercase right after one, or after a paragraph left open (":")."""
    quoted: bool = False
    """Unlabelled text in a quote: "> Classic interview question." is a remark, no point."""
    parts: tuple[str, ...] = ()
    """What the candidate stands for when the answer is short of points (`_unfolded`): a
    sentence and the display formula it introduces as two points, an introducing sentence
    as a statement without its colon, the "where $d_k$ is ..." after a formula without its
    "where"."""


def _mask_math(text: str) -> str:
    """The text with every math span blanked (same length), to find cut points outside math."""
    for span in scan_math(text).spans:
        text = text[: span.start] + BLANK * (span.end - span.start) + text[span.end :]
    return text


def _one_line(text: str) -> str:
    """Whitespace runs as one space, none at the ends (str.split's whitespace is re's `\\s`)."""
    return " ".join(text.split())


def _labelled(text: str) -> tuple[str, str] | None:
    """(label, rest) for `**Label:** rest` (the colon inside or after the bold)."""
    match = _LABEL.match(text.strip())
    if match is None or not (match.group(2) or match.group(3)):
        return None
    return _one_line(match.group(1)), match.group(4).strip()


def _sentences(text: str, masked: str | None = None) -> list[str]:
    """Sentences of a paragraph, never split inside math (`masked`: the text with its
    formulas blanked, when the caller has it)."""
    masked = _mask_math(text) if masked is None else masked
    cuts = sentence_ends(masked)  # the rule lint counts sentences by
    parts: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        part = text[start:cut].strip()
        if part:
            parts.append(part)
        start = cut
    return parts


def stands_alone(clause: str) -> bool:
    """False for a clause that depends on another: one opened by 'when', 'because',
    'which'..., or an 'and'/'but'/'so' clause whose subject is the previous clause's."""
    if _LEAD_INS.match(clause):
        return False
    match = _FIRST_WORDS.match(clause)
    if match is None:
        return True
    first, second = match.group(1).lower(), match.group(2) or ""
    if first in _SUBORDINATORS or first in _DEPENDENTS:
        return False
    if first in _COORDINATORS:
        return bool(second) and (
            second.lower() in _SUBJECTS or second[:1].isupper() or second[:1] in "0123456789$`"
        )
    return True


def _unfinished(clause: str) -> bool:
    """True for a clause whose last word leaves it open ("The key idea is", "and therefore
    it"): the clause after it belongs to it."""
    words = clause.rstrip(" .;,").rsplit(None, 1)
    return bool(words) and words[-1].lower() in _DANGLING


def _inside_brackets(text: str, at: int) -> bool:
    """Whether `at` is inside a bracket opened before it and closed after it."""
    before = text[:at]
    depth = before.count("(") - before.count(")") + before.count("[") - before.count("]")
    return depth > 0 and (")" in text[at:] or "]" in text[at:])


def clauses(text: str) -> list[str]:
    """The clauses of a sentence that stand alone (split at `;` and `, and`, `, but`,
    `, which`...; outside math and brackets), each starting with a capital (a leading 'and'
    dropped) and without the sentence's final period. A clause that cannot stand alone
    ("..., when fraud is rare", "..., so they stay identical", "; e.g. with SGD") stays
    joined to the clause before it (to the one after it, when it comes first), and one left
    open by its last word ("The reason is") to the clause after it."""
    masked = _mask_math(text)
    spans: list[list[int]] = []
    start = 0
    for match in _CLAUSE.finditer(masked):
        if _inside_brackets(masked, match.start()):
            continue  # "(Shaw et al. 2018; T5's biases)": one aside, never two clauses
        spans.append([start, match.start()])
        start = match.end()
    spans.append([start, len(text)])
    merged: list[list[int]] = []
    for span in spans:
        if merged and (
            not stands_alone(text[span[0] : span[1]].strip())
            or _unfinished(text[merged[-1][0] : merged[-1][1]])
        ):
            merged[-1][1] = span[1]
        else:
            merged.append(span)
    if len(merged) > 1 and not stands_alone(text[merged[0][0] : merged[0][1]].strip()):
        merged[1][0] = merged[0][0]
        del merged[0]
    out: list[str] = []
    for begin, end in merged:
        piece = text[begin:end].strip().rstrip(".;,")
        if piece[:4].lower() == "and ":  # "..., and the output is ..." -> "The output is ..."
            piece = piece[4:].lstrip()
        if len(piece.split()) >= 3:
            out.append(piece[0].upper() + piece[1:])
    return out


def is_statement(text: str) -> bool:
    """True for a point of `MIN_WORDS` words or more (a formula or code span is a word)."""
    return len(text.split()) >= MIN_WORDS


def words_beside_math(text: str) -> int:
    """The words of a point outside its formulas ("The gradient is: $...$": 3)."""
    return sum(1 for word in _mask_math(text).split() if _WORD_CHAR.search(word))


def fit(text: str, limit: int = MAX_CHARS) -> list[str]:
    """The text as points of at most `limit` characters: itself, or its sentences when it
    is longer (a long list item holds several), or a sentence's clauses; [] when a clause
    is still too long (a point is never cut mid-sentence)."""
    if len(text) <= limit:
        return [text]
    sentences = _sentences(text)
    if len(sentences) > 1:
        pieces = [fit(sentence, limit) for sentence in sentences]
        return [] if not all(pieces) else [point for piece in pieces for point in piece]
    parts = clauses(text)
    if len(parts) < 2 or any(len(p) > limit for p in parts):
        return []
    return parts


def acceptable(point: str) -> bool:
    """One line, short, with words outside code, and math the renderer accepts."""
    if (
        point.endswith(":")
        or "\n" in point
        or len(point) > MAX_CHARS
        or not _WORD_CHAR.search(_CODE_SPAN.sub(" ", point))
    ):
        return False
    return "$" not in point or not find_math_problems(point)


class _Collector:
    def __init__(self) -> None:
        self.items: list[_Candidate] = []
        self.group = 0
        self.quote_depth = 0

    def add(
        self,
        text: str,
        rank: int,
        *,
        prose: bool = False,
        complete: bool = False,
        carries_on: bool = False,
        labelled: bool = False,
        parts: tuple[str, ...] = (),
    ) -> None:
        text = _one_line(text)
        if text:
            quoted = self.quote_depth > 0 and not labelled
            self.items.append(
                _Candidate(
                    text,
                    rank,
                    self.group,
                    len(self.items),
                    prose,
                    complete,
                    carries_on,
                    quoted,
                    parts,
                )
            )

    def new_group(self) -> None:
        self.group += 1


def _inline_text(token: Token) -> str:
    """An inline token as one line: markup dropped, math and code kept, `$` signs escaped."""
    return _one_line(plain_inline(token.children, display_inline=True))


def _table(tokens: list[Token], start: int, out: _Collector) -> int:
    """Rows of the table opening at `start` as points; returns the index past it."""
    rows: list[list[str]] = []
    index = start
    while index < len(tokens) and tokens[index].type != "table_close":
        token = tokens[index]
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            rows[-1].append(_inline_text(token))
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


def _code(code: str, language: str, out: _Collector) -> None:
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


def formula_text(latex: str) -> str:
    """A display formula as the inner text of inline math (one line, no trailing '.')."""
    return re.sub(r"\\quad\s*\\text\{[^}]*\}", "", _one_line(latex)).strip().rstrip(",.")


def _formula(latex: str, out: _Collector) -> None:
    latex = formula_text(latex)
    if latex:
        out.add(f"${latex}$", 4)


def _completing_formula(tokens: list[Token], index: int) -> str | None:
    """The display formula at `index` when it ends the sentence before it: the text after it
    does not carry that sentence on (a paragraph starting in lowercase: "where ...")."""
    if index >= len(tokens) or tokens[index].type != "math_block":
        return None
    after = index + 1
    if after + 1 < len(tokens) and tokens[after].type == "paragraph_open":
        if tokens[after + 1].content.lstrip()[:1].islower():
            return None
    latex = formula_text(tokens[index].content)
    return latex or None


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
    texts = [_one_line(plain_inline(line, display_inline=True)) for line in lines]
    for number, line in enumerate(texts):
        opens = line[:1]
        if not opens or (opens.islower() if number == 0 else not opens.isupper()):
            if not opens.isdigit():
                return None  # the first line may open with a formula, no other
        if line.endswith((":", ",", ";")):
            return None
    if all(line.endswith(_TERMINAL) for line in texts):
        return None  # its sentences end where its stops are
    if any(line.endswith(_TERMINAL) for line in texts) and not all(
        _plainly_ends(before, after)
        for before, after in zip(texts, texts[1:], strict=False)
        if not before.endswith(_TERMINAL)
    ):
        return None  # "... the same as an\nL2 penalty on the loss.": prose wrapped
    return texts


_OPEN_ENDS = frozenset(
    "a an the of to in as and or with by for on at from into over per via than that which"
    " is are was were be its their this these not but so".split()
)
"""Words a line of prose wrapped at a width may end with: no statement ends so."""
_SENTENCE_OPEN = re.compile(r"[A-Z][a-z]")


def _plainly_ends(before: str, after: str) -> bool:
    """True when a line without a stop ends a statement in a paragraph whose other lines
    have stops: it ends in no word that carries on (`_OPEN_ENDS`) and the next line opens
    a sentence (`Each ...`, not `L2 ...`, which a wrap puts at a line's start as well)."""
    words = before.split()
    last = words[-1].lower() if words else ""
    return last not in _OPEN_ENDS and bool(_SENTENCE_OPEN.match(after))


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


def _candidates(answer: str, tokens: list[Token] | None = None) -> list[_Candidate]:
    out = _Collector()
    if tokens is None:
        tokens = parse(answer)
    label = ""
    sublabel = ""
    list_depth = 0
    item_first = False
    cut = False  # the block before left a sentence open: a formula, a list, code, "...:"
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        index += 1
        if kind in ("blockquote_open", "blockquote_close"):
            out.quote_depth += 1 if kind == "blockquote_open" else -1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            cut = not list_depth
        elif kind == "list_item_open":
            item_first = True
        elif kind == "heading_open" and not list_depth:
            out.new_group()
            cut = False
            label, sublabel = _inline_text(tokens[index]), ""
            index += 2
        elif kind == "table_open":
            index = _table(tokens, index, out)
        elif kind in ("fence", "code_block"):
            language = token.info.strip().split(" ", 1)[0].lower() if token.info else ""
            _code(token.content, language, out)
            item_first = False
            cut = not list_depth
        elif kind == "math_block":
            _formula(token.content, out)
            cut = not list_depth
        elif kind in ("paragraph_open", "heading_open"):
            # a heading in a list item (`2. # Normalize it`) is the item's text, no label
            after_formula = index >= 2 and tokens[index - 2].type == "math_block"
            inline = tokens[index]
            index += 2
            raw = inline.content
            has_math = False
            in_sentence = _display_in_sentence(inline.children or [])
            if list_depth and item_first and _item_formulas(inline, in_sentence, out):
                item_first = False  # "- The gradient is:\n  $$...$$\n  It is ...": Logseq's
                continue
            for child in inline.children or ():
                if child.type in _MATH_CHILDREN:
                    has_math = True
                    if child.type == "math_inline_double" and id(child) not in in_sentence:
                        _formula(child.content, out)
                        raw = raw.replace(f"$${child.content}$$", "")
            bare = _without_display(inline, in_sentence) if has_math else inline
            text = _inline_text(bare)
            if list_depth and item_first:
                item_first = False
                label, sublabel = _item(raw, bare, text, list_depth, label, sublabel, out)
                made = out.items[-1] if out.items else None
                if made is not None and made.text.endswith(":") and _formula_next(tokens, index):
                    intro = _introducing(made.text)  # "- Compare it with:" over "- $$...$$"
                    out.items[-1] = replace(made, parts=(intro,) if intro else ())
            elif (pair := _label_texts(raw, bare, out.quote_depth > 0)) is not None:
                out.new_group()
                cut = False
                label, sublabel, rest = pair[0], "", pair[1]
                if rest:
                    out.add(f"{label}: {rest}", 0, labelled=True)
            else:
                # without formulas the masked text is the text itself
                masked = (
                    _one_line(plain_inline(bare.children, display_inline=True, mask=True))
                    if has_math
                    else text
                )
                if len(masked) != len(text):
                    masked = _mask_math(text)
                lines = _line_statements(bare.children or [])
                whole: set[int] = set()  # sentences whole without a stop at their end
                if lines is None:
                    sentences = _sentences(text, masked)
                else:  # a statement a line, unpunctuated: each line's end is a sentence's
                    sentences = []
                    for line in lines:
                        sentences += _sentences(line)
                        whole.add(len(sentences) - 1)
                if sentences and sentences[0].rstrip(".") == _run_in_heading(raw):
                    sentences = sentences[1:]  # "**Cost.** ...": the rest is the statement
                    whole = {number - 1 for number in whole}
                closing = None
                open_end = bool(sentences) and not sentences[-1].endswith(_TERMINAL)
                if open_end and raw == inline.content:
                    closing = _completing_formula(tokens, index)
                whole.discard(len(sentences) - 1)  # the last, by what follows the paragraph
                if open_end and closing is None and not list_depth:
                    if _unpunctuated_end(tokens, index):
                        whole.add(len(sentences) - 1)
                # a paragraph opening in lowercase carries on a sentence only after a cut;
                # else it is how the notes were typed ("exploding gradients make ...")
                opens_cut = cut
                cut = open_end and len(sentences) - 1 not in whole
                for number, sentence in enumerate(sentences):
                    if number in whole:
                        out.add(
                            sentence,
                            1 if number == 0 else 2,
                            prose=True,
                            complete=True,
                            carries_on=number == 0 and opens_cut and sentence[:1].islower(),
                        )
                        continue
                    last = number == len(sentences) - 1
                    if closing is not None and last:
                        # "... the weighted sum of the values: $$...$$": the formula ends
                        # the sentence, so both are the point (and no formula point twice)
                        intro = _introducing(sentence)
                        out.add(
                            f"{sentence} ${closing}$",
                            1 if number == 0 else 2,
                            complete=True,
                            parts=(intro, f"${closing}$") if intro else (),
                        )
                        index += 1
                        cut = False
                        continue
                    parts: tuple[str, ...] = ()
                    if last and index < len(tokens) and tokens[index].type == "math_block":
                        intro = _introducing(sentence)  # "... each key:" over the formula
                        parts = (intro,) if intro else ()
                    elif number == 0 and after_formula:
                        defined = _defining(sentence)  # "where $d_k$ is the key dimension."
                        parts = (defined,) if defined else ()
                    out.add(
                        sentence,
                        1 if number == 0 else 2,
                        prose=True,
                        carries_on=number == 0 and opens_cut and sentence[:1].islower(),
                        parts=parts,
                    )
    return out.items


_WHERE = re.compile(r"where\s+", re.IGNORECASE)


def _introducing(sentence: str) -> str | None:
    """A sentence that introduces a display formula ("Attention weights each value by how
    well its key matches the query:") as a statement of its own, its colon dropped; None
    when it says nothing without the formula ("The gradient is:", "We get")."""
    text = sentence.rstrip().removesuffix(":").rstrip()
    if not is_statement(text) or _unfinished(text) or not stands_alone(text):
        return None
    return text if acceptable(text) else None


def _defining(sentence: str) -> str | None:
    """The "where ..." after a display formula as the statement it makes about the
    formula's symbols ("where $d_k$ is the key dimension." -> "$d_k$ is the key
    dimension."); None for any other sentence."""
    match = _WHERE.match(sentence)
    if match is None:
        return None
    text = sentence[match.end() :].strip()
    if not text or not is_statement(text) or not text.endswith(_TERMINAL):
        return None
    text = text[0].upper() + text[1:] if text[0].isalpha() else text
    return text if acceptable(text) and len(text) <= MAX_CHARS else None


def _unfolded(candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates with each one's `parts` in its place: what an answer short of points
    holds when a display formula carries it (a sentence, the formula, a sentence was "too
    short for 3 key points (found 2)": the formula is a point a learner checks against)."""
    out: list[_Candidate] = []
    for candidate in candidates:
        if not candidate.parts:
            out.append(candidate)
            continue
        for text in candidate.parts:
            rank = 4 if text.startswith("$") and text.endswith("$") else candidate.rank
            out.append(
                _Candidate(text, rank, candidate.group, candidate.order, quoted=candidate.quoted)
            )
    return out


_LIST_STEPS = frozenset(
    {"list_item_close", "list_item_open", "bullet_list_open", "ordered_list_open"}
)


def _formula_next(tokens: list[Token], index: int) -> bool:
    """Whether the next list item (a sibling or a child) from `index` is a display formula."""
    while index < len(tokens) and tokens[index].type in _LIST_STEPS:
        index += 1
    return index < len(tokens) and tokens[index].type == "math_block"


def _item_formulas(inline: Token, in_sentence: set[int], out: _Collector) -> bool:
    """A list item's paragraph that holds a display formula on a line of its own, as a
    Logseq block does (`- The gradient is:` / `$$...$$` / `It is ...`), read as the
    sentences around the formula and the formula: joined, its text was one point ("...
    is: It is ..."). False (nothing added) for an item without one."""
    children = inline.children or []
    apart = {
        id(child)
        for at, child in enumerate(children)
        if (child.type == "math_inline_double" and id(child) not in in_sentence)
        or (
            child.type == "math_inline"  # "- The gradient is: $...$" and a line after it
            and 0 < at < len(children) - 1
            and children[at - 1].type == "text"
            and children[at - 1].content.rstrip().endswith(":")
            and children[at + 1].type in ("softbreak", "hardbreak")
        )
    }
    if not apart:
        return False
    runs: list[list[Token] | str] = [[]]
    for child in children:
        if id(child) in apart:
            runs += [formula_text(child.content), []]
        elif child.type not in ("softbreak", "hardbreak") or runs[-1]:
            current = runs[-1]
            assert isinstance(current, list)
            current.append(child)
    texts = [run if isinstance(run, str) else _inline_text(_holder(run)) for run in runs]
    number = 0
    while number < len(texts):
        text, formula = texts[number], texts[number + 1] if number + 1 < len(texts) else ""
        if number % 2:  # a formula no sentence introduced
            if text:
                out.add(f"${text}$", 4)
        elif text.endswith(":") and formula:
            intro = _introducing(text)
            parts = (intro, f"${formula}$") if intro else ()
            out.add(f"{text} ${formula}$", 0, complete=True, parts=parts)
            number += 1  # the formula is in this point
        elif text:
            defined = _defining(text) if number else None
            out.add(text, 0, parts=(defined,) if defined else ())
        number += 1
    return True


def _run_in_heading(raw: str) -> str | None:
    """The words of a bold run-in heading opening a paragraph (`**Why decay.** ...`), or
    None: "Why decay." was a key point, and read as one it says nothing."""
    match = _RUN_IN.match(raw.strip())
    if match is None or len(match.group(1).split()) > RUN_IN_WORDS:
        return None
    return _one_line(match.group(1))


CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
"""A task list item's checkbox (`- [ ] add an example`, `- [x] read the paper`), as
Obsidian, GitHub and Logseq's Markdown write it."""
TASK_MARK = re.compile(CHECKBOX.pattern + r"(?=\S)")
"""A checkbox with the item's words after it."""


def _item(
    raw: str, inline: Token, text: str, depth: int, label: str, sublabel: str, out: _Collector
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
    label = _inline_text(_holder(kids[1:close]))
    label = label[:-1].rstrip() if label.endswith(":") else label
    rest = _inline_text(_holder(kids[close + 1 :]))
    rest = rest[1:].lstrip() if rest.startswith(":") else rest
    return label, rest


def _icon_only(text: str, quoted: bool) -> bool:
    """True for text that is nothing, or in a quote only a callout's icon ("💡 ")."""
    return not (strip_emoji(text) if quoted else text).strip()


def _holder(children: list[Token]) -> Token:
    """An inline token holding these children (to read them as one line)."""
    return Token("inline", "", 0, children=children)


def _inline_text_of(markdown: str) -> str:
    """A fragment of inline Markdown as one line of point text."""
    tokens = parse_inline(markdown)
    return _inline_text(tokens[0]) if tokens else _one_line(markdown)


def _display_in_sentence(children: list[Token]) -> set[int]:
    """Ids of the display formulas (`$$...$$`) that words follow on their line: the
    formula is part of that sentence (`$$D_{KL}$$ measures how...`), and taken out as a
    formula point it left the key point "measures how $q$ differs from $p$."."""
    return {
        id(child)
        for child, after in zip(children, children[1:], strict=False)
        if child.type == "math_inline_double"
        and after.type == "text"
        and after.content.strip()[:1].isalnum()
    }


def _without_display(inline: Token, in_sentence: set[int]) -> Token:
    """The paragraph without its display formulas that stand alone (they become formula
    points); one in a sentence (`in_sentence`) stays, shown inline."""
    copy = Token(inline.type, inline.tag, inline.nesting, content=inline.content)
    copy.children = [
        c for c in inline.children or () if c.type != "math_inline_double" or id(c) in in_sentence
    ]
    return copy


def _whole_sentence(candidate: _Candidate) -> bool:
    """A sentence that ends like one (or with the formula it introduces) and is not the rest
    of a sentence a formula or a list interrupted ("where ...")."""
    text = candidate.text
    return (text.endswith(_TERMINAL) or candidate.complete) and not candidate.carries_on


def _points_of(candidate: _Candidate) -> list[str]:
    """The candidate as acceptable points (itself, or its clauses when too long)."""
    text = candidate.text
    if candidate.prose and not (_whole_sentence(candidate) and is_statement(text)):
        return []  # cut short by a formula or a list, or "Yes.": not a whole statement
    return [p for p in fit(text) if acceptable(p)]


def key_points(answer: str, tokens: list[Token] | None = None) -> list[str]:
    """3 to `MAX_POINTS` rubric points for the answer; fewer when the answer is too thin.
    `tokens`: the answer's Markdown tokens, when the caller has parsed it already. Quoted
    remarks count only when the rest gives no point, or too few for a longer answer."""
    if tokens is None:
        tokens = parse(answer)
    candidates = _candidates(answer, tokens)
    own = [candidate for candidate in candidates if not candidate.quoted]
    if len(own) == len(candidates):
        return _chosen(candidates)
    chosen = _chosen(own)
    if not chosen:
        return _chosen(candidates)  # nothing but quotes: they are the answer
    if len(chosen) >= MIN_POINTS or is_short_answer(answer, tokens):
        return chosen
    seen = {point.lower() for point in chosen}
    for candidate in candidates:
        for point in _points_of(candidate) if candidate.quoted else ():
            if len(chosen) < MIN_POINTS and point.lower() not in seen:
                seen.add(point.lower())
                chosen.append(point)
    return chosen


def _chosen(candidates: list[_Candidate]) -> list[str]:
    """The rubric drawn from these candidates, best kinds first (see the module's text);
    short of three, with the candidates a display formula splits (`_unfolded`)."""
    chosen = _drawn(candidates)
    if len(chosen) < MIN_POINTS and any(candidate.parts for candidate in candidates):
        unfolded = _drawn(_unfolded(candidates))
        if len(unfolded) > len(chosen):
            return unfolded
    return _lead_first(candidates, chosen)


def _lead_first(candidates: list[_Candidate], chosen: list[str]) -> list[str]:
    """The rubric with the answer's opening sentence (or formula) first when list items or
    table rows left it out: "PCA projects the data onto the directions of largest
    variance." over three steps gave only the steps, and a softmax answer only its table's
    rows, the core of the answer missing. It takes the last place when the rubric is full."""
    if len(chosen) < MIN_POINTS or not candidates:
        return chosen
    lead = min(candidates, key=lambda candidate: candidate.order)
    if lead.quoted or lead.rank not in (1, 4):
        return chosen
    if not any(c.rank == 0 and c.order > lead.order for c in candidates):
        return chosen  # no list item or row came before it in the draw
    points = _points_of(lead)
    taken = {point.lower() for point in chosen}
    if not points or points[0].lower() in taken:
        return chosen
    return [points[0], *chosen][:MAX_POINTS]


def _drawn(candidates: list[_Candidate]) -> list[str]:
    """The rubric drawn from these candidates, best kinds first (see the module's text)."""
    chosen: list[str] = []
    seen: set[str] = set()

    def take(points: list[str]) -> None:
        for point in points:
            if point.lower() not in seen and len(chosen) < MAX_POINTS:
                seen.add(point.lower())
                chosen.append(point)

    groups: dict[int, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.rank == 0:
            groups.setdefault(candidate.group, []).append(candidate)
    queues = list(groups.values())
    while any(queues) and len(chosen) < MAX_POINTS:
        for queue in queues:
            if queue:
                take(_points_of(queue.pop(0)))
    for rank in (1, 2, 4, 3):
        pool = [c for c in candidates if c.rank == rank]
        if rank == 4:  # formulas: spread the picks over the whole derivation
            pool = _spread(pool, MIN_POINTS - len(chosen))
        for candidate in pool:
            if len(chosen) >= MIN_POINTS:
                return chosen
            take(_points_of(candidate))
    if len(chosen) < MIN_POINTS:
        split = _short_answer(candidates)
        return split if len(split) > len(chosen) else chosen
    return chosen


def _short_answer(candidates: list[_Candidate]) -> list[str]:
    """A short answer's clauses that stand alone as points, when they make at least three
    (a sentence cut short by a formula or a list gives none)."""
    points: list[str] = []
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.rank not in (0, 1, 2):
            continue
        if candidate.prose and not (_whole_sentence(candidate) and is_statement(candidate.text)):
            continue
        pieces = clauses(candidate.text)
        for piece in pieces if len(pieces) > 1 else [candidate.text.rstrip(".")]:
            if acceptable(piece) and piece.lower() not in seen:
                seen.add(piece.lower())
                points.append(piece)
    return points[:MAX_POINTS]


def _spread(pool: list[_Candidate], count: int) -> list[_Candidate]:
    """`count` evenly spaced items of the pool first (first and last included), then the rest."""
    if count < 2 or len(pool) <= count:
        return pool
    step = (len(pool) - 1) / (count - 1)
    picks = sorted({round(i * step) for i in range(count)})
    return [pool[i] for i in picks] + [c for i, c in enumerate(pool) if i not in picks]


_BARE_BLOCKS = frozenset(
    {
        "paragraph_open",
        "paragraph_close",
        "inline",
        "bullet_list_open",
        "bullet_list_close",
        "ordered_list_open",
        "ordered_list_close",
        "list_item_open",
        "list_item_close",
    }
)
"""Blocks a bare answer may sit in: a paragraph, or the one item of a list (`- Adam`)."""
PLACEHOLDERS = frozenset({"todo", "tbd", "tba", "tbc", "fixme", "xxx", "wip", "tk"})
"""Words people write where an answer will go: no answer yet, never a card's."""
_MARKS_ONLY = " .…!?:*_()[]-—–~/\\"
"""What an answer of no word is written with when it holds the place of one: a dash
(`-`, `—`), dots (`...`, `…`), a question mark."""
YES_NO = frozenset({"yes", "no", "true", "false", "yep", "nope", "correct", "incorrect"})
"""Whole answers that say whether but not why: kept as cards, with a note."""


def bare_answer(answer: str, tokens: list[Token] | None = None) -> str | None:
    """A short answer that holds no statement ("ReLU", "Adam", "`1e-8`", "- Leaky ReLU") as
    its one key point, or None when it is no such answer (a table, code, two lines, no
    word). Anki and RemNote users keep many such cards; they were skipped as too short.
    `tokens`: the answer's, when the caller has parsed it already."""
    if tokens is None:
        tokens = parse(answer)
    inlines = [token for token in tokens if token.type == "inline"]
    if len(inlines) != 1 or any(token.type not in _BARE_BLOCKS for token in tokens):
        return None
    text = _inline_text(inlines[0]).strip()
    if not _WORD_CHAR.search(text) or is_placeholder(text):
        return None
    if not acceptable(text):  # words in code only (`1e-8`): the point is the code's text
        text = _CODE_SPAN.sub(lambda m: m.group(0).strip("`").strip(), text)
    return text if acceptable(text) else None


def lone_formula(answer: str, tokens: list[Token] | None = None) -> str | None:
    """An answer that is one display formula and nothing else (`$$-y\\log\\hat y ...$$`,
    an Anki note's whole back), or one paragraph that introduces it (ending in `:`) and the
    formula, as one line with the formula inline, its one key point; None for any other
    answer. A display formula keeps an answer long (three key points) in lint's eyes, and
    such cards, common in Anki decks, were skipped as "too short for 3 key points"."""
    if tokens is None:
        tokens = parse(answer)
    intro = ""
    if [t.type for t in tokens] == [*_INTRO, "math_block"]:
        intro = " ".join(tokens[1].content.split())
        if not intro.endswith(":"):
            return None
    elif len(tokens) != 1 or tokens[0].type != "math_block":
        return None
    flat = " ".join(tokens[-1].content.split())
    formula = f"{intro} ${flat}$".lstrip()
    return formula if flat and "$" not in flat and acceptable(formula) else None


_INTRO = ("paragraph_open", "inline", "paragraph_close")
"""A paragraph, the one that may introduce a lone formula ("For stride $s$:")."""


def is_placeholder(text: str) -> bool:
    """True for an answer that is a placeholder ("TODO", "TBD", "FIXME"), or holds the
    place of one with marks only ("—", "-", "...", "?"): no answer yet, though a reader
    was told it was "too short"."""
    text = text.strip()
    return bool(text) and text.strip(_MARKS_ONLY).lower() in {"", *PLACEHOLDERS}


def is_yes_no(text: str) -> bool:
    """True for a whole answer of "Yes.", "No", "True", "False" and the like."""
    return text.strip(" .!*_`").lower() in YES_NO
