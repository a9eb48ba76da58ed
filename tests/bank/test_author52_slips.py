"""Slips a new bank author made in a scratch bank that lint missed or told badly
(fifty-second round): a section written in a heading's wrong form inside another, a
missing section told without where it goes, a card saved as `.txt`, a folder without its
pack.yaml told at the folder and again at each card, a code fence's misspelt language, a
`\\frac` missing its argument, a Markdown link to another card file, and a front matter
closed by `--`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quiz.bank import statwalk
from quiz.bank.answer_length import MAX_QUESTION_WORDS
from quiz.bank.lint import lint
from quiz.bank.loader import load_bank
from tests.bank.edits import edit, line_of, told, told_in_full
from tests.bank.test_lint_coding_checks import drill, found
from tests.conftest import DATA, RunDrillbit

RELU = Path("mini") / "basics" / "what-is-relu.md"


@pytest.mark.parametrize("written", ["##Answer", "### Answer", "**Answer**", "#Answer"])
def test_a_section_heading_in_the_wrong_form_inside_a_section_is_told_at_its_line(
    mini_bank: Path, written: str
) -> None:
    """`##Answer` (no space) is text inside '## Question' to Markdown: lint said only
    "missing section '## Answer'" at the body's first line, not which line to fix."""
    card = mini_bank / RELU
    edit(card, "## Answer", written)
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, written),
            "missing-section",
            f"'{written}' is not a section heading: a section starts with '## ', write '## Answer'",
        )
    ]


def test_a_heading_form_inside_a_code_block_is_not_taken_for_the_section(
    mini_bank: Path,
) -> None:
    """A `# Answer` comment in code is code: the section is missing, and lint says where
    it goes."""
    card = mini_bank / RELU
    text = card.read_text(encoding="utf-8")
    edit(card, "## Answer\n", "```python\n# Answer\n```\n")
    question = text.splitlines().index("## Question") + 1
    [(name, _, code, message)] = told(mini_bank)
    assert (name, code) == ("what-is-relu.md", "missing-section")
    assert message == (
        f"missing section '## Answer': add it after the '## Question' section (line {question})"
    )


def test_a_missing_first_section_is_told_before_the_next(mini_bank: Path) -> None:
    card = mini_bank / RELU
    edit(card, "## Question\n\nWhat does ReLU compute, and what is its derivative?\n\n", "")
    answer = line_of(card, "## Answer")
    [(_, _, code, message)] = told(mini_bank)
    assert (code, message) == (
        "missing-section",
        f"missing section '## Question': add it before '## Answer' (line {answer})",
    )


def _save_relu_as(mini_bank: Path, name: str, text: str | None = None) -> Path:
    """what-is-relu, as id `relu-2`, saved under `name` in the mini pack's topic folder."""
    basics = mini_bank / "mini" / "basics"
    written = (basics / "what-is-relu.md").read_text(encoding="utf-8")
    path = basics / name
    path.write_text(
        written.replace("id: what-is-relu", "id: relu-2") if text is None else text,
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", ["relu-2.txt", "relu-2.md.txt", "Relu-2.TXT", "relu-2.text"])
def test_a_card_saved_as_txt_is_warned_of_by_lint_and_the_load(mini_bank: Path, name: str) -> None:
    """Notepad saves `relu-2.md` as `relu-2.md.txt`: the load left it out without a word,
    and lint said "no problems"."""
    _save_relu_as(mini_bank, name)
    message = "looks like a card but is not named *.md, so it is not read: rename it to relu-2.md"
    assert told(mini_bank) == [(name, 1, "not-read", message)]
    bank = load_bank([mini_bank])
    assert [(p.path.name, p.code, p.severity) for p in bank.problems] == [
        (name, "not-read", "warning")
    ]
    assert "relu-2" not in {card.id for card in bank.cards}


def test_a_txt_card_without_front_matter_is_told_by_its_heading(mini_bank: Path) -> None:
    _save_relu_as(mini_bank, "relu-2.txt", "## Question\n\nWhat is ReLU?\n\n## Answer\n\nmax.\n")
    assert [(name, code) for name, _, code, _ in told(mini_bank)] == [("relu-2.txt", "not-read")]


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("notes.txt", b"Things to write up:\n---\n- ReLU\n"),
        ("requirements.txt", b"numpy>=1.26\n"),
        ("README.txt", b"# Basics\n\nThe ReLU cards.\n"),
        ("plot.txt", bytes(range(256)) * 4),  # binary, named .txt
        ("empty.txt", b""),
    ],
)
def test_a_txt_file_that_is_no_card_is_no_problem(mini_bank: Path, name: str, data: bytes) -> None:
    (mini_bank / "mini" / "basics" / name).write_bytes(data)
    assert told(mini_bank) == []


def test_an_order_entry_naming_a_txt_card_says_the_file_and_its_name(mini_bank: Path) -> None:
    _save_relu_as(mini_bank, "relu-2.md.txt")
    pack_yaml = mini_bank / "mini" / "pack.yaml"
    with pack_yaml.open("a", encoding="utf-8") as out:
        out.write("order:\n  - what-is-relu\n  - relu-2\n")
    [(_, line, code, message)] = [t for t in told(mini_bank) if t[0] == "pack.yaml"]
    assert (line, code) == (line_of(pack_yaml, "  - relu-2"), "pack")
    assert message == (
        "order: 'relu-2' is not a card of this pack: basics/relu-2.md.txt is not read "
        "(cards are `.md` files): rename it to relu-2.md"
    )


def test_the_stat_walk_sees_a_txt_card_come_and_go(mini_bank: Path) -> None:
    """The remembered card index is vouched for by the stat walk: a `.txt` card it did not
    record would leave a remembered index (without the warning) standing."""
    before = statwalk.walk([str(mini_bank)])
    path = _save_relu_as(mini_bank, "relu-2.md.txt")
    after = statwalk.walk([str(mini_bank)])
    assert before is not None and after is not None
    assert "basics/relu-2.md.txt" in after[1] and after[1] != before[1]
    path.unlink()
    again = statwalk.walk([str(mini_bank)])
    assert again is not None and again[1] == before[1]


def test_a_folder_without_its_pack_yaml_is_told_once_whatever_is_linted(tmp_path: Path) -> None:
    """Linted as a folder of packs, as the pack, or as one of its topic folders, a pack
    whose pack.yaml was forgotten was told at the linted folder ("no pack found") and
    again at each card, and, linted as the pack, each card named its topic folder as the
    one to add pack.yaml to."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    (root / "mini" / "pack.yaml").unlink()
    cards = "its 3 cards (dropout-inference.md, sigmoid-bound.md, what-is-relu.md)"
    why = (
        f"folder 'mini' has no pack.yaml, so {cards} are not loaded: add mini/pack.yaml "
        "(title, description, version) to make it a pack"
    )
    for linted in (root, root / "mini"):
        _, problems = lint([linted], run_drills=False)
        assert [(p.path, p.line, p.code, p.message) for p in problems] == [
            (root / "mini", 1, "no-pack", why)
        ]
    topic = root / "mini" / "basics"
    _, problems = lint([topic], run_drills=False)
    assert [(p.path, p.code, p.message) for p in problems] == [(topic, "no-pack", why)]


def test_an_empty_folder_is_still_told_it_holds_no_pack(tmp_path: Path) -> None:
    _, problems = lint([tmp_path], run_drills=False)
    assert [(p.path, p.code, p.message) for p in problems] == [
        (tmp_path, "no-pack", "no pack found: a pack is a folder with a pack.yaml")
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [("pyhton", "python"), ("pyton", "python"), ("jsno", "json"), ("Pyhton", "python")],
)
def test_a_misspelt_code_language_is_warned_with_the_one_meant(
    mini_bank: Path, written: str, meant: str
) -> None:
    """```pyhton passed lint: the block is taken for a language nobody knows, and its code
    shows as plain text (the Anki export highlights by it)."""
    card = mini_bank / RELU
    fence = f"```{written}"
    with card.open("a", encoding="utf-8") as out:
        out.write(f"\n{fence}\nrelu = lambda z: max(0.0, z)\n```\n")
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, fence),
            "code-language",
            f"## Answer: the code block's language '{written.lower()}' is no language (did "
            f"you mean '{meant}'?): write ```{meant}, or its code is shown as plain text",
        )
    ]


@pytest.mark.parametrize("language", ["python", "Python", "py", "text", "mermaid", "rust", ""])
def test_a_code_language_written_right_or_of_its_own_is_no_problem(
    mini_bank: Path, language: str
) -> None:
    card = mini_bank / RELU
    with card.open("a", encoding="utf-8") as out:
        out.write(f"\n```{language}\nrelu = lambda z: max(0.0, z)\n```\n")
    assert told(mini_bank) == []


def test_a_starter_fenced_with_a_misspelt_python_names_it(tmp_path: Path) -> None:
    """The drill does not load (no ```python block); lint said only that the section needs
    one, over a block that looks like one."""
    card = drill(tmp_path)
    edit(card, "```python\n", "```pyhton\n")
    assert found(card, run_drills=False) == [
        (
            line_of(card, "## Starter"),
            1,
            "starter",
            "the Starter section needs one ```python code block: its block says ```pyhton "
            "(did you mean ```python?)",
        )
    ]


@pytest.mark.parametrize(
    ("formula", "name", "example"),
    [
        ("\\frac{a}", "frac", "it takes two arguments in braces, e.g. \\frac{a}{b}"),
        ("x + \\frac{1}", "frac", "it takes two arguments in braces, e.g. \\frac{a}{b}"),
        ("\\binom{n}", "binom", "it takes two arguments in braces, e.g. \\binom{a}{b}"),
        ("x + \\sqrt", "sqrt", "it takes one argument in braces, e.g. \\sqrt{a}"),
    ],
)
def test_a_command_missing_an_argument_says_which_and_the_form(
    mini_bank: Path, formula: str, name: str, example: str
) -> None:
    """`\\frac{a}` was "LaTeX does not parse: End of input while parsing arguments of macro
    "frac"", the parser's words."""
    card = mini_bank / RELU
    edit(card, "$\\text{ReLU}(z) = \\max(0, z)$", f"${formula}$")
    line = line_of(card, f"${formula}$, with derivative $1$ for $z > 0$ and $0$ for $z < 0$.")
    [(_, at, code, message)] = told(mini_bank)
    assert (at, code, message) == (line, "math", f"\\{name} is missing an argument: {example}")


def test_a_fraction_written_in_full_or_with_a_bare_second_argument_is_no_problem(
    mini_bank: Path,
) -> None:
    card = mini_bank / RELU
    edit(card, "$\\text{ReLU}(z) = \\max(0, z)$", "$\\frac{a}{b} + \\frac{1}2$")
    assert told(mini_bank) == []


@pytest.mark.parametrize("written", ["Kind", "KIND", "knd", "kinds"])
def test_a_kind_key_misspelt_is_told_as_such_not_as_missing(mini_bank: Path, written: str) -> None:
    """`Kind: concept` was "missing required key 'kind'" at line 1: the key is there,
    misspelt, and nothing named it."""
    card = mini_bank / RELU
    edit(card, "kind: concept", f"{written}: concept")
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, f"{written}: concept"),
            "unknown-key",
            f"unknown key '{written}' (did you mean 'kind'?)",
        )
    ]


def test_a_card_without_kind_is_still_told_it_is_missing(mini_bank: Path) -> None:
    edit(mini_bank / RELU, "kind: concept\n", "")
    [(_, line, code, message)] = told(mini_bank)
    assert (line, code) == (1, "missing-key")
    assert message.startswith("missing required key 'kind'")


@pytest.mark.parametrize("written", ["--", "...", " ---", "--- end", "—"])
def test_a_line_meant_to_close_the_front_matter_is_told_at_its_line(
    mini_bank: Path, written: str
) -> None:
    """`--` closing the front matter was "front matter is not closed by a '---' line" at
    line 1, without the line that was meant to."""
    card = mini_bank / RELU
    edit(card, "  - cheap to compute\n---\n", f"  - cheap to compute\n{written}\n")
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, written),
            "front-matter",
            f"'{written}' does not close the front matter: write '---', three dashes alone "
            "at the line's start",
        )
    ]


def test_front_matter_never_closed_is_still_told_at_its_opening(mini_bank: Path) -> None:
    edit(mini_bank / RELU, "  - cheap to compute\n---\n", "  - cheap to compute\n")
    [(_, line, code, message)] = told(mini_bank)
    assert (line, code) == (1, "front-matter")
    assert message.startswith("front matter is not closed by a '---' line")


@pytest.mark.parametrize("target", ["sigmoid-bound.md", "../basics/sigmoid-bound.md#top"])
def test_a_link_to_another_card_file_is_warned_at_its_place(mini_bank: Path, target: str) -> None:
    """`[the bound](sigmoid-bound.md)` passed lint: a reader is sent to a file no place
    drillbit shows a card can open."""
    card = mini_bank / RELU
    written = f"Compare [the sigmoid's bound]({target})."
    with card.open("a", encoding="utf-8") as out:
        out.write(f"\n{written}\n")
    assert told_in_full(mini_bank) == [
        (
            card,
            line_of(card, written),
            len("Compare ") + 1,
            "card-link",
            f"a link to a card file ('{target}') leads to no card where drillbit shows one "
            "(terminal, browser, Anki): name the card in related: [sigmoid-bound] instead, "
            "where lint checks it exists",
            False,
        )
    ]


@pytest.mark.parametrize(
    "written",
    [
        "[the paper](https://arxiv.org/abs/1502.01852)",
        "[the notes](https://example.org/notes/relu.md)",
        "`see other.md`",
        "[a figure](figs/relu.png)",
    ],
)
def test_a_web_link_or_a_file_name_in_code_is_no_card_link(mini_bank: Path, written: str) -> None:
    card = mini_bank / RELU
    with card.open("a", encoding="utf-8") as out:
        out.write(f"\nCompare {written}.\n")
    assert [code for _, _, _, code, _, _ in told_in_full(mini_bank)] == []


def test_a_question_of_a_page_is_warned_at_its_heading(mini_bank: Path) -> None:
    """A question pasted with its whole setting (160 words) passed lint; the answer's own
    limit was the only one."""
    card = mini_bank / RELU
    setting = " ".join(["A layer of units feeds the next one."] * 20)  # 8 words each
    edit(card, "What does ReLU compute", f"{setting} What does ReLU compute")
    assert told(mini_bank) == [
        (
            "what-is-relu.md",
            line_of(card, "## Question"),
            "question-too-long",
            "## Question has 169 words, read at every review: keep it to 150 (what an "
            "interviewer asks in a breath) and move the setting into the answer, or split the "
            "card",
        )
    ]


def test_a_question_at_the_limit_and_a_long_drill_task_are_no_problem(
    mini_bank: Path, tmp_path: Path
) -> None:
    card = mini_bank / RELU
    words = "What does ReLU compute, and what is its derivative?"  # 9 words
    edit(card, words, " ".join(["word"] * (MAX_QUESTION_WORDS - 9)) + " " + words)
    assert told(mini_bank) == []
    task = drill(tmp_path / "drill")
    edit(task, "do not modify `theta` in place.", "do not modify `theta`. " + "Note. " * 300)
    assert found(task, run_drills=False) == []


def test_a_card_of_a_pack_without_its_pack_yaml_named_alone_says_which_folder(
    tmp_path: Path, drillbit: RunDrillbit
) -> None:
    """`drillbit lint new-pack/basics/a.md` said "not in a pack, so not a card", of a card
    whose pack only lacks its pack.yaml; named with a second card of it, it is told once."""
    root = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", root)
    (root / "mini" / "pack.yaml").unlink()
    basics = root / "mini" / "basics"
    result = drillbit(
        "lint", "--no-drills", str(basics / "what-is-relu.md"), str(basics / "sigmoid-bound.md")
    )
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{basics / 'what-is-relu.md'}:1:1: folder 'mini' has no pack.yaml, so its 3 cards "
        "(dropout-inference.md, sigmoid-bound.md, what-is-relu.md) are not loaded: add "
        "mini/pack.yaml (title, description, version) to make it a pack [no-pack]",
    ]


def _tags(mini_bank: Path, card: str, tags: str) -> Path:
    path = mini_bank / "mini" / "basics" / card
    text = path.read_text(encoding="utf-8")
    start = text.index("tags: ")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"tags: {tags}" + text[end:], encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lone", "common"),
    [
        ("batchnorm", "batch-norm"),
        ("vanishing-gradient", "vanishing-gradients"),
        ("activaton", "activation"),
    ],
)
def test_a_tag_spelt_otherwise_than_the_bank_s_is_warned_with_its_spelling(
    mini_bank: Path, lone: str, common: str
) -> None:
    """The bundled bank had `batchnorm` on one card beside `batch-norm` on seven: a search
    by the tag missed it, and lint said nothing."""
    _tags(mini_bank, "sigmoid-bound.md", f"[{common}]")
    _tags(mini_bank, "dropout-inference.md", f"[{common}]")
    card = _tags(mini_bank, "what-is-relu.md", f"[relu, {lone}]")
    assert told_in_full(mini_bank) == [
        (
            card,
            line_of(card, f"tags: [relu, {lone}]"),
            len("tags: [relu, ") + 1,
            "tag-spelling",
            f"tags.1: '{lone}' is on this card only, and 2 cards write it '{common}': write "
            f"'{common}', or a search by tag misses one",
            False,
        )
    ]


@pytest.mark.parametrize(
    ("lone", "common"),
    [("float64", "float16"), ("l1", "l2"), ("relu", "gelu"), ("batch-norm", "batch-norm")],
)
def test_tags_that_differ_in_a_number_or_are_shared_are_no_slip(
    mini_bank: Path, lone: str, common: str
) -> None:
    _tags(mini_bank, "sigmoid-bound.md", f"[{common}]")
    _tags(mini_bank, "dropout-inference.md", f"[{common}]")
    _tags(mini_bank, "what-is-relu.md", f"[{lone}]")
    assert told(mini_bank) == []


def test_a_lone_tag_beside_a_tag_of_one_other_card_is_no_slip(mini_bank: Path) -> None:
    """Two spellings on one card each: neither is the bank's, nothing to say which."""
    _tags(mini_bank, "sigmoid-bound.md", "[batch-norm]")
    _tags(mini_bank, "what-is-relu.md", "[batchnorm]")
    assert told(mini_bank) == []


def _second_pack(mini_bank: Path) -> Path:
    """A second pack beside mini, with one topic folder and its pack.yaml."""
    topic = mini_bank / "more" / "extras"
    topic.mkdir(parents=True)
    (mini_bank / "more" / "pack.yaml").write_text(
        "title: More\ndescription: A second pack.\nversion: 0.1.0\n", encoding="utf-8"
    )
    return topic


@pytest.mark.parametrize(
    ("name", "written", "code", "fix"),
    [
        (
            "What-Is-Relu.md",
            "id: what-is-relu",
            "id-file-name",
            "id 'what-is-relu' must equal the file name 'What-Is-Relu': rename the file to "
            "what-is-relu.md (progress is kept by id)",
        ),
        (
            "What-Is-Relu.md",
            "id: What-Is-Relu",
            "bad-value",
            "id: 'What-Is-Relu' must be kebab-case (lowercase letters and digits joined by "
            "'-'): write 'what-is-relu'",
        ),
    ],
)
def test_an_id_fix_that_another_pack_s_card_has_says_whose_it_is(
    mini_bank: Path, name: str, written: str, code: str, fix: str
) -> None:
    """Following "rename the file to what-is-relu.md" met `duplicate-id` next: mini's card
    has that id, and the renamed card would not load."""
    text = (mini_bank / RELU).read_text(encoding="utf-8")
    card = _second_pack(mini_bank) / name
    card.write_text(
        text.replace("id: what-is-relu", written).replace("topic: basics", "topic: extras"),
        encoding="utf-8",
    )
    assert told_in_full(mini_bank) == [
        (
            card,
            2,
            1,
            code,
            f"{fix}; but 'what-is-relu' is the id of {mini_bank / RELU} already: give this card "
            "an id of its own, and its file the same name",
            True,
        )
    ]


def test_an_id_fix_no_card_has_is_told_as_before(mini_bank: Path) -> None:
    text = (mini_bank / RELU).read_text(encoding="utf-8")
    card = _second_pack(mini_bank) / "Leaky-Relu.md"
    card.write_text(
        text.replace("id: what-is-relu", "id: leaky-relu").replace(
            "topic: basics", "topic: extras"
        ),
        encoding="utf-8",
    )
    [(_, _, code, message)] = told(mini_bank)
    assert (code, message) == (
        "id-file-name",
        "id 'leaky-relu' must equal the file name 'Leaky-Relu': rename the file to "
        "leaky-relu.md (progress is kept by id)",
    )
