"""Fifty-fourth round (grading54c): an embedding lookup with its axes moved, and a
mini-batch cut along the features, are told what was taken and along which axis, where
they read a bare "(transposed?)" or a bare shape."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.arch.embedding import _axes_moved
from engine.checkers.nn.minibatch import _examples_as_rows, _rows_sliced
from engine.checks import CaseFailure, Judgement
from engine.grade_inprocess import grade_inprocess, load_submission

EMBEDDING = "arch.embedding.embedding"
MINI_BATCHES = "nn.minibatch.random_mini_batches"

BACKWARD = """
def embedding_backward(dout, ids, vocab_size):
    dW = np.zeros((vocab_size, dout.shape[-1]))
    np.add.at(dW, ids, dout)
    return dW
"""


def _first(checker_name: str, source: str, seed: int) -> tuple[str, str]:
    checker = get_checker(checker_name)
    verdict = grade_inprocess(checker, load_submission(source, checker.entries), seed=seed)
    failure = verdict.first_failure
    return verdict.status.value, failure.message if failure else ""


def _axes_message(got: np.ndarray, W: np.ndarray, ids: np.ndarray) -> str:
    j = Judgement("case", "")
    try:
        _axes_moved(j, got, W[ids], W, ids)
    except CaseFailure as failure:
        return failure.message
    return ""


@pytest.mark.parametrize("lookup", ["W.T[:, ids]", "W[ids].T"])
@pytest.mark.parametrize("seed", [0, 3])
def test_a_transposed_lookup_names_the_axis_that_holds_each_row(lookup: str, seed: int) -> None:
    source = (
        f"import numpy as np\n\ndef embedding_forward(W, ids):\n    return {lookup}\n{BACKWARD}"
    )
    status, message = _first(EMBEDDING, source, seed)
    assert status == "failed"
    assert "(transposed?)" not in message
    assert "runs along axis 0 of out, as a column, where it belongs on the last axis" in message
    assert "return W[ids] with no transpose" in message


def test_the_ids_axes_swapped_are_told_apart_from_the_row_moved() -> None:
    rng = np.random.default_rng(1)
    W, ids = rng.normal(size=(9, 4)), rng.integers(0, 9, size=(3, 5))
    message = _axes_message(W[ids.T], W, ids)
    assert "is on the last axis, but the ids' axes (3, 5) came back in another order" in message
    assert "out has shape (5, 3, 4); expected (3, 5, 4)" in message


def test_a_square_lookup_transposed_is_named_though_its_shape_is_right() -> None:
    # n ids = d: the shape alone cannot tell, the values do
    rng = np.random.default_rng(2)
    W, ids = rng.normal(size=(7, 4)), np.array([6, 0, 3, 3])
    message = _axes_message(W[ids].T, W, ids)
    assert "runs along axis 0 of out" in message


def test_the_right_lookup_and_other_values_are_left_to_the_other_checks() -> None:
    rng = np.random.default_rng(3)
    W, ids = rng.normal(size=(7, 4)), rng.integers(0, 7, size=(2, 3))
    assert _axes_message(W[ids], W, ids) == ""
    assert _axes_message(np.moveaxis(W.T[:, ids], 0, -1), W, ids) == ""
    assert _axes_message(np.moveaxis(W[ids] + 1.0, -1, 0), W, ids) == ""


ROWS_FOR_COLUMNS = """
import numpy as np

def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    X, Y = X[:, perm], Y[:, perm]
    return [(X[k:k + batch_size], Y[k:k + batch_size]) for k in range(0, m, batch_size)]
"""


@pytest.mark.parametrize("seed", [0, 7])
def test_a_batch_cut_along_the_features_names_the_slip(seed: int) -> None:
    status, message = _first(MINI_BATCHES, ROWS_FOR_COLUMNS, seed)
    assert status == "failed"
    assert message.startswith(
        "X of batch 0 has shape (1, 13); expected (2, 1): X[k:k + batch_size]"
    )
    assert (
        "slices axis 0 (the features): it took row 0 of X's 2 rows, with all 13 examples" in message
    )
    assert "X[:, k:k + batch_size] and Y[:, k:k + batch_size]" in message


def test_rows_sliced_counts_the_rows_it_took() -> None:
    rng = np.random.default_rng(4)
    X = rng.normal(size=(6, 10))
    shuffled = X[:, rng.permutation(10)]
    assert "took rows 3 to 5 of X's 6 rows" in _rows_sliced("X", 1, shuffled[3:6], X, 3, 3)
    assert "took no row of X's 6 rows" in _rows_sliced("X", 2, shuffled[6:9], X, 3, 3)
    Y = (rng.random((1, 10)) < 0.5) * 1.0
    assert "(one row per label): it took row 0 of Y's 1 row" in _rows_sliced("Y", 0, Y, Y, 4, 4)


def test_rows_sliced_leaves_right_and_other_batches_alone() -> None:
    rng = np.random.default_rng(5)
    X = rng.normal(size=(6, 10))
    assert _rows_sliced("X", 0, X[:, :3], X, 3, 3) == ""  # the right batch
    assert _rows_sliced("X", 1, X[0:3], X, 3, 3) == ""  # rows, but not batch 1's
    assert _rows_sliced("X", 0, X[:3] + 1.0, X, 3, 3) == ""  # other values
    assert _rows_sliced("X", 0, X[:3].tolist(), X, 3, 3) == ""  # not an array


def test_a_batch_cut_from_the_transpose_is_named() -> None:
    rng = np.random.default_rng(6)
    X = rng.normal(size=(3, 8))
    perm = rng.permutation(8)
    message = _examples_as_rows("X", 0, X.T[perm][:2], X, 2)
    assert message.startswith("X of batch 0 has shape (2, 3); expected (3, 2): each of its 2 rows")
    assert "the batch was cut from X.T, one example per row, and not turned back" in message
    assert "its one row is an example" in _examples_as_rows("X", 1, X.T[perm][2:3], X, 1)
    assert _examples_as_rows("X", 0, X[:, perm][:, :2], X, 2) == ""  # the right batch
    assert _examples_as_rows("X", 0, X.T[perm][:2] + 1.0, X, 2) == ""  # no example of X
