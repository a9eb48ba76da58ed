"""Checker for random_mini_batches: a shuffled partition of the columns, X and Y kept together."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, stat_note
from engine.checkers.nn._global_rng import global_rng_failure
from engine.checks import CaseFailure, Judgement
from engine.nn import minibatch as ref

__all__ = ["random_mini_batches"]

RNG_HINT = "shuffle with the rng argument (rng.permutation), not np.random.* or a new default_rng()"
MIN_M_FOR_ORDER_TESTS = 12
"""A uniform shuffle of m >= 12 columns keeps the original order with chance 1/m! < 2.1e-9."""
MORE_SEEDS = 6
"""How many more seeds a case with m >= MIN_M_FOR_ORDER_TESTS is called with, beyond its two.

They matter only when both seeds kept the original order: a no-shuffle answer keeps it with
every seed, while np.roll by a random shift keeps it only when every shift is 0. With eight
seeds in all, np.roll by rng.integers(m) of the 13 columns of case 3 (the first case that
tests the order) is named as the rotation it is in every grading but 13**-8 < 1.3e-9 of them."""
CASES = 7
"""How many cases make_cases builds (the rotation test's rate is summed over them)."""
ROTATION_RATE = CASES * (2 * MIN_M_FOR_ORDER_TESTS / math.factorial(MIN_M_FOR_ORDER_TESTS)) ** 2
"""Upper bound on the chance that a correct answer fails the rotation test in one grading.

Of the m! orders of m >= 3 columns, 2m are rotations of the original order or of its
reverse, so one uniform shuffle is one with chance 2m/m! = 2/(m-1)!; the test fails
only when both calls with different seeds give one: (2/(m-1)!)**2 <= 2.5e-15 per case
for m >= 12, about 1.8e-14 over the seven cases. A rotation (np.roll) is caught every
time, whatever shift it draws."""


SLICE_HINT = (
    "every batch but the last holds exactly batch_size columns: cut at k*batch_size, "
    "X[:, k:k + batch_size] for k in range(0, m, batch_size)"
)

_NO_SECTIONS = re.compile(r"^ValueError: number sections must be larger than 0")
"""What np.array_split raises when asked for 0 parts."""


def _rows_permuted(xb: np.ndarray, X: np.ndarray) -> bool:
    """True when every column of `xb` holds the values of some column of X, in another
    order: X's rows were permuted (X[perm] where X[:, perm] was meant)."""
    if xb.shape[0] != X.shape[0] or xb.shape[1] == 0:
        return False
    columns = {tuple(col) for col in np.sort(X, axis=0).T}
    return all(tuple(col) in columns for col in np.sort(xb, axis=0).T)


def _rows_sliced(name: str, k: int, got: Any, A: np.ndarray, batch_size: int, width: int) -> str:
    """The slip when a batch's array is A[k*bs:(k+1)*bs] of the (shuffled) A: a slice of the
    rows, the features, with every example in it, where the examples are the columns."""
    if not isinstance(got, np.ndarray) or got.ndim != 2 or got.shape[1] != A.shape[1]:
        return ""
    label, start = f"{name} of batch {k}", k * batch_size
    rows = A[start : start + batch_size]
    if got.shape == (A.shape[0], width) or got.shape[0] != rows.shape[0]:
        return ""
    if not np.array_equal(np.sort(got, axis=1), np.sort(rows, axis=1)):
        return ""
    n, total = rows.shape[0], A.shape[0]
    taken = {0: "no row", 1: f"row {start}"}.get(n, f"rows {start} to {start + n - 1}")
    axis = "the features" if name == "X" else "one row per label"
    return (
        f"{label} has shape {got.shape}; expected {(total, width)}: {name}[k:k + batch_size] "
        f"slices axis 0 ({axis}): it took {taken} of {name}'s {total} "
        f"{'row' if total == 1 else 'rows'}, with all "
        f"{A.shape[1]} examples; the examples are the columns, so slice axis 1: "
        "X[:, k:k + batch_size] and Y[:, k:k + batch_size]"
    )


def _examples_as_rows(name: str, k: int, got: Any, A: np.ndarray, width: int) -> str:
    """The slip when a batch holds its examples as rows, each a column of A: the batches were
    cut from A.T (the row-per-example layout) and never turned back."""
    total = A.shape[0]
    if not isinstance(got, np.ndarray) or got.shape != (width, total) or width == 0:
        return ""
    columns = {tuple(col) for col in A.T.tolist()}
    if not all(tuple(row) in columns for row in got.tolist()):
        return ""
    if got.shape == (total, width) and all(tuple(col) in columns for col in got.T.tolist()):
        return ""  # a square batch whose columns are examples too
    return (
        f"{name} of batch {k} has shape {got.shape}; expected {(total, width)}: "
        f"{'its one row' if width == 1 else f'each of its {width} rows'} is an example, a "
        f"column of {name}: the "
        f"batch was cut from {name}.T, one example per row, and not turned back; the "
        f"examples are the columns, so cut {name}[:, k:k + batch_size] (or return the "
        "batch's .T)"
    )


def _widths(batches: Sequence[Any], n_x: int) -> list[int] | None:
    """How many columns the X of each batch holds, or None when some batch is not an
    (X_b, Y_b) pair of 2-D arrays with X's n_x rows (the checks that follow name that: a
    batch cut from X.T has examples for rows, and its width is no count of examples)."""
    widths = []
    for batch in batches:
        if not isinstance(batch, list | tuple) or len(batch) != 2:
            return None
        xb = batch[0]
        if not isinstance(xb, np.ndarray) or xb.ndim != 2 or xb.shape[0] != n_x:
            return None
        widths.append(int(xb.shape[1]))
    return widths


def _split_mistake(widths: list[int] | None, m: int, batch_size: int) -> str:
    """np.array_split into some number of near-equal parts where batch_size-wide batches
    were due (empty when the batches are not that): the count it was given is named."""
    if not widths or sum(widths) != m or min(widths) < 1 or max(widths) - min(widths) > 1:
        return ""
    due = [min(batch_size, m - k) for k in range(0, m, batch_size)]
    if widths == due:
        return ""
    parts = len(widths)
    shown = ", ".join(str(w) for w in widths[:6]) + (", ..." if parts > 6 else "")
    why = ""
    if parts == m // batch_size:
        given = "m // batch_size"
    elif parts == math.ceil(m / batch_size):
        given = "ceil(m / batch_size)"
    elif parts == batch_size or (m < batch_size and parts == m):
        given = "batch_size"
        why = " (its second argument is the number of parts, not their size)"
    else:
        given = str(parts)
    return (
        f"the {m} columns were spread over {parts} near-equal "
        f"{'batch' if parts == 1 else 'batches'} ({shown} columns), as "
        f"np.array_split(X, {given}) spreads them{why}; {SLICE_HINT}"
    )


def _filled_last(widths: list[int] | None, m: int, batch_size: int) -> str:
    """The last batch filled up to batch_size columns with repeated examples (wrapped
    around, or np.resize) where it is due short (empty when the batches are not that)."""
    count = math.ceil(m / batch_size)
    if not widths or m % batch_size == 0 or widths != [batch_size] * count:
        return ""
    return (
        f"every batch, the last too, holds batch_size = {batch_size} columns, but m = {m} "
        f"leaves {m % batch_size} for the last one: it was filled up with repeated examples "
        f"(wrapping around, or np.resize); it stays short: {SLICE_HINT}"
    )


def _listed(widths: Sequence[int]) -> str:
    """Batch widths in words: '13 batches of 1 column', '3 batches of 8 columns and a last
    of 1', or the first six widths."""

    def of(count: int, width: int) -> str:
        return f"{count} {'batch' if count == 1 else 'batches'} of {width} column{'' if width == 1 else 's'}"

    if len(set(widths)) == 1:
        return of(len(widths), widths[0])
    if len(widths) > 1 and len(set(widths[:-1])) == 1:
        return f"{of(len(widths) - 1, widths[0])} and a last of {widths[-1]}"
    shown = ", ".join(str(w) for w in widths[:6]) + (", ..." if len(widths) > 6 else "")
    return f"{len(widths)} batches of {shown} columns"


def _width_mistake(widths: list[int] | None, m: int, batch_size: int) -> str:
    """The batches' widths beside the due ones, where there are as many batches as due but
    some width is off (empty otherwise): a bare "X of batch 0 has shape (2, 0)" named one
    batch, not what the cut did. A slice one column short or long at its end is named."""
    due = [min(batch_size, m - k) for k in range(0, m, batch_size)]
    if widths is None or len(widths) != len(due) or widths == due:
        return ""
    cause = ""
    total = sum(widths)
    if (
        total < m
        and widths[:-1] == [max(w - 1, 0) for w in due[:-1]]
        and widths[-1] in (due[-1] - 1, due[-1])
    ):
        cause = (
            "each batch stops one column short, as X[:, k:k + batch_size - 1] cuts (a slice "
            "already leaves its end out); "
        )
    elif total > m and widths[:-1] == [w + 1 for w in due[:-1]]:
        cause = (
            "each batch takes one column more, as X[:, k:k + batch_size + 1] cuts, so "
            "neighbouring batches share a column; "
        )
    return (
        f"{_listed(widths)} came back, where m = {m} with batch_size = {batch_size} gives "
        f"{_listed(due)}: {cause}{SLICE_HINT}"
    )


class MiniBatchChecker(NNChecker):
    """random_mini_batches(X, Y, batch_size, rng) -> [(X_b, Y_b), ...]."""

    name = "nn.minibatch.random_mini_batches"
    entries = ("random_mini_batches",)
    harness = "seeded"
    copy_hint = "index with a permutation (X[:, perm]) instead of shuffling X in place"

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"random_mini_batches": ref.random_mini_batches}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        bs = gen.size(rng, 3, 9)
        plans: list[tuple[str, int, int, int, int]] = [
            ("one example", 1, gen.size(rng, 2, 5), 2, 1),
            # six features: a shuffle of three rows (X[perm] for X[:, perm]) is the identity
            # one time in six, and the case then showed only the answer's other slips
            ("fewer examples than batch_size", gen.size(rng, 2, 6), 16, 6, 1),
            ("batch_size 1", 13, 1, 2, 1),
            ("m a multiple of batch_size", bs * gen.size(rng, 3, 5), bs, 4, 3),
            # a last batch at least 2 short: np.array_split into ceil(m / bs) parts (sizes
            # differing by at most 1) then cannot give bs, ..., bs, rest; 1 short, it does
            ("a partial last batch", bs * gen.size(rng, 3, 5) + gen.size(rng, 1, bs - 2), bs, 3, 2),
            ("binary labels", gen.size(rng, 40, 70), gen.size(rng, 5, 16), 5, 1),
            ("a larger dataset", gen.size(rng, 200, 300), 32, 8, 4),
        ]
        out = []
        for i, (what, m, batch_size, n_x, n_y) in enumerate(plans, 1):
            X = gen.normal(rng, (n_x, m))
            X[0] = rng.permutation(m) + rng.uniform(0.1, 0.9, size=m)  # a unique first row
            Y = gen.one_hot(rng, n_y, m) if n_y > 1 else (rng.random((1, m)) < 0.5) * 1.0
            inputs: dict[str, Any] = {
                "fn": "random_mini_batches",
                "args": [X, Y, batch_size],
                "seed": gen.child_seed(rng),
                "other_seed": gen.child_seed(rng),
                "global_seeds": [gen.child_seed(rng) % 2**32 for _ in range(3)],
            }
            if m >= MIN_M_FOR_ORDER_TESTS:
                # derived from other_seed, not drawn: every other input stays as it was
                state = np.random.SeedSequence(inputs["other_seed"]).generate_state(MORE_SEEDS)
                inputs["more_seeds"] = [int(s) for s in state]
            out.append(
                Case(
                    f"case {i}: {what} (m={m}, batch_size={batch_size})",
                    inputs,
                    gen.describe(X=X, Y=Y, batch_size=batch_size),
                )
            )
        return out

    def error_cause(self, case: Case, error: str) -> str | None:
        """np.array_split asked for m // batch_size parts, which is 0 when m < batch_size."""
        X, _, batch_size = case.inputs["args"]
        m = X.shape[1]
        if m >= batch_size or not _NO_SECTIONS.match(error):
            return None
        return (
            f"np.array_split was asked for m // batch_size = {m} // {batch_size} = 0 batches; "
            f"m < batch_size still makes one (partial) batch, and {SLICE_HINT}"
        )

    def _order(
        self, label: str, result: Any, X: np.ndarray, Y: np.ndarray, batch_size: int, j: Judgement
    ) -> np.ndarray:
        """The column order the batches hold, after checking they partition (X, Y).

        Every batch's shape is checked, then all batches' columns are matched against X
        in one pass; only when that finds a problem are the batches walked one by one,
        so the message names the first bad batch exactly as a batch-by-batch check would
        (a shape problem in a later batch is reported after a column problem before it).
        """
        m = X.shape[1]
        count = math.ceil(m / batch_size)
        batches = j.sequence(label, result)
        widths = _widths(batches, X.shape[0])
        split = (
            _split_mistake(widths, m, batch_size)
            or _filled_last(widths, m, batch_size)
            or _width_mistake(widths, m, batch_size)
        )
        if split:
            j.fail(f"{label}: {split}")
        if len(batches) != count:
            extra = ""
            if len(batches) == m // batch_size and (
                widths is None or widths == [batch_size] * len(batches)
            ):
                # only full batches came back (9, 9, 7 of m = 25 are no batch missing)
                extra = ": the last, partial batch is missing"
            elif (
                m % batch_size == 0
                and len(batches) == count + 1
                and widths is not None
                and widths[-1:] == [m]
            ):
                extra = (
                    f": m divides evenly, and the extra last batch holds all {m} columns, as "
                    "a slice [-(m % batch_size):] gives when m % batch_size is 0 ([-0:] is "
                    "everything); add the partial batch only when m % batch_size > 0"
                )
            if not extra and widths:
                # the widths say what the cut did (equal batches of another size, a window
                # that slides by one column), where the count alone does not
                due = [min(batch_size, m - k) for k in range(0, m, batch_size)]
                extra = f" ({_listed(due)}); they came as {_listed(widths)}: {SLICE_HINT}"
            j.fail(
                f"{label}: got {len(batches)} batches; m={m} with batch_size={batch_size} needs {count}{extra}"
            )
        order_x = np.argsort(X[0])
        sorted_x0 = X[0][order_x]
        xbs: list[np.ndarray] = []
        ybs: list[np.ndarray] = []
        shape_failure: CaseFailure | None = None
        try:
            for k, batch in enumerate(batches):
                pair = j.sequence(f"batch {k}", batch, 2)
                width = min(batch_size, m - k * batch_size)
                for name, got, A in (("X", pair[0], X), ("Y", pair[1], Y)):
                    if slip := _rows_sliced(name, k, got, A, batch_size, width) or (
                        _examples_as_rows(name, k, got, A, width)
                    ):
                        j.fail(slip)
                xb = j.array(f"X of batch {k}", pair[0], (X.shape[0], width))
                yb = j.array(f"Y of batch {k}", pair[1], (Y.shape[0], width))
                xbs.append(xb)
                ybs.append(yb)
        except CaseFailure as exc:
            shape_failure = exc
        perm = np.zeros(0, dtype=np.intp)
        if xbs:
            xs = np.concatenate(xbs, axis=1)
            perm = order_x[np.clip(np.searchsorted(sorted_x0, xs[0]), 0, m - 1)]
            if not (
                np.array_equal(X[:, perm], xs)
                and np.array_equal(Y[:, perm], np.concatenate(ybs, axis=1))
            ):
                self._first_bad_batch(xbs, ybs, X, Y, order_x, sorted_x0, j)
        if shape_failure is not None:
            raise shape_failure
        if np.unique(perm).size != m:
            j.fail(
                "some examples appear in more than one batch and others in none: use a permutation "
                "(rng.permutation(m)), not sampling with replacement"
            )
        return perm

    @staticmethod
    def _first_bad_batch(
        xbs: list[np.ndarray],
        ybs: list[np.ndarray],
        X: np.ndarray,
        Y: np.ndarray,
        order_x: np.ndarray,
        sorted_x0: np.ndarray,
        j: Judgement,
    ) -> None:
        """Fail on the first batch whose columns are not columns of (X, Y), kept together."""
        m = X.shape[1]
        for k, (xb, yb) in enumerate(zip(xbs, ybs, strict=True)):
            idx = order_x[np.clip(np.searchsorted(sorted_x0, xb[0]), 0, m - 1)]
            if not np.array_equal(X[:, idx], xb):
                if _rows_permuted(xb, X):
                    j.fail(
                        f"the X of batch {k} holds columns of X with their entries reordered: "
                        "the rows (the features) were shuffled; the examples are the columns, "
                        "so shuffle with a permutation of the columns, X[:, perm]"
                    )
                j.fail(f"the X of batch {k} holds columns that are not columns of X")
            if not np.array_equal(Y[:, idx], yb):
                j.fail(
                    f"in batch {k} the Y columns no longer belong to their X columns: shuffle X and Y "
                    "with the same permutation"
                )

    @staticmethod
    def _rotation(perm: np.ndarray) -> tuple[int, bool] | None:
        """(shift, reversed) when the order is the original one (or its reverse) rotated by
        `shift` places, as np.roll(X, shift, axis=1) gives; None for any other order."""
        m = perm.size
        if m == 0:
            return None
        start = int(perm[0])
        steps = np.arange(m)
        if np.array_equal(perm, (start + steps) % m):
            return (-start) % m, False
        if np.array_equal(perm, (start - steps) % m):
            return (start + 1) % m, True
        return None

    @staticmethod
    def _row_order(row: Any, X: np.ndarray) -> np.ndarray | None:
        """The column order a "more" call's first row of X shows (see the seeded harness), or
        None when it is not a permutation of X's columns."""
        m = X.shape[1]
        if not isinstance(row, np.ndarray) or row.shape != (m,):
            return None
        order_x = np.argsort(X[0])
        perm = order_x[np.clip(np.searchsorted(X[0][order_x], row), 0, m - 1)]
        if not np.array_equal(X[0][perm], row) or np.unique(perm).size != m:
            return None
        return perm

    def _rotation_failure(
        self, perm: np.ndarray, other: np.ndarray, more: list[np.ndarray | None], j: Judgement
    ) -> None:
        """Fail when both seeds' orders are rotations (np.roll) of the original order, and not
        both the original order itself (that is no shuffle, reported on its own), unless a
        call with one of the `more` seeds rotated it: np.roll that drew a shift of 0 twice."""
        first, second = self._rotation(perm), self._rotation(other)
        if first is None or second is None:
            return
        if first == second == (0, False):
            rotated = [self._rotation(order) if order is not None else None for order in more]
            moved = [r for r in rotated if r is not None and r != (0, False)]
            if not moved or len(moved) + rotated.count((0, False)) != len(rotated):
                return  # no seed moved the order, or some call did not rotate it
            first = moved[0]
        shift, backwards = first if first != (0, False) else second
        how = f"reversed and rotated by {shift}" if backwards else f"rotated by {shift}"
        j.fail(
            f"with every seed the examples keep their original cyclic order, only {how} "
            "places: np.roll moves where the order starts but keeps neighbours together, so the "
            "batches are nearly the same every epoch; that is not a shuffle: use "
            f"rng.permutation(m) {stat_note(ROTATION_RATE)}"
        )

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, Y, batch_size = case.inputs["args"]
        m = X.shape[1]
        perm = self._order("the batches", outputs.get("first"), X, Y, batch_size, j)
        again = self._order("the batches (second call)", outputs.get("again"), X, Y, batch_size, j)
        if not np.array_equal(perm, again):
            j.fail(
                f"two calls with generators built from the same seed shuffled differently: {RNG_HINT}"
            )
        if failure := global_rng_failure(
            outputs.get("global_reseeded"), "shuffle with the rng argument (rng.permutation)"
        ):
            j.fail(failure)
        if m < MIN_M_FOR_ORDER_TESTS:
            return
        other = self._order("the batches (another seed)", outputs.get("other"), X, Y, batch_size, j)
        more = outputs.get("more")
        rows = more if isinstance(more, list) else []
        self._rotation_failure(perm, other, [self._row_order(row, X) for row in rows], j)
        if np.array_equal(perm, np.arange(m)):
            j.fail(
                f"the examples are in their original order: shuffle the columns first {stat_note()}"
            )
        if np.array_equal(perm, other):
            j.fail(
                f"generators built from different seeds gave the same shuffle: {RNG_HINT} {stat_note()}"
            )


random_mini_batches = MiniBatchChecker
