"""Checkers for scaled dot-product attention (masks, batch axes, large scores) and multi-head
self-attention (head split, scaling, causal mask)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np

from engine import cases as gen
from engine.arch import attention as ref
from engine.checkers.arch._common import check_shape, unpack
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.checkers.wide_float import beyond_longdouble
from engine.checks import Judgement, Tolerance, fmt_pair

__all__ = ["attention", "multi_head_attention"]

WEIGHTS_TOL = Tolerance(rtol=1e-9, atol=1e-13)
"""Scores up to 1e4 differ by about 1e-12 between summation orders; exp keeps that relative."""


def _softmax(scores: np.ndarray, axis: int = -1) -> np.ndarray:
    with np.errstate(all="ignore"):
        e = np.exp(scores - scores.max(axis=axis, keepdims=True))
        out: np.ndarray = e / e.sum(axis=axis, keepdims=True)
    return out


def _shifted_causal(T: int, k: int) -> np.ndarray:
    """np.tril's mask with diagonal offset k; a row left with no key (k < 0) keeps the
    diagonal, the one fallback whose softmax is defined."""
    mask: np.ndarray = np.tril(np.ones((T, T), dtype=bool), k)
    empty = ~mask.any(axis=1)
    mask[empty, np.nonzero(empty)[0]] = True
    return mask


MASK_ADDED = (
    "the boolean mask was added to the scores (True adds 1, False adds 0), so masked keys "
    "keep their weight: a boolean mask selects, np.where(mask, scores, -np.inf); only a mask "
    "of 0 and -inf is added"
)


CAUSAL_IN_PLACE_OF_MASK = (
    "the weights follow a causal mask (query i attends to keys 0..i), not the mask given: "
    "the mask argument says which keys each query may attend to, whatever its pattern; "
    "apply it as it is, np.where(mask, scores, -np.inf)"
)


def _causal_in_place_of(
    mask: np.ndarray, Q: np.ndarray, K: np.ndarray, V: np.ndarray, weights: np.ndarray
) -> bool:
    """True when the weights are those of a causal mask, np.tril over (n_q, n_k), and the
    mask given is another pattern: code that builds its own causal mask whenever a mask is
    passed. Where the mask given allows every key the causal one does, the masked weights
    are still 0, and only the allowed keys left out show it."""
    if weights.dtype.kind != "f":
        return False
    causal = np.tril(np.ones((Q.shape[-2], K.shape[-2]), dtype=bool))
    if np.array_equal(np.broadcast_to(mask, weights.shape), np.broadcast_to(causal, weights.shape)):
        return False
    with np.errstate(all="ignore"):
        _, w_causal = ref.scaled_dot_product_attention(Q, K, V, causal)
    return bool(np.allclose(weights, w_causal, rtol=1e-9, atol=1e-12))


def _mask_added_weights(Q: np.ndarray, K: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The softmax of the scaled scores plus the boolean mask (as 1 and 0): the weights of
    code that adds a boolean mask as if it held 0 and -inf."""
    with np.errstate(all="ignore"):
        return _softmax(Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1]) + mask)


def _mask_added(weights: np.ndarray, Q: np.ndarray, K: np.ndarray, mask: np.ndarray) -> bool:
    """True when the weights are the softmax of the scaled scores plus the boolean mask."""
    added = _mask_added_weights(Q, K, mask)
    with np.errstate(all="ignore"):
        return bool(weights.shape == added.shape and np.allclose(weights, added, rtol=1e-6))


GLOBAL_SHIFT = (
    "the scores were shifted by their maximum over every entry (scores.max() without an "
    "axis), not by each row's own: a row whose scores all lie far below the largest one "
    "underflows to exp(...) = 0 everywhere, and its softmax is 0 / 0; subtract each row's "
    "maximum, scores.max(axis=-1, keepdims=True)"
)
LOG_OF_MASK = (
    "the weights are right, but something divided by zero on the way: an additive mask "
    "built as np.log(mask) does, at every False entry (log 0 = -inf comes with numpy's "
    "divide-by-zero warning); build the -inf entries without a log, np.where(mask, scores, "
    "-np.inf) (or np.where(mask, 0.0, -np.inf) added to the scores)"
)
"""What a divide-by-zero warning with right weights in a masked case comes from."""
MASK_TIMES_INF = (
    "every allowed {what} became NaN: an additive mask made by multiplying by -inf ({form}) "
    "gives 0 * -inf = NaN wherever the mask allows, and one NaN in a row makes its maximum, "
    "its sum and so every weight of the row NaN; choose the entries instead of multiplying, "
    "np.where({cond}, 0.0, -np.inf) added to the scores, or np.where({cond}, scores, -np.inf)"
)
"""An additive mask built as (~mask) * -inf (or (1 - mask) * -inf, np.triu(ones, 1) * -inf)."""


def _masked_key_far_on_top(args: Sequence[Any]) -> bool:
    """Whether some row's masked key outscores its allowed ones by more than exp can
    underflow: a shift by the maximum over every key then makes every allowed weight NaN
    (0 / 0) as a multiplied mask does, so neither may be named from this case."""
    Q, K, _, mask = args[:4]
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    allowed = np.broadcast_to(np.asarray(mask, dtype=bool), scores.shape)
    with np.errstate(all="ignore"):
        gap = scores.max(axis=-1) - np.where(allowed, scores, -np.inf).max(axis=-1)
    return bool(np.any(gap > 700.0))


def _all_allowed_nan(values: Any, allowed: np.ndarray, events: Sequence[str]) -> bool:
    """Whether numpy reported an invalid value and every allowed entry came back NaN, as
    0 * -inf at each allowed entry of a multiplied mask gives (a row with no allowed entry
    is NaN in a correct answer too, so only the allowed ones are read). An overflow
    reported beside it rules the multiplied mask out: its NaN comes before any exp, and exp
    of NaN or -inf overflows nowhere, while an exp that overflowed to inf gives inf / inf =
    NaN in every row it reached (a naive softmax, one shifted by the row's minimum)."""
    if "invalid value" not in events or "overflow" in events:
        return False
    if not isinstance(values, np.ndarray):
        return False
    if values.dtype.kind != "f" or not allowed.any():
        return False
    try:
        keep = np.broadcast_to(allowed, values.shape)
    except ValueError:
        return False
    return bool(np.all(np.isnan(values[keep])))


LOG_OF_CAUSAL_MASK = (
    "the output is right, but something divided by zero on the way: a causal mask built as "
    "np.log(np.tril(ones)) does, above the diagonal (log 0 = -inf comes with numpy's "
    "divide-by-zero warning); build the -inf entries without a log, np.where(np.tril(ones) "
    "> 0, scores, -np.inf)"
)
"""The same in the multi-head drill's causal cases."""


def _log_of_mask(args: Sequence[Any], weights: np.ndarray, events: Sequence[str]) -> bool:
    """Right weights, a mask with a False entry and numpy's divide-by-zero warning alone: the
    warning came from log(0), the additive-mask trick, not from the softmax."""
    if list(events) != ["divide by zero"] or args[3] is None or np.all(args[3]):
        return False
    Q, K, V, mask = args[:4]
    expected = ref.scaled_dot_product_attention(Q, K, V, mask)[1]
    return weights.shape == expected.shape and bool(
        np.allclose(weights, expected, rtol=1e-8, atol=1e-12)
    )


SUM_OVER_ALL = (
    "the softmax divides by the sum over every entry (a .sum() without an axis), so all the "
    "weights together sum to 1; each query's row of weights sums to 1: "
    "e / e.sum(axis=-1, keepdims=True)"
)


def _masked_scores(args: list[Any]) -> np.ndarray:
    """The scaled scores of a case, masked with -inf: what a softmax is taken of."""
    Q, K = args[0], args[1]
    with np.errstate(all="ignore"):
        scores: np.ndarray = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
        if len(args) > 3:
            scores = np.where(args[3], scores, -np.inf)
    return scores


def _shifted_by_global_max(args: list[Any], weights: np.ndarray) -> bool:
    """True when the weights are NaN exactly in the rows whose exp(scores - scores.max())
    underflows to 0 everywhere: the rows a shift by the global maximum leaves 0 / 0."""
    scores = _masked_scores(args)
    if weights.shape != scores.shape:
        return False
    with np.errstate(all="ignore"):
        empty = np.exp(scores - scores.max()).sum(axis=-1) == 0.0
        nan_rows = np.isnan(weights).any(axis=-1)
    return bool(empty.any() and np.array_equal(empty, nan_rows))


QK_RIGHT = "the scores are Q @ K^T, (..., n_q, n_k), each query against every key"
K_UNTRANSPOSED = (
    "K is not transposed: the scores need K^T, np.swapaxes(K, -1, -2), so that each query "
    "meets every key"
)


class Mixup(NamedTuple):
    """Code that mixes up Q and K in the scores: its form, what to say of it, what it computes,
    and whether it leaves K untransposed (a fact two such forms share when their errors agree)."""

    form: str
    message: str
    scores: Callable[[np.ndarray, np.ndarray], np.ndarray]
    k_untransposed: bool = False
    einsum: str = ""
    """The same product as an einsum, whose shape error numpy words differently."""


QK_MIXUPS = (
    Mixup(
        "K @ Q^T",
        "Q and K swapped roles: the scores are K @ Q^T, each key (a row) against every query, "
        f"so each row's softmax weighs queries; {QK_RIGHT}",
        lambda Q, K: K @ np.swapaxes(Q, -1, -2),
    ),
    Mixup(
        "Q @ Q^T",
        f"K is not used: the scores are Q @ Q^T, each query against the queries; {QK_RIGHT}",
        lambda Q, K: Q @ np.swapaxes(Q, -1, -2),
    ),
    Mixup(
        "K @ K^T",
        f"Q is not used: the scores are K @ K^T, each key against the keys; {QK_RIGHT}",
        lambda Q, K: K @ np.swapaxes(K, -1, -2),
    ),
    Mixup(
        "Q^T @ K",
        "the transpose is on Q instead of K: Q^T @ K sums over the tokens, not over the "
        f"features, and gives (..., d_k, d_k) scores, one per pair of features; {QK_RIGHT}",
        lambda Q, K: np.swapaxes(Q, -1, -2) @ K,
        k_untransposed=True,
        einsum="...nq,...nk->...qk",
    ),
    Mixup(
        "Q @ K",
        f"{K_UNTRANSPOSED}: Q @ K meets each query with K's columns, not with its rows, the "
        f"keys; {QK_RIGHT}",
        lambda Q, K: Q @ K,
        k_untransposed=True,
        einsum="...qd,...dk->...qk",
    ),
)
"""Code that mixes up Q and K, and what it computes in place of Q @ K^T. With Q and K of one
shape the first three run, and the weights tell them apart (as they do the others when
d_k = n_q = n_k); elsewhere they raise, each with numpy's error for its own shapes."""


def _mixup_error(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: Any, scores: Callable[..., np.ndarray]
) -> str | None:
    """The first line of the error that attention computed with these scores raises on this
    case (a mask applied with np.where, the weights then applied to V), or None."""
    try:
        with np.errstate(all="ignore"):
            raw = scores(Q, K) / np.sqrt(Q.shape[-1])
            if mask is not None:
                raw = np.where(mask, raw, -np.inf)
            _softmax(raw) @ V
    except ValueError as error:
        return f"ValueError: {error}".split("\n", 1)[0]
    return None


def _mixup_cause(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, mask: Any, error: str, shapes: str
) -> str | None:
    """What the mix-ups of Q and K whose code raises exactly this error on these inputs prove:
    the one that does, by name; Q @ K and Q^T @ K (whose errors agree with Q and K of one
    shape), that K is not transposed; several others, each by its form, as these shapes cannot
    tell them apart. None when none does. `shapes` says which Q and K these are (a case's
    own, or one head's of multi-head attention)."""
    if _mixup_error(Q, K, V, mask, lambda q, k: q @ np.swapaxes(k, -1, -2)) is not None:
        return None  # the right scores raise too: the error is elsewhere
    first = error.split("\n", 1)[0]
    found = [
        m
        for m in QK_MIXUPS
        if first
        in {
            _mixup_error(Q, K, V, mask, m.scores),
            _mixup_error(Q, K, V, mask, lambda q, k, m=m: np.einsum(m.einsum, q, k))
            if m.einsum
            else None,
        }
    ]
    if not found:
        return None
    if len(found) == 1:
        return f"{found[0].message} (numpy raised the error that this code raises with {shapes})"
    forms = f"{', '.join(m.form for m in found[:-1])} and {found[-1].form}"
    if all(m.k_untransposed for m in found):
        return (
            f"{K_UNTRANSPOSED}; {QK_RIGHT} (numpy raised the error that {forms} raise with "
            f"{shapes}, and neither transposes K)"
        )
    return (
        f"Q and K are mixed up in the scores: numpy raised the error that each of {forms} "
        f"raises with {shapes}, and these shapes cannot tell them apart; {QK_RIGHT} (a case "
        "where Q and K have one shape names which)"
    )


def _mixup_scores(
    Q: np.ndarray, K: np.ndarray, scores: Callable[..., np.ndarray], shape: tuple[int, ...]
) -> np.ndarray | None:
    """The scores a mix-up computes, when they run and have the right scores' shape."""
    try:
        out = scores(Q, K)
    except ValueError:
        return None
    return out if out.shape == shape else None


def _given(value: np.ndarray) -> Callable[[], np.ndarray]:
    """A hint's value computed already (the mix-up's scores were needed to know it runs)."""
    return lambda: value


def _weight_variants(
    Q: np.ndarray, K: np.ndarray, d_v: int, mask: np.ndarray | None
) -> list[tuple[str, Callable[[], Any]]]:
    """Attention weights that known mistakes produce, computed on demand (d_v: V's width)."""
    d_k = Q.shape[-1]
    raw = Q @ np.swapaxes(K, -1, -2)

    def masked(scores: np.ndarray, keep: np.ndarray | None) -> np.ndarray:
        return scores if keep is None else np.where(keep, scores, -np.inf)

    def over_all(shift_by_row: bool) -> np.ndarray:
        scores = masked(raw / np.sqrt(d_k), mask)
        with np.errstate(all="ignore"):
            top = scores.max(axis=-1, keepdims=True) if shift_by_row else scores.max()
            e = np.exp(scores - top)
            out: np.ndarray = e / e.sum()
        return out

    def tie() -> Any:
        """Where every row's weights are one-hot and there are sqrt(d_k) rows, dividing by
        sqrt(d_k) after the softmax and by the sum over every entry give one result."""
        after = _softmax(masked(raw, mask)) / np.sqrt(d_k)
        with np.errstate(all="ignore"):
            same = after.shape == raw.shape and np.allclose(after, over_all(True), rtol=1e-12)
        return after if same else np.full(1, np.nan)

    out: list[tuple[str, Callable[[], Any]]] = [
        (
            "the weights were divided by sqrt(d_k) after the softmax, or by the sum over every "
            "entry (a .sum() without an axis), and this case cannot tell which (each row's "
            "weights are one-hot, and there are sqrt(d_k) rows): each query's row of weights "
            "sums to 1, softmax(Q K^T / sqrt(d_k)) over the last axis",
            tie,
        ),
        (
            "the scores are not divided by sqrt(d_k)",
            lambda: _softmax(masked(raw, mask)),
        ),
        (
            "the scores are divided by d_k; divide by sqrt(d_k)"
            + (
                # K square: sqrt(n_k * d_k), K's last two sizes multiplied, is d_k itself
                " (here n_k = d_k, so sqrt(n_k * d_k), the size of K's last two axes "
                "together, is d_k too: the scale takes d_k = K.shape[-1] alone)"
                if K.shape[-2] == d_k
                else ""
            ),
            lambda: _softmax(masked(raw / d_k, mask)),
        ),
        (
            "the scores are divided by sqrt(d_v), the width of V; divide by sqrt(d_k), the "
            "width of Q and K",
            lambda: _softmax(masked(raw / np.sqrt(d_v), mask)),
        ),
        (
            "the scores are divided by sqrt(n_k), the number of keys; divide by sqrt(d_k), "
            "the width of Q and K",
            lambda: _softmax(masked(raw / np.sqrt(K.shape[-2]), mask)),
        ),
        (
            "the scores are divided by sqrt(n_k * d_k), the size of K's last two axes "
            "multiplied (K.shape[-2] * K.shape[-1]): the scale is 1 / sqrt(d_k), "
            "d_k = K.shape[-1] alone, the width each query and key share; the number of keys "
            "does not enter it",
            lambda: _softmax(masked(raw / np.sqrt(K.shape[-2] * d_k), mask)),
        ),
        (
            "the softmax runs over the queries (axis -2); each query's weights over the keys "
            "(the last axis) must sum to 1",
            lambda: _softmax(masked(raw / np.sqrt(d_k), mask), axis=-2),
        ),
        (
            "the weights were divided by sqrt(d_k) after the softmax, so they no longer sum "
            "to 1; divide the scores before it: softmax(Q K^T / sqrt(d_k))",
            lambda: _softmax(masked(raw, mask)) / np.sqrt(d_k),
        ),
    ]
    if Q.ndim > 2 and Q.shape[1] not in (d_k, 1, K.shape[-2]):
        # d_k = Q.shape[1], right for a 2-D Q only; placed before the d_v reading, which the
        # same number can also match
        also = " (the same number as d_v, V's width)" if Q.shape[1] == d_v else ""
        out.insert(
            1,
            (
                f"the scores are divided by sqrt(Q.shape[1]) = sqrt({Q.shape[1]}){also}: "
                "Q.shape[1] is d_k only for a 2-D Q, and here Q has leading batch axes; "
                "d_k is Q.shape[-1], the last axis whatever comes before it",
                lambda: _softmax(masked(raw / np.sqrt(Q.shape[1]), mask)),
            ),
        )
    if raw.ndim > 3:  # with one leading axis, axis 1 is the queries, named above
        out.append(
            (
                "the softmax runs over axis 1, a batch axis here: axis 1 is the keys only "
                "for a 2-D Q; take it over the last axis, axis=-1, whatever comes before",
                lambda: _softmax(masked(raw / np.sqrt(d_k), mask), axis=1),
            )
        )
    if K.shape[-1] == K.shape[-2]:  # a non-square K raises in Q @ K instead
        out.append(
            (
                "K is not transposed: Q @ K runs only while K's rows and columns are equal "
                "(n_k = d_k); the scores are Q @ K^T, np.swapaxes(K, -1, -2), each query "
                "against each key",
                lambda: _softmax(masked(Q @ K / np.sqrt(d_k), mask)),
            )
        )
    for mixup in QK_MIXUPS:  # with Q and K of one shape these run
        mixed = _mixup_scores(Q, K, mixup.scores, raw.shape)
        if mixed is not None:
            out.append((mixup.message, _given(_softmax(masked(mixed / np.sqrt(d_k), mask)))))
    out += [(SUM_OVER_ALL, lambda: over_all(True)), (SUM_OVER_ALL, lambda: over_all(False))]
    out.append(
        (  # a half-finished answer (the softmax left as a TODO): it read "expected 0.09, got -0.42"
            "the weights are the scaled scores themselves, with no softmax: take the softmax"
            " over the keys (the last axis), so each query's weights are positive and sum to 1",
            lambda: raw / np.sqrt(d_k) if mask is None else np.where(mask, raw / np.sqrt(d_k), 0.0),
        )
    )
    if mask is not None:
        scaled = raw / np.sqrt(d_k)
        out += [
            (
                "the mask is inverted: True means the key may be attended to",
                lambda: _softmax(np.where(mask, -np.inf, scaled)),
            ),
            (
                "the weights are multiplied by the mask after the softmax, so rows no longer "
                "sum to 1; mask the scores (-inf) before the softmax",
                lambda: _softmax(scaled) * mask,
            ),
        ]
    return out


_BROADCAST_SHAPES = re.compile(r"with shapes \(([\d, ]*)\) \(([\d, ]*)\)")

LOST_KEEPDIMS = (
    "the softmax's row maximum or row sum lost its last axis (a reduction over the keys "
    "without keepdims=True), so it no longer lines up with the rows of scores it belongs "
    "to; keep the axis: scores.max(axis=-1, keepdims=True) and e.sum(axis=-1, keepdims=True)"
)


def _lost_keepdims(error: str) -> bool:
    """numpy's broadcast error between the scores (..., n_q, n_k) and a reduction of them
    over the last axis without keepdims, (..., n_q)."""
    match = _BROADCAST_SHAPES.search(error.split("\n", 1)[0])
    if match is None or not error.startswith("ValueError"):
        return False
    a, b = (tuple(int(n) for n in g.replace(" ", "").split(",") if n) for g in match.groups())
    return len(a) >= 2 and (b == a[:-1] or a == b[:-1])


def _reversed_every_axis(q: np.ndarray, k: np.ndarray, error: str) -> bool:
    """True when numpy's error is what Q @ K.T raises on a batched K: the broadcast of the
    batch axes names K's reversed shape, or (K 4-D, its heads axis unlike its keys) the
    product meets K.T's second-last axis, K's axis 1, with d_k."""
    reversed_shape = k.shape[::-1]
    if k.ndim < 3 or reversed_shape == k.shape:
        return False
    first = error.split("\n", 1)[0]
    if first.startswith("ValueError: operands could not be broadcast"):
        return f"({','.join(str(n) for n in reversed_shape)})" in first
    core = f"(size {k.shape[1]} is different from {q.shape[-1]})"
    return k.ndim >= 4 and k.shape[1] != k.shape[-2] and first.endswith(core)


class AttentionChecker(NNChecker):
    """scaled_dot_product_attention(Q, K, V, mask) -> (out, weights) with exact zeros where masked."""

    name = "arch.attention.attention"
    entries = ("scaled_dot_product_attention",)
    fp_strict = True
    fp_hint = (
        "subtract each row's maximum score before exp, and give masked scores -inf (exp(-inf) "
        "is exactly 0) rather than multiplying exp results by the mask"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"scaled_dot_product_attention": ref.scaled_dot_product_attention}

    def error_cause(self, case: Case, error: str) -> str | None:
        """K.transpose(0, 2, 1) (or .transpose(1, 0) on a 2-D habit) on a K with another
        number of axes: numpy refuses the axes, and the leading batch axes are optional."""
        k = case.inputs["args"][1]
        mask = case.inputs["args"][3] if len(case.inputs["args"]) > 3 else None
        q = case.inputs["args"][0]
        if (
            error.startswith("IndexError: boolean index did not match")
            and isinstance(mask, np.ndarray)
            and mask.ndim < q.ndim  # the scores have Q's leading axes
        ):
            return (
                f"scores[~mask] indexes with the mask as it is, and boolean indexing does not "
                f"broadcast: this {mask.shape} mask is one (n_q, n_k) pattern for every batch "
                "entry of the scores; np.where(mask, scores, -np.inf) broadcasts it"
            )
        if _lost_keepdims(error):
            return LOST_KEEPDIMS
        if _reversed_every_axis(q, k, error):
            return (
                f"K.T reverses every axis of a batched K, not only the last two: this K of "
                f"shape {k.shape} became {k.shape[::-1]}; the scores are Q @ K^T per batch "
                "entry, np.swapaxes(K, -1, -2) (K.T works only when K is 2-D)"
            )
        if not error.startswith("ValueError: axes don't match array") or k.ndim == 3:
            v = case.inputs["args"][2]
            shapes = f"Q of shape {q.shape}, K of shape {k.shape}"
            return _mixup_cause(q, k, v, mask, error, shapes)
        return (
            f"K.transpose with a fixed list of axes fits one number of dimensions only, and "
            f"this K has {k.ndim} ({k.shape}): the leading batch axes are optional, so swap "
            "the last two axes whatever comes before them, np.swapaxes(K, -1, -2)"
        )

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def qkv(
            batch: tuple[int, ...], n_q: int, n_k: int, d_k: int, d_v: int, scale: float = 1.0
        ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            return (
                gen.normal(rng, (*batch, n_q, d_k), scale),
                gen.normal(rng, (*batch, n_k, d_k), scale),
                gen.normal(rng, (*batch, n_k, d_v)),
            )

        def random_mask(shape: tuple[int, ...]) -> np.ndarray:
            mask = rng.random(shape) < 0.6
            rows = mask.reshape(-1, shape[-1])
            rows[np.arange(rows.shape[0]), rng.integers(0, shape[-1], rows.shape[0])] = True
            return mask

        def one_allowed(shape: tuple[int, ...]) -> np.ndarray:
            """Every row masked but one key (a different one per row)."""
            mask = np.zeros(shape, dtype=bool)
            rows = mask.reshape(-1, shape[-1])
            rows[np.arange(rows.shape[0]), rng.integers(0, shape[-1], rows.shape[0])] = True
            return mask

        n_q, n_k = gen.size(rng, 3, 5), gen.size(rng, 6, 8)
        d_k, d_v = gen.size(rng, 4, 8), gen.size(rng, 2, 3)
        if d_k == n_q:
            # a square Q raises the same error for Q @ K as for K @ Q^T and Q^T @ K, so the
            # first case could not tell an untransposed K from the other mix-ups
            d_k += 3
        plans: list[tuple[str, tuple[np.ndarray, ...], np.ndarray | None]] = [
            ("no batch axes, n_q != n_k, d_k != d_v", qkv((), n_q, n_k, d_k, d_v), None),
            ("a single key (n_k = 1) and d_k = 1", qkv((), n_q, 1, 1, d_v), None),
            ("leading batch axes (2, 3)", qkv((2, 3), n_q, n_k, d_k, d_v), None),
            ("a random mask", qkv((), n_q, n_k, d_k, d_v), random_mask((n_q, n_k))),
            (
                "a (n_q, n_k) mask broadcast over a batch axis",
                qkv((3,), n_q, n_k, d_k, d_v),
                random_mask((n_q, n_k)),
            ),
            (
                "a causal mask, batch of 2",
                qkv((2,), 6, 6, d_k, d_v),
                np.tril(np.ones((6, 6), dtype=bool)),
            ),
            (
                "every row masked but one key",
                qkv((2,), n_q, n_k, d_k, d_v),
                one_allowed((2, n_q, n_k)),
            ),
            ("scores up to about 1e4", qkv((), n_q, n_k, 16, d_v, scale=60.0), None),
            (
                "scores up to about 1e4 with a mask",
                qkv((2,), n_q, n_k, 16, d_v, scale=60.0),
                random_mask((2, n_q, n_k)),
            ),
            ("a longer sequence", qkv((2,), 64, 64, 32, 16), None),
            (
                "scores about -1e4 with a mask",
                _far_below_zero(rng, (2,), n_q, n_k, d_v),
                random_mask((2, n_q, n_k)),
            ),
        ]
        # past np.longdouble's exp (about 11356): a naive softmax computed wider passed 1e4
        plans.append(
            (
                "scores near +-3e4 with a mask",
                _past_longdouble(rng, (2,), n_q, n_k, d_v),
                random_mask((2, n_q, n_k)),
            )
        )
        plans.append(
            (
                "a masked key scores far above every allowed one",
                *_masked_key_on_top(qkv((2,), n_q, n_k, 16, d_v, scale=60.0)),
            )
        )
        out = []
        for i, (what, (Q, K, V), mask) in enumerate(plans, 1):
            args: list[Any] = [Q, K, V] if mask is None else [Q, K, V, mask]
            shown = gen.describe(Q=Q, K=K, V=V)
            if mask is not None:
                shown += f"; mask {mask.shape}, {int(mask.sum())} of {mask.size} True"
            out.append(
                Case(f"case {i}: {what}", call_inputs("scaled_dot_product_attention", *args), shown)
            )
        return out

    def fp_note(self, case: Case) -> str | None:
        """The scores past long double's range: a naive softmax computed wider fails only there."""
        Q, K = case.inputs["args"][:2]
        scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
        return beyond_longdouble(scores, "scores", normalized=True)

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """An inverted mask: a row whose keys are all allowed then keeps none, and its softmax
        is 0/0, so numpy's invalid-value warning would hide the real mistake."""
        args = case.inputs["args"]
        got = outputs.get("out") if isinstance(outputs, Mapping) else None
        if not isinstance(got, list | tuple) or len(got) != 2:
            return None
        weights = got[1]
        if not isinstance(weights, np.ndarray) or weights.dtype.kind != "f":
            return None
        if _shifted_by_global_max(args, weights):
            return GLOBAL_SHIFT
        if len(args) < 4:
            return None
        if _log_of_mask(args, weights, events):
            return LOG_OF_MASK
        if _all_allowed_nan(
            weights, np.asarray(args[3], dtype=bool), events
        ) and not _masked_key_far_on_top(args):
            return MASK_TIMES_INF.format(
                what="key's weight", form="(~mask) * -np.inf, or (1 - mask) * -np.inf", cond="mask"
            )
        try:
            allowed = np.broadcast_to(args[3], weights.shape)
        except ValueError:
            return None
        finite = np.isfinite(weights)
        if np.any(weights[allowed & finite] != 0.0) or not np.any(
            (weights != 0.0) & finite & ~allowed
        ):
            return None
        return (
            "the mask is inverted: the weights are 0 exactly where the mask is True, and True "
            "means the query may attend to that key; a row whose keys are all allowed then "
            "keeps none of them, and its softmax is 0 / 0"
        )

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        args = case.inputs["args"]
        Q, K, V = args[:3]
        mask = args[3] if len(args) > 3 else None
        out_ref, w_ref = ref.scaled_dot_product_attention(Q, K, V, mask)
        out, weights = unpack(
            j, "scaled_dot_product_attention", outputs.get("out"), ("out", "weights")
        )
        weights = check_shape(
            j,
            "weights",
            weights,
            w_ref.shape,
            [
                (
                    "the weights are (..., n_k, n_q): compute Q @ K^T (queries as rows), not K @ Q^T",
                    w_ref.shape[:-2] + w_ref.shape[:-3:-1],
                ),
                (
                    "the result looks like (weights, out); it is (out, weights), in that order",
                    out_ref.shape,
                ),
                (
                    "the weights are (..., n_k, n_k), one row per key: Q is not used, as in "
                    f"K @ K^T; {QK_RIGHT}",
                    w_ref.shape[:-2] + (K.shape[-2], K.shape[-2]),
                ),
                *_axis_added("weights", w_ref.shape, _axis_names(w_ref.ndim, ("n_q", "n_k"))),
            ],
        )
        if mask is not None:
            if _causal_in_place_of(mask, Q, K, V, weights):
                j.fail(CAUSAL_IN_PLACE_OF_MASK)
            leaked = np.broadcast_to(~mask, w_ref.shape) & (weights != 0.0)
            allowed = np.broadcast_to(mask, w_ref.shape)
            # a row whose keys are all allowed has nothing to invert: filled with a finite
            # value such as -1e9 wherever the mask is True, it comes out uniform, not 0
            mixed = np.broadcast_to(~allowed.all(axis=-1, keepdims=True), w_ref.shape)
            if (
                leaked.any()
                and np.all(weights[allowed & mixed] == 0.0)
                and not _one_finite_fill(weights, allowed)
            ):
                j.fail(
                    "the mask is inverted: the weights are 0 exactly where the mask is True, "
                    "and True means the query may attend to that key"
                )
            if leaked.any() and _mask_added(weights, Q, K, mask):
                j.fail(MASK_ADDED)
            if leaked.any():
                idx = tuple(int(k) for k in np.argwhere(leaked)[0])
                row = np.broadcast_to(Q @ np.swapaxes(K, -1, -2), w_ref.shape)[idx[:-1]]
                top = float(np.max(row[allowed[idx[:-1]]])) / np.sqrt(Q.shape[-1])
                # exp underflows below about -745: a finite fill leaks only beside scores
                # that low, so elsewhere the fill's value is not what went wrong
                low = (
                    f"; this row's allowed scores reach only {top:.4g}, so a finite fill must "
                    "lie more than about 745 below that"
                    if top < -745.0
                    else ""
                )
                j.fail(
                    f"masked weights must be exactly 0, but weights[{', '.join(map(str, idx))}] "
                    f"= {weights[idx]:.3g} where the mask is False: fill masked scores with "
                    "-inf (or a value so negative that exp underflows to 0) before the softmax"
                    + low
                )
        j.close(
            "weights", weights, w_ref, WEIGHTS_TOL, hints=_weight_variants(Q, K, V.shape[-1], mask)
        )
        keys_width = (*out_ref.shape[:-1], K.shape[-1])
        out = check_shape(
            j,
            "out",
            out,
            out_ref.shape,
            [
                *(
                    [
                        (
                            "the weights averaged the keys K; they average the values: weights @ V",
                            keys_width,
                        )
                    ]
                    if keys_width != out_ref.shape
                    else []
                ),
                *_axis_added("out", out_ref.shape, _axis_names(out_ref.ndim, ("n_q", "d_v"))),
            ],
            (("n_q", "queries"), ("d_v", "value features")),
        )
        scale = float(np.abs(V).max())
        j.close("out", out, out_ref, Tolerance(rtol=1e-8, atol=1e-12 * scale))


def _axis_added(
    label: str, expected: tuple[int, ...], names: Sequence[str]
) -> list[tuple[str, tuple[int, ...]]]:
    """The shapes `expected` takes with one size-1 axis put in and never taken out, each
    with a message naming where: a batch axis added in front of 2-D inputs (reshape(-1, n,
    d) or [None], to share the batched path) and kept on the way out read only "extra
    size-1 axes" and a keepdims hint. `names` are expected's axes, one word each.

    No value check here, unlike conv2d's, maxpool's and embedding's narrowing (`holds` in
    _common): each place an axis goes in gives a shape of its own, so the shape alone
    names it, and a size-1 axis changes no value that could tell readings apart."""
    found: dict[tuple[int, ...], str] = {}
    for i in range(len(expected) + 1):
        shape = expected[:i] + (1,) + expected[i:]
        if shape in found:
            continue
        shown = ", ".join(names)
        if i == 0 and len(expected) == 2:
            found[shape] = (
                f"a batch axis of size 1 was added in front (axis 0, before {names[0]}) and "
                "not removed: the inputs are 2-D here, with no batch axis, so "
                f"{label} is ({shown}); take the added axis off again on the way out "
                f"({label}[0], or reshape to Q.shape[:-2] + ({shown}))"
            )
            continue
        where = f"before {names[i]}" if i < len(names) else f"after {names[-1]}"
        found[shape] = (
            f"a size-1 axis was added at axis {i} ({where}; a [None], np.expand_dims or a "
            f"keepdims=True) and not removed: {label} is ({shown}), of shape {expected}"
        )
    return [(message, shape) for shape, message in found.items()]


def _axis_names(ndim: int, last: tuple[str, str]) -> tuple[str, ...]:
    """The words for an attention result's axes: the batch axes, then `last`."""
    batch = ("batch",) if ndim == 3 else tuple(f"batch{i}" for i in range(ndim - 2))
    return (*batch, *last)


MULTI_HEAD_AXES = (("T", "tokens"), ("d_model", "features"))
"""What multi_head_attention's out, (T, d_model), holds along its rows and columns."""

MASKED_ON_TOP_GAP = 1000.0
"""How far below its row's top score every allowed key of that case lies: past exp's
underflow (about 745), so a softmax shifted by the maximum over every key, masked ones
included, and masked afterwards is 0 / 0 there."""


def _masked_key_on_top(
    qkv: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> tuple[tuple[np.ndarray, np.ndarray, np.ndarray], np.ndarray]:
    """Q, K, V and a mask that allows, in every row, only keys scoring at least
    MASKED_ON_TOP_GAP below the row's top score (the lowest-scoring key at least): the
    row's maximum is a masked key, so only a shift by the allowed keys' maximum is stable."""
    Q, K, _ = qkv
    scores = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    mask = scores <= scores.max(axis=-1, keepdims=True) - MASKED_ON_TOP_GAP
    lowest = scores == scores.min(axis=-1, keepdims=True)
    return qkv, mask | lowest


def _one_finite_fill(weights: np.ndarray, allowed: np.ndarray) -> bool:
    """True when every row that masks two keys or more spreads its weight evenly over its
    masked keys, as one finite fill value taking the row does (BERT's -10000 beside scores
    below it); an inverted mask keeps the masked keys' own, different scores."""
    rows_w = weights.reshape(-1, weights.shape[-1])
    rows_masked = ~allowed.reshape(-1, allowed.shape[-1])
    wide = rows_masked.sum(axis=1) >= 2
    if not wide.any():
        return False
    for w, masked in zip(rows_w[wide], rows_masked[wide], strict=True):
        if not np.allclose(w[masked], 1.0 / masked.sum(), rtol=1e-9, atol=0.0):
            return False
    return True


def _far_below_zero(
    rng: np.random.Generator, batch: tuple[int, ...], n_q: int, n_k: int, d_v: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Q, K and V whose every score lies between about -11400 and -9600 (d_k = 4): a row's
    allowed keys then all score below a finite fill of -1e4 (BERT's), which takes the
    row's weight; beside positive scores of 1e4 such a fill underflows and passed."""
    Q = 50.0 + rng.uniform(-2.0, 2.0, (*batch, n_q, 4))
    K = -105.0 + rng.uniform(-5.0, 5.0, (*batch, n_k, 4))
    return Q, K, gen.normal(rng, (*batch, n_k, d_v))


def _past_longdouble(
    rng: np.random.Generator, batch: tuple[int, ...], n_q: int, n_k: int, d_v: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Q, K and V (d_k = 4) whose scores lie near +3e4 in some rows and near -3e4 in others,
    a few apart within a row: past np.longdouble's exp (about 11356), where a naive softmax
    overflows (positive rows) or sums to 0 (negative rows) even in long double."""
    signs = np.ones((*batch, n_q, 1))
    signs.reshape(-1)[::2] = -1.0  # every other query row below zero, the rest above
    Q = signs * (150.0 + rng.uniform(-0.01, 0.01, (*batch, n_q, 4)))
    K = 100.0 + rng.uniform(-0.01, 0.01, (*batch, n_k, 4))
    return Q, K, gen.normal(rng, (*batch, n_k, d_v))


def _heads_variants(
    X: np.ndarray, Ws: tuple[np.ndarray, ...], n_heads: int, causal: bool
) -> list[tuple[str, Callable[[], Any]]]:
    """Outputs of known multi-head mistakes, computed on demand."""
    Wq, Wk, Wv, Wo = Ws
    T, d_model = X.shape
    dh = d_model // n_heads
    mask = ref.causal_mask(T) if causal else None
    Q, K, V = X @ Wq, X @ Wk, X @ Wv

    def attend(
        q: np.ndarray, k: np.ndarray, v: np.ndarray, divide: float, m: Any, axis: int = -1
    ) -> np.ndarray:
        scores = q @ np.swapaxes(k, -1, -2) / divide
        if m is not None:
            scores = np.where(m, scores, -np.inf)
        out: np.ndarray = _softmax(scores, axis) @ v
        return out

    def split(M: np.ndarray) -> np.ndarray:
        return M.reshape(T, n_heads, dh).transpose(1, 0, 2)

    def merge(H: np.ndarray) -> np.ndarray:
        return H.transpose(1, 0, 2).reshape(T, d_model)

    def reshape_only(M: np.ndarray) -> np.ndarray:
        return M.reshape(n_heads, T, dh)

    def strided(M: np.ndarray) -> np.ndarray:
        """Head h from every n_heads-th column, h, h + n_heads, ...: a (T, dh, n_heads) split."""
        return M.reshape(T, dh, n_heads).transpose(2, 0, 1)

    def features_first(M: np.ndarray) -> np.ndarray:
        """M.T, (d_model, T), read as (n_heads, T, dh): its rows are features, not tokens."""
        return M.T.reshape(n_heads, T, dh)

    def unsplit_features_first(H: np.ndarray) -> np.ndarray:
        """features_first() undone: (n_heads, T, dh) read back as (d_model, T), transposed."""
        return H.reshape(d_model, T).T

    def merge_strided(H: np.ndarray) -> np.ndarray:
        """The heads put back in the columns strided() took them from."""
        return H.transpose(1, 2, 0).reshape(T, d_model)

    def projected(wq: np.ndarray, wk: np.ndarray, wv: np.ndarray, wo: np.ndarray) -> np.ndarray:
        """The output with these four matrices in place of the given ones."""
        heads = attend(split(X @ wq), split(X @ wk), split(X @ wv), np.sqrt(dh), mask)
        out: np.ndarray = merge(heads) @ wo
        return out

    def diagonal_blocks(W: np.ndarray) -> np.ndarray:
        """Head h projected by the block W[rows, rows] of its own dh input features only."""
        return np.stack(
            [
                X[:, h * dh : (h + 1) * dh] @ W[h * dh : (h + 1) * dh, h * dh : (h + 1) * dh]
                for h in range(n_heads)
            ]
        )

    def unsplit(H: np.ndarray) -> np.ndarray:
        """reshape_only() undone: (n_heads, T, dh) read back as (T, d_model) as it lies."""
        return H.reshape(T, d_model)

    def over_all(shift_by_row: bool) -> np.ndarray:
        """Every head's weights divided by one sum over all heads, queries and keys."""
        scores = split(Q) @ np.swapaxes(split(K), -1, -2) / np.sqrt(dh)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        with np.errstate(all="ignore"):
            top = scores.max(axis=-1, keepdims=True) if shift_by_row else scores.max()
            e = np.exp(scores - top)
            out: np.ndarray = merge((e / e.sum()) @ split(V)) @ Wo
        return out

    def over_heads() -> np.ndarray:
        """Each query's weights normalized once over every head's keys together."""
        scores = split(Q) @ np.swapaxes(split(K), -1, -2) / np.sqrt(dh)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        with np.errstate(all="ignore"):
            e = np.exp(scores - scores.max(axis=(0, 2), keepdims=True))
            out: np.ndarray = merge((e / e.sum(axis=(0, 2), keepdims=True)) @ split(V)) @ Wo
        return out

    def fused_per_head() -> np.ndarray:
        """[Q | K | V] side by side read as (T, n_heads, 3 * dh), each head's q, k, v cut
        from its own 3 * dh columns: the layout of a fused weight stored head by head."""
        qkv = np.concatenate([Q, K, V], axis=1).reshape(T, n_heads, 3 * dh).transpose(1, 0, 2)
        q, k, v = np.split(qkv, 3, axis=-1)
        out: np.ndarray = merge(attend(q, k, v, np.sqrt(dh), mask)) @ Wo
        return out

    return [
        *_head_mixups(split(Q), split(K), split(V), mask, lambda H: merge(H) @ Wo),
        (
            "the fused projection [Q | K | V] = X @ [Wq | Wk | Wv] was cut per head first, "
            "(T, n_heads, 3 * dh), so each head's q, k and v came from a mix of Q, K and V "
            "(that layout needs a weight stored head by head); split it into Q, K and V "
            "first, then take head h's columns h*dh:(h+1)*dh of each",
            fused_per_head,
        ),
        (SUM_OVER_ALL, lambda: over_all(True)),
        (SUM_OVER_ALL, lambda: over_all(False)),
        *(
            []
            if n_heads == 1
            else [
                (
                    "one softmax ran over all the heads at once, so each query's weights sum "
                    "to 1 across every head's keys together; each head takes its own softmax "
                    "over its own keys (the last axis), and its weights sum to 1 on their own",
                    over_heads,
                )
            ]
        ),
        # joined back as it was split, or with the right merge (a transpose first)
        *(
            (
                "the heads are split along the wrong axis: M.reshape(n_heads, T, dh) mixes "
                "tokens; head h takes columns h*dh:(h+1)*dh, i.e. M.reshape(T, n_heads, dh)"
                ".transpose(1, 0, 2)",
                lambda join=join: (
                    join(
                        attend(reshape_only(Q), reshape_only(K), reshape_only(V), np.sqrt(dh), mask)
                    )
                    @ Wo
                ),
            )
            for join in (unsplit, merge)
        ),
        *(
            (
                "the heads are split along the wrong axis: M.reshape(T, dh, n_heads) gives "
                "head h every n_heads-th column; head h takes the block of columns "
                "h*dh:(h+1)*dh, i.e. M.reshape(T, n_heads, dh).transpose(1, 0, 2)",
                lambda join=join: (
                    join(attend(strided(Q), strided(K), strided(V), np.sqrt(dh), mask)) @ Wo
                ),
            )
            for join in (merge, merge_strided)
        ),
        *(
            (
                "the heads were cut from M.T by reshape(n_heads, T, dh): M.T is "
                "(d_model, T), features by tokens, so that reshape mixes features and tokens; "
                "head h is the block of dh feature rows, M.T.reshape(n_heads, dh, T), "
                "transposed back to (T, dh) with .transpose(0, 2, 1)",
                lambda join=join: (
                    join(
                        attend(
                            features_first(Q),
                            features_first(K),
                            features_first(V),
                            np.sqrt(dh),
                            mask,
                        )
                    )
                    @ Wo
                ),
            )
            for join in (merge, unsplit_features_first)
        ),
        *(
            []
            if mask is None
            else [
                (
                    MASK_ADDED,
                    lambda: merge(_mask_added_weights(split(Q), split(K), mask) @ split(V)) @ Wo,
                )
            ]
        ),
        (
            HEADS_NOT_TRANSPOSED,
            lambda: _raising_as_nan(
                lambda: _tokens_first(Q, K, V, n_heads, mask, np.sqrt(dh)) @ Wo
            ),
        ),
        (
            "the heads are concatenated in the wrong layout: (n_heads, T, dh) must be "
            "transposed to (T, n_heads, dh) before reshaping to (T, d_model)",
            lambda: (
                attend(split(Q), split(K), split(V), np.sqrt(dh), mask).reshape(T, d_model) @ Wo
            ),
        ),
        (
            "the scores are divided by sqrt(d_model); each head divides by sqrt(dh), "
            "dh = d_model / n_heads",
            lambda: merge(attend(split(Q), split(K), split(V), np.sqrt(d_model), mask)) @ Wo,
        ),
        (
            "the scores are divided by d_model / n_heads**0.5, the power taken before the "
            "division (** binds tighter than /); the scale is (d_model / n_heads)**0.5, "
            "sqrt(dh)"
            + (
                " (with one head this is also dh itself, d_model: the scores are divided by dh, "
                "not by sqrt(dh))"
                if n_heads == 1
                else ""
            ),
            lambda: merge(attend(split(Q), split(K), split(V), d_model / n_heads**0.5, mask)) @ Wo,
        ),
        (
            "the scores are divided by dh, not by sqrt(dh): each head's scale is "
            "1 / sqrt(dh), dh = d_model / n_heads",
            lambda: merge(attend(split(Q), split(K), split(V), float(dh), mask)) @ Wo,
        ),
        (
            "the scores are not divided by sqrt(dh)",
            lambda: merge(attend(split(Q), split(K), split(V), 1.0, mask)) @ Wo,
        ),
        (
            "the attention weights were divided by sqrt(dh) after the softmax, so they no "
            "longer sum to 1; divide the scores before it: softmax(q k^T / sqrt(dh))",
            lambda: merge(attend(split(Q), split(K), split(V), 1.0, mask)) @ Wo / np.sqrt(dh),
        ),
        (
            "the softmax runs over the queries (the scores' second-to-last axis); each "
            "query's weights over the keys, the last axis, must sum to 1",
            lambda: merge(attend(split(Q), split(K), split(V), np.sqrt(dh), mask, -2)) @ Wo,
        ),
        (
            "each head's softmax divides by a row sum without keepdims, e / e.sum(axis=-1): "
            "with T x T scores that broadcasts along the last axis, so entry (t, s) is "
            "divided by row s's sum, not row t's; e.sum(axis=-1, keepdims=True)",
            lambda: (
                merge(_unkept_sum_softmax(split(Q), split(K), np.sqrt(dh), mask) @ split(V)) @ Wo
            ),
        ),
        (
            "each head's scores were shifted by a row maximum without keepdims, "
            "scores - scores.max(axis=-1): with T x T scores that broadcasts along the last "
            "axis, so entry (t, s) loses row s's maximum, not row t's, and a shift that "
            "changes along a row changes the softmax; scores.max(axis=-1, keepdims=True)",
            lambda: (
                merge(_unkept_max_softmax(split(Q), split(K), np.sqrt(dh), mask) @ split(V)) @ Wo
            ),
        ),
        (
            "the causal mask is ignored: position t may only attend to positions <= t",
            lambda: merge(attend(split(Q), split(K), split(V), np.sqrt(dh), None)) @ Wo,
        ),
        *(
            []
            if mask is None
            else [
                (
                    "the causal mask was applied to the weights after the softmax, so each "
                    "row of weights sums to less than 1; mask the scores with -inf before the "
                    "softmax, which then spreads the row over positions <= t only",
                    lambda: (
                        merge(
                            (
                                _softmax(split(Q) @ np.swapaxes(split(K), -1, -2) / np.sqrt(dh), -1)
                                * mask
                            )
                            @ split(V)
                        )
                        @ Wo
                    ),
                ),
                (
                    "the future positions' scores were set to 0 (np.tril(scores), or scores * "
                    "mask), not to -inf: exp(0) = 1 still gives them weight; fill them with "
                    "-inf (np.where(mask, scores, -np.inf)) so their weights are exactly 0",
                    lambda: (
                        merge(
                            _softmax(
                                np.where(
                                    mask,
                                    split(Q) @ np.swapaxes(split(K), -1, -2) / np.sqrt(dh),
                                    0.0,
                                ),
                                -1,
                            )
                            @ split(V)
                        )
                        @ Wo
                    ),
                ),
            ]
        ),
        *(
            []
            if n_heads == 1
            else [
                (
                    "the heads are concatenated in reverse order; head 0 fills the first dh "
                    "columns, head 1 the next, as np.concatenate(heads, axis=1) puts them",
                    lambda: (
                        merge(attend(split(Q), split(K), split(V), np.sqrt(dh), mask)[::-1]) @ Wo
                    ),
                )
            ]
        ),
        (
            "the causal mask is transposed: position t attends to positions >= t",
            lambda: (
                merge(attend(split(Q), split(K), split(V), np.sqrt(dh), ref.causal_mask(T).T)) @ Wo
            ),
        ),
        (
            "the causal mask is off by one: position t also attends to t + 1 "
            "(np.tril(..., k=1)); it attends to positions <= t",
            lambda: (
                merge(attend(split(Q), split(K), split(V), np.sqrt(dh), _shifted_causal(T, 1))) @ Wo
            ),
        ),
        *(  # at T = 1 the weights are 1 whatever q and k are: only V's projection shows
            [
                (
                    "V's head h was projected from its own dh input features only, X[:, rows] "
                    "@ Wv[rows, rows] with rows = h*dh:(h+1)*dh (with one token the weights "
                    "are 1, so only V shows it); a head sees every input feature: "
                    "X @ Wv[:, h*dh:(h+1)*dh] (its columns of W, all of its rows)",
                    lambda: merge(diagonal_blocks(Wv)) @ Wo,
                )
            ]
            if T == 1
            else [
                (
                    "head h was projected from its own dh input features only, X[:, rows] @ "
                    "W[rows, rows] with rows = h*dh:(h+1)*dh; a head sees every input feature: "
                    "X @ Wq[:, h*dh:(h+1)*dh] (its columns of W, all of its rows)",
                    lambda: (
                        merge(
                            attend(
                                diagonal_blocks(Wq),
                                diagonal_blocks(Wk),
                                diagonal_blocks(Wv),
                                np.sqrt(dh),
                                mask,
                            )
                        )
                        @ Wo
                    ),
                ),
            ]
        ),
        (
            f"every head was multiplied by Wo's first dh = {dh} rows, Wo[:dh]; head h meets "
            "its own block of rows, Wo[h*dh:(h+1)*dh], as concat(heads) @ Wo does",
            lambda: attend(split(Q), split(K), split(V), np.sqrt(dh), mask).sum(axis=0) @ Wo[:dh],
        ),
        (
            "Wo is not applied after concatenating the heads",
            lambda: merge(attend(split(Q), split(K), split(V), np.sqrt(dh), mask)),
        ),
        (
            "Wo is transposed: the concatenated heads are multiplied by Wo itself, "
            "concat @ Wo, as Q = X @ Wq uses Wq",
            lambda: merge(attend(split(Q), split(K), split(V), np.sqrt(dh), mask)) @ Wo.T,
        ),
        (
            "every weight matrix is transposed (X @ W.T, the convention of PyTorch's "
            "nn.Linear, which stores W as (out, in)); here Q = X @ Wq, K = X @ Wk, V = X @ Wv "
            "and the output is concat @ Wo",
            lambda: projected(Wq.T, Wk.T, Wv.T, Wo.T),
        ),
        *(
            (
                f"{name} is transposed: {name[1].upper()} = X @ {name}, not X @ {name}.T",
                (lambda which=k: projected(*(W.T if i == which else W for i, W in enumerate(Ws)))),
            )
            for k, name in enumerate(("Wq", "Wk", "Wv"))
        ),
        (
            "the heads' attention weights were averaged into one pattern and applied to all "
            "of V; each head applies its own weights to its own dh columns of V, and the "
            "heads are concatenated",
            lambda: _averaged_heads(split(Q), split(K), V, np.sqrt(dh), mask) @ Wo,
        ),
    ]


def _unkept_sum_softmax(
    q: np.ndarray, k: np.ndarray, divide: float, mask: np.ndarray | None
) -> np.ndarray:
    """Each head's weights with the row sum taken without keepdims: (..., T) broadcast
    along the last axis of (..., T, T)."""
    scores = q @ np.swapaxes(k, -1, -2) / divide
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    e = np.exp(scores - scores.max(axis=-1, keepdims=True))
    out: np.ndarray = e / e.sum(axis=-1)[..., None, :]
    return out


def _unkept_max_softmax(
    q: np.ndarray, k: np.ndarray, divide: float, mask: np.ndarray | None
) -> np.ndarray:
    """Each head's weights with the row maximum taken without keepdims: (T,) broadcast along
    the last axis of each head's (T, T) scores, as a loop over the heads (or one head) has it."""
    scores = q @ np.swapaxes(k, -1, -2) / divide
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    with np.errstate(all="ignore"):
        e = np.exp(scores - scores.max(axis=-1)[..., None, :])
        out: np.ndarray = e / e.sum(axis=-1, keepdims=True)
    return out


_FLOAT_AS_INDEX = (
    "TypeError: slice indices must be integers",
    "TypeError: 'float' object cannot be interpreted as an integer",
)
"""Python's words for a float used as a slice bound or a reshape size."""

HEADS_SHAPES = "each head's q and k of shape (T, dh) = "
HEADS_NOT_TRANSPOSED = (
    "the heads were split without a transpose: M.reshape(T, n_heads, dh) keeps the tokens "
    "first, so the scores are (T, n_heads, n_heads) and each token's heads attend to one "
    "another, not the tokens to the tokens; transpose the split to (n_heads, T, dh), "
    "M.reshape(T, n_heads, dh).transpose(1, 0, 2), and back before the merge"
)


def _raising_as_nan(compute: Callable[[], np.ndarray]) -> np.ndarray:
    """A variant's value, or a NaN that matches no output when its code raises here."""
    try:
        return compute()
    except ValueError:
        return np.full(1, np.nan)


def _tokens_first(
    Q: np.ndarray, K: np.ndarray, V: np.ndarray, n_heads: int, mask: Any, divide: float
) -> np.ndarray:
    """Attention over (T, n_heads, dh) splits left untransposed, merged by a reshape: the heads
    of each token attend to each other (a (T, T) mask then fails to broadcast, or, with one
    head or T = n_heads, applies to the heads)."""
    T, d_model = Q.shape
    q, k, v = (M.reshape(T, n_heads, d_model // n_heads) for M in (Q, K, V))
    with np.errstate(all="ignore"):
        scores = q @ np.swapaxes(k, -1, -2) / divide
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        out: np.ndarray = (_softmax(scores) @ v).reshape(T, d_model)
    return out


def _head_mixups(
    q: np.ndarray, k: np.ndarray, v: np.ndarray, mask: Any, join: Callable[[np.ndarray], Any]
) -> list[tuple[str, Callable[[], Any]]]:
    """The outputs of multi-head attention whose heads mix up q and k as single-head code
    does (QK_MIXUPS, one message for both drills), for those that run here with (T, T)
    scores; `join` turns the heads' outputs into the drill's output. Computed on demand."""
    dh, shape = q.shape[-1], (*q.shape[:-1], k.shape[-2])

    def output(mixup: Mixup) -> Callable[[], Any]:
        def compute() -> Any:
            mixed = _mixup_scores(q, k, mixup.scores, shape)
            if mixed is None:
                return np.full(1, np.nan)  # matches no output: this mix-up raises here
            with np.errstate(all="ignore"):
                scores = mixed / np.sqrt(dh)
                if mask is not None:
                    scores = np.where(mask, scores, -np.inf)
                return join(_softmax(scores) @ v)

        return compute

    return [(f"in each head, {m.message}", output(m)) for m in QK_MIXUPS]


def _diagonal_left_out_cause(
    got: Any,
    expected: np.ndarray,
    X: np.ndarray,
    Ws: tuple[np.ndarray, ...],
    n_heads: int,
    tol: Tolerance,
) -> str | None:
    """The cause when a causal mask without the diagonal explains every row but the
    first, whatever the first became: with np.tril(..., k=-1) (or np.triu(..., k=0) as the
    masked part) the first query has no key, so its row is NaN (-inf everywhere), uniform (a
    large negative fill) or whatever fallback was written. Row t of the output depends on
    query t alone, so the other rows show the mistake on their own."""
    T, d_model = X.shape
    if T < 2 or not isinstance(got, np.ndarray) or got.shape != expected.shape:
        return None
    if got.dtype.kind != "f":
        return None
    Wq, Wk, Wv, Wo = Ws
    dh = d_model // n_heads

    def split(M: np.ndarray) -> np.ndarray:
        heads: np.ndarray = (X @ M).reshape(T, n_heads, dh).transpose(1, 0, 2)
        return heads

    scores = split(Wq) @ split(Wk).transpose(0, 2, 1) / np.sqrt(dh)
    keep = _shifted_causal(T, -1)
    heads = _softmax(np.where(keep, scores, -np.inf)) @ split(Wv)
    variant = heads.transpose(1, 0, 2).reshape(T, d_model) @ Wo
    g = got.astype(np.float64)
    rest = g[1:]
    if not np.all(np.isfinite(rest)) or np.any(tol.violation(rest, variant[1:]) > 1.0):
        return None
    if np.all(np.isfinite(g)) and np.all(tol.violation(g, expected) <= 1.0):
        return None
    shown = fmt_pair(float(expected[0, 0]), float(g[0, 0]))
    return (
        "the causal mask leaves out the diagonal (np.tril(..., k=-1), or np.triu(..., k=0) "
        "as the masked part): position t attends to positions <= t, itself included; the "
        "rows after the first match that mask, and position 0 is left with no key at all: "
        f"out[0, 0] expected {shown[0]}, got {shown[1]}"
    )


def _averaged_heads(
    q: np.ndarray, k: np.ndarray, V: np.ndarray, divide: float, mask: Any
) -> np.ndarray:
    """One attention pattern, the mean of the heads' (q, k: (heads, T, dh)), applied to V."""
    scores = q @ np.swapaxes(k, -1, -2) / divide
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    out: np.ndarray = _softmax(scores).mean(axis=0) @ V
    return out


def _head_scores(X: np.ndarray, Wq: np.ndarray, Wk: np.ndarray, n_heads: int) -> np.ndarray:
    """Every head's scaled scores, (n_heads, T, T), before any mask."""
    T, d_model = X.shape
    dh = d_model // n_heads
    q = (X @ Wq).reshape(T, n_heads, dh).transpose(1, 0, 2)
    k = (X @ Wk).reshape(T, n_heads, dh).transpose(1, 0, 2)
    scores: np.ndarray = q @ np.swapaxes(k, -1, -2) / np.sqrt(dh)
    return scores


def _past_longdouble_heads(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """The same inputs with Wq scaled so the largest score of any head is exactly 3e4 in
    size: past np.longdouble's exp (about 11356), so a naive softmax overflows (or sums to 0)
    even computed wider, as in the single-head drill's case; the stable form does not."""
    X, Wq, Wk = args[:3]
    top = float(np.abs(_head_scores(X, Wq, Wk, args[5])).max())
    return (X, Wq * (3e4 / top), *args[2:])


class MultiHeadAttentionChecker(NNChecker):
    """multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal) against the reference."""

    name = "arch.attention.multi_head_attention"
    entries = ("multi_head_attention",)
    fp_strict = True
    fp_hint = (
        "subtract each head's row maximum score before exp, and give masked (future) scores "
        "-inf (exp(-inf) is exactly 0) rather than multiplying exp results by the mask"
    )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {"multi_head_attention": ref.multi_head_attention}

    def error_cause(self, case: Case, error: str) -> str | None:
        """A mix-up of q and k in the heads' scores that raises this very error, as the
        single-head checker names it: computed on the heads stacked (n_heads, T, dh) and on
        one head alone (T, dh), as a loop over the heads has it (a broadcast error shows
        which). Without this numpy's sizes pointed at X, whose rows and columns are T and
        d_model, for a product of (T, dh) arrays."""
        args = case.inputs["args"]
        X, Wq, Wk, Wv, _, n_heads = args[:6]
        causal = bool(args[6]) if len(args) > 6 else False
        T, d_model = X.shape
        dh = d_model // n_heads
        if error.startswith(_FLOAT_AS_INDEX):
            return (
                f"dh was a float, d_model / n_heads = {d_model / n_heads!r} (true division), "
                "used as a slice bound or a shape; it is a whole number of columns: "
                "dh = d_model // n_heads"
            )

        def split(W: np.ndarray) -> np.ndarray:
            heads: np.ndarray = (X @ W).reshape(T, n_heads, dh).transpose(1, 0, 2)
            return heads

        q, k, v = split(Wq), split(Wk), split(Wv)
        mask = ref.causal_mask(T) if causal else None
        shapes = f"{HEADS_SHAPES}{(T, dh)}, n_heads = {n_heads}"
        if _lost_keepdims(error):
            return f"in each head, {LOST_KEEPDIMS}"
        for heads in (slice(None), 0):  # all heads stacked, then one head as a loop has it
            cause = _mixup_cause(q[heads], k[heads], v[heads], mask, error, shapes)
            if cause is not None:
                return f"in each head, {cause}"
        try:
            _tokens_first(X @ Wq, X @ Wk, X @ Wv, n_heads, mask, np.sqrt(dh))
        except ValueError as raised:
            if error.split("\n", 1)[0] == f"ValueError: {raised}".split("\n", 1)[0]:
                return (
                    f"{HEADS_NOT_TRANSPOSED} (numpy raised the error that the causal mask, "
                    f"{(T, T)}, raises against such scores, {(T, n_heads, n_heads)})"
                )
        return None

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def make(T: int, d_model: int, n_heads: int, causal: bool | None) -> tuple[Any, ...]:
            X = gen.normal(rng, (T, d_model))
            Ws = [gen.normal(rng, (d_model, d_model), 1.0 / np.sqrt(d_model)) for _ in range(4)]
            args: list[Any] = [X, *Ws, n_heads]
            if causal is not None:
                args.append(causal)
            return tuple(args)

        plans = [
            ("one head", make(5, 6, 1, False)),
            ("two heads, default causal (omitted)", make(gen.size(rng, 4, 7), 8, 2, None)),
            ("three heads, causal", make(gen.size(rng, 5, 8), 12, 3, True)),
            ("one token (T = 1), causal", make(1, 8, 4, True)),
            ("dh = 1 (n_heads = d_model)", make(6, 4, 4, False)),
            ("four heads, causal, T != d_model", make(9, 16, 4, True)),
            ("a longer sequence, eight heads", make(48, 32, 8, True)),
            ("scores near +-3e4 in the heads, causal", _past_longdouble_heads(make(6, 8, 2, True))),
            ("scores near +-3e4 in the heads", _past_longdouble_heads(make(5, 6, 3, False))),
        ]
        out = []
        for i, (what, args) in enumerate(plans, 1):
            X = args[0]
            shown = (
                gen.describe(X=X)
                + f"; n_heads={args[5]}"
                + (f", causal={args[6]}" if len(args) > 6 else ", causal: default (False)")
            )
            out.append(Case(f"case {i}: {what}", call_inputs("multi_head_attention", *args), shown))
        return out

    def fp_cause(self, case: Case, outputs: Any, events: Sequence[str] = ()) -> str | None:
        """A causal mask without the diagonal leaves position 0 no key: its softmax is 0/0,
        and numpy's invalid-value warning would hide that mistake."""
        args = case.inputs["args"]
        if len(args) < 7 or not args[6] or not isinstance(outputs, Mapping):
            return None
        X, Wq, Wk, Wv, Wo, n_heads = args[:6]
        expected = ref.multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, True)
        got = outputs.get("out")
        if (
            _all_allowed_nan(got, np.ones(expected.shape, dtype=bool), events)
            # a shift by a maximum over the heads (or every key) underflows a whole row only
            # where scores spread past exp's range: never with every score under 700 in size
            and float(np.abs(_head_scores(X, Wq, Wk, n_heads)).max()) < 700.0
        ):
            # every row of a causal mask allows its own position, so every output is NaN
            return MASK_TIMES_INF.format(
                what="score (and so every output)",
                form="np.triu(np.ones((T, T)), 1) * -np.inf",
                cond="np.tril(np.ones((T, T), dtype=bool))",
            )
        if (
            list(events) == ["divide by zero"]
            and isinstance(got, np.ndarray)
            and got.shape == expected.shape
            and self._tolerance(expected).violation(got, expected).max() <= 1.0
        ):
            return LOG_OF_CAUSAL_MASK
        return _diagonal_left_out_cause(
            outputs.get("out"), expected, X, (Wq, Wk, Wv, Wo), n_heads, self._tolerance(expected)
        )

    @staticmethod
    def _tolerance(expected: np.ndarray) -> Tolerance:
        """Relative, with an absolute floor scaled to the output's size."""
        scale = float(np.abs(expected).max()) + 1.0
        return Tolerance(rtol=1e-8, atol=1e-12 * scale)

    def fp_note(self, case: Case) -> str | None:
        """The heads' scores past long double's range: a naive softmax computed wider fails
        only there, as in the single-head drill."""
        X, Wq, Wk, _, _, n_heads = case.inputs["args"][:6]
        return beyond_longdouble(_head_scores(X, Wq, Wk, n_heads), "scores", normalized=True)

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        args = case.inputs["args"]
        X, Wq, Wk, Wv, Wo, n_heads = args[:6]
        causal = bool(args[6]) if len(args) > 6 else False
        expected = ref.multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal)
        tol = self._tolerance(expected)
        if causal:  # a causal mask without the diagonal: its cause, before the shapes
            Ws = (Wq, Wk, Wv, Wo)
            cause = _diagonal_left_out_cause(outputs.get("out"), expected, X, Ws, n_heads, tol)
            if cause is not None:
                j.fail(cause)
        got = check_shape(j, "out", outputs.get("out"), expected.shape, axes=MULTI_HEAD_AXES)
        j.close(
            "out",
            got,
            expected,
            tol,
            hints=_heads_variants(X, (Wq, Wk, Wv, Wo), n_heads, causal),
        )


attention = AttentionChecker
multi_head_attention = MultiHeadAttentionChecker
