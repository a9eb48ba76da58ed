"""Each kind of content mistake is reported with the right path, line and problem code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank.lint import lint
from quiz.bank.loader import load_bank, load_card_text
from quiz.bank.parse import LINT_ONLY_CODES
from tests.conftest import DATA

# file in tests/data/bad_cards -> (expected line, expected code, a phrase of the message)
BAD_CARDS = {
    "unknown-key.md": (4, "unknown-key", "did you mean 'title'"),
    "missing-section.md": (10, "missing-section", "'## Answer'"),
    "bad-related.md": (8, "unknown-related", "'no-such-card'"),
    "difficulty-range.md": (9, "bad-value", "difficulty"),
    "invalid-yaml.md": (4, "yaml", "invalid YAML"),
    "unbalanced-math.md": (17, "math", ""),
    "starter-syntax.md": (22, "starter-syntax", "does not parse"),
    "bad-choice-answer.md": (11, "bad-value", "out of range"),
    "key-points-short.md": (8, "bad-value", "key_points"),
    "no-front-matter.md": (1, "front-matter", "front matter"),
    "author-note.md": (22, "author-note", "Interview connection (Q4)"),
    "option-position.md": (21, "option-position", "shown shuffled"),
}


def test_the_mini_bank_is_clean(mini_bank: Path) -> None:
    bank, problems = lint([mini_bank])
    assert problems == []
    assert {card.id for card in bank.cards} == {
        "what-is-relu",
        "sigmoid-bound",
        "dropout-inference",
    }


@pytest.mark.parametrize("name", sorted(BAD_CARDS))
def test_each_mistake_is_reported_with_its_line(mini_bank: Path, name: str) -> None:
    line, code, phrase = BAD_CARDS[name]
    target = mini_bank / "mini" / "basics" / name
    shutil.copy(DATA / "bad_cards" / name, target)
    bank, problems = lint([mini_bank])
    mine = [p for p in problems if p.path == target]
    assert mine, f"no problem reported for {name}: {problems}"
    assert any((p.line, p.code) == (line, code) and phrase in p.message for p in mine), mine
    # the broken file never stops the good ones from loading
    assert {"what-is-relu", "sigmoid-bound", "dropout-inference"} <= {c.id for c in bank.cards}
    if code in LINT_ONLY_CODES:  # the app loads such a card, and lint's load does too
        assert target not in bank.broken_files
        assert target in {c.path for c in bank.cards}
    else:
        assert target in bank.broken_files or code == "unknown-related"


def test_duplicate_ids_name_both_files(mini_bank: Path) -> None:
    other = mini_bank / "mini" / "other"
    other.mkdir()
    shutil.copy(DATA / "bad_cards_dup" / "what-is-relu.md", other / "what-is-relu.md")
    _, problems = lint([mini_bank])
    dup = [p for p in problems if p.code == "duplicate-id"]
    assert len(dup) == 1
    assert dup[0].line == 2
    names = {dup[0].path.parent.name, Path(dup[0].message.split("used by ")[1]).parent.name}
    assert names == {"basics", "other"}


def test_linting_one_file_sees_its_whole_bank(mini_bank: Path) -> None:
    """pre-commit passes single files: related ids in other files must still resolve."""
    one = mini_bank / "mini" / "basics" / "what-is-relu.md"
    _, problems = lint([one])
    assert problems == []


def test_problems_outside_the_linted_paths_are_not_reported(mini_bank: Path) -> None:
    shutil.copy(
        DATA / "bad_cards" / "unknown-key.md", mini_bank / "mini" / "basics" / "unknown-key.md"
    )
    _, problems = lint([mini_bank / "mini" / "basics" / "sigmoid-bound.md"])
    assert problems == []


def test_every_problem_in_a_file_is_reported_at_once(mini_bank: Path) -> None:
    target = mini_bank / "mini" / "basics" / "many.md"
    target.write_text(
        "---\nid: many\nkind: concept\ntitle: t\ntopic: wrong-topic\ndifficulty: 0\nsource: s\n"
        "colour: red\nkey_points: [a, b, c]\n---\n\n## Question\n\n\n## Answer\n\nA.\n",
        encoding="utf-8",
    )
    _, problems = lint([target])
    codes = sorted(p.code for p in problems)
    assert codes == ["bad-value", "empty-section", "unknown-key"]
    lines = sorted(p.line for p in problems)
    assert lines == [6, 8, 12]


def test_topic_must_match_its_folder(mini_bank: Path) -> None:
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    target.write_text(target.read_text().replace("topic: basics", "topic: elsewhere"))
    _, problems = lint([target])
    assert [(p.code, p.line) for p in problems] == [("topic-folder", 5)]


def test_a_misplaced_markdown_file_is_reported(mini_bank: Path) -> None:
    stray = mini_bank / "mini" / "stray-card.md"
    stray.write_text("---\nid: stray-card\nkind: concept\n---\n")
    _, problems = lint([mini_bank])
    assert [(p.path, p.code) for p in problems] == [(stray, "misplaced")]


def test_math_in_key_points_is_checked_too(mini_bank: Path) -> None:
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    target.write_text(target.read_text().replace("  - cheap to compute", "  - cheap, $x^2 only"))
    _, problems = lint([target])
    # at the point's own `- ` line, not the `key_points:` key three lines above it
    assert [(p.code, p.line, p.col) for p in problems] == [("math", 13, 5)]
    assert problems[0].message.startswith("key_points[2]:")


def test_a_choice_s_slip_is_told_at_the_choice(mini_bank: Path) -> None:
    """An option's math and its author's note were told at the `choices:` key: in a card
    of eight options the author hunted for the one meant."""
    target = mini_bank / "mini" / "basics" / "dropout-inference.md"
    lines = target.read_text(encoding="utf-8").splitlines()
    first = lines.index("choices:") + 1
    lines[first + 1] = "  - Scale by $p at test time"
    lines[first + 2] = "  - Rescale as in (Q4) at test time"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = lint([target], run_drills=False)
    told = [(p.line, p.code, p.message.split(":")[0]) for p in problems]
    assert told == [
        (first + 2, "math", "choices[1]"),
        (first + 3, "author-note", "choices[2]"),
    ], problems


@pytest.mark.parametrize(("value", "shown"), [("essay", "'essay'"), ("5", "5"), ("[a]", "['a']")])
def test_an_unknown_kind_is_named_not_the_whole_front_matter(
    mini_bank: Path, value: str, shown: str
) -> None:
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    target.write_text(target.read_text().replace("kind: concept", f"kind: {value}"))
    _, problems = lint([target])
    [problem] = [p for p in problems if p.code == "bad-kind"]
    assert problem.line == 3
    assert problem.message == f"kind must be one of concept, choice, numeric, coding, not {shown}"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_byte_order_mark_is_read_past_by_lint_and_the_app(mini_bank: Path, newline: str) -> None:
    """Windows editors start UTF-8 files with a BOM: the card is lint-clean and loads."""
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    text = target.read_text(encoding="utf-8").replace("\n", newline)
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    bank, problems = lint([target])
    assert problems == []
    assert bank.get("what-is-relu") is not None
    for use_cache in (False, True, True):  # parsed, then stored, then from the card cache
        app = load_bank([mini_bank], use_cache=use_cache)
        assert app.problems == () and app.get("what-is-relu") is not None
    reloaded = load_card_text(target.read_text(encoding="utf-8"), target, "mini", "basics")
    assert reloaded.lines["related"] == 9  # lines count as without the mark


def test_an_unclosed_front_matter_after_a_byte_order_mark_is_still_reported(
    mini_bank: Path,
) -> None:
    target = mini_bank / "mini" / "basics" / "open.md"
    target.write_text("\ufeff---\nid: open\nkind: concept\n", encoding="utf-8")
    _, problems = lint([target])
    assert [(p.line, p.code, p.message) for p in problems] == [
        (
            1,
            "front-matter",
            "front matter is not closed by a '---' line: write one after its last key, before "
            "the first '## ' section",
        )
    ]


def test_an_empty_card_file_says_what_a_card_starts_with(mini_bank: Path) -> None:
    """An empty file (a card the author had only just created) and a file of text alone
    were told "a card starts with YAML front matter between '---' lines", not what to
    write there."""
    basics = mini_bank / "mini" / "basics"
    (basics / "new-card.md").write_text("", encoding="utf-8")
    (basics / "notes.md").write_text("# Notes\n\nReLU is max(0, z).\n", encoding="utf-8")
    (basics / "no-kind.md").write_text("---\nid: no-kind\n---\n", encoding="utf-8")
    _, problems = lint([basics / "new-card.md", basics / "notes.md", basics / "no-kind.md"])
    assert [(p.path.name, p.line, p.code, p.message) for p in problems] == [
        (
            "new-card.md",
            1,
            "front-matter",
            "the file is empty: a card starts with front matter, its keys (id: new-card, kind,"
            " title, topic, difficulty, source) between two '---' lines, then its '## ' sections",
        ),
        (
            "no-kind.md",
            1,
            "missing-key",
            "missing required key 'kind': concept, choice, numeric or coding, e.g. kind: concept",
        ),
        (
            "notes.md",
            1,
            "front-matter",
            "a card starts with YAML front matter: write a '---' line first, then its keys"
            " (id: notes, kind, title, topic, difficulty, source), then another '---' line",
        ),
    ]


def test_a_topic_folder_named_with_colons_is_named_as_the_problem(mini_bank: Path) -> None:
    """`ml::basics` can be no card's topic (a topic is kebab-case), so telling the author to
    set the card's topic to the folder's name sent them to a second error: the folder is it."""
    folder = mini_bank / "mini" / "ML::Basics"
    folder.mkdir()
    target = folder / "what-is-relu.md"
    shutil.move(mini_bank / "mini" / "basics" / "what-is-relu.md", target)
    _, problems = lint([target])
    assert [(p.code, p.line) for p in problems] == [("topic-folder", 5)]
    assert problems[0].message == (
        "topic folder 'ML::Basics' is no topic name (kebab-case: lowercase letters and digits"
        " joined by '-'; Anki splits deck names at '::'), so no card in it loads: rename the"
        " folder, e.g. to 'ml-basics', and set each card's topic to that name"
    )


def test_a_pack_s_docs_pages_are_not_misplaced_cards(mini_bank: Path) -> None:
    """A page of the pack's docs (a site generator's front matter, or none) is no card in
    the wrong folder: only a file whose front matter has a card's `kind` is. A topic
    folder's README was read as a card ("missing required key 'kind'")."""
    pack = mini_bank / "mini"
    (pack / "docs" / "guide").mkdir(parents=True)
    (pack / "docs" / "guide" / "writing.md").write_text("---\ntitle: Writing\nlayout: page\n---\n")
    (pack / "CONTRIBUTING.md").write_text("# How to help\n")
    (pack / "notes.md").write_text("# Notes\n\nkind: of a list\n")
    (pack / "basics" / "README.md").write_text("---\ntitle: Basics\n---\n\nThe topic.\n")
    stray = pack / "docs" / "guide" / "old-card.md"
    stray.write_text("\ufeff---\r\ntitle: Old\r\nkind: concept\r\n---\r\n")
    _, problems = lint([mini_bank])
    assert [(p.path, p.code) for p in problems] == [(stray, "misplaced")]


@pytest.mark.parametrize(
    "formula",
    ["\\frac{1}{" * 5_000 + "x" + "}" * 5_000, "{" * 50_000 + "x" + "}" * 50_000],
)
def test_math_nested_too_deep_is_told_as_nesting(mini_bank: Path, formula: str) -> None:
    """The renderer recursed past Python's limit: lint said "LaTeX cannot be converted
    (RecursionError)", a word of Python's, and nothing to do."""
    target = mini_bank / "mini" / "basics" / "what-is-relu.md"
    text = target.read_text(encoding="utf-8")
    target.write_text(text.rstrip("\n") + f"\n\nDeep: ${formula}$\n", encoding="utf-8")
    _, problems = lint([target], run_drills=False)
    assert [(p.code, p.message) for p in problems] == [
        (
            "math",
            "LaTeX nests too deep to show (braces or commands inside one another): split it",
        )
    ]
