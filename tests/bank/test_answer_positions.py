"""The answer-position lint warning: a pack's right answers crowding one option index."""

from __future__ import annotations

import dataclasses
import math
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from quiz.bank.answer_positions import MIN_CARDS, upper_tail
from quiz.bank.lint import lint
from quiz.bank.loader import Bank
from quiz.bank.models import ChoiceFront
from quiz.bank.problems import Problem
from quiz.bank.sources import bundled_content_dir
from quiz.cardtext import plain_text
from quiz.cli import cli


def _pack(root: Path, answers: list[int | list[int]], n_choices: int = 4) -> Path:
    pack = root / "quizpack"
    (pack / "topic").mkdir(parents=True)
    (pack / "pack.yaml").write_text("title: Quiz\ndescription: d\nversion: 0.1.0\n")
    for i, answer in enumerate(answers):
        options = "".join(f"  - option {k} of card {i}\n" for k in range(n_choices))
        (pack / "topic" / f"card-{i}.md").write_text(
            f"---\nid: card-{i}\nkind: choice\ntitle: Card {i}\ntopic: topic\n"
            f"difficulty: 1\nsource: tests\nchoices:\n{options}answer: {answer}\n---\n\n"
            "## Question\n\nWhich?\n\n## Explanation\n\nBecause.\n"
        )
    return root


def test_upper_tail_is_exact() -> None:
    assert upper_tail([0.25] * 4, 4) == 0.25**4
    assert math.isclose(upper_tail([0.5, 0.5], 1), 0.75)
    assert upper_tail([0.3, 0.9], 0) == 1.0


def _card_by_card(probabilities: list[float], observed: int) -> float:
    """The tail by convolving one Bernoulli at a time (the definition)."""
    dist = [1.0]
    for p in probabilities:
        dist = [a * (1.0 - p) + b * p for a, b in zip([*dist, 0.0], [0.0, *dist], strict=True)]
    return min(1.0, sum(dist[observed:]))


def test_upper_tail_by_groups_equals_card_by_card() -> None:
    rng = random.Random(17)
    for round_ in range(200):
        n = rng.randint(900, 1100) if round_ % 20 == 0 else rng.randint(0, 40)
        chances = [rng.choice([0.0, 0.2, 0.25, 1 / 3, 0.4, 0.5, 2 / 3, 1.0]) for _ in range(n)]
        observed = rng.randint(0, n + 1)
        expected = _card_by_card(chances, observed)
        assert math.isclose(upper_tail(chances, observed), expected, rel_tol=1e-12, abs_tol=1e-300)
    big = [1 / 3] * 1500  # one group of the log-gamma kind
    assert math.isclose(upper_tail(big, 560), _card_by_card(big, 560), rel_tol=1e-9)


def test_every_answer_at_index_0_is_warned_and_lint_still_passes(tmp_path: Path) -> None:
    root = _pack(tmp_path, [0] * 10)
    _, problems = lint([root], run_drills=False)
    assert [p.code for p in problems] == ["answer-position"]
    (warning,) = problems
    assert warning.severity == "warning" and not warning.is_error
    assert warning.path.name == "pack.yaml"
    assert "10 of 10 choice cards have a right answer at index 0" in warning.message
    result = CliRunner().invoke(cli, ["lint", "--no-drills", str(root)])
    assert result.exit_code == 0, result.output
    assert "warning: pack 'quizpack'" in result.output
    github = CliRunner().invoke(cli, ["lint", "--no-drills", "--format", "github", str(root)])
    assert github.output.startswith("::warning file=")


def test_multi_answer_sets_that_always_start_at_0_are_warned(tmp_path: Path) -> None:
    root = _pack(tmp_path, [[0, 1], [0, 2], [0, 1, 3], [0, 3]] * 3, n_choices=5)
    _, problems = lint([root], run_drills=False)
    assert any("index 0" in p.message for p in problems)


def test_spread_answers_are_not_warned(tmp_path: Path) -> None:
    root = _pack(tmp_path, [0, 1, 2, 3, 2, 1, 3, 0, 1, 2, 0, 3])
    _, problems = lint([root], run_drills=False)
    assert problems == []


def test_small_packs_are_not_tested(tmp_path: Path) -> None:
    root = _pack(tmp_path, [0] * (MIN_CARDS - 1))
    _, problems = lint([root], run_drills=False)
    assert problems == []


# Every bundled pack, one folder with a pack.yaml each: a new pack is held to the rules below
# without anyone having to list it.
BUNDLED_PACKS = sorted(p.parent.name for p in bundled_content_dir().glob("*/pack.yaml"))


@pytest.fixture(scope="module")
def bundled() -> tuple[Bank, list[Problem]]:
    """The shipped bank, linted once for the whole module."""
    return lint([bundled_content_dir()], run_drills=False)


def _choice_fronts(bank: Bank, pack: str) -> list[ChoiceFront]:
    return [c.front for c in bank.cards if c.pack == pack and isinstance(c.front, ChoiceFront)]


def test_every_pack_with_choice_cards_is_checked(bundled: tuple[Bank, list[Problem]]) -> None:
    """The rules below run per folder name: a pack named otherwise would go unchecked."""
    bank, _ = bundled
    assert {c.pack for c in bank.cards if isinstance(c.front, ChoiceFront)} <= set(BUNDLED_PACKS)
    assert {"architectures", "deep-training", "neural-networks"} <= set(BUNDLED_PACKS)


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_no_bundled_pack_gets_an_answer_position_warning(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    bank, problems = bundled
    # Below MIN_CARDS the lint does not judge the spread, and this test could not fail.
    assert len(_choice_fronts(bank, pack)) >= MIN_CARDS
    warned = [p.message for p in problems if p.code == "answer-position"]
    assert [m for m in warned if f"pack '{pack}'" in m] == []


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_the_right_options_are_not_systematically_the_longest(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    """Measured as the learner reads the options, math rendered."""
    singles = [
        (f.id, f.answer, [len(plain_text(choice)) for choice in f.choices])
        for f in _choice_fronts(bundled[0], pack)
        if isinstance(f.answer, int)
    ]
    longest = [
        card_id
        for card_id, answer, shown in singles
        if all(shown[answer] > n for i, n in enumerate(shown) if i != answer)
    ]
    assert singles, f"pack {pack!r} has no single-answer choice card to check"
    assert len(longest) <= len(singles) // 4, longest


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_no_right_option_stands_out_by_its_length(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    """A right option much longer than every wrong one (the hedged, complete-sounding one)
    gives the answer away; measured as the learner reads it, math rendered."""
    standouts = []
    for front in _choice_fronts(bundled[0], pack):
        right = [front.answer] if isinstance(front.answer, int) else list(front.answer)
        shown = [len(plain_text(choice)) for choice in front.choices]
        longest_wrong = max(n for i, n in enumerate(shown) if i not in right)
        if max(shown[i] for i in right) > 1.15 * longest_wrong:
            standouts.append((front.id, shown, right))
    assert standouts == []


# The reverse tell: a right option that is always the short, plain one among wrong options
# that each carry a reason. Every bundled pack is held to it, as to the long tell above.


def _shown_lengths(front: ChoiceFront) -> tuple[list[int], list[int]]:
    """The rendered lengths of the right options and of the wrong ones."""
    right = [front.answer] if isinstance(front.answer, int) else list(front.answer)
    shown = [len(plain_text(choice)) for choice in front.choices]
    wrong = [n for i, n in enumerate(shown) if i not in right]
    return [shown[i] for i in right], wrong


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_the_right_options_are_not_systematically_the_shortest(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    """At most a quarter of the single-answer cards have the shortest right option, and no
    select-all card has every right option shorter than every wrong one."""
    fronts = _choice_fronts(bundled[0], pack)
    singles = [f for f in fronts if isinstance(f.answer, int)]
    shortest = [f.id for f in singles if _shown_lengths(f)[0][0] < min(_shown_lengths(f)[1])]
    assert singles and len(shortest) <= len(singles) // 4, shortest
    all_shorter = [
        f.id
        for f in fronts
        if not isinstance(f.answer, int) and max(_shown_lengths(f)[0]) < min(_shown_lengths(f)[1])
    ]
    assert all_shorter == []


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_no_right_option_stands_out_by_its_shortness(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    """Right options much shorter than every wrong one (the plain fact among reasons, as
    `$p = 2$ on each side` was) give the answer away like a long hedged one does."""
    standouts = []
    for front in _choice_fronts(bundled[0], pack):
        right, wrong = _shown_lengths(front)
        if 1.15 * max(right) < min(wrong):
            standouts.append((front.id, right, wrong))
    assert standouts == []


# A third tell is a word, not a length: "always", "never", "guaranteed" mark an overclaim,
# and a test-wise reader strikes out the options that carry one. Where only wrong options
# carry such a word, that strike finds the answer without the knowledge the card asks for
# (batch-size-tradeoffs' "Generalization is guaranteed ...", bptt-claims' "LSTMs eliminate
# ..."). A wrong option states its specific wrong reason instead; a right option may still
# use such a word, which then marks nothing.
ABSOLUTE_WORDS = re.compile(
    r"\b(always|never|guarantee[sd]?|eliminates?|established|impossible|cannot|can't)\b",
    re.IGNORECASE,
)


def absolute_word_tells(front: ChoiceFront) -> list[str]:
    """The options that carry an absolute word, when none of the right options does."""
    right = {front.answer} if isinstance(front.answer, int) else set(front.answer)
    marked = [
        i for i, choice in enumerate(front.choices) if ABSOLUTE_WORDS.search(plain_text(choice))
    ]
    return [] if right & set(marked) else [front.choices[i] for i in marked]


def test_an_absolute_word_only_in_wrong_options_is_a_tell() -> None:
    choices = ("It always converges", "It can diverge", "It never moves")
    front = ChoiceFront(
        id="c", title="t", topic="t", difficulty=1, source="s", choices=choices, answer=1
    )
    assert absolute_word_tells(front) == ["It always converges", "It never moves"]
    assert absolute_word_tells(dataclasses.replace(front, answer=(1, 2))) == []


@pytest.mark.parametrize("pack", BUNDLED_PACKS)
def test_no_absolute_word_marks_the_wrong_options(
    bundled: tuple[Bank, list[Problem]], pack: str
) -> None:
    tells = [(f.id, absolute_word_tells(f)) for f in _choice_fronts(bundled[0], pack)]
    assert [(card_id, marked) for card_id, marked in tells if marked] == []
