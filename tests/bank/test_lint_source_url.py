"""A card whose `source` is only a web address is lint's `source-url` warning at the
address: the terminal shows it as text, and a reader offline, or after the page moved, has
no work to look up. A source that names the work, with or without an address after it,
is no warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from quiz.bank.citations import is_bare_url
from quiz.bank.lint import lint

CARD = Path("mini") / "basics" / "what-is-relu.md"


def _source(mini_bank: Path, source: str) -> list[tuple[int, int, str, str]]:
    path = mini_bank / CARD
    text = path.read_text(encoding="utf-8")
    assert "source: tests\n" in text
    path.write_text(text.replace("source: tests\n", f"source: {source}\n"), encoding="utf-8")
    _bank, problems = lint([mini_bank], run_drills=False)
    return [(p.line, p.col, p.code, p.severity) for p in problems if p.path == path]


@pytest.mark.parametrize(
    "source",
    [
        "https://example.com/notes/relu",
        "<https://example.com/notes/relu>",
        "'  http://example.com/a?b=c  '",
        "www.example.com/relu",
        "https://a.example/x; https://b.example/y",
        "see https://example.com/notes/relu",
        "'Available online at: https://example.com/notes/relu'",
    ],
)
def test_a_source_that_is_only_an_address_is_warned_of(mini_bank: Path, source: str) -> None:
    """At the address: `see https://...` (author52's scratch bank) passed, its "see" a word."""
    ((line, col, code, severity),) = _source(mini_bank, source)
    assert (line, code, severity) == (8, "source-url", "warning")
    start = next(word for word in source.strip("' ").split() if "example" in word)
    assert col == len("source: ") + source.index(start) + 1


@pytest.mark.parametrize(
    "source",
    [
        "Glorot et al. 2011, https://proceedings.mlr.press/v15/glorot11a.html",
        "Goodfellow et al. 2016 (Deep Learning), sec. 6.3",
        "PyTorch documentation, torch.nn.ReLU",
        "tests",
        "See Glorot et al. 2011, https://proceedings.mlr.press/v15/glorot11a.html",
        "Keras docs, available at https://keras.io/api/layers/activations/",
    ],
)
def test_a_source_that_names_the_work_is_not(mini_bank: Path, source: str) -> None:
    assert _source(mini_bank, source) == []
    assert not is_bare_url(source)


def test_the_warning_says_what_to_write(mini_bank: Path) -> None:
    path = mini_bank / CARD
    path.write_text(
        path.read_text(encoding="utf-8").replace("source: tests\n", "source: https://x.example\n"),
        encoding="utf-8",
    )
    _bank, problems = lint([mini_bank], run_drills=False)
    (problem,) = problems
    assert problem.message.startswith("source: a web address alone names no work")
    assert "e.g. source: 'Bishop 2006 (Pattern Recognition and Machine Learning), sec. 3.2'" in (
        problem.message
    )
