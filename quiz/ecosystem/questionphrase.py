"""A note's question title phrased as a card asks it: a question keeps its `?`, a task its
full stop, a bare topic becomes "Explain ...", with its first word lowercased unless the
notes write it as a name.
"""

from __future__ import annotations

import re

from quiz.ecosystem.keypoints_sentences import OPEN_ENDS

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
