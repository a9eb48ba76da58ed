"""Note shapes of the forty-fifth round: an Obsidian answer ending in its tags, a list item
asking on its first line over its answer's lines, and UTF-16 without a byte-order mark."""

from __future__ import annotations

from pathlib import Path

from quiz.bank.loader import load_card_text
from quiz.ecosystem.notes.endtags import take_end_tags
from tests.conftest import RunDrillbit
from tests.ecosystem.test_import_notes import front, run_import


def _import(
    tmp_path: Path, text: str | bytes, name: str = "vault.md"
) -> tuple[dict[str, dict[str, object]], str]:
    """`text` imported from the file `name` (its suffix says how it is read): each card's
    title -> its answer, tags and source line (from the report's arrow), and the report."""
    notes = tmp_path / name
    if isinstance(text, bytes):
        notes.write_bytes(text)
    else:
        notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--pack", "p", "--into", str(tmp_path / "c"))
    lines = {
        line.split(" ← ")[1].split(" ", 1)[1]: int(line.split(" ← ")[1].split()[0].split(":")[1])
        for line in result.output.splitlines()
        if " ← " in line
    }
    cards: dict[str, dict[str, object]] = {}
    for path in sorted((tmp_path / "c").rglob("*.md")):
        card = load_card_text(path.read_text(encoding="utf-8"), path, topic=path.parent.name)
        data = front(path)
        title = str(data["title"])
        cards[title] = {
            "answer": card.section("Answer").strip(),
            "tags": data["tags"],
            "line": lines[title],
        }
    return cards, result.output


OBSIDIAN = """\
---
tags:
  - ml/optimisation
---
## What is the vanishing gradient problem?
Gradients shrink as they are multiplied through many layers. #dl/rnn #exam

> [!faq]- Why use ==layer norm== in transformers? ^ln01
> It normalises each token alone, whatever the batch size. #ml/normalisation/layer

## Why is Adam popular?
It adapts a rate per parameter; see issue #2 on the tracker.
Tags in a sentence, such as #ml here, stay words of it.

```python
x = f(y)  # not a tag
print("done.") #keep
```
"""


def test_tags_ending_an_answer_line_are_its_card_tags(tmp_path: Path) -> None:
    """`... many layers. #dl/rnn` was answer text, the tag lost; now the card's tag. A
    number, a tag inside a sentence and a code line are left as written."""
    cards, _ = _import(tmp_path, OBSIDIAN)
    assert cards["What is the vanishing gradient problem?"] == {
        "answer": "Gradients shrink as they are multiplied through many layers.",
        "tags": ["ml", "ml-optimisation", "dl", "dl-rnn", "exam"],
        "line": 5,
    }
    assert cards["Why use layer norm in transformers?"] == {
        "answer": "It normalises each token alone, whatever the batch size.",
        "tags": ["ml", "ml-optimisation", "ml-normalisation", "ml-normalisation-layer"],
        "line": 8,
    }
    adam = cards["Why is Adam popular?"]
    assert adam["tags"] == ["ml", "ml-optimisation"]
    assert "see issue #2 on the tracker." in str(adam["answer"])
    assert "such as #ml here" in str(adam["answer"])
    assert 'print("done.") #keep' in str(adam["answer"])


def test_end_tags_keep_every_line_and_skip_headings_and_fences() -> None:
    text = "## Is it? #ml\nIt is. #a/b\n```\nx. #c\n```\nAn item #2.\nDone! #d-e\r"
    taken, tagged = take_end_tags(text, 10)
    assert taken == "## Is it? #ml\nIt is.\n```\nx. #c\n```\nAn item #2.\nDone!\r"
    assert tagged == {11: ("a", "a-b"), 16: ("d-e",)}  # a nested tag: its parent too


LIST = """\
# Glossary

- **What is bagging?** Training models on bootstrap samples and averaging them.
- What is boosting?
  Fitting models in sequence, each on the errors of those before it.
- What is stacking?
  A meta-model learns how to combine the base models' predictions.

## What is dropout?

It zeroes random units during training.

- Why does it help?
  Units cannot co-adapt, so the features they learn are robust.
- It is switched off at test time.
"""


def test_an_item_asking_on_its_first_line_is_a_question(tmp_path: Path) -> None:
    """`- What is boosting?` over its answer's lines in the same item: the item read whole
    did not end in '?', so it was a key point of the bold question above it, or text "not
    imported". Under a question heading such an item is still its answer's text."""
    cards, output = _import(tmp_path, LIST)
    assert sorted(cards) == [
        "What is bagging?",
        "What is boosting?",
        "What is dropout?",
        "What is stacking?",
    ]
    assert cards["What is bagging?"]["answer"] == (
        "Training models on bootstrap samples and averaging them."
    )
    assert cards["What is boosting?"]["answer"] == (
        "Fitting models in sequence, each on the errors of those before it."
    )
    assert cards["What is boosting?"]["line"] == 4
    assert cards["What is stacking?"]["line"] == 6
    dropout = str(cards["What is dropout?"]["answer"])
    assert "- Why does it help?" in dropout and "switched off at test time" in dropout
    assert "not imported" not in output


def test_an_item_with_an_answer_marker_on_its_second_line_is_read_as_before(
    tmp_path: Path,
) -> None:
    cards, _ = _import(
        tmp_path,
        "- What is a kernel?\n  A: A similarity function k(x, y) = <phi(x), phi(y)>.\n",
    )
    assert cards["What is a kernel?"]["answer"] == (
        "A similarity function k(x, y) = <phi(x), phi(y)>."
    )


def test_utf16_without_a_byte_order_mark_is_named(tmp_path: Path, drillbit: RunDrillbit) -> None:
    """PowerShell and some exporters write UTF-16 with no mark: it was "a binary file (it
    holds NUL bytes)", which said nothing of how to fix it. A file of NULs still is one."""
    text = "## What is an epoch?\nOne pass over the training set, caf\u00e9.\n"
    files = [
        (
            "little.md",
            text.encode("utf-16-le"),
            "UTF-16 text (little-endian, with no byte-order mark); save it as UTF-8",
        ),
        (
            "big.md",
            text.encode("utf-16-be"),
            "UTF-16 text (big-endian, with no byte-order mark); save it as UTF-8",
        ),
        ("zeros.md", bytes(4096), "a binary file (it holds NUL bytes)"),
    ]
    for name, data, kind in files:
        (tmp_path / name).write_bytes(data)
        result = drillbit("import", name, "--pack", "p", "--into", "c", cwd=tmp_path)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert f"{name}:1: not UTF-8 text but {kind}" in result.stderr
    assert not (tmp_path / "c").exists()


GLOSSARY = """\
# Ensembles

- What is bagging? Training models on bootstrap samples and averaging their votes.
- [x] Why does boosting reduce bias? Each model fits the errors the ones before it left.
- Really? This remark asks no question of its own.
- Which is faster to train?

## What is dropout?

It zeroes random units during training. Each step drops a new random set.

- Why does it help? Units cannot co-adapt, so the features they learn are robust.
"""


def test_a_plain_run_in_item_asks_in_its_first_sentence(tmp_path: Path) -> None:
    """`- What is bagging? Training ...` on one line: read whole it did not end in '?', so a
    glossary of such items was "no questions found". A remark ("Really? ...") is no
    question, and under a question heading such an item is that answer's text."""
    cards, output = _import(tmp_path, GLOSSARY)
    assert sorted(cards) == [
        "What is bagging?",
        "What is dropout?",
        "Why does boosting reduce bias?",
    ]
    assert cards["What is bagging?"] == {
        "answer": "Training models on bootstrap samples and averaging their votes.",
        "tags": [],
        "line": 3,
    }
    boosting = str(cards["Why does boosting reduce bias?"]["answer"])
    assert boosting.startswith("Each model fits the errors the ones before it left.")
    assert "Really? This remark asks no question of its own." in boosting
    assert cards["Why does boosting reduce bias?"]["line"] == 4
    assert "- Why does it help? Units cannot co-adapt" in str(cards["What is dropout?"]["answer"])
    assert "Which is faster to train?" in boosting  # its list's items are its answer's
    assert "skipped" not in output and "not imported" not in output


def test_a_long_glossary_of_run_in_items_gives_a_card_a_line(tmp_path: Path) -> None:
    rows = "".join(
        f"- What is term {n}? It is definition number {n} of the list.\n" for n in range(2000)
    )
    cards, _ = _import(tmp_path, "# Glossary\n\n" + rows)
    assert len(cards) == 2000
    assert cards["What is term 1999?"]["answer"] == "It is definition number 1999 of the list."
    assert cards["What is term 1999?"]["line"] == 2002


PAIRS = """\
Q:: What is a learning-rate schedule?
A:: A rule that changes the step size as training goes on, usually lowering it.

Status:: drafted
Question:: Why warm up the learning rate?
Answer:: Early optimiser statistics are noisy, so small first steps keep training stable.
"""
LOGSEQ_PAIR = """\
- Optimisers
\t- question:: What does RMSProp divide by?
\t  answer:: The square root of a running mean of squared gradients.
"""


def test_a_question_property_over_an_answer_property_is_a_card(tmp_path: Path) -> None:
    """Dataview's `Q::` over `A::` (and a Logseq block's `question::` over `answer::`) were
    left out as metadata, the cards lost with a note; a lone property still is one."""
    cards, output = _import(tmp_path, PAIRS)
    assert cards == {
        "What is a learning-rate schedule?": {
            "answer": "A rule that changes the step size as training goes on, usually lowering it.",
            "tags": [],
            "line": 1,
        },
        "Why warm up the learning rate?": {
            "answer": "Early optimiser statistics are noisy, so small first steps keep training "
            "stable.",
            "tags": [],
            "line": 5,
        },
    }
    assert "vault.md:4: note: properties: line 4 holds a property (Status:: drafted)" in output
    (tmp_path / "l").mkdir()
    cards, output = _import(tmp_path / "l", LOGSEQ_PAIR)
    assert cards == {
        "What does RMSProp divide by?": {
            "answer": "The square root of a running mean of squared gradients.",
            "tags": [],
            "line": 2,
        }
    }
    assert "note: properties" not in output


def test_an_untitled_question_callout_over_its_answer_callout(tmp_path: Path) -> None:
    """`> [!question]` with its question in its body and the answer in a nested folded
    callout: the nested callout's lines were read into the title, "no answer"."""
    cards, output = _import(
        tmp_path,
        "> [!question]\n"
        "> What is the difference between L1 and L2 regularisation?\n"
        "> > [!success]- Answer\n"
        "> > L1 adds the absolute weights and drives some to exactly zero.\n"
        "> > L2 adds the squared weights and shrinks all of them smoothly.\n",
    )
    assert cards == {
        "What is the difference between L1 and L2 regularisation?": {
            "answer": "L1 adds the absolute weights and drives some to exactly zero.\n"
            "L2 adds the squared weights and shrinks all of them smoothly.",
            "tags": [],
            "line": 1,
        }
    }
    assert "skipped" not in output


def test_nesting_a_thousand_deep_gives_a_card_or_a_reason_never_a_traceback(
    tmp_path: Path,
) -> None:
    """A list and a quote nested 1000 deep (markdown-it stops nesting past its limit):
    the list is kept whole as the answer, the quote, with no statement in it, is skipped at
    its question's line with why; neither raises RecursionError."""
    items = "".join("  " * depth + f"- level {depth}\n" for depth in range(1000))
    cards, _ = _import(tmp_path, "## What does a deep list keep?\n" + items)
    answer = str(cards["What does a deep list keep?"]["answer"])
    assert answer.startswith("- level 0\n  - level 1\n")
    assert answer.endswith("- level 999")
    (tmp_path / "q").mkdir()
    quotes = "".join(">" * depth + f" level {depth}\n" for depth in range(1, 1001))
    cards, output = _import(tmp_path / "q", "## What does a deep quote keep?\n" + quotes)
    assert cards == {}
    assert "vault.md:1: skipped 'What does a deep quote keep?': the answer is too short" in output


def test_a_stray_nul_in_text_is_dropped_from_the_card(tmp_path: Path) -> None:
    cards, _ = _import(tmp_path, b"## What is an epoch?\nOne pass over the \x00training set.\n")
    assert cards["What is an epoch?"]["answer"] == "One pass over the training set."
