"""Checkers for the embedding lookup and its gradient (repeated ids), and sinusoidal positional
encodings."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from engine import cases as gen
from engine.arch import embedding as ref
from engine.checkers.arch._common import check_shape, holds, numeric_check
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checks import Judgement, Tolerance, float16_only

__all__ = ["embedding", "positional_encoding"]

NUMERIC_CASE = "a (batch, T) array with repeated ids, against a numerical gradient"

LOOKUP = Tolerance(rtol=1e-15)
"""The forward pass copies rows: exact."""


def _reduceat_unsorted(dout: np.ndarray, ids: np.ndarray, vocab_size: int) -> np.ndarray:
    """What np.add.reduceat over the positions in their own order gives, each id's first
    position (np.unique(ids, return_index=True)) taken as the start of its run: reduceat sums
    rows[start_k:start_k+1], so unsorted ids mix other ids' rows into each sum."""
    d = dout.shape[-1]
    flat_ids, rows = ids.reshape(-1), dout.reshape(-1, d)
    dW = np.zeros((vocab_size, d))
    if flat_ids.size:
        uniq, starts = np.unique(flat_ids, return_index=True)
        dW[uniq] = np.add.reduceat(rows, starts, axis=0)
    return dW


def _counted_once(
    dout: np.ndarray, ids: np.ndarray, vocab_size: int, got: np.ndarray
) -> np.ndarray:
    """What a backward that writes each id's row once gives (dW[ids] += dout, or a loop that
    assigns dW[t] = ...): every id's row is one of its occurrences' rows of dout, the one
    nearest `got`'s row, so whichever occurrence the answer kept, the last or the first."""
    d = dout.shape[-1]
    flat_ids, rows = ids.reshape(-1), dout.reshape(-1, d)
    dW = np.zeros((vocab_size, d))
    for t in np.unique(flat_ids):
        occurrences = rows[flat_ids == t]
        with np.errstate(all="ignore"):
            nearest = int(np.argmin(np.abs(occurrences - got[t]).max(axis=1)))
        dW[t] = occurrences[nearest]
    return dW


def _repeat_within_rows(ids: np.ndarray) -> np.ndarray:
    """The ids with each row's second id set to its first, so every row repeats an id.

    Where each id of the last row occurred there once and every other id did too, dW from
    the last row only was dW with repeats counted once, and the first failure named that
    one; a repeat within the row sums two rows of dout in the one and keeps one in the
    other."""
    out = ids.copy()
    out[:, 1] = out[:, 0]
    return out


def _first_axis_loop(dout: np.ndarray, ids: np.ndarray, vocab_size: int) -> np.ndarray:
    """What `for t: dW[ids[t]] += dout[t]` gives for ids of 2 or more dimensions: the
    occurrences within one slice ids[t] are counted once (a fancy-indexed +=)."""
    dW = np.zeros((vocab_size, dout.shape[-1]))
    for t in range(ids.shape[0]):
        dW[ids[t]] += dout[t]
    return dW


def _sqrt_d_factors(label: str, d: int) -> list[tuple[float, str]]:
    """A lookup (or its gradient) scaled by sqrt(d) or 1/sqrt(d), the Transformer's own step."""
    said = (
        "the Transformer multiplies its embeddings by sqrt(d_model) before adding the "
        "positional encodings, but that is the model's step; this layer is the plain lookup, "
        "out = W[ids], and dW adds up dout unscaled"
    )
    if d == 1:
        return []
    return [
        (math.sqrt(d), f"{label} was scaled by sqrt(d) = {math.sqrt(d):.4g}: {said}"),
        (1.0 / math.sqrt(d), f"{label} was divided by sqrt(d) = {math.sqrt(d):.4g}: {said}"),
    ]


def _batch_factors(ids: np.ndarray) -> list[tuple[float, str]]:
    """A gradient divided by the batch size, ids.shape[0], for ids of a batch of sequences
    (for 1-D ids that is the number of tokens, which has its own message)."""
    if ids.ndim < 2 or ids.shape[0] in (1, ids.size):
        return []
    return [
        (
            1.0 / ids.shape[0],
            f"dW was divided by the batch size, ids.shape[0] = {ids.shape[0]}; each id's row "
            "adds up its occurrences' rows of dout, unscaled (the loss's own mean over the "
            "batch is already in dout)",
        )
    ]


def _merged(factors: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """The factors with the messages of equal ones joined: the first match alone would name
    one cause where the case cannot tell it from another (a batch of 2 and sqrt(d) = 2)."""
    out: list[tuple[float, str]] = []
    for factor, message in factors:
        same = next((k for k, (f, _) in enumerate(out) if abs(f - factor) <= 1e-9 * f), None)
        if same is None:
            out.append((factor, message))
        else:
            out[same] = (factor, f"{out[same][1]}; or {message} (this case cannot tell which)")
    return out


def _flat_take(j: Judgement, got: Any, W: np.ndarray, ids: np.ndarray) -> None:
    """Fail with the cause when the lookup holds one number per id, the id-th number of the
    flattened W: what np.take(W, ids) without axis=0 gives."""
    value = np.asarray(got) if isinstance(got, np.ndarray | float | np.floating) else None
    if value is None or value.shape != ids.shape or value.dtype.kind != "f":
        return
    if ids.size and np.array_equal(value, W.reshape(-1)[ids]):
        j.fail(
            f"out holds one number per id, W.reshape(-1)[ids], shape {ids.shape}: np.take(W, "
            "ids) without axis=0 indexes the flattened W; take whole rows, np.take(W, ids, "
            "axis=0) or W[ids], which gives ids.shape + (d,)"
        )


def _axes_moved(
    j: Judgement, got: Any, expected: np.ndarray, W: np.ndarray, ids: np.ndarray
) -> None:
    """Fail with what was looked up when out holds the right rows with its axes in another
    order (W[ids].T, W.T[:, ids]): each id's row of W, its d numbers, along an axis other
    than the last; a bare "(transposed?)" did not say which axis held what."""
    if not isinstance(got, np.ndarray) or got.dtype.kind != "f" or got.ndim != expected.ndim:
        return
    if got.ndim > 4 or sorted(got.shape) != sorted(expected.shape):
        return
    if got.shape == expected.shape and np.array_equal(got, expected):
        return
    for axes in itertools.permutations(range(got.ndim)):
        if axes == tuple(range(got.ndim)) or not np.array_equal(np.transpose(got, axes), expected):
            continue
        # axes[i] is the axis of out that holds the expected axis i; the last is the row's
        row_axis, d = axes[-1], expected.shape[-1]
        if row_axis == got.ndim - 1:
            where = (
                f"each id's row of W (its d = {d} numbers) is on the last axis, but the ids' "
                f"axes {ids.shape} came back in another order"
            )
        else:
            where = (
                f"each id's row of W (its d = {d} numbers) runs along axis {row_axis} of out, "
                f"as a column, where it belongs on the last axis"
            )
        j.fail(
            f"out has shape {got.shape}; expected {expected.shape} = ids.shape + (d,): the "
            f"right rows were looked up, with the axes moved: {where}; out[i] = W[ids[i]], "
            f"so return W[ids] with no transpose (W, of shape {W.shape}, has one row per "
            "vocabulary id: (V, d))"
        )


def _width_from_axis_1_raises(dout: np.ndarray, ids: np.ndarray, error: str) -> bool:
    """Whether a backward that takes d = dout.shape[1] raises the error the submission did."""
    try:
        d = dout.shape[1]
        dW = np.zeros((int(ids.max()) + 1, d))
        np.add.at(dW, ids.reshape(-1), dout.reshape(-1, d))
    except (IndexError, ValueError) as raised:
        first = error.split("\n", 1)[0]
        return first == f"{type(raised).__name__}: {raised}".split("\n", 1)[0]
    return False


def _lost_id_axes(ids: np.ndarray, d: int) -> list[tuple[str, tuple[int, ...]]]:
    """The shapes of a lookup whose ids were flattened or squeezed. Ids with at most one
    axis longer than 1, (1, 4) say, give (4, d) both ways and the same rows: one message,
    which says so, where two joined by 'or' left the reader to guess."""
    flat = (ids.size, d)
    flattened = "the ids were flattened; out keeps their shape: ids.shape + (d,)"
    if ids.ndim == 0:  # "flattened" said nothing of the axis a single id gained
        flattened = (
            "the single id, a 0-d array, was made a 1-element array (ids.reshape(-1), "
            "np.atleast_1d or [ids]), which adds an axis; out keeps their shape: ids.shape + "
            "(d,), one row of W, (d,), for ids.shape == ()"
        )
    if 1 not in ids.shape:
        return [(flattened, flat)]
    squeezed = (*(n for n in ids.shape if n != 1), d)
    if squeezed == flat:
        return [
            (
                f"the ids were flattened, or their size-1 axes squeezed away (np.squeeze): "
                f"ids of shape {ids.shape} give {flat} and the same rows both ways, so the "
                "values cannot tell which; out keeps every axis of ids: ids.shape + (d,)",
                flat,
            )
        ]
    return [
        (flattened, flat),
        (
            f"the size-1 axes of ids {ids.shape} were squeezed away (np.squeeze); out keeps "
            "every axis of ids: ids.shape + (d,)",
            squeezed,
        ),
    ]


def _short_vocab_rows(
    ids: np.ndarray, vocab: int, expected: np.ndarray
) -> list[tuple[str, tuple[int, ...], list[np.ndarray]]]:
    """dW's rows counted from the largest id seen, or one short of vocab_size, each with the
    values it gives. Where the largest id is vocab_size - 2 both give the same rows, and one
    message says so."""
    top, d = int(np.max(ids)) + 1, expected.shape[-1]
    from_ids = (
        "dW has ids.max() + 1 rows, one per id up to the largest seen; it has vocab_size "
        "rows, and the ids that never occur get rows of zeros"
    )
    short = (
        f"dW has vocab_size - 1 rows; the ids run from 0 to vocab_size - 1 = {vocab - 1}, so "
        f"there are vocab_size = {vocab} rows"
    )
    if top == vocab - 1:
        return [
            (
                f"{from_ids}; or {short} (the largest id here is vocab_size - 2 = {vocab - 2}, "
                "so both give these rows and the values cannot tell which)",
                (top, d),
                [expected[:top]],
            )
        ]
    # one row short: the last id's row dropped, or (ids clipped) added to the row before
    clipped = expected[: vocab - 1].copy()
    if vocab >= 2:
        clipped[-1] += expected[vocab - 1]
    return [
        (from_ids, (top, d), [expected[:top]]),
        (short, (vocab - 1, d), [expected[: vocab - 1], clipped]),
    ]


def _told_by_values(
    mistakes: Sequence[tuple[str, tuple[int, ...], Sequence[np.ndarray]]],
    got: Any,
    tol: Tolerance,
) -> list[tuple[str, tuple[int, ...]]]:
    """The shape mistakes that `got` may be, those its shape fits left out where others of
    that shape hold its values: vocab_size - 1 rows and one row per distinct id can share a
    shape, and the rows tell which it was. A mistake with no model stays.

    Each model is checked by `holds`, as conv2d's and maxpool's are; what is kept differs
    on purpose. Their narrowing (`_told_apart`) also reads the right windows in a result
    of the wrong size (a slip of the size formula alone) and words a message of its own
    for slips the values cannot tell apart; a dW of the wrong shape has no right rows to
    read, so here a model either holds or not, and where none or every one holds the
    shape's message keeps them all."""
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "biuf":
        return [(m, shape) for m, shape, _ in mistakes]
    fits = [(m, models) for m, shape, models in mistakes if shape == got.shape and models]
    matched = {m for m, models in fits if holds(models, got, tol)}
    if not matched or len(matched) == len(fits):
        return [(m, shape) for m, shape, _ in mistakes]
    return [(m, shape) for m, shape, _ in mistakes if shape != got.shape or m in matched]


class EmbeddingChecker(NNChecker):
    """embedding_forward(W, ids) and embedding_backward(dout, ids, vocab_size)."""

    def error_cause(self, case: Case, error: str) -> str | None:
        """A one-hot backward whose batch dimensions were not flattened: its matmul raises.
        Or the width read as dout.shape[1], right for 1-D ids only: the same error raised."""
        if case.inputs["fn"] != "embedding_backward":
            return None
        dout, ids = case.inputs["args"][0], case.inputs["args"][1]
        if ids.ndim != 1 and _width_from_axis_1_raises(dout, ids, error):
            shown = f"dout.shape[1] = {dout.shape[1]}" if dout.ndim > 1 else "dout.shape[1]"
            return (
                f"the width was read as {shown}, the width only when ids are 1-D; with ids "
                f"of shape {ids.shape}, dout has shape {dout.shape}: d is dout.shape[-1], "
                "the last axis whatever comes before it"
            )
        if "matmul" not in error:
            return None
        if ids.ndim == 1:
            return None
        return (
            f"with ids of shape {ids.shape}, a one-hot matrix np.eye(V)[ids] has shape "
            f"{ids.shape + ('V',)}, and its .T is not (V, N): flatten first, one_hot = "
            "np.eye(V)[ids.reshape(-1)] and dout.reshape(-1, d), then dW = one_hot.T @ dout"
        ).replace("'V'", "V")

    name = "arch.embedding.embedding"
    entries = ("embedding_forward", "embedding_backward")

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "embedding_forward": ref.embedding_forward,
            "embedding_backward": ref.embedding_backward,
        }

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        V, d = gen.size(rng, 6, 10), gen.size(rng, 3, 5)

        def ids(shape: tuple[int, ...], vocab: int = V, repeats: bool = True) -> np.ndarray:
            out = rng.integers(0, vocab, size=shape)
            if repeats and out.size >= 2:
                flat = out.reshape(-1)
                flat[-1] = flat[0]  # at least one id occurs twice
            return out.astype(np.int64)

        first = ids((7,))
        # both ends of the vocabulary, which a lookup that clips or shifts the ids gets
        # wrong (id 0 and V - 1 were both missing on some seeds, and such a lookup passed)
        for position, end in ((1, 0), (2, V - 1)):
            if end not in first:
                first[position] = end
        plans: list[tuple[str, str, Any, int]] = [
            ("a 1-D sequence of ids, 0 and V - 1 among them", "forward", first, V),
            ("a (batch, T) array of ids", "forward", ids((3, 5)), V),
            ("a single id (a 0-d array)", "forward", np.array(gen.size(rng, 0, V - 1)), V),
            ("a vocabulary of one (V = 1)", "forward", np.zeros((4,), dtype=np.int64), 1),
            ("a 1-D sequence with a repeated id", "backward", ids((12,)), V),
            (NUMERIC_CASE, "backward", _repeat_within_rows(ids((3, 6))), V),
            ("every id the same", "backward", np.full((2, 4), gen.size(rng, 0, V - 1)), V),
            ("a single id (a 0-d array)", "backward", np.array(gen.size(rng, 0, V - 1)), V),
            ("ids that never use most of a large vocabulary", "backward", ids((5,), 4), 50),
            ("a larger batch", "backward", ids((16, 32)), V),
        ]
        out = []
        for i, (what, fn, token_ids, vocab) in enumerate(plans, 1):
            token_ids = np.asarray(token_ids, dtype=np.int64)
            if fn == "forward":
                W = gen.normal(rng, (vocab, d))
                args: list[Any] = [W, token_ids]
                shown = gen.describe(W=W) + f"; ids {token_ids.shape}"
            else:
                dout = gen.normal(rng, (*token_ids.shape, d))
                args = [dout, token_ids, vocab]
                shown = gen.describe(dout=dout) + f"; ids {token_ids.shape}; vocab_size={vocab}"
            counts = np.bincount(token_ids.reshape(-1), minlength=vocab)
            if counts.max() > 1:
                shown += f"; id {int(counts.argmax())} occurs {int(counts.max())} times"
            out.append(
                Case(
                    f"case {i}: embedding_{fn}, {what}",
                    call_inputs(f"embedding_{fn}", *args),
                    shown,
                    private={"numeric": what == NUMERIC_CASE},
                )
            )
        # drawn after every other case, so theirs stay the numbers they were: ids with a
        # size-1 axis, which an np.squeeze(ids) turns into another shape (no case had one)
        one = ids((1, gen.size(rng, 4, 7)))
        W = gen.normal(rng, (V, d))
        out.append(
            Case(
                f"case {len(out) + 1}: embedding_forward, a batch of one sequence, ids (1, T)",
                call_inputs("embedding_forward", W, one),
                gen.describe(W=W) + f"; ids {one.shape}",
            )
        )
        return out

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        fn, args = case.inputs["fn"], case.inputs["args"]
        if fn == "embedding_forward":
            W, ids = args
            expected = ref.embedding_forward(W, ids)
            _flat_take(j, outputs.get("out"), W, ids)
            _axes_moved(j, outputs.get("out"), expected, W, ids)
            got = check_shape(
                j,
                "out",
                outputs.get("out"),
                expected.shape,
                _lost_id_axes(ids, W.shape[1]),
            )
            V = W.shape[0]
            j.close(
                "out",
                got,
                expected,
                LOOKUP,
                hints=[
                    (
                        f"the ids were clipped to [1, {V - 1}], so id 0 reads row 1; the ids "
                        "run from 0 to vocab_size - 1 and id 0 is row 0 of W: out = W[ids]",
                        lambda: W[np.clip(ids, 1, V - 1)],
                    ),
                    (
                        "the ids were read as counting from 1, W[ids - 1]; id i is row i of "
                        "W, counting from 0: out = W[ids]",
                        lambda: W[ids - 1],
                    ),
                ],
                factors=_sqrt_d_factors("out", W.shape[1]),
            )
            return
        dout, ids, vocab = args
        expected = ref.embedding_backward(dout, ids, vocab)
        tol = Tolerance(rtol=1e-12, atol=1e-14 * (1.0 + float(np.abs(dout).sum())))
        seen = np.unique(ids)
        mistakes = _told_by_values(
            [
                (
                    "dW has one row per token; it has one row per vocabulary entry, (V, d)",
                    dout.shape,
                    [],
                ),
                *_short_vocab_rows(ids, vocab, expected),
                (
                    "dW has one row per distinct id (np.unique(ids)), the values of a sparse "
                    "gradient; it has vocab_size rows, and the ids that never occur get rows "
                    "of zeros",
                    (int(seen.size), dout.shape[-1]),
                    [expected[seen]],
                ),
                (
                    "dW is (d, V): dout^T @ one_hot is dW^T, the product in the other order; "
                    "dW = one_hot^T @ dout, one row per vocabulary entry, (V, d)",
                    (dout.shape[-1], vocab),
                    [],
                ),
            ],
            outputs.get("out"),
            tol,
        )
        got = check_shape(j, "dW", outputs.get("out"), expected.shape, mistakes)
        j.close(
            "dW",
            got,
            expected,
            tol,
            hints=[
                (
                    "rows for repeated ids are counted once: dW[ids] += dout (or a loop that "
                    "assigns dW[t] = ...) writes each id's row once, so only one occurrence "
                    "survives; use np.add.at(dW, ids, dout), or += in a loop, so repeats add up",
                    lambda: _counted_once(dout, ids, vocab, got),
                ),
                (
                    "np.add.reduceat summed the rows in the ids' own order: it adds the "
                    "consecutive rows from each start index to the next, so it needs the "
                    "positions sorted by id first (order = np.argsort(ids, kind='stable'), "
                    "rows = dout[order]); or use np.add.at(dW, ids, dout)",
                    lambda: _reduceat_unsorted(dout, ids, vocab),
                ),
                *(
                    [
                        (
                            "a loop over the first axis of ids, dW[ids[t]] += dout[t], counts "
                            "an id repeated within one slice ids[t] once (a fancy-indexed += "
                            "writes each row once); loop over every position, "
                            "ids.reshape(-1), or use np.add.at(dW, ids, dout)",
                            lambda: _first_axis_loop(dout, ids, vocab),
                        )
                    ]
                    if ids.ndim >= 2
                    else []
                ),
                *(
                    [
                        (
                            "dW's row 0 is 0 though id 0 occurs: id 0 was kept for padding, as "
                            "nn.Embedding(padding_idx=0) does; here id 0 is a token like any "
                            "other, and its row adds up its occurrences' rows of dout",
                            lambda: np.where(np.arange(vocab)[:, None] == 0, 0.0, expected),
                        )
                    ]
                    if np.any(expected[0] != 0.0)
                    else []
                ),
                *(
                    [
                        (
                            f"dW holds the last row of ids only (ids[-1] with dout[-1]); each "
                            f"of the {ids.shape[0]} rows of ids adds its tokens' rows of dout: "
                            "np.add.at(dW, ids, dout) takes them all",
                            lambda: ref.embedding_backward(dout[-1], ids[-1], vocab),
                        ),
                        (
                            f"dW holds the first row of ids only (ids[0] with dout[0]); each "
                            f"of the {ids.shape[0]} rows of ids adds its tokens' rows of dout: "
                            "np.add.at(dW, ids, dout) takes them all",
                            lambda: ref.embedding_backward(dout[0], ids[0], vocab),
                        ),
                    ]
                    if ids.ndim >= 2 and ids.shape[0] > 1
                    else []
                ),
                (
                    "every column of dW repeats the sums of dout's first column, "
                    "np.bincount(ids, weights=dout[..., 0]); each column j of dW sums its own "
                    "column of dout: bincount each column, or np.add.at(dW, ids, dout)",
                    lambda: np.repeat(expected[:, :1], expected.shape[1], axis=1),
                ),
                (
                    "rows for repeated ids are averaged over their occurrences; the gradient "
                    "adds them up: every occurrence of an id adds its row of dout",
                    lambda: (
                        expected
                        / np.maximum(np.bincount(ids.reshape(-1), minlength=vocab), 1)[:, None]
                    ),
                ),
            ],
            factors=_merged(
                [
                    *_batch_factors(ids),
                    *_sqrt_d_factors("dW", dout.shape[-1]),
                    (
                        1.0 / max(ids.size, 1),
                        f"dW was divided by the {ids.size} tokens; each id's row adds up its "
                        "occurrences' rows of dout, unscaled (the loss's own mean is already "
                        "in dout)",
                    ),
                ]
            ),
        )
        if case.private.get("numeric"):

            def loss(W: np.ndarray) -> float:
                return float(np.sum(dout * ref.embedding_forward(W, ids)))

            numeric_check(j, "dW", got, loss, np.zeros((vocab, dout.shape[-1])))


def _encoding(
    T: int,
    d: int,
    exponent: Callable[[np.ndarray], np.ndarray],
    *,
    swap: bool = False,
    start: int = 0,
    halves: bool = False,
) -> np.ndarray:
    """Sinusoidal encodings built the way a known mistake builds them.

    `exponent(j)` is the power of 10000 used by column j; `swap` puts cos in the even
    columns; `start` is the first position; `halves` puts every sin before every cos.
    """
    p = np.arange(start, start + T, dtype=np.float64)[:, None]
    cols = np.arange(d)
    angle = p / 10000.0 ** exponent(cols)[None, :]
    if halves:
        return np.hstack([np.sin(angle[:, 0::2]), np.cos(angle[:, 0::2])])
    sin, cos = (np.cos, np.sin) if swap else (np.sin, np.cos)
    return np.where(cols % 2 == 0, sin(angle), cos(angle))


def _float16_angles(got: Any, expected: np.ndarray, tol: Tolerance) -> bool:
    """True when every value is a float16 number (a table of more than a few values is not so
    by chance) and the table is off by more than float16's rounding of the right one: its
    angles were float16, which for a long sequence loses the first digits of sin and cos."""
    if not isinstance(got, np.ndarray) or got.shape != expected.shape or got.size < 16:
        return False
    g = got.astype(np.float64)
    with np.errstate(all="ignore"):
        halves = g.astype(np.float16).astype(np.float64)
    return (
        bool(np.all(np.isfinite(g)) and np.array_equal(halves, g))
        and not float16_only(g, expected)
        and bool(np.any(tol.violation(g, expected) > 1.0))
    )


def _sin_cos(angle: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sines and the cosines of these angles, for a table's even and odd columns."""
    return np.sin(angle), np.cos(angle)


def _interleaved(even: np.ndarray, odd: np.ndarray) -> np.ndarray:
    """A (T, d) table with these (T, d/2) values in its even and its odd columns."""
    out = np.empty((even.shape[0], 2 * even.shape[1]))
    out[:, 0::2], out[:, 1::2] = even, odd
    return out


class PositionalEncodingChecker(NNChecker):
    """sinusoidal_encoding(T, d) against the paper's formula, with its common slips named."""

    name = "arch.embedding.positional_encoding"
    entries = ("sinusoidal_encoding",)

    def error_cause(self, case: Case, error: str) -> str | None:
        """The positions left 1-D, np.arange(T) without [:, None]: divided by the (d/2,)
        frequencies, numpy pairs them elementwise and refuses T against d/2 (or, with one
        frequency, cannot put a (T,) result into a (T, 1) column)."""
        T, d = case.inputs["args"]
        first = error.split("\n", 1)[0]
        paired = f"shapes ({T},) ({d // 2},)" in first or f"shapes ({d // 2},) ({T},)" in first
        into_column = f"from shape ({T},) into shape ({T},1)" in first
        if T == d // 2 or not (paired or into_column):
            return None
        return (
            f"the positions stayed 1-D, np.arange(T) of shape ({T},), so dividing them by the "
            f"{d // 2} frequencies pairs the two elementwise; the angles are every position "
            "times every frequency, a (T, d/2) table: np.arange(T)[:, None] / div[None, :] "
            "(or np.outer)"
        )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"sinusoidal_encoding": ref.sinusoidal_encoding}

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        plans = [
            ("one position (T = 1)", 1, 2 * gen.size(rng, 2, 4)),
            ("d = 2", gen.size(rng, 3, 9), 2),
            ("odd T", 2 * gen.size(rng, 3, 10) + 1, 2 * gen.size(rng, 3, 8)),
            ("T < d", gen.size(rng, 4, 8), 2 * gen.size(rng, 8, 16)),
            ("a typical size", gen.size(rng, 40, 60), 64),
            ("a long sequence", 512, 128),
        ]
        return [
            Case(f"case {i}: {what}", call_inputs("sinusoidal_encoding", T, d), f"T={T}, d={d}")
            for i, (what, T, d) in enumerate(plans, 1)
        ]

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        T, d = case.inputs["args"]
        expected = ref.sinusoidal_encoding(T, d)
        got = check_shape(
            j,
            "PE",
            outputs.get("out"),
            (T, d),
            [
                ("PE is (T, d): positions are rows", (d, T)),
                (
                    "PE has a leading batch axis of 1, (1, T, d), as the TensorFlow tutorial's "
                    "angle_rads[np.newaxis, ...] returns it; the drill asks for the table "
                    "itself, (T, d)",
                    (1, T, d),
                ),
            ],
        )
        angles = np.arange(T, dtype=np.float64)[:, None] / 10000.0 ** (
            np.arange(0, d, 2, dtype=np.float64) / d
        )

        def pair(cols: np.ndarray) -> np.ndarray:
            out: np.ndarray = 2 * (cols // 2) / d
            return out

        tol = Tolerance(rtol=1e-9, atol=1e-12 * max(1, T))
        if _float16_angles(got, expected, tol):
            j.fail(
                "every value of PE is a float16 number, and the table is further off than "
                f"float16's rounding of it: the angles were float16 too, where an angle near "
                f"{T - 1} (the last position) is a multiple of {float(np.spacing(np.float16(T - 1)))}"
                ", so its sine and cosine are off in the first digits; compute in float64, and "
                ".astype(np.float64) afterwards cannot bring the lost digits back"
            )
        j.close(
            "PE",
            got,
            expected,
            tol,
            hints=[
                (
                    "the exponent uses the column index j/d for every column; sin and cos of "
                    "one pair share 2i/d (column 2i and 2i+1 use the same frequency)",
                    lambda: _encoding(T, d, lambda c: c / d),
                ),
                (
                    "the exponent is 2j/d with j the column index, so column 2i uses 4i/d; "
                    "i counts the (sin, cos) pairs: columns 2i and 2i+1 both use 2i/d",
                    lambda: _encoding(T, d, lambda c: 2 * c / d),
                ),
                (
                    "the exponent is i/d; it is 2i/d, where i counts the (sin, cos) pairs",
                    lambda: _encoding(T, d, lambda c: (c // 2) / d),
                ),
                (
                    "each pair's exponent is 4i/d: the 2i of np.arange(0, d, 2) was doubled "
                    "again (2 * j / d, or j / (d / 2)); columns 2i and 2i+1 use 2i/d, "
                    "np.arange(0, d, 2) / d as it is",
                    lambda: _encoding(T, d, lambda c: 4 * (c // 2) / d),
                ),
                (
                    "the even columns hold cos as well: column 2i is sin, 2i+1 is cos, of the "
                    "same angle",
                    lambda: _interleaved(np.cos(angles), np.cos(angles)),
                ),
                (
                    "sin and cos are swapped: even columns (2i) hold sin, odd columns hold cos",
                    lambda: _encoding(T, d, pair, swap=True),
                ),
                (
                    "sin and cos are in two halves; they alternate: column 2i is sin, 2i+1 is cos",
                    lambda: _encoding(T, d, pair, halves=True),
                ),
                *(
                    [
                        (
                            "every sin before every cos, and frequencies that reach exactly "
                            "1/10000 (log(10000) / (d/2 - 1) per pair): the timing signal of "
                            "tensor2tensor, a layout of its own; this drill's is the paper's, "
                            "column 2i sin and 2i+1 cos of p / 10000**(2i/d)",
                            lambda: _encoding(T, d, lambda c: (c // 2) / (d // 2 - 1), halves=True),
                        )
                    ]
                    if d > 2
                    else []
                ),
                (
                    "the odd columns hold -cos: sin(angle - pi/2) is -cos(angle); "
                    "cos(angle) = sin(angle + pi/2)",
                    lambda: _interleaved(np.sin(angles), -np.cos(angles)),
                ),
                (
                    "the odd columns hold cos(sin(angle)): sin was applied to every column "
                    "(table = np.sin(table)) before cos was applied to the odd ones; apply "
                    "each to its own columns of the angles",
                    lambda: _interleaved(np.sin(angles), np.cos(np.sin(angles))),
                ),
                (
                    "the angles were floored: p // 10000**(2i/d) drops each angle's fraction "
                    "(// is floor division); the angle is p / 10000**(2i/d)",
                    lambda: _interleaved(np.sin(np.floor(angles)), np.cos(np.floor(angles))),
                ),
                (
                    "the pair index starts at 1; it starts at 0, so the first pair (columns 0 "
                    "and 1) has frequency 1: sin(p) and cos(p), and the last pair's exponent is "
                    "(d - 2)/d",
                    lambda: _encoding(T, d, lambda c: pair(c) + 2 / d),
                ),
                *(
                    [
                        (
                            "the exponent divides by d - 1; it is 2i/d, with d the full width",
                            lambda: _encoding(T, d, lambda c: 2 * (c // 2) / (d - 1)),
                        )
                    ]
                    if d > 2
                    else []
                ),
                (
                    "positions start at 1; the first position is p = 0",
                    lambda: _encoding(T, d, pair, start=1),
                ),
                (
                    "the base is 1000; the paper's is 10000: p / 10000**(2i/d)",
                    lambda: _encoding(T, d, lambda c: pair(c) * 0.75),  # 1000 = 10000**0.75
                ),
                (
                    "the frequencies use log10(10000) = 4 inside np.exp, whose inverse is the "
                    "natural log: exp(-(2i/d) * ln(10000)) = 1 / 10000**(2i/d); with log10 "
                    "the base is e**4, about 54.6",
                    lambda: _encoding(T, d, lambda c: pair(c) * math.log10(math.e)),
                ),
                *(
                    [
                        (
                            "the frequencies run from 1 down to exactly 1/10000 (np.geomspace "
                            "or np.linspace with its endpoint), so pair i uses the exponent "
                            "2i/(d - 2); it is 2i/d, and the last pair stops short of "
                            "1/10000: np.arange(0, d, 2) / d, or endpoint=False",
                            lambda: _encoding(T, d, lambda c: (c // 2) / (d // 2 - 1)),
                        )
                    ]
                    if d > 2
                    else []
                ),
                (
                    "every pair has frequency 1: the exponent was computed with integer "
                    "division, 2 * i // d, which is 0 for every i < d/2; use true division, "
                    "2 * i / d",
                    lambda: _encoding(T, d, lambda c: 0 * c),
                ),
                *(
                    (
                        "p was multiplied by 10000**(2i/d); it is divided: p / 10000**(2i/d), "
                        "so the wavelengths grow from 2*pi to 10000*2*pi across the columns",
                        table,
                    )
                    # p * 10000**(2i/d) and p / 10000**(-2i/d): angles up to T * 10000 keep
                    # only about 1e-9 of their value through another rounding order
                    for table in (
                        lambda: _interleaved(
                            *_sin_cos(
                                np.arange(T)[:, None] * 10000.0 ** pair(np.arange(0, d, 2))[None, :]
                            )
                        ),
                        lambda: _encoding(T, d, lambda c: -pair(c)),
                    )
                ),
            ],
        )


embedding = EmbeddingChecker
positional_encoding = PositionalEncodingChecker
