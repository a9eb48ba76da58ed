"""Notes written the way people write them, imported whole: nothing is lost unsaid.

Four files in the styles the importer meets (tests/data/notes): an Obsidian vault page
(front matter, callouts, wikilinks, an embed, a Spaced Repetition line, a tag line), an
Anki "Basic (and reversed card)" export with a GUID column, a Logseq page (page and
block properties, `#card` blocks, a cloze card, a TODO) and a README-like study note with code blocks,
a table, a contents list and references. Each must import without a traceback into
cards lint accepts, and every line with words must be in a card or named in the report
at its place (`FILE:LINE`, or a `lines A-B` span)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quiz.bank.lint import lint
from tests.conftest import DATA
from tests.ecosystem.test_import_notes import run_import

NOTES = DATA / "notes"

CARDS = {
    "obsidian-vault-page.md": [
        "real/dropout-reduce-overfitting",
        "real/weight-decay-weights",
        "real/you-choose-dropout-rate",
    ],
    "anki-basic-reversed.txt": [
        "ml-metrics/auc-pr",
        "ml-metrics/f1-score",
        "ml-metrics/log-loss",
        "ml-metrics/precision",
        "ml-metrics/recall",
        "ml-metrics/roc-curve-plot",
    ],
    "logseq-page.md": [
        "real/divide-attention-scores-by-square-root",
        "real/multi-head-attention-add-over-one",
        "real/one-token-compared-with-key-every",  # a cloze card: no hidden word in it
        "real/positional-encodings-needed",
    ],
    "study-readme.md": [
        "pitfalls/outer-product-without-loop",
        "pitfalls/x-x-mean-axis-1-fail",  # two sentences and a code block: a short answer
        "rules/broadcasting-rules",
        "rules/you-add-bias-vector-every-row",
    ],
}
"""The cards each file gives, as TOPIC/ID."""

REPORTED = {
    "obsidian-vault-page.md": [
        "1: note: front matter",
        "8: skipped 'Related: [[Optimization]]",
        "10: skipped '[!abstract] Summary'",
        "30: skipped '![[dropout-diagram.png]]'",
        "37: skipped 'Early stopping': not a question",
        "39: note: flashcards: line 39 reads as an Obsidian Spaced Repetition card",
        "41: note: tags: line 41 holds only Obsidian tags (#review)",
    ],
    "anki-basic-reversed.txt": ["12: note: 'AUC-PR': its images are left out (pr-curve.png)"],
    "logseq-page.md": [
        "1: note: page properties: its tags (ml, deep-learning, attention)",
        "4: skipped '- Notes from the Annotated Transformer",
        "15: skipped '- TODO re-read section 3.5",
        "16: note: cloze: a Logseq cloze card",
        "20: skipped 'Open questions': not a question",
        "21: skipped 'Does the model learn relative positions",
    ],
    "study-readme.md": [
        "3: skipped 'Read these before the drills",
        "5: skipped 'Contents': not a question",
        "10: section '1. Rules'",
        "35: section '2. Pitfalls'",
        "52: skipped 'References': not a question",
    ],
}
"""What the report names at a place of each file (the start of its line after `FILE:`)."""

_WORD = re.compile(r"[A-Za-z]{4,}")
_SYNTAX = re.compile(
    r"^\s*(?:[-*] )?[\w-]+:: .*$"  # a Logseq block property (`collapsed:: true`), metadata
    r"|^#[a-z ]+:.*$"  # an Anki export's header line (`#separator:tab`)
    r"|\[![\w-]+\][+-]?|\bAnswer\b"  # a callout's type, an answer marker
)
"""What is markup or metadata, not text: its words are in no card and need not be."""


def _named_lines(output: str, notes: Path) -> set[int]:
    """The lines the report names: each `FILE:N:` and the `lines A-B` or `line(s) N, M`
    it gives; a note on front matter or page properties names the lines those fill."""
    named: set[int] = set()
    for row in output.splitlines():
        if not row.startswith(f"{notes}:"):
            continue
        at = int(row[len(f"{notes}:") :].split(":", 1)[0])
        named.add(at)
        for first, last in re.findall(r"\blines (\d+)-(\d+)", row):
            named.update(range(int(first), int(last) + 1))
        for listed in re.findall(r"\blines? ((?:\d+, )*\d+)\b(?!-)", row):
            named.update(int(n) for n in listed.split(", "))
        if ": note: front matter:" in row or ": note: page properties:" in row:
            head = notes.read_text(encoding="utf-8").split("\n")
            end = next((i for i, line in enumerate(head) if not line.strip()), len(head))
            named.update(range(1, end + 1))  # the block of metadata that opens the file
    return named


@pytest.mark.parametrize("name", sorted(CARDS))
def test_a_real_note_imports_whole_or_says_what_it_left(tmp_path: Path, name: str) -> None:
    notes = NOTES / name
    content = tmp_path / "c"
    result = run_import(str(notes), "--pack", "real", "--into", str(content))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    pack = content / "real"
    cards = sorted(p.relative_to(pack).with_suffix("").as_posix() for p in pack.rglob("*.md"))
    assert cards == CARDS[name]
    assert lint([pack])[1] == []
    places = [row[len(f"{notes}:") :] for row in result.output.splitlines()]
    for said in REPORTED[name]:
        assert any(place.startswith(said) for place in places), (said, result.output)
    assert sum(1 for row in result.output.splitlines() if row.startswith(f"{notes}:")) == len(
        REPORTED[name]
    ), result.output
    # every line with words is in a card, or named: at its place, in a span, or as the
    # text of a part named above it (a heading or callout "not imported", a question
    # skipped) before the next question a card was made of
    written = " ".join(p.read_text(encoding="utf-8") for p in pack.rglob("*.md")).lower()
    named = _named_lines(result.output, notes)
    asked = {int(n) for n in re.findall(rf"← {re.escape(str(notes))}:(\d+) ", result.output)}
    lost = []
    under_named = False
    for number, line in enumerate(notes.read_text(encoding="utf-8").split("\n"), start=1):
        if number in asked or number in named:
            under_named = number not in asked
        words = _WORD.findall(_SYNTAX.sub("", line))
        if not words or number in named or under_named:
            continue
        kept = sum(1 for word in words if word.lower() in written)
        if kept * 5 < len(words) * 3:  # fewer than three in five of its words
            lost.append(f"{number}: {line}")
    assert lost == []


def test_an_anki_export_with_a_guid_column_reads_the_guid_as_no_field(tmp_path: Path) -> None:
    """The GUID (`p8#Qr1&zL`) is Anki's, not the question: the term is asked."""
    content = tmp_path / "c"
    result = run_import(
        str(NOTES / "anki-basic-reversed.txt"), "--pack", "real", "--into", str(content)
    )
    assert result.exit_code == 0, result.output
    card = (content / "real" / "ml-metrics" / "precision.md").read_text(encoding="utf-8")
    assert "title: Precision\n" in card and "p8#Qr1" not in card
    assert "5 notes make a reversed card in Anki" in result.output
