"""A block of the notes that may ask a question, as each question form's reader leaves it:
its own module so the readers, the dispatch and the placing rules share it without importing
one another."""

from __future__ import annotations

from dataclasses import dataclass, field

from quiz.ecosystem.notes.blocks import Block
from quiz.ecosystem.titles import TitleParts


@dataclass
class Candidate:
    block: Block
    parts: TitleParts
    head_end: int
    """0-based line where the text after the question's title starts."""
    kind: str
    """heading, q-line, bold, item."""
    weak: bool = False
    inline_answer: str | None = None
    imperative: bool = False
    """It sets a task without a '?' ("Derive the gradient of softmax"), or it is a list
    item asking on its first line only (`- Why?` over its answer's lines): a question
    only where the notes' shape makes it a prompt (`placed_prompts`)."""
    section_of: list[Candidate] = field(default_factory=list)
    body: str = ""
    """What a `<br>` in its `Q:` line put under the title (`Q: Softmax<br>$...$`), the
    start of its prompt, as an Anki note's front is read (`clozefront.title_sentence`)."""
    was_title: str | None = None
    """Its title before this round read a `<br>` in a `Q:` line (it was dropped: "What is
    thesoftmax function?"), when that differs: its card then keeps its id and reviews."""
