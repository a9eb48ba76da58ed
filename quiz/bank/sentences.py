"""How many sentences an answer's prose holds, read with the bank's Markdown reader.

A concept card needs 3-7 key points, except when its answer is short (at most
`SHORT_ANSWER` sentences of prose, no table, display formula, HTML block or indented code
block): then 1-2 points are all the answer holds (issue 14). A fenced code block beside
the prose keeps an answer short: a line of code is never a key point, so "two sentences
and the code" has the two sentences to grade against and the code to compare with (it
was refused, and a notes file's PyTorch snippet under two sentences gave no card). An
indented block is left out of that: most often it is prose indented by mistake. Lint and
the notes importer both ask this module, so a card the importer writes under that rule
is one lint accepts.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from quiz.bank.markdown import parse
from quiz.plural import counted

SHORT_ANSWER = 2
"""An answer of at most this many sentences may carry 1-2 key points."""
MIN_POINTS = 3
MAX_POINTS = 7
SHORT_MAX_POINTS = 2

_NOT_PROSE = frozenset({"fence", "code_block", "table_open", "math_block", "html_block"})
"""Blocks that are no sentences: `count_sentences` gives None for an answer holding one."""
_BESIDE_PROSE = frozenset({"fence"})
"""Blocks a short answer may hold beside its prose: fenced code, which gives no key point."""
_BLOCK_NAMES = {
    "fence": "a code block",
    "code_block": "an indented code block",
    "table_open": "a table",
    "math_block": "a display formula",
    "html_block": "an HTML block",
}
_PLACEHOLDER = frozenset({"code_inline", "math_inline"})
"""Inline spans read as one word (a `.` inside `$0.5$` or `` `np.dot` `` ends nothing)."""
BLANK = "\0"
"""What a formula or a code span is blanked to, in lint's reading and the importer's alike
(one character or a run of the span's length): a word, never a list's letter, and no
lowercase word after a period. Lint read one as the letter `x` and the importer as a run
of NULs, so "Two cases: $a$. then ..." was one sentence to lint (`x.` after a colon, a
list's mark) and two to the importer."""
_BREAKS = frozenset({"softbreak", "hardbreak"})
_END = re.compile(r"[.!?]+[\"')\]”’]*(?=\s)")
"""Where a sentence may end: `.`, `!` or `?` (and closing quotes or brackets) before a space."""
_WORD = re.compile(r"[A-Za-z0-9\0]")
_WHOLE_WORD = re.compile(r"[A-Za-z\0][A-Za-z0-9\0'’-]*")
"""A whole word (or a formula or code span blanked to `BLANK`s) before a period: not the
last letter of `w.r.t` (`_word_before` gives all of `w.r.t`)."""
_ABBREVIATIONS = frozenset(
    "e.g i.e vs etc cf approx fig figs eq eqs dr mr ms mrs prof resp al ca"
    " ch chap sec sect pp vol eqn thm alg".split()
)
"""Words whose period ends no sentence (a citation's "ESL ch. 7" or "pp. 12-14" among them)."""
_MAY_END = frozenset({"etc", "al"})
"""Abbreviations that end a sentence when a capital follows ("layers, norms, etc. The ...")."""


def count_sentences(
    markdown: str, tokens: list[Token] | None = None, *, beside_code: bool = False
) -> int | None:
    """Sentences of the text's prose (paragraphs, list items, headings); None when it holds
    a code block, a table, a display formula or an HTML block (`beside_code`: fenced code
    blocks are passed over, as the short-answer rule reads them). A quote (`> ...`, a
    callout) is a remark beside the answer and counts only in an answer of nothing else:
    "It is X. > Classic interview question." is a one-sentence answer. `tokens`: the
    text's full parse, when the caller has it."""
    own = quoted = depth = 0
    for token in parse(markdown) if tokens is None else tokens:
        if beside_code and token.type in _BESIDE_PROSE:
            continue
        if token.type in _NOT_PROSE:
            return None
        if token.type in ("blockquote_open", "blockquote_close"):
            depth += 1 if token.type == "blockquote_open" else -1
        elif token.type == "inline":
            text = _prose(token.children or [])
            if text is None:
                return None
            if depth:
                quoted += _sentences_in(text)
            else:
                own += _sentences_in(text)
    return own or quoted


def is_short_answer(markdown: str, tokens: list[Token] | None = None) -> bool:
    """True for an answer of at most `SHORT_ANSWER` sentences of prose, with nothing else
    but fenced code beside them."""
    count = count_sentences(markdown, tokens, beside_code=True)
    return count is not None and count <= SHORT_ANSWER


def why_not_short(markdown: str, tokens: list[Token] | None = None) -> str:
    """What keeps an answer from being short, said as what it holds ("3 sentences", "a
    table"), for a message that tells the writer what counts."""
    if tokens is None:
        tokens = parse(markdown)
    for token in tokens:
        if token.type in _NOT_PROSE and token.type not in _BESIDE_PROSE:
            return _BLOCK_NAMES[token.type]
        if token.type == "inline" and _prose(token.children or []) is None:
            return _BLOCK_NAMES["math_block"]
    return counted(count_sentences(markdown, tokens, beside_code=True) or 0, "sentence")


def _prose(children: list[Token]) -> str | None:
    """An inline token's words (code and math as one word each); None for display math."""
    pieces: list[str] = []
    for child in children:
        if child.type == "math_inline_double":
            return None
        if child.type in ("text", "text_special"):
            pieces.append(child.content)
        elif child.type in _PLACEHOLDER:
            pieces.append(BLANK)
        elif child.type in _BREAKS:
            pieces.append(" ")
    return "".join(pieces)


def _sentences_in(text: str) -> int:
    """Sentences of one block's text (see `sentence_ends`)."""
    text = text.strip()
    if not _WORD.search(text):
        return 0
    return 1 + len(sentence_ends(text))


def sentence_ends(text: str) -> list[int]:
    """Offsets right after each sentence's end in `text` but the last: lint's count and the
    importer's split both cut here, so a card the importer judges short is one lint does.

    A `.`, `!` or `?` (closing quotes or brackets after it) before a space ends a sentence
    when a word comes later, except after an abbreviation ("e.g.", "vs.", "et al." before
    a lowercase word) or an initial. Before a lowercase word only a lone period after a
    whole word ends one (notes typed in lowercase: "... in training. it forces ..."); not
    `!`/`?` ("why? because"), an ellipsis, a dotted word ("w.r.t. the") or a list's
    letter ("ways: a. then"). Code spans are
    read as one word, so `np.dot` or `` `a. b` `` ends nothing; a caller blanks its math
    the same way. Linear: no pattern here can backtrack."""
    masked = mask_code_spans(text)
    last_word = _last_word_char(masked)
    ends: list[int] = []
    for match in _END.finditer(masked):
        after = match.end()
        while after < len(masked) and masked[after].isspace():
            after += 1
        if after > last_word:
            break  # nothing but punctuation or space follows: the last sentence
        following = masked[after]
        run = match.group(0)
        dot = match.start() + len(run.rstrip("\"')]”’")) - 1
        word = _word_before(masked, dot) if masked[dot] == "." else ""
        if following.islower():
            if run != "." or word.lower() in _ABBREVIATIONS:
                continue
            if _WHOLE_WORD.fullmatch(word) is None:
                continue
            if len(word) == 1 and word.isalpha() and _list_mark(masked, dot - 1):
                continue  # "in order: a. then b.": a list's mark, no sentence's end
        elif word and _abbreviated(word) and not (word.lower() in _MAY_END and following.isupper()):
            continue
        ends.append(match.end())
    return ends


def _last_word_char(text: str) -> int:
    """Offset of the text's last letter or digit (-1 without one), read from the end; a
    blanked formula's `\\0` counts as one."""
    for at in range(len(text) - 1, -1, -1):
        if (text[at].isascii() and text[at].isalnum()) or text[at] == "\0":
            return at
    return -1


def mask_code_spans(text: str) -> str:
    """The text with each code span (`` `np.dot` ``) turned to `BLANK`s, same length: one
    word, as lint's reading of a card has it.
    A span closes at the next run of as many backticks (CommonMark); each run is looked at
    once, so a text of unmatched backticks takes linear time."""
    if "`" not in text:
        return text
    runs: list[tuple[int, int]] = []  # (offset, length) of each backtick run
    at = text.find("`")
    while at >= 0:
        end = at
        while end < len(text) and text[end] == "`":
            end += 1
        runs.append((at, end - at))
        at = text.find("`", end)
    later: dict[int, list[int]] = {}  # run length -> indices of runs of it, last first
    for index in range(len(runs) - 1, -1, -1):
        later.setdefault(runs[index][1], []).append(index)
    pieces: list[str] = []
    done = 0  # text before this offset is in `pieces`
    index = 0
    while index < len(runs):
        start, length = runs[index]
        same = later[length]
        while same and same[-1] <= index:
            same.pop()
        if not same:
            index += 1
            continue
        close = same.pop()
        pieces.append(text[done:start])
        done = runs[close][0] + length
        pieces.append(BLANK * (done - start))
        index = close + 1
    pieces.append(text[done:])
    return "".join(pieces)


def _list_mark(text: str, at: int) -> bool:
    """True when the letter at `at` opens the text or follows a colon, a semicolon or a
    comma: an enumeration's mark ("two ways: a. then b."), not a word ending a sentence."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at == 0 or text[at - 1] in ":;,"


def _word_before(text: str, dot: int) -> str:
    """The word that the period at `dot` ends (back to a space, a bracket or a quote)."""
    start = dot
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "(\"'“":
        start -= 1
    return text[start:dot]


def _abbreviated(word: str) -> bool:
    """True for an abbreviation ("e.g", "vs") or a one-letter initial ("J")."""
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def ends_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation ("e.g.", "vs.") or a one-letter
    initial."""
    return text[dot] == "." and _abbreviated(_word_before(text, dot))


def key_points_problem(given: int, answer: str | None) -> str | None:
    """Why `given` key points do not suit a card with this Answer section, or None."""
    if MIN_POINTS <= given <= MAX_POINTS:
        return None
    if 1 <= given <= SHORT_MAX_POINTS and answer is not None and is_short_answer(answer):
        return None
    message = key_points_rule(given)
    if 1 <= given <= SHORT_MAX_POINTS and answer is not None:
        message += f"; this Answer holds {why_not_short(answer)}"
    return message


def key_points_rule(given: int) -> str:
    """The message for a wrong number of key points: it states both rules."""
    return (
        f"key_points: {given} given; {MIN_POINTS}-{MAX_POINTS} needed "
        f"(1-{SHORT_MAX_POINTS} only when the answer is at most {_WORDS[SHORT_ANSWER]} "
        "sentences, code blocks aside)"
    )


_WORDS = {1: "one", 2: "two", 3: "three"}
