"""One sentence rule for lint's count and the importer's split (`sentence_ends`).

Lint counted a period before a lowercase word as no sentence's end while the importer
cut there; the importer cut inside a code span and not before a digit, lint the other
way round. An answer the importer split into three points lint then read as two
sentences (or the reverse), so the short-answer rule judged one card two ways. A formula
or a code span was the letter `x` to lint and a run of blanks to the importer: after a
colon lint took `$a$.` for a list's letter, and a long formula hid the word before the
period from the importer."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.bank.sentences import count_sentences, mask_code_spans, sentence_ends
from quiz.ecosystem.keypoints_sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The loss is convex. it has one minimum.", ["The loss is convex.", "it has one minimum."]),
        ("Use Adam, e.g. with warmup. It helps.", ["Use Adam, e.g. with warmup.", "It helps."]),
        ("That is, i.e. the same. Done.", ["That is, i.e. the same.", "Done."]),
        ("Smith et al. showed it first.", ["Smith et al. showed it first."]),
        (
            "Norms, dropout, etc. The rest is tuning.",
            ["Norms, dropout, etc.", "The rest is tuning."],
        ),
        ("Norms, dropout, etc. and more tuning.", ["Norms, dropout, etc. and more tuning."]),
        ("CNN vs. RNN: the CNN is faster.", ["CNN vs. RNN: the CNN is faster."]),
        ("It peaks at 0.25. 3 layers are enough.", ["It peaks at 0.25.", "3 layers are enough."]),
        ("Call `x. Y` on it. Done.", ["Call `x. Y` on it.", "Done."]),
        ("Call `np.dot`. then sum it.", ["Call `np.dot`.", "then sum it."]),
        ("It helps (He et al. 2016). It is cheap.", ["It helps (He et al. 2016).", "It is cheap."]),
        ('He said "stop." Then it stopped.', ['He said "stop."', "Then it stopped."]),
        ("Two ways: a. then b. both work.", ["Two ways: a. then b.", "both work."]),
        ("Why? because it works.", ["Why? because it works."]),
        ("Wait... and then it worked.", ["Wait... and then it worked."]),
        ("It is w.r.t. the weights. Done.", ["It is w.r.t. the weights.", "Done."]),
        # a formula or a code span is a word, never a list's letter, whatever its length
        ("Two cases: $a$. then $b$ grows.", ["Two cases: $a$.", "then $b$ grows."]),
        ("Two cases: `k`. then it grows.", ["Two cases: `k`.", "then it grows."]),
        ("Pick one: a. $k$ grows.", ["Pick one: a.", "$k$ grows."]),
        (
            "It tends to $" + "x" * 60 + "$. then it stops.",
            ["It tends to $" + "x" * 60 + "$.", "then it stops."],
        ),
    ],
)
def test_lint_counts_the_sentences_the_importer_splits(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
    assert count_sentences(text) == len(sentences)


def test_code_spans_are_masked_whole_in_linear_time() -> None:
    assert mask_code_spans("a `b.c` d ``e`f`` ` g") == "a \0\0\0\0\0 d " + "\0" * 7 + " ` g"
    assert sentence_ends("`" * 200_000 + " a. B") == [200_003]
    assert len(sentence_ends("` `` " * 40_000 + "x. Y")) == 1


_WORDS = st.sampled_from(
    [
        "word",
        "Word",
        "e.g.",
        "i.e.",
        "et al.",
        "etc.",
        "vs.",
        "0.5",
        "3",
        "`np.dot`",
        "`a. B`",
        "(He",
        "2016).",
        "why?",
        "no!",
        "it.",
        "It.",
        "a.",
        "...",
        '"quoted."',
        ":",
        "$a$",
        "$a$.",
        "`k`",
        "`k`.",
        "$" + "x" * 50 + "$.",
    ]
)


@given(st.lists(_WORDS, min_size=1, max_size=14).map(lambda words: " ".join(["So", *words])))
def test_the_count_and_the_split_agree_on_any_prose(text: str) -> None:
    count = count_sentences(text)
    assert count is not None
    assert count == len(split_sentences(text))
