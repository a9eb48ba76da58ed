"""`drillbit import`: Markdown notes in several shapes become concept cards that pass lint."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quiz.bank.lint import lint
from quiz.bank.loader import load_card_text
from quiz.bank.markdown import code_blocks
from quiz.bank.parse import split_front_matter
from quiz.bank.sentences import is_short_answer
from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command
from quiz.ecosystem.cardids import card_id_for
from quiz.ecosystem.cardtext import demote_headings, escape_stray_dollars
from quiz.ecosystem.htmlstrip import strip_html
from quiz.ecosystem.importer import plan_import, write_plan
from quiz.ecosystem.keypoints import key_points
from quiz.ecosystem.keypoints_sentences import MAX_CHARS, acceptable, clauses, fit, stands_alone
from quiz.ecosystem.notes.found import answer_marker
from quiz.ecosystem.notes.read import parse_notes
from quiz.ecosystem.questionphrase import as_question
from quiz.ecosystem.titles import split_title
from quiz.errors import UsageError
from tests.conftest import DATA

NOTES = DATA / "notes"


def run_import(*args: str, content: tuple[Path, ...] = ()) -> Result:
    return CliRunner().invoke(import_command, list(args), obj=Context(list(content)))


def front(path: Path) -> dict[str, object]:
    split = split_front_matter(path.read_text(encoding="utf-8"))
    assert split is not None
    data = yaml.safe_load(split[0])
    assert isinstance(data, dict)
    return data


def imported_cards(tmp_path: Path, text: str) -> tuple[dict[str, Path], str, Path]:
    """`text` imported from `rem.md` into a new folder: its card files by title, what the
    command said on one line, and the notes file."""
    notes = tmp_path / "rem.md"
    notes.write_text(text, encoding="utf-8")
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    cards = {str(front(p)["title"]): p for p in (tmp_path / "c").rglob("*.md")}
    return cards, " ".join(result.output.split()), notes


def answer_of(path: Path) -> str:
    card = load_card_text(path.read_text(encoding="utf-8"), path, topic=path.parent.name)
    return card.section("Answer").strip()


def test_seed_shaped_notes_give_a_card_per_question_that_lint_accepts(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import(str(NOTES / "day6-seed.md"), "--pack", "imported", "--into", str(content))
    assert result.exit_code == 0, result.output
    cards = sorted((content / "imported" / "imported").glob("*.md"))
    assert len(cards) == 10
    bank, problems = lint([content / "imported"])
    assert problems == []
    assert len(bank.cards) == 10
    sources = {str(front(card)["source"]) for card in cards}
    assert sources == {f"day6-seed.md Q{n}" for n in range(1, 11)}
    pack = yaml.safe_load((content / "imported" / "pack.yaml").read_text(encoding="utf-8"))
    assert pack["version"] == "0.1.0"
    assert pack["title"] == "Day 6 Interview Questions: Neural Networks"
    for card in bank.cards:
        assert card.kind == "concept" and card.front.difficulty == 2
        points = card.front.key_points  # type: ignore[union-attr]
        assert 3 <= len(points) <= 7
        assert all(len(p) <= MAX_CHARS and acceptable(p) for p in points)


def test_answers_are_kept_faithfully(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(str(NOTES / "day6-seed.md"), "--into", str(content)).exit_code == 0
    folder = content / "day6-seed" / "day6-seed"
    relu = answer_of(folder / "relu-preferred-over-sigmoid.md")
    assert "| **Range** | (0, 1) | [0, ∞) |" in relu
    assert relu.startswith("| Aspect | Sigmoid | ReLU |")
    checking = answer_of(folder / "implement-gradient-checking.md")
    assert checking.startswith("```python\ndef gradient_check(params, grads, X, Y, epsilon=1e-7):")
    assert "        # Perturb parameter" in checking and checking.endswith("```")
    backprop = front(folder / "derive-backpropagation-2-layer-network.md")["key_points"]
    assert isinstance(backprop, list) and len(backprop) == 3
    assert backprop[0].startswith("$z^{[1]} = W^{[1]} x")  # forward pass first ...
    assert backprop[-1].startswith(
        "$\\frac{\\partial L}{\\partial W^{[1]}}"
    )  # ... to the last gradient
    vanishing = front(folder / "vanishing-gradient-problem.md")
    assert vanishing["title"] == "Explain the vanishing gradient problem"
    assert "ReLU activation: $f'(z) = 1$ for $z > 0$" in vanishing["key_points"]  # type: ignore[operator]


def test_topic_defaults_to_pack_and_ids_are_stable(tmp_path: Path) -> None:
    first = plan_import(NOTES / "day6-seed.md", content_dir=tmp_path / "a", pack="nn")
    second = plan_import(NOTES / "day6-seed.md", content_dir=tmp_path / "b", pack="nn")
    assert first.topic == "nn"
    assert [c.card_id for c in first.cards] == [c.card_id for c in second.cards]
    assert [c.text for c in first.cards] == [c.text for c in second.cards]
    assert first.cards[0].card_id == "vanishing-gradient-problem"


def test_variants_are_read_and_skips_are_explained(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import(
        str(NOTES / "variants.md"), "--into", str(content), "--topic", "dl", "--tag", "mixed"
    )
    assert result.exit_code == 0, result.output
    folder = content / "variants" / "dl"
    ids = sorted(p.stem for p in folder.glob("*.md"))
    assert ids == [
        "cross-entropy-loss",
        "much-gpu-hour-cost",
        "pick-learning-rate",
        "softmax-function-compute",
        "softmax-function-compute-2",
        "too-thin",  # "Yes.": a one-word answer is a card, as it is in Anki
    ]
    # every skip is named at its place in the notes as FILE:LINE, as lint names a card's
    variants = NOTES / "variants.md"
    assert f"{variants}:34: skipped Q4 'A question nobody answered yet': no answer" in (
        result.output
    )
    assert f"{variants}:37: skipped" not in result.output
    assert front(folder / "too-thin.md")["key_points"] == ["Yes."]
    assert f"{variants}:40: skipped 'Shopping list': not a question" in result.output
    assert (
        f"{variants}:3: skipped 'Some intro text that is not a question.': text under the "
        "title 'Deep learning notes', in no question's answer, not imported"
    ) in result.output
    assert "(line " not in result.output
    assert "escaped 1 '$' sign that opens" in result.output
    assert (
        "7 questions seen, 6 cards written, 1 skipped (1 no answer); 2 other parts not imported"
    ) in result.output
    assert result.output.rstrip().split("\n")[-1].startswith("next: drillbit --content ")
    picked = (folder / "pick-learning-rate.md").read_text(encoding="utf-8")
    question = "## Question\n\nPick a learning rate.\n\nYou train with batch size 256"
    assert question in picked and "What do you try first?\n\n## Answer\n\nLower the" in picked
    _, problems = lint([content])
    assert problems == []
    cross = front(folder / "cross-entropy-loss.md")
    assert cross["tags"] == ["mixed"] and cross["source"] == "variants.md Q2"
    answer = answer_of(folder / "cross-entropy-loss.md")
    assert answer.startswith("Cross-entropy compares")  # the `A:` marker is gone, its text kept
    assert "| Confident and wrong | large |" in answer and "#### Definition" in answer
    cost = answer_of(folder / "much-gpu-hour-cost.md")
    assert cost.startswith("About \\$2 an hour")


def test_headings_inside_answers_are_demoted(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(str(NOTES / "h1-questions.md"), "--into", str(content)).exit_code == 0
    card = content / "h1-questions" / "h1-questions" / "weight-decay.md"
    text = card.read_text(encoding="utf-8")
    assert "\n### Effect on the update\n" in text and "\n## Effect" not in text
    _, problems = lint([content])
    assert problems == []


def test_question_and_answer_lines(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import(str(NOTES / "qa-lines.md"), "--into", str(content), "--pack", "flash")
    assert result.exit_code == 0, result.output
    ids = sorted(p.stem for p in (content / "flash" / "flash").glob("*.md"))
    assert ids == ["normalize-input-features", "what-is-overfitting"]
    assert f"{NOTES / 'qa-lines.md'}:12: skipped 'What is early stopping?': no answer" in (
        result.output
    )
    points = front(content / "flash" / "flash" / "normalize-input-features.md")["key_points"]
    assert points == [  # the opening sentence, the answer's reason, before its list
        "Features on similar scales give a better conditioned loss surface.",
        "Gradient descent converges faster",
        "Learning rate is easier to choose",
        "Weight decay treats features evenly",
    ]


def test_nothing_to_import_exits_1(tmp_path: Path) -> None:
    result = run_import(str(NOTES / "prose.md"), "--into", str(tmp_path / "content"))
    assert result.exit_code == 1
    assert "no questions found" in result.output
    assert not (tmp_path / "content").exists()


def test_questions_all_skipped_name_no_folder(tmp_path: Path) -> None:
    """The closing line named `content/n/n` when every question was skipped, a folder the
    import never made; with no card it names none."""
    notes = tmp_path / "n.md"
    notes.write_text("Q: What is x?\nA: TBD\n", encoding="utf-8")  # a placeholder, no answer
    content = tmp_path / "content"
    result = run_import(str(notes), "--into", str(content))
    line = next(li for li in result.output.splitlines() if "question seen" in li)
    assert line.startswith("1 question seen, 0 cards written, 1 skipped"), result.output
    assert "->" not in line
    assert not content.exists()


def test_bad_names_are_usage_errors(tmp_path: Path) -> None:
    result = run_import(str(NOTES / "qa-lines.md"), "--into", str(tmp_path), "--pack", "Bad Name")
    assert isinstance(result.exception, UsageError) and result.exception.exit_code == 2
    assert "pack 'Bad Name' must be kebab-case" in result.exception.message
    with pytest.raises(ValueError, match="kebab-case"):
        plan_import(NOTES / "qa-lines.md", content_dir=tmp_path, topic="Not_Kebab")


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import(str(NOTES / "qa-lines.md"), "--into", str(content), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would write" in result.output and "    - Gradient descent converges faster" in (
        result.output
    )
    assert "2 cards to write" in result.output
    assert not content.exists()


def test_existing_cards_need_force(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(str(NOTES / "qa-lines.md"), "--into", str(content)).exit_code == 0
    card = content / "qa-lines" / "qa-lines" / "what-is-overfitting.md"
    card.write_text(card.read_text(encoding="utf-8").replace("difficulty: 2", "difficulty: 4"))
    again = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert again.exit_code == 1
    assert "already exists with another difficulty (use --force to overwrite it)" in again.output
    assert "difficulty: 4" in card.read_text(encoding="utf-8")
    forced = run_import(str(NOTES / "qa-lines.md"), "--into", str(content), "--force")
    assert forced.exit_code == 0, forced.output
    assert "wrote (replacing)" in forced.output
    assert "difficulty: 2" in card.read_text(encoding="utf-8")
    assert sorted(p.stem for p in card.parent.glob("*.md")) == [
        "normalize-input-features",
        "what-is-overfitting",
    ]


def _files(folder: Path) -> dict[Path, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time."""
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def _backdate(folder: Path) -> None:
    """Every file an hour old, so that a rewrite shows in its mtime on any file system."""
    for path in folder.rglob("*"):
        if path.is_file():
            os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns - 3600 * 10**9))


def test_importing_the_same_notes_twice_changes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(str(NOTES / "qa-lines.md"), "--into", str(content)).exit_code == 0
    _backdate(content)
    before = _files(content)
    again = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "already exists" not in again.output and "nothing imported" not in again.output
    topic = content / "qa-lines" / "qa-lines"
    notes = NOTES / "qa-lines.md"
    assert f"unchanged {topic / 'what-is-overfitting.md'}  ← {notes}:3 What is overfitting?" in (
        again.output
    )
    assert (
        f"nothing new: 3 questions seen, 0 cards written, 2 unchanged, 1 skipped "
        f"(1 no answer); 1 other part not imported -> {topic}"
    ) in again.output
    assert _files(content) == before  # no file written again, not even with the same bytes
    dry = run_import(str(NOTES / "qa-lines.md"), "--into", str(content), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "0 cards to write, 2 unchanged" in dry.output
    assert _files(content) == before


def test_a_card_edited_in_the_notes_is_refused_and_the_others_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "qa-lines.md"
    shutil.copy(NOTES / "qa-lines.md", notes)
    content = tmp_path / "content"
    assert run_import(str(notes), "--into", str(content)).exit_code == 0
    topic = content / "qa-lines" / "qa-lines"
    edited, kept = topic / "what-is-overfitting.md", topic / "normalize-input-features.md"
    _backdate(content)
    before = _files(content)
    notes.write_text(
        notes.read_text(encoding="utf-8").replace(
            "Regularization and more data help.", "Regularization, dropout and more data help."
        ),
        encoding="utf-8",
    )
    again = run_import(str(notes), "--into", str(content))
    assert again.exit_code == 1, again.output
    assert f"{edited} already exists with another answer (use --force to overwrite it)" in (
        again.output
    )
    assert f"unchanged {kept}" in again.output
    assert "0 cards written, 1 unchanged, 2 skipped (1 card exists, 1 no answer)" in (again.output)
    assert "nothing new" not in again.output
    assert _files(content) == before
    # a new question beside the refused one: written, and the exit still says a card differs
    with notes.open("a", encoding="utf-8") as out:
        out.write("\nQ: What is dropout?\nA: Units are zeroed at random while training.\n")
    added = run_import(str(notes), "--into", str(content))
    assert added.exit_code == 1, added.output
    assert "1 card written, 1 unchanged" in added.output
    assert (topic / "what-is-dropout.md").is_file()
    forced = run_import(str(notes), "--into", str(content), "--force")
    assert forced.exit_code == 0, forced.output
    assert f"wrote (replacing) {edited}" in forced.output
    assert f"wrote (replacing) {kept}" in forced.output  # --force writes every card, as before
    assert "unchanged" not in forced.output
    assert "Regularization, dropout and more data help." in edited.read_text(encoding="utf-8")
    assert kept.read_bytes() == before[kept][0]


def test_a_card_file_laid_out_differently_but_the_same_card_is_unchanged(tmp_path: Path) -> None:
    content = tmp_path / "content"
    assert run_import(str(NOTES / "qa-lines.md"), "--into", str(content)).exit_code == 0
    card = content / "qa-lines" / "qa-lines" / "what-is-overfitting.md"
    text = card.read_text(encoding="utf-8")
    restyled = "\ufeff" + text.replace("title: What is overfitting?\n", "").replace(
        "kind: concept\n", "kind: concept\ntitle: 'What is overfitting?'\n"
    ).replace("tags: []", "tags:   [ ]")
    assert restyled != text
    card.write_text(restyled, encoding="utf-8")
    again = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert again.exit_code == 0, again.output
    assert "2 unchanged" in again.output
    assert card.read_text(encoding="utf-8") == restyled  # left as the person wrote it
    # saved by a Windows editor: every line ends in CRLF, the card is the same
    windows = restyled.replace("\n", "\r\n").encode("utf-8")
    card.write_bytes(windows)
    crlf = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert crlf.exit_code == 0, crlf.output
    assert "2 unchanged" in crlf.output and card.read_bytes() == windows
    card.write_text(restyled.replace("Regularization and", "Early stopping and"), encoding="utf-8")
    changed = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert changed.exit_code == 1 and "already exists with another answer (use --force" in (
        changed.output
    )
    card.write_text("not a card\n", encoding="utf-8")
    broken = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert broken.exit_code == 1
    unreadable = "already exists as a file, which does not load as a card (use --force"
    assert unreadable in broken.output
    # read as the loader reads a card: a FIFO in its place is not waited on for ever
    card.unlink()
    os.mkfifo(card)
    fifo = run_import(str(NOTES / "qa-lines.md"), "--into", str(content))
    assert fifo.exit_code == 1 and "is a FIFO (named pipe), not a regular file" in fifo.output


def test_ids_used_elsewhere_in_the_bank_get_a_suffix(tmp_path: Path, mini_bank: Path) -> None:
    notes = tmp_path / "relu.md"
    notes.write_text(
        "## Q1: What is ReLU?\n**Answer:**\n- max(0, z)\n- cheap\n- sparse activations\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--into", str(mini_bank), "--pack", "mine")
    assert result.exit_code == 0, result.output
    assert (mini_bank / "mine" / "mine" / "what-is-relu-2.md").is_file()
    _, problems = lint([mini_bank])
    assert problems == []


def test_a_card_file_that_does_not_load_still_owns_its_id(tmp_path: Path, mini_bank: Path) -> None:
    broken = mini_bank / "mini" / "basics" / "what-is-gelu.md"
    broken.write_text("---\nid: [not, an, id\n---\n", encoding="utf-8")
    notes = tmp_path / "gelu.md"
    notes.write_text(
        "## Q1: What is GELU?\n**Answer:**\n- x times the normal CDF of x\n- smooth\n"
        "- used in transformers\n",
        encoding="utf-8",
    )
    # twice, into two packs: the second import reads the card index the first remembered
    for number, pack in ((2, "mine"), (3, "other")):
        result = run_import(str(notes), "--into", str(mini_bank), "--pack", pack)
        assert result.exit_code == 0, result.output
        assert (mini_bank / pack / pack / f"what-is-gelu-{number}.md").is_file()
    assert broken.read_text(encoding="utf-8").startswith("---\nid: [not")


def test_the_content_option_is_an_alias_of_into(tmp_path: Path) -> None:
    result = run_import(str(NOTES / "qa-lines.md"), "--content", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "c" / "qa-lines" / "pack.yaml").is_file()


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Q1: Explain X.", ("1", "Explain X.", True)),
        ("Q1.2: Explain X.", ("1.2", "Explain X.", True)),
        ("Q 2 . Why Y?", ("2", "Why Y?", True)),
        ("Q12 - Why Y?", ("12", "Why Y?", True)),
        ("3. Batch norm", ("3", "Batch norm", True)),
        ("12) Cost function [src]", ("12", "Cost function", True)),
        ("Q4: Compare A and B", ("4", "Compare A and B", True)),
        ("Question 5) Dropout", ("5", "Dropout", True)),
        ("Q: Loose question", (None, "Loose question", True)),
        ("[E] What is a gradient?", (None, "What is a gradient?", True)),
        ("5.1.4 Calculus", ("5.1.4", "Calculus", True)),
        ("What is linear regression? 👶", (None, "What is linear regression?", True)),
        ("Why is the sky blue?", (None, "Why is the sky blue?", True)),
        ("2-layer networks", (None, "2-layer networks", False)),
        ("Summary", (None, "Summary", False)),
    ],
)
def test_split_title(heading: str, expected: tuple[str | None, str, bool]) -> None:
    parts = split_title(heading)
    assert (parts.number, parts.title, parts.question_like) == expected


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("**Answer:**", ""),
        ("**Answer:** It is 4.", "It is 4."),
        ("**Answer**: It is 4.", "It is 4."),
        ("**Answer**", ""),
        ("Answer:", ""),
        ("A: yes", "yes"),
        ("A dog barks", None),
        ("Answer the phone", None),
        ("a: lower-case a is a list label", None),
    ],
)
def test_answer_marker(line: str, rest: str | None) -> None:
    assert answer_marker(line) == rest


def test_code_fences_hide_headings() -> None:
    notes = "## Q1: Code?\n**Answer:**\n```python\n## not a heading\n# Q2: nor this\n```\nok\n"
    parsed = parse_notes(notes)
    assert len(parsed.questions) == 1
    assert "## not a heading" in parsed.questions[0].answer


def test_question_text_helpers() -> None:
    assert as_question("What is dropout") == "What is dropout?"
    assert as_question("Derive backprop") == "Derive backprop."
    assert as_question("Pick a learning rate") == "Pick a learning rate."
    assert as_question("Batch normalization") == "Explain batch normalization."
    assert as_question("ReLU vs sigmoid") == "Explain ReLU vs sigmoid."
    # A sentence closed inside a bracket or a quote is phrased already.
    for done in ("The sigmoid peaks at 0. What is its slope? (It is the largest.)", 'Is it "ok?"'):
        assert as_question(done) == done
    assert as_question("Bias (statistics)") == "Explain bias (statistics)."
    # a name's possessive is a proper name: "Explain bayes' rule." lowercased it
    assert as_question("Bayes' rule") == "Explain Bayes' rule."
    assert as_question("Newton’s method") == "Explain Newton’s method."
    assert card_id_for("Why is ReLU preferred over sigmoid?") == "relu-preferred-over-sigmoid"
    assert card_id_for("Qu'est-ce que l'entropie croisée ?") == "qu-est-ce-que-l-entropie"
    assert card_id_for("What is it?") == "what-is-it"
    assert demote_headings("# A\n```\n# code\n```\n## B") == "### A\n```\n# code\n```\n#### B"
    assert escape_stray_dollars("costs $5 today") == ("costs \\$5 today", 1)


def test_key_points_are_whole_balanced_and_cover_the_answer() -> None:
    long_item = "A " + "very " * 45 + "long item with $x^2$ math and no clause to split it at"
    answer = (
        "**Idea:** The main idea.\n\n- first fact\n- second fact\n- " + long_item + "\n\n"
        "**Caveat:** One caveat.\n"
    )
    points = key_points(answer)
    assert points == [
        "Idea: The main idea.",
        "Caveat: One caveat.",
        "Idea: first fact",
        "Idea: second fact",
    ]
    assert all(len(p) <= MAX_CHARS and acceptable(p) and "…" not in p for p in points)
    assert fit("$" + "x " * 150 + "y$") == []  # never cut, not even inside math
    # two words are no statement to grade against: the short answer gives no card
    assert key_points("Too short.") == [] and key_points("Far too short.") == ["Far too short."]


def test_long_statements_are_split_at_clauses_never_cut() -> None:
    first = "The first half of this statement explains the setting in some detail " * 2
    second = "and the second half gives the consequence that a reader should remember " * 2
    sentence = f"{first.strip()}, {second.strip()}."
    assert len(sentence) > MAX_CHARS
    assert fit(sentence) == [first.strip(), second.strip().removeprefix("and ").capitalize()]
    # A subordinate clause cannot stand alone: too long with it, the sentence is left out.
    dependent = f"{first.strip()}, {second.strip().replace('and the', 'while the', 1)}."
    assert fit(dependent) == []


def test_clauses_that_cannot_stand_alone_stay_with_their_clause() -> None:
    # a colon is no cut (twenty-fifth round): what it parts are seldom statements
    assert clauses("One two three: four five six") == ["One two three: four five six"]
    assert clauses(
        "A model that never flags fraud scores high, when fraud is rare; recall shows it."
    ) == ["A model that never flags fraud scores high, when fraud is rare", "Recall shows it"]
    # a leading subordinate clause joins the clause after it
    assert clauses("When fraud is rare: accuracy misleads us; recall shows it") == [
        "When fraud is rare: accuracy misleads us; recall shows it",
    ]
    # 'and' starts a clause of their own only with its own subject; 'so' never (a
    # consequence without its cause)
    assert clauses("It ignores the threshold, so it compares models early.") == [
        "It ignores the threshold, so it compares models early",
    ]
    assert clauses("It ignores the threshold, and compares models early.") == [
        "It ignores the threshold, and compares models early"
    ]
    assert not stands_alone("as in a spam filter that hides real mail")
    assert not stands_alone("Because the curvature differs")
    assert stands_alone("But the curvature differs")


def test_short_answers_are_split_at_clauses_that_stand_alone() -> None:
    answer = (
        "AUC is the probability that a random positive is ranked above a random negative. "
        "It ignores the decision threshold, so it compares models before one is chosen."
    )
    # "So it compares models..." was a point: a consequence without its cause
    assert key_points(answer) == [
        "AUC is the probability that a random positive is ranked above a random negative.",
        "It ignores the decision threshold, so it compares models before one is chosen.",
    ]
    # Two whole statements and an example: two points, never "As in a spam filter...".
    example = (
        "Precision is the share of flagged items that are right; it matters when false "
        "alarms cost a lot, as in a spam filter that hides real mail."
    )
    assert key_points(example) == [
        "Precision is the share of flagged items that are right",
        "It matters when false alarms cost a lot, as in a spam filter that hides real mail",
    ]


def test_no_line_of_code_is_a_key_point() -> None:
    answer = (
        "Clipping bounds the update. It runs before the optimizer step.\n\n"
        "```python\ndef step(model, opt):\n    loss.backward()  # gradients first\n"
        "    clip(model.parameters(), 1.0)  # x = y\n    opt.step()\n```\n\n"
        "- `opt.zero_grad()`\n"
    )
    points = key_points(answer)
    assert points == [
        "Clipping bounds the update.",
        "It runs before the optimizer step.",
        "gradients first",
    ]


def test_an_abbreviation_ends_no_sentence() -> None:
    answer = (
        "An adaptive optimizer, e.g. Adam, scales each step. Rare features get larger "
        "steps than with SGD vs. Adam. Dr. Smith proposed it."
    )
    assert key_points(answer) == [
        "An adaptive optimizer, e.g. Adam, scales each step.",
        "Rare features get larger steps than with SGD vs. Adam.",
        "Dr. Smith proposed it.",
    ]


def test_a_sentence_may_start_with_a_formula() -> None:
    """Sentences starting with `$L_2$` were not cut: the three were one key point (and one
    of more than 200 characters left the answer without any)."""
    answer = (
        "$L_1$ adds $\\lambda \\sum |w_i|$ and pushes weights to exactly zero. "
        "$L_2$ adds $\\lambda \\sum w_i^2$ and shrinks them smoothly. $L_1$ gives sparse models."
    )
    assert key_points(answer) == [
        "$L_1$ adds $\\lambda \\sum |w_i|$ and pushes weights to exactly zero.",
        "$L_2$ adds $\\lambda \\sum w_i^2$ and shrinks them smoothly.",
        "$L_1$ gives sparse models.",
    ]


def test_a_sentence_cut_short_by_a_formula_is_not_a_point() -> None:
    answer = (
        "The chain rule gives\n\n$$ \\nabla L = 2 X^T (Xw - y) $$\n\n"
        "where $X$ holds the rows. Setting it to zero gives the normal equations. "
        "They have one solution."
    )
    points = key_points(answer)
    assert not any(p.startswith(("The chain rule gives", "where")) for p in points)
    assert points[0] == "Setting it to zero gives the normal equations."
    # The formula that ends a sentence completes it: the two are one point.
    ended = (
        "The chain rule gives:\n\n$$ \\nabla L = 2 X^T (Xw - y) $$\n\nIt is linear. It is convex."
    )
    assert key_points(ended)[0] == "The chain rule gives: $\\nabla L = 2 X^T (Xw - y)$"


def test_writing_into_the_bundled_layout_keeps_lint_clean(tmp_path: Path) -> None:
    """Cards imported next to an existing pack share the root without id clashes."""
    content = tmp_path / "content"
    shutil.copytree(DATA / "mini_bank", content)
    result = run_import(str(NOTES / "day6-seed.md"), "--into", str(content), "--pack", "nn")
    assert result.exit_code == 0, result.output
    bank, problems = lint([content])
    assert problems == [] and len(bank.cards) == 13


def test_windows_line_endings_a_byte_order_mark_and_dollars_in_titles(tmp_path: Path) -> None:
    notes = tmp_path / "win.md"
    text = "\ufeff## Q1: Is $5 a lot for a GPU hour?\r\n**Answer:**\r\n- cheap\r\n- fair\r\n- depends\r\n"
    notes.write_bytes(text.encode("utf-8"))
    result = run_import(str(notes), "--into", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    card = tmp_path / "c" / "win" / "win" / "5-lot-gpu-hour.md"
    assert "Is \\$5 a lot for a GPU hour?" in card.read_text(encoding="utf-8")
    assert "\r" not in card.read_text(encoding="utf-8")
    _, problems = lint([tmp_path / "c"])
    assert problems == []


def test_into_a_pack_folder_is_a_usage_error(mini_bank: Path) -> None:
    result = run_import(str(NOTES / "qa-lines.md"), "--into", str(mini_bank / "mini"))
    assert isinstance(result.exception, UsageError)
    assert "is a pack folder" in str(result.exception)
    assert not (mini_bank / "mini" / "qa-lines").exists()


# ---------------------------------------------------------------------------
# The shapes people write (issue 14): one fixture of each, in our own words.
# ---------------------------------------------------------------------------

SHAPES = sorted(NOTES.glob("shape*.md"))
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def tags_outside_code(markdown: str) -> list[str]:
    """HTML tags in the text that are not inside a code block (code may show HTML)."""
    lines = markdown.split("\n")
    for block in code_blocks(markdown):
        for row in range(block.first_line - 1, min(block.end_line - 1, len(lines))):
            lines[row] = ""
    return _TAG.findall("\n".join(lines))


def import_shape(name: str, tmp_path: Path, *extra: str) -> tuple[Result, Path]:
    content = tmp_path / "content"
    result = run_import(str(NOTES / name), "--pack", "p", "--content", str(content), *extra)
    return result, content / "p"


def card_ids(pack: Path) -> list[str]:
    return sorted(f"{p.parent.name}/{p.stem}" for p in pack.glob("*/*.md"))


def body(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_shape1_seed_shape_with_dotted_numbers(tmp_path: Path) -> None:
    result, pack = import_shape("shape1-seed-dotted.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/cosine-decay-compute",
        "p/gradient-clipping",
        "p/gradient-descent-need-learning-rate-schedule",
        "p/long-should-warmup-last",
    ]
    cosine = front(pack / "p" / "cosine-decay-compute.md")
    assert cosine["title"] == "What does cosine decay compute?"
    assert cosine["source"] == "shape1-seed-dotted.md Q1.1"
    assert front(pack / "p" / "long-should-warmup-last.md")["source"] == (
        "shape1-seed-dotted.md Q1.2"
    )
    clipping = answer_of(pack / "p" / "gradient-clipping.md")
    assert "```python\ndef clip_by_norm(grad, max_norm):" in clipping
    # Q1's answer stops where Q1.1 starts.
    schedule = answer_of(pack / "p" / "gradient-descent-need-learning-rate-schedule.md")
    assert "cosine" not in schedule.split("\n")[-1] and "Restarts" in schedule


def test_shape2_bold_paragraph_questions(tmp_path: Path) -> None:
    result, pack = import_shape("shape2-bold.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/k-fold-cross-validation-work",
        "p/linear-regression",
        "p/scale-features-before-k-nearest-neighbours",
        "p/trade-off-between-bias-variance",
        "p/what-is-regularization",
    ]
    # a two-sentence answer gives a card with its two statements as key points
    assert front(pack / "p" / "scale-features-before-k-nearest-neighbours.md")["key_points"] == [
        "Distances are dominated by the feature with the largest range.",
        "Scaling puts every feature on a comparable footing.",
    ]
    trade = front(pack / "p" / "trade-off-between-bias-variance.md")
    assert trade["title"] == "What's the trade-off between bias and variance?"
    assert "## Question\n\nWhat's the trade-off between bias and variance?\n" in body(
        pack / "p" / "trade-off-between-bias-variance.md"
    )
    assert "👶" not in body(pack / "p" / "linear-regression.md")
    assert "skipped '" not in result.output.replace("skipped 'Summary'", "")
    assert f"{NOTES / 'shape2-bold.md'}:27: skipped 'Summary': not a question" in result.output
    assert "5 questions had no answer marker" in result.output


def test_shape2_a_file_of_170_bold_questions(tmp_path: Path) -> None:
    notes = tmp_path / "many.md"
    notes.write_text(
        "".join(
            f"**What does setting number {n} change in a model? 🤔**\n\n"
            f"Setting {n} changes the capacity of the model. It interacts with the data size. "
            f"Tune it on validation data.\n\n"
            for n in range(1, 171)
        ),
        encoding="utf-8",
    )
    content = tmp_path / "content"
    result = run_import(str(notes), "--pack", "many", "--content", str(content))
    assert result.exit_code == 0, result.output
    assert len(list((content / "many").glob("*/*.md"))) == 170
    assert "170 questions had no answer marker" in result.output
    assert "170 questions seen, 170 cards written" in result.output


def test_shape3_numbered_headings_with_links_and_one_level_higher(tmp_path: Path) -> None:
    result, pack = import_shape("shape3-numbered.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/cost-function",
        "p/difference-between-batch-mini-batch",
        "p/epoch-mean",  # the `###` one among `####` questions
        "p/learning-rate-so-important",
        "p/role-activation-function",
    ]
    cost = front(pack / "p" / "cost-function.md")
    assert cost["title"] == "What is a cost function?"
    assert front(pack / "p" / "learning-rate-so-important.md")["title"] == (
        "Why is the learning rate so important?"
    )
    assert "src" not in body(pack / "p" / "cost-function.md").split("## Answer")[0]


def test_shape4_mixed_levels(tmp_path: Path) -> None:
    result, pack = import_shape("shape4-mixed.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/central-limit-theorem",
        "p/confidence-interval",
        "p/p-value",
        "p/statistical-power",
        "p/when-would-you-use-t-test",
    ]
    assert "Questions & Answers" not in result.output
    assert "5 questions seen, 5 cards written" in result.output


def test_shape5_spaced_numbers_tables_and_short_answers(tmp_path: Path) -> None:
    result, pack = import_shape("shape5-q-space.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/auc-measure",
        "p/precision-recall-compare",
        "p/what-is-precision",
        "p/when-accuracy-misleading",
    ]
    assert f"{NOTES / 'shape5-q-space.md'}:16: skipped Q3 'What is an ROC curve?': no answer" in (
        result.output
    )
    table = front(pack / "p" / "precision-recall-compare.md")["key_points"]
    assert table == [
        "Precision: Of the items flagged, how many were right?",
        "Recall: Of the true items, how many were flagged?",
        "F1 score: Harmonic mean of the two",
    ]
    short = front(pack / "p" / "auc-measure.md")["key_points"]
    assert short == [  # a "so" clause is no point alone (twenty-fifth round)
        "AUC is the probability that a random positive is ranked above a random negative.",
        "It ignores the decision threshold, so it compares models before a threshold is chosen.",
    ]
    # A one-sentence answer is split at its clauses that stand alone: two key points, never
    # padded with "As in a spam filter..." or "When fraud is rare" as points of their own.
    assert front(pack / "p" / "what-is-precision.md")["key_points"] == [
        "Precision is the share of predicted positives that are truly positive",
        "It matters when false alarms are costly, as in a spam filter that hides real mail",
    ]
    assert front(pack / "p" / "when-accuracy-misleading.md")["key_points"] == [
        "With imbalanced classes accuracy rewards predicting the majority class",
        "A model that never flags fraud can score 99% when fraud is rare",
    ]
    assert "too short" not in result.output
    _, problems = lint([tmp_path / "content"])
    assert problems == []


def test_shape6_collapsible_answers(tmp_path: Path) -> None:
    result, pack = import_shape("shape6-details.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/cost-attention-sequence-length",
        "p/scaled-dot-product-attention-compute",
        "p/true-false-positional-encodings-needed-because",
        "p/use-several-attention-heads",
    ]
    assert "no answer marker" not in result.output  # <details> is the marker
    for path in pack.glob("*/*.md"):
        text = body(path)
        assert not _TAG.search(text) and "Show Answer" not in text and "cursor" not in text
    attention = answer_of(pack / "p" / "scaled-dot-product-attention-compute.md")
    assert "$$\n\\mathrm{Attention}(Q, K, V)" in attention
    assert "```python\ndef attention(q, k, v):" in attention
    true_false = front(pack / "p" / "true-false-positional-encodings-needed-because.md")
    assert true_false["title"] == (
        "True or False: positional encodings are needed because attention ignores order"
    )
    assert "tell where a token is" in answer_of(
        pack / "p" / "true-false-positional-encodings-needed-because.md"
    )


def test_shape7_qa_pairs_then_numbered_bold_questions(tmp_path: Path) -> None:
    result, pack = import_shape("shape7-qa-pairs.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "p/data-leakage",
        "p/feature-store",
        "p/split-by-time-forecasting",
        "p/you-choose-sampling-strategy-imbalanced-data",
        "p/you-detect-training-serving-skew",
        "p/you-handle-missing-values",
    ]
    leakage = answer_of(pack / "p" / "data-leakage.md")
    assert leakage.startswith("Leakage happens") and "Why split" not in leakage
    assert answer_of(pack / "p" / "feature-store.md").startswith("A shared service")


def test_a_raw_formula_is_named_at_its_own_line_not_its_questions(tmp_path: Path) -> None:
    """A formula the terminal cannot show stays raw LaTeX in code, and the report names the
    line the formula begins on, so the author finds it in a long answer."""
    text = (
        "## Q1: How does the normal equation follow from the loss?\n"  # line 1
        "**Answer:**\n"  # 2
        "Set the gradient of the squared error to zero. It is linear in w.\n"  # 3
        "\n"  # 4
        "$$\n"  # 5
        "\\begin{alignat}{2}\n"  # 6
        "X^T X w &= X^T y &\\quad& \\text{normal equations}\n"  # 7
        "\\end{alignat}\n"  # 8
        "$$\n"  # 9
        "\n"  # 10
        "Solve it when X^T X is invertible. Otherwise use the pseudo-inverse.\n"  # 11
    )
    cards, said, notes = imported_cards(tmp_path, text)
    assert list(cards) == ["How does the normal equation follow from the loss?"]
    answer = answer_of(next(iter(cards.values())))
    assert "```latex\n\\begin{alignat}{2}" in answer
    assert f"{notes}:6: note: Q1 '{next(iter(cards))}': formula kept as raw LaTeX" in said
    assert f"{notes}:1: note:" not in said


def test_shape8_nested_lists_with_heavy_latex(tmp_path: Path) -> None:
    result, pack = import_shape("shape8-nested.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "calculus/derivative-sigmoid-function",
        "calculus/derive-gradient-mean-squared-error-linear",
        "calculus/what-is-a-subgradient",
        "calculus/where-relu-function-not-differentiable",
        "probability/expected-value-fair-six-sided-die",
        "probability/state-bayes-rule",
    ]
    mse = answer_of(pack / "calculus" / "derive-gradient-mean-squared-error-linear.md")
    assert "$$\n\\begin{aligned}" in mse and "```latex" not in mse and "Setting it to zero" in mse
    notes = NOTES / "shape8-nested.md"
    # line 16's `aligned` (∇_w L = ... = ...) and line 29's `cases` ({x if x > 0; 0 if
    # x ≤ 0}) have one-line forms: no note for either
    assert f"{notes}:16: note: " not in result.output
    assert f"{notes}:29: note: " not in result.output
    assert ": formula kept as raw LaTeX" not in result.output
    assert f"{notes}:5: section '5.1.4 Calculus'" in result.output
    assert (
        f"{notes}:24: skipped 'Consider the piecewise function below.': no answer of its own"
        in (result.output)
    )
    sub = body(pack / "calculus" / "what-is-a-subgradient.md")
    assert "## Question\n\nConsider the piecewise function below.\n\nWhat is a subgradient?" in sub


def test_shape9_list_item_pairs_under_numbered_sections(tmp_path: Path) -> None:
    result, pack = import_shape("shape9-list-qa.md", tmp_path)
    assert result.exit_code == 0, result.output
    assert card_ids(pack) == [
        "concepts/cold-start-problem",
        "concepts/collaborative-filtering",
        "evaluation/offline-accuracy-not-enough",
        "evaluation/recall-at-k-measure",
    ]
    points = front(pack / "concepts" / "collaborative-filtering.md")["key_points"]
    assert points == [
        "It recommends items liked by users with similar histories.",
        "It needs no description of the items.",
        "It suffers when a new user or item has no history.",
    ]
    pinned = run_import(
        str(NOTES / "shape9-list-qa.md"), "--content", str(tmp_path / "t"), "--topic", "recsys"
    )
    assert pinned.exit_code == 0 and len(list((tmp_path / "t").glob("*/recsys/*.md"))) == 4


_SUBORDINATE = re.compile(
    r"^(?:when|if|unless|because|since|although|though|while|whereas|as|where|which|that)\b",
    re.IGNORECASE,
)
_CALL = re.compile(r"^[\w.]+\(.*\)$")


def point_problem(point: str) -> str | None:
    """Why a key point is not a whole statement, or None."""
    if point.endswith(("…", "...")) or len(point) > 200:
        return "cut"
    # (a sentence the notes wrote whole, "When the variance is unknown.", answering a
    # "When ...?" question, is the author's; a clause cut out of one has no final period)
    if _SUBORDINATE.match(point) and not re.search(r"[,:;.?!]", point):
        return "a subordinate clause alone"
    if _CALL.match(point.strip("`")) or point.lstrip().startswith(("def ", "import ")):
        return "a line of code"
    if point.rstrip(".").lower().endswith((" e.g", " i.e", " vs")):
        return "cut at an abbreviation"
    if point[:1].islower() and not point.startswith(("$", "`")):
        return "the rest of a sentence"
    return None


def test_the_fixture_corpus_meets_the_import_targets(tmp_path: Path) -> None:
    """Over every fixture: >= 95% of ALL answered questions become cards (a short answer
    gives a card of 1-2 key points), every question is a card or a skip with its line, no
    key point is cut or a fragment or code, no HTML is written, lint is clean."""
    answered = carded = 0
    for number, notes in enumerate([*SHAPES, NOTES / "day6-seed.md"]):
        content = tmp_path / f"c{number}"
        plan = plan_import(notes, content_dir=content, pack="p")
        skipped_lines = {s.line for s in plan.skipped}
        carded_lines = {c.question.line for c in plan.cards}
        parsed = parse_notes(notes.read_text(encoding="utf-8"))
        for question in parsed.questions:
            assert question.line in carded_lines | skipped_lines, (notes.name, question.line)
            if question.answer.strip():
                answered += 1
                carded += question.line in carded_lines
        write_plan(plan)
        _, problems = lint([content])
        assert problems == [], (notes.name, problems[:3])
        for card in plan.cards:
            assert not tags_outside_code(card.text), (notes.name, card.card_id)
            for point in card.key_points:
                assert point_problem(point) is None, (card.card_id, point, point_problem(point))
    assert (carded, answered) == (53, 53)  # see docs/importing.md
    assert carded / answered >= 0.95


def test_key_point_cases_give_whole_statements_or_reported_skips(tmp_path: Path) -> None:
    result, pack = import_shape("keypoints.md", tmp_path)
    assert result.exit_code == 0, result.output
    points: dict[str, list[str]] = {}
    for path in pack.glob("*/*.md"):
        found = front(path)["key_points"]
        assert isinstance(found, list)
        points[path.stem] = found
    assert points["when-accuracy-poor-metric"] == [
        "Accuracy counts every correct label, so it rewards the majority class when positives "
        "are rare",
        "A model that never flags fraud scores 99%",
        "Precision and recall expose that model at once",
    ]
    assert points["gradient-descent-need-feature-scaling"] == [
        "Features on very different ranges stretch the loss surface into a long narrow "
        "valley, which makes the steps zigzag across it",
        "A single learning rate cannot suit every direction at once, because the curvature "
        "differs by orders of magnitude between them",
        "Scaling makes the valley round.",
    ]
    assert points["which-optimizer-suits-sparse-gradients"][0] == (
        "An adaptive optimizer, e.g. Adam or Adagrad, scales each step by the history of "
        "that coordinate."
    )
    assert points["mean-squared-error"][0] == (
        "It averages the squared residuals: "
        "$\\mathrm{MSE} = \\frac{1}{n} \\sum_i (y_i - \\hat{y}_i)^2$"
    )
    assert points["shuffle-training-data"] == [
        "Shuffling breaks the order the data was collected in, so consecutive batches are "
        "not correlated",
        "The gradient estimates stay unbiased",
        "The model does not learn the order itself",
    ]
    assert all(point_problem(p) is None for ps in points.values() for p in ps), points
    # Two sentences and code: the code is no point (it stays in the answer), and a fenced
    # code block beside two sentences keeps the answer short: its sentences are its points.
    assert points["you-clip-gradients-pytorch"] == [
        "Clipping bounds the update when a batch gives a huge gradient.",
        "It is applied after the backward pass and before the optimizer step.",
    ]
    # Two plain sentences: a short answer, its two sentences are its key points.
    assert points["learning-rate-control"] == [
        "It sets the size of each step along the negative gradient.",
        "A rate too large makes the loss diverge.",
    ]
    assert "skipped Q6" not in result.output and "skipped Q3" not in result.output
    _, problems = lint([tmp_path / "content"])
    assert problems == []


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Ans. It is 4.", "It is 4."),
        ("*A:* yes", "yes"),
        ("- *A:* yes", "yes"),
        ("**A:** yes", "yes"),
        ("Answers vary", None),
        ("Ans the phone", None),
    ],
)
def test_more_answer_markers(line: str, rest: str | None) -> None:
    assert answer_marker(line) == rest


def test_latex_delimiters_are_converted_and_a_bad_dollar_swallows_nothing(tmp_path: Path) -> None:
    notes = tmp_path / "mj.md"
    notes.write_text(
        "## Q1: What is the softmax?\n**Answer:**\n"
        "It maps scores \\(z\\) to \\(e^{z_i} / \\sum_j e^{z_j}\\). It costs $5 and $10 to "
        "run, and $x^2$ stays math.\n\n\\[ \\sum_i p_i = 1 \\]\n\nEvery output is positive.\n",
        encoding="utf-8",
    )
    result = run_import(str(notes), "--content", str(tmp_path / "c"))
    assert result.exit_code == 0, result.output
    answer = answer_of(tmp_path / "c" / "mj" / "mj" / "what-is-the-softmax.md")
    assert "It maps scores $z$ to $e^{z_i} / \\sum_j e^{z_j}$." in answer
    assert "It costs \\$5 and \\$10 to run, and $x^2$ stays math." in answer
    assert "$$\\sum_i p_i = 1$$" in answer
    _, problems = lint([tmp_path / "c"])
    assert problems == []


_PIECES = [
    "## Q1: Why?\n",
    "### 2) What is it?\n",
    "**What now?**\n",
    "**Answer:**\n",
    "A: yes, because it is.\n",
    "Ans. Sure; it works.\n",
    "- item one\n",
    "1. [E] Which one?\n",
    "    Ans. This one.\n",
    "```python\n",
    "# comment\n",
    "```\n",
    "$$\n",
    "x^2 + \\frac{1}{2}\n",
    "costs $5 and $x$ \\(y\\)\n",
    "<details><summary>Show</summary>\n",
    "</details>\n",
    "| a | b |\n",
    "|---|---|\n",
    "> quoted $z$\n",
    "\n",
    "Plain prose sentence here.\n",
    "Q: Is its answer on the next line?\n",
    "#review #ml/deep\n",
    "#flashcards\n",
    "What is it::It is this one, as the plugin writes it.\n",
    "?\n",
    "    Prose indented by four spaces. It reads as an answer.\n",
    "\tProse indented by a tab, e.g. from an outliner.\n",
    "    z = np.exp(x - x.max())\n",
    "        deeper(indent)\n",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_mix_of_shapes_gives_cards_or_reported_skips(pieces: list[str]) -> None:
    """Whatever the notes look like: no exception, every question a card or a skip with its
    line, and every planned card already passed the bank's parser."""
    text = "".join(pieces)
    with tempfile.TemporaryDirectory() as tmp:
        plan = plan_import(Path(tmp) / "n.md", content_dir=Path(tmp) / "c", pack="p", text=text)
    lines = {c.question.line for c in plan.cards} | {s.line for s in plan.skipped}
    assert all(q.line in lines for q in parse_notes(text).questions)
    noted = [notice.line for notice in plan.notices]
    assert noted == sorted(noted)  # the report reads as the notes do
    for card in plan.cards:
        assert 1 <= len(card.key_points) <= 6 and not tags_outside_code(card.text)
        if len(card.key_points) < 3:  # only a short answer may have 1-2 key points
            assert is_short_answer(card.text.split("\n## Answer\n", 1)[1]), card.text


def test_pathological_notes_end_quickly_and_cleanly(tmp_path: Path) -> None:
    deep = "".join("  " * depth + "- **Q: Why?**\n" for depth in range(200))
    wide = "**What is this?**\n\n" + "word " * 200_000 + "\n"
    dollars = "## Q1: Money?\n**Answer:**\n" + "$ " * 5000 + "\n"
    for text in (deep, wide, dollars, "\x00\x01 binary-ish \ufffd", ""):
        plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
        assert isinstance(plan.skipped, tuple)


def test_html_is_stripped_outside_code_and_its_text_kept() -> None:
    notes = (
        "Plain <b>bold</b> text,<br>a `<kbd>` span and <i>italics</i>.\n"
        "<style>\n.x { color: red; }\n</style>\n"
        "<details><summary>Show Answer</summary>\n\nHidden answer.\n\n</details>\n\n"
        "```html\n<p>kept in code</p>\n```\n"
    )
    assert strip_html(notes) == (
        "Plain bold text, a `<kbd>` span and italics.\n\nHidden answer.\n\n\n"
        "```html\n<p>kept in code</p>\n```\n"
    )


def test_help_lists_the_recognized_shapes() -> None:
    result = CliRunner().invoke(import_command, ["--help"])
    assert result.exit_code == 0
    for shape in ("## Q1: title", "### Q1.1: title", "#### 12) title", "**What is X?**"):
        assert shape in result.output
    for marker in ("**Answer:**", "A:", "*A:*", "Ans.", "<details>"):
        assert marker in result.output


def test_unanswered_list_questions_are_reported_unless_an_answer_holds_them() -> None:
    notes = (
        "## Q1: How do you debug a diverging loss?\n**Answer:**\n"
        "Ask yourself:\n\n- Is the learning rate too high?\n- Are the labels right?\n\n"
        "Check the gradient norm first. Then lower the rate. Then inspect the data.\n\n"
        "## To review later\n\n- What is label smoothing?\n- Why does warmup help?\n"
    )
    parsed = parse_notes(notes)
    assert [q.title for q in parsed.questions] == ["How do you debug a diverging loss?"]
    assert "Is the learning rate too high?" in parsed.questions[0].answer
    assert [(i.line, i.text) for i in parsed.ignored] == [
        (10, "To review later"),
        (12, "What is label smoothing?"),
        (13, "Why does warmup help?"),
    ]
    assert "no answer in it or right below it" in parsed.ignored[1].reason


def test_content_before_or_after_the_command_names_the_same_folder(tmp_path: Path) -> None:
    before = run_import(str(NOTES / "qa-lines.md"), content=(tmp_path / "a",))
    assert before.exit_code == 0, before.output
    assert (tmp_path / "a" / "qa-lines" / "pack.yaml").is_file()
    assert f"drillbit --content {tmp_path / 'a'} list" in before.output
    after = run_import(str(NOTES / "qa-lines.md"), "--content", str(tmp_path / "b"))
    assert after.exit_code == 0 and (tmp_path / "b" / "qa-lines" / "pack.yaml").is_file()


def test_a_short_answer_keeps_only_its_statements(tmp_path: Path) -> None:
    text = (
        "## Q1: Is the loss convex?\n**Answer:** Yes. The squared error of a linear model is "
        "convex in its weights.\n\n## Q2: Does it converge?\n**Answer:** Yes.\n"
    )
    plan = plan_import(tmp_path / "n.md", content_dir=tmp_path / "c", pack="p", text=text)
    assert [c.key_points for c in plan.cards] == [
        ("The squared error of a linear model is convex in its weights.",),
        ("Yes.",),  # the answer alone, a one-word answer, is its one point
    ]
    assert plan.skipped == ()
    write_plan(plan)
    _, problems = lint([tmp_path / "c"])
    assert problems == []
