"""`drillbit import` of edited notes without question numbers: a question inserted,
moved or deleted leaves the other cards alone (their ids, so their reviews), and only
the number in their `source` follows; an edited answer is still refused without
--force, naming the card, its line and what differs."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner, Result

from quiz.bank.parse import split_front_matter
from quiz.cli.context import Context
from quiz.cli.ecosystem import import_command


def _question(title: str, lead: str, *points: str) -> str:
    return f"## {title}\n\n{lead}\n\n" + "".join(f"- {p}\n" for p in points) + "\n"


MOMENTUM = _question(
    "What does momentum do in SGD?",
    "Momentum keeps a running average of past gradients and steps along it.",
    "It damps oscillation across steep, narrow valleys.",
    "It speeds progress along directions where gradients agree.",
    "The usual coefficient is around 0.9.",
)
ADAM = _question(
    "Why does Adam use bias correction?",
    "Its moment estimates start at zero, so early averages are biased towards zero.",
    "Dividing by one minus beta to the power t removes that bias.",
    "Without it the first steps would be far too small.",
    "The correction fades as t grows.",
)
DECAY = _question(
    "What is weight decay?",
    "Weight decay shrinks every weight towards zero a little at each step.",
    "With plain SGD it matches an L2 penalty on the weights.",
    "With Adam the two differ, which is why AdamW decouples the decay.",
    "It acts as a regulariser that favours small weights.",
)
WARMUP = _question(
    "Why warm up the learning rate?",
    "A short warm-up raises the learning rate from a small value over the first steps.",
    "Early gradients and second-moment estimates are unreliable.",
    "A large rate at the start can push the model into a bad region.",
    "It is common when training transformers with large batches.",
)
CLIPPING = _question(
    "What does gradient clipping prevent?",
    "Clipping rescales a gradient whose norm exceeds a threshold.",
    "It prevents a single exploding gradient from wrecking the weights.",
    "It is common in recurrent networks.",
    "Clipping by global norm keeps the gradient's direction.",
)
SCHEDULE = _question(
    "What is a learning-rate schedule?",
    "A schedule changes the learning rate as training goes on.",
    "Step decay cuts the rate by a factor at fixed epochs.",
    "Cosine decay lowers it smoothly towards a floor.",
    "Most schedules pair a warm-up with a later decay.",
)
FIVE = [MOMENTUM, ADAM, DECAY, WARMUP, CLIPPING]


def _import(notes: Path, content: Path, *more: str) -> Result:
    return CliRunner().invoke(
        import_command, [str(notes), "--into", str(content), *more], obj=Context([])
    )


def _cards(content: Path) -> dict[str, tuple[str, str, str]]:
    """Each card file's name: (id, source, whole text)."""
    out: dict[str, tuple[str, str, str]] = {}
    for path in sorted((content / "optim" / "optim").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        split = split_front_matter(text)
        assert split is not None
        front = yaml.safe_load(split[0])
        out[path.name] = (front["id"], front["source"], text)
    return out


def _first_import(tmp_path: Path) -> tuple[Path, Path, dict[str, tuple[str, str, str]]]:
    notes, content = tmp_path / "optim.md", tmp_path / "content"
    notes.write_text("# Optimisation\n\n" + "".join(FIVE), encoding="utf-8")
    result = _import(notes, content)
    assert result.exit_code == 0, result.output
    before = _cards(content)
    assert len(before) == 5
    return notes, content, before


def test_a_question_inserted_in_the_middle_adds_its_card_and_renumbers_the_rest(
    tmp_path: Path,
) -> None:
    notes, content, before = _first_import(tmp_path)
    notes.write_text(
        "# Optimisation\n\n" + "".join([MOMENTUM, ADAM, SCHEDULE, DECAY, WARMUP, CLIPPING]),
        encoding="utf-8",
    )
    result = _import(notes, content)
    assert result.exit_code == 0, result.output
    assert "already exists" not in result.output
    after = _cards(content)
    assert set(after) == {*before, "learning-rate-schedule.md"}  # no duplicate
    for name, (card_id, _, _) in before.items():
        assert after[name][0] == card_id  # the same id: its reviews stay with it
    assert after["learning-rate-schedule.md"][1] == "optim.md Q3"
    assert after["weight-decay.md"][1] == "optim.md Q4"
    assert after["gradient-clipping-prevent.md"][1] == "optim.md Q6"
    # only the number in `source` changed in the cards after the new question
    assert after["weight-decay.md"][2] == before["weight-decay.md"][2].replace(
        "source: optim.md Q3", "source: optim.md Q4"
    )
    assert after["momentum-sgd.md"][2] == before["momentum-sgd.md"][2]
    assert (
        "renumbered content/optim/optim/weight-decay.md  ← optim.md:27 What is weight decay? "
        "(was optim.md Q3, now Q4)" in result.output.replace(str(tmp_path) + "/", "")
    )
    assert "1 card written, 3 renumbered, 2 unchanged" in result.output
    again = _import(notes, content)
    assert again.exit_code == 0, again.output
    assert "nothing new: 6 questions seen, 0 cards written, 6 unchanged" in again.output


def test_two_questions_swapped_keep_their_cards(tmp_path: Path) -> None:
    notes, content, before = _first_import(tmp_path)
    notes.write_text("# Optimisation\n\n" + "".join([ADAM, MOMENTUM, *FIVE[2:]]))
    result = _import(notes, content)
    assert result.exit_code == 0, result.output
    after = _cards(content)
    assert {name: card[0] for name, card in after.items()} == {
        name: card[0] for name, card in before.items()
    }
    assert after["adam-use-bias-correction.md"][1] == "optim.md Q1"
    assert after["momentum-sgd.md"][1] == "optim.md Q2"
    assert "2 renumbered, 3 unchanged" in result.output


def test_an_edited_answer_is_refused_naming_the_card_its_line_and_what_differs(
    tmp_path: Path,
) -> None:
    notes, content, before = _first_import(tmp_path)
    edited = DECAY.replace("favours small weights", "prefers small weights")
    # moved as well (a question inserted before it): still refused, for its answer
    notes.write_text("# Optimisation\n\n" + "".join([MOMENTUM, SCHEDULE, ADAM, edited]))
    result = _import(notes, content)
    assert result.exit_code == 1
    line = next(n for n, text in enumerate(notes.read_text().split("\n"), 1) if "weight" in text)
    assert (
        f"{notes}:{line}: skipped 'What is weight decay?': "
        f"{content}/optim/optim/weight-decay.md already exists with another answer "
        "(use --force to overwrite it)"
    ) in result.output
    assert _cards(content)["weight-decay.md"] == before["weight-decay.md"]
    forced = _import(notes, content, "--force")
    assert forced.exit_code == 0, forced.output
    after = _cards(content)
    assert after["weight-decay.md"][0] == "weight-decay"
    assert "prefers small weights" in after["weight-decay.md"][2]
    assert after["weight-decay.md"][1] == "optim.md Q4"


def test_a_deleted_question_leaves_its_card_and_says_so(tmp_path: Path) -> None:
    notes, content, before = _first_import(tmp_path)
    notes.write_text("# Optimisation\n\n" + "".join([MOMENTUM, ADAM, WARMUP, CLIPPING]))
    result = _import(notes, content)
    assert result.exit_code == 0, result.output
    after = _cards(content)
    assert after["weight-decay.md"] == before["weight-decay.md"]  # left, with its id
    assert after["warm-up-learning-rate.md"][1] == "optim.md Q3"
    assert (
        f"note: {content}/optim/optim/weight-decay.md (optim.md Q3 before) is no longer "
        "in optim.md (deleted, or its title edited): left as it is, with its reviews; "
        "delete the file to drop the card"
    ) in result.output
    assert "0 cards written, 2 renumbered, 2 unchanged" in result.output


def test_a_source_edited_by_hand_is_not_a_renumbering(tmp_path: Path) -> None:
    """Only `<the same notes> Q<n>` is the import's own record of a position."""
    notes, content, _ = _first_import(tmp_path)
    card = content / "optim" / "optim" / "adam-use-bias-correction.md"
    card.write_text(
        card.read_text().replace("source: optim.md Q2", "source: Kingma and Ba 2015, sec. 2")
    )
    result = _import(notes, content)
    assert result.exit_code == 1
    assert "adam-use-bias-correction.md already exists with another source" in result.output
    assert "Kingma and Ba" in card.read_text()
