"""What the batch-norm and layer-norm checkers share: the same maths over another axis.

Both drills run forward then backward with the answer's own cache, on X of shape
(n features, m examples) with gamma and beta of shape (n, 1). They differ in the axis
the statistics run over (`axis`: 1 for batch norm, 0 for layer norm), in the words that
name it, and in the known mistakes each one names; those are the class variables and
`forward_hints` of each drill's checker.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

import numpy as np

from engine import cases as gen
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker
from engine.checkers.returned import wrong_return
from engine.checks import Axes, Hint, Judgement, Tolerance, float32_digits
from engine.nn.gradcheck import numerical_gradient
from engine.nn.normalization import normalize_backward

__all__ = [
    "DEFAULT_EPS",
    "NormalizationChecker",
    "normalization_cases",
    "normalization_inputs",
    "normalization_numeric_grads",
    "normalization_variant",
]

DEFAULT_EPS = 1e-5
"""The eps both drills' entries default to."""
NUMERIC_TOL = Tolerance(rtol=1e-5, atol=1e-7)
"""Central differences with eps = 1e-5 on a smooth function: errors ~1e-9, far below 1e-5."""

Forward = Callable[[np.ndarray, np.ndarray, np.ndarray, float], tuple[np.ndarray, Any]]
Backward = Callable[[np.ndarray, Any], tuple[np.ndarray, np.ndarray, np.ndarray]]


def normalization_numeric_grads(
    forward: Forward,
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    dout: np.ndarray,
    eps: float,
) -> dict[str, np.ndarray]:
    """dX, dgamma and dbeta of sum(dout * forward(X, gamma, beta, eps)) by central differences:
    the independent witness batch norm and layer norm hold an answer's backward pass to."""
    numeric: dict[str, np.ndarray] = {}
    for label, which in (("dX", "X"), ("dgamma", "gamma"), ("dbeta", "beta")):
        values = {"X": X.copy(), "gamma": gamma.copy(), "beta": beta.copy()}

        def loss(
            theta: np.ndarray, which: str = which, values: dict[str, np.ndarray] = values
        ) -> float:
            values[which] = theta
            y, _ = forward(values["X"], values["gamma"], values["beta"], eps)
            return float(np.sum(dout * y))

        numeric[label] = numerical_gradient(loss, values[which].copy())
    return numeric


FLOAT32_CACHE = (
    "dX is the right formula on a float32 cache: x_hat or 1/std was stored as float32 "
    "(.astype(np.float32)), and the sums in dX cancel its rounding's leading digits away "
    "(most where there are few values to normalize); keep the cache in float64"
)


def _float32_cache_hints(
    dout: np.ndarray, gamma: np.ndarray, x_hat: np.ndarray, inv_std: np.ndarray, axis: int
) -> list[tuple[str, Callable[[], np.ndarray]]]:
    """dX from a cache with x_hat, 1/std or both rounded to float32, computed on demand: a
    few cases' cancellation leaves more than float32_digits can tell from a wrong formula."""

    def rounded(a: np.ndarray) -> np.ndarray:
        return a.astype(np.float32).astype(np.float64)

    def dX(xh: np.ndarray, inv: np.ndarray) -> Callable[[], np.ndarray]:
        return lambda: normalize_backward(dout, (xh, inv, gamma), axis=axis)[0]

    return [
        (FLOAT32_CACHE, dX(rounded(x_hat), rounded(inv_std))),
        (FLOAT32_CACHE, dX(rounded(x_hat), inv_std)),
        (FLOAT32_CACHE, dX(x_hat, rounded(inv_std))),
    ]


def normalization_variant(
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    eps: float,
    *,
    axis: int,
    ddof: int = 0,
    outside: bool = False,
) -> np.ndarray:
    """The forward pass over `axis` with one known mistake: the unbiased variance (ddof=1),
    eps outside the square root, or (called with the other axis or eps) the wrong one."""
    with np.errstate(all="ignore"):
        mu = X.mean(axis=axis, keepdims=True)
        var = (
            X.var(axis=axis, keepdims=True, ddof=ddof)
            if X.shape[axis] > ddof
            else np.full_like(mu, np.nan)
        )
        std = np.sqrt(var) + eps if outside else np.sqrt(var + eps)
        return np.asarray(gamma * (X - mu) / std + beta)


def square_axis_hints(
    X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float, *, axis: int
) -> list[Hint]:
    """On a square X only: the forward pass with the statistics, or gamma and beta, laid
    along the other axis. Where X's rows and columns differ the same code raises numpy's
    broadcast error, which `error_cause` and the swapped-axes reader name; where they are
    equal it runs, and each entry takes another row's or column's numbers."""
    n, m = X.shape
    if n != m or n < 2:
        return []
    with np.errstate(all="ignore"):
        mu = X.mean(axis=axis, keepdims=True)
        std = np.sqrt(X.var(axis=axis, keepdims=True) + eps)
    wrong = (
        f"X is square here ({n} x {m}), so a vector of {n} numbers fits along either axis and "
        "no shape error shows the slip; "
    )
    along = "column" if axis == 0 else "row"

    def stats(which: str) -> str:
        verb = "were" if " and " in which else "was"
        return (
            f"the {which} of each {along} {verb} applied along the other axis: {wrong}a "
            f"reduction without keepdims=True gives shape ({n},), which numpy lines up with "
            "X's last axis (a row), and a [:, None] makes a column: keep the reduced axis "
            f"(X.mean(axis={axis}, keepdims=True)) so each statistic stays with its own values"
        )

    return [
        (stats("mean and standard deviation"), lambda: gamma * (X - mu.T) / std.T + beta),
        (stats("mean"), lambda: gamma * (X - mu.T) / std + beta),
        (stats("standard deviation"), lambda: gamma * (X - mu) / std.T + beta),
        (
            "gamma and beta were laid along the examples (gamma.T, beta.T, or flattened to "
            f"({n},), which numpy lines up as a row): {wrong}they are (n, 1) columns, one value "
            "per feature; use them as given, gamma * x_hat + beta",
            lambda: gamma.T * (X - mu) / std + beta.T,
        ),
    ]


def _same(got: np.ndarray, sums: np.ndarray) -> bool:
    """True when `got` holds `sums` to a backward pass's tolerance (float64 values)."""
    if got.dtype.kind != "f" or not np.all(np.isfinite(got)):
        return False
    scale = float(np.abs(sums).max()) + 1.0
    return bool(np.allclose(got, sums, rtol=1e-7, atol=1e-10 * scale))


FLOAT32_STATISTICS = (
    "the statistics were computed in float32: the mean and the variance are off by float32 "
    "rounding, which E[x**2] - E[x]**2 (or a batch of one's x - mean) magnifies when the mean "
    "is large beside the spread, so the result keeps fewer digits than even the precision of "
    "float32; compute them in float64, the variance as the mean of (x - mean)**2"
)
"""What a result whose error is a float32 mean and variance, magnified, is told."""


def float32_statistics(
    X: np.ndarray,
    gamma: np.ndarray,
    beta: np.ndarray,
    eps: float,
    got: np.ndarray,
    expected: np.ndarray,
    *,
    axis: int,
) -> bool:
    """True when `got` is gamma * (X - mu') / sqrt(var' + eps) + beta for a mean mu' and a
    variance var' per slice that float32 rounding of the data explains (mu' within a few
    float32 steps of the data's size, var' within a few of the mean square), but farther
    from `expected` than float32 rounding of the result (`float32_digits` names that one):
    E[x**2] - E[x]**2 in float32 cancels when the mean is large beside the spread."""
    if got.shape != X.shape or float32_digits(got, expected) or not np.all(np.isfinite(got)):
        return False
    step = 2.0**-23
    with np.errstate(all="ignore"):
        y = np.moveaxis((got - beta) / gamma, axis, -1).reshape(-1, X.shape[axis])
        x = np.moveaxis(X, axis, -1).reshape(-1, X.shape[axis])
        for ys, xs in zip(y, x, strict=True):
            mu, var, size = xs.mean(), xs.var(), float(np.abs(xs).max()) + 1e-300
            if xs.size == 1:  # the mean of one float32 value is itself, and its variance 0
                mu_f, var_f = float(np.float32(xs[0])), 0.0
                if not np.allclose(ys, (xs - mu_f) / np.sqrt(var_f + eps), rtol=1e-6, atol=0):
                    return False
                continue
            if np.ptp(xs) == 0:
                return False
            k, b = np.polyfit(xs, ys, 1)
            if np.max(np.abs(k * xs + b - ys)) > 1e-5 * (np.max(np.abs(ys)) + 1e-300):
                return False
            mu_f, var_f = -b / k, 1.0 / (k * k) - eps
            if abs(mu_f - mu) > 16 * step * size or abs(var_f - var) > 64 * step * size * size:
                return False
    return True


def normalization_inputs(
    rng: np.random.Generator, X: np.ndarray, eps: float | None
) -> dict[str, Any]:
    """A case's inputs around X: a gamma of either sign, beta and dout (drawn in that order),
    and eps (no key when None: the entry's own default is used)."""
    n, m = X.shape
    inputs: dict[str, Any] = {
        "X": X,
        "gamma": rng.uniform(0.5, 2.0, size=(n, 1)) * rng.choice([-1.0, 1.0], size=(n, 1)),
        "beta": gen.normal(rng, (n, 1)),
        "dout": gen.normal(rng, (n, m)),
    }
    if eps is not None:
        inputs["eps"] = eps
    return inputs


def normalization_cases(plans: list[tuple[str, dict[str, Any], bool]]) -> list[Case]:
    """The cases from (what, inputs, against a numerical gradient too) plans, numbered from 1."""
    out = []
    for i, (what, inputs, numeric) in enumerate(plans, 1):
        eps = inputs.get("eps")
        out.append(
            Case(
                f"case {i}: {what}",
                inputs,
                gen.describe(
                    X=inputs["X"],
                    gamma=inputs["gamma"],
                    eps=eps if eps is not None else "default (1e-5)",
                ),
                private={"numeric": numeric},
            )
        )
    return out


X_AXES: Axes = (("n", "features"), ("m", "examples"))
"""X's (n, m) layout, which out and dX keep: one column per example."""
PARAM_AXES: Axes = (("n", "features"), ("1", ""))
"""gamma's and beta's (n, 1) column, which dgamma and dbeta keep."""


class NormalizationChecker(NNChecker):
    """FORWARD then BACKWARD(dout, cache) in one harness call, for statistics over `axis`."""

    axis: ClassVar[int]
    """The axis of X the statistics run over (1: the examples, 0: each example's features)."""
    statistics_of: ClassVar[str]
    """Whose mean and variance, in words ('the batch', "each example's")."""
    backward_eps_hints: ClassVar[bool] = False
    """Name a backward pass that recomputed the statistics with eps = 1e-5 or 0."""
    features_sum_hint: ClassVar[bool] = False
    """Name a dgamma or dbeta of shape (1, m) as summed over the features, before shapes."""
    other_axis_dX_hint: ClassVar[str | None] = None
    """The words for a dX whose sums run over the other axis (None: not named)."""
    copy_hint = "work on copies (e.g. X - mu builds a new array, X -= mu does not)"

    @abstractmethod
    def forward_hints(
        self, X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float
    ) -> list[Hint]:
        """The known mistakes of the forward pass this drill names, first match first."""

    def mean_off_by_one_hints(
        self, X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float
    ) -> list[Hint]:
        """A mean that divides the sum by count - 1 (the unbiased variance's divisor), with
        the variance around that mean or numpy's own (empty when count is 1)."""
        count = X.shape[self.axis]
        if count < 2:
            return []
        mu = X.sum(axis=self.axis, keepdims=True) / (count - 1)
        message = (
            f"the mean divides the sum by {count - 1}, count - 1; the mean divides by the "
            f"count, {count} (only the unbiased variance, which this drill does not use, "
            "divides by count - 1)"
        )
        around_mu = ((X - mu) ** 2).mean(axis=self.axis, keepdims=True)
        numpy_var = X.var(axis=self.axis, keepdims=True)
        return [
            (message, gamma * (X - mu) / np.sqrt(var + eps) + beta)
            for var in (around_mu, numpy_var)
        ]

    def dX_without_mean_term(
        self, dout: np.ndarray, gamma: np.ndarray, X: np.ndarray, eps: float
    ) -> np.ndarray:
        """The backward pass that forgets the path through the mean: (dx_hat - x_hat *
        mean(dx_hat * x_hat)) / std."""
        std = np.sqrt(X.var(axis=self.axis, keepdims=True) + eps)
        x_hat = (X - X.mean(axis=self.axis, keepdims=True)) / std
        dx_hat = dout * gamma
        return np.asarray(
            (dx_hat - x_hat * (dx_hat * x_hat).mean(axis=self.axis, keepdims=True)) / std
        )

    def error_cause(self, case: Case, error: str) -> str | None:
        """gamma or beta used as a row, gamma.T (1, n): it cannot broadcast against X (n, m)."""
        n, m = case.inputs["X"].shape
        row, x = f"(1,{n})", f"({n},{m})"
        if f"shapes {row} {x}" not in error and f"shapes {x} {row}" not in error:
            return None
        return (
            f"a (1, {n}) row met X ({n}, {m}): gamma and beta are ({n}, 1), one value per "
            "feature (a column, like X's rows), so gamma.T or beta.T does not line up with "
            "X; use them as given, gamma * x_hat + beta"
        )

    def x_hat(self, X: np.ndarray, eps: float) -> np.ndarray:
        """The normalized X, (X - mean) / sqrt(var + eps) over the statistics' axis."""
        mu = X.mean(axis=self.axis, keepdims=True)
        return np.asarray((X - mu) / np.sqrt(X.var(axis=self.axis, keepdims=True) + eps))

    def dX_term_hints(
        self, dout: np.ndarray, gamma: np.ndarray, x_hat: np.ndarray, inv_std: np.ndarray
    ) -> list[Hint]:
        """dX = (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * x_hat)) / std with one of its
        terms slipped: the variance term's sign, the means' divisor or axis, gamma left out
        of the sums."""
        axis, other = self.axis, 1 - self.axis
        count, other_count = dout.shape[axis], dout.shape[other]
        dx_hat = dout * gamma

        def dX(mean_of: Callable[[np.ndarray], np.ndarray], sign: float = -1.0) -> np.ndarray:
            """The formula with its two means taken by `mean_of`, and the variance term's sign."""
            return np.asarray(
                (dx_hat - mean_of(dx_hat) + sign * x_hat * mean_of(dx_hat * x_hat)) * inv_std
            )

        def mean(a: np.ndarray) -> np.ndarray:
            return np.asarray(a.mean(axis=axis, keepdims=True))

        hints: list[Hint] = [
            (
                "dX adds the variance term; it is subtracted: (dx_hat - mean(dx_hat) - "
                "x_hat * mean(dx_hat * x_hat)) / std",
                lambda: dX(mean, sign=1.0),
            ),
            (
                "the means in dX are of dout; they are of dout * gamma, the gradient that "
                "reaches x_hat: (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * x_hat)) / std "
                "with dx_hat = dout * gamma",
                lambda: (dx_hat - mean(dout) - x_hat * mean(dout * x_hat)) * inv_std,
            ),
            (
                "dX's variance term misses gamma and 1/std: it is x_hat * mean(dout * x_hat), "
                "subtracted as it is; like the other two terms it is of dx_hat "
                "= dout * gamma and divided by std: (dx_hat - mean(dx_hat) - x_hat * "
                "mean(dx_hat * x_hat)) / std",
                lambda: (dx_hat - mean(dx_hat)) * inv_std - x_hat * mean(dout * x_hat),
            ),
        ]
        if count > 1:  # d var / dX taken from the unbiased variance, 2 (x - mu) / (count - 1)
            hints.append(
                (
                    f"dX's variance term divides by {count - 1}, count - 1, as the unbiased "
                    "variance's derivative would; the forward pass uses the biased one, so "
                    f"d var / dX is 2 (x - mu) / {count}: (dx_hat - mean(dx_hat) - x_hat * "
                    "mean(dx_hat * x_hat)) / std",
                    lambda: (
                        dX(mean)
                        + (1.0 / count - 1.0 / (count - 1))
                        * x_hat
                        * (dx_hat * x_hat).sum(axis=axis, keepdims=True)
                        * inv_std
                    ),
                )
            )
        if other_count != count:  # on a square X this divisor is the right one
            hints.append(
                (
                    f"dX divides its sums over axis {axis} by {other_count}, the length of "
                    f"axis {other}; the means in dX run over the same {count} values as the "
                    f"statistics, so divide by {count}",
                    lambda: dX(lambda a: a.sum(axis=axis, keepdims=True) / other_count),
                )
            )
        # on a square X too: there the sums over the other axis fit X with no shape error
        hints.append(
            (
                f"the sums in dX run over axis {other}; they run over axis {axis}, the "
                f"axis of {self.statistics_of} mean and variance (x_hat is right; only "
                "dX's sums moved)",
                lambda: dX(lambda a: a.sum(axis=other, keepdims=True) / count),
            )
        )
        return hints

    def passes(self) -> tuple[Forward, Backward]:
        """The reference's forward and backward entries."""
        forward, backward = self.entries
        reference = self.reference()
        return reference[forward], reference[backward]

    def prepare(self, case: Case) -> dict[str, Any]:
        """The reference's passes and, on the numerical-gradient case, central differences of its loss."""
        X, gamma, beta, dout = (case.inputs[k] for k in ("X", "gamma", "beta", "dout"))
        eps = case.inputs.get("eps", DEFAULT_EPS)
        forward, backward = self.passes()
        out_ref, cache = forward(X, gamma, beta, eps)
        numeric = (
            normalization_numeric_grads(forward, X, gamma, beta, dout, eps)
            if case.private.get("numeric")
            else {}
        )
        return {"out": out_ref, "grads": backward(dout, cache), "numeric": numeric}

    def returned_grads(
        self,
        j: Judgement,
        outputs: dict[str, Any],
        n: int,
        m: int,
        features_sums: dict[str, np.ndarray] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """dX, dgamma and dbeta as float64 arrays of shapes (n, m), (n, 1), (n, 1).

        `features_sums`: dgamma's and dbeta's terms summed over the features (axis 0), as
        (1, m) rows. Where m != n a (1, m) result is that sum by its shape alone (named where
        `features_sum_hint`); on a square X a (1, n) row is also what a transpose of the
        right column gives, so there it is named only when its values are those sums."""
        got: dict[str, Any] = {label: outputs.get(label) for label in ("dX", "dgamma", "dbeta")}
        square = m == n and features_sums is not None
        if self.features_sum_hint or square:
            got = {label: j.array(label, value) for label, value in got.items()}
            for label in ("dgamma", "dbeta"):
                if got[label].shape != (1, m):
                    continue
                if m != n and self.features_sum_hint:
                    j.fail(
                        f"{label} has shape (1, {m}): it was summed over the features; gamma and "
                        f"beta are (n, 1) = ({n}, 1), shared by every example, so sum over the "
                        "examples (axis 1)"
                    )
                if square and features_sums is not None and _same(got[label], features_sums[label]):
                    j.fail(
                        f"{label} has shape (1, {m}): it was summed over the features (axis 0), "
                        f"one sum per example; X is square here ({n} x {m}), so only the values "
                        f"tell it from a transpose: gamma and beta are ({n}, 1), shared by every "
                        "example, so sum over the examples (axis=1, keepdims=True)"
                    )
        return (
            j.array("dX", got["dX"], (n, m), axes=X_AXES),
            j.array("dgamma", got["dgamma"], (n, 1), axes=PARAM_AXES),
            j.array("dbeta", got["dbeta"], (n, 1), axes=PARAM_AXES),
        )

    def features_dbeta(self, dout: np.ndarray) -> np.ndarray:
        """dout summed over the features (axis 0), its first n sums as a column: dbeta's
        shape from the wrong sum, which needs at least as many examples as features."""
        n = dout.shape[0]
        sums: np.ndarray = np.sum(dout, axis=0)[:n].reshape(n, 1)
        return sums

    def features_dbeta_hint(self, n: int) -> str:
        """The message when dbeta holds sums over the features, cut to n values."""
        return (
            f"dbeta holds the sums of dout over the features (axis 0), one per example, cut "
            f"to the first {n}: beta has one value per feature, shared by every example, so "
            "sum dout over the examples (np.sum(dout, axis=1, keepdims=True))"
        )

    def eps_hints(
        self, X: np.ndarray, gamma: np.ndarray, beta: np.ndarray, dout: np.ndarray, eps: float
    ) -> list[tuple[str, tuple[np.ndarray, np.ndarray, np.ndarray]]]:
        """The gradients of a backward pass that recomputed the statistics with its own eps."""
        if not self.backward_eps_hints:
            return []
        forward, backward = self.passes()
        hints = []
        for other, said in ((DEFAULT_EPS, "1e-5 (its own default)"), (0.0, "0 (no eps)")):
            if other != eps:
                with np.errstate(all="ignore"):
                    _, other_cache = forward(X, gamma, beta, other)
                    hints.append(
                        (
                            f"the backward pass used eps = {said}, not the eps = {eps:g} given "
                            "to the forward pass: keep what the forward pass computed (or eps "
                            "itself) in the cache",
                            backward(dout, other_cache),
                        )
                    )
        # 1/sqrt(std**2 + eps) from a cached std = sqrt(var + eps): eps counted twice, so
        # only the inverse deviation of dX moves (x_hat and the dgamma, dbeta it gives do not)
        _, cache = forward(X, gamma, beta, eps)
        dX, dgamma, dbeta = backward(dout, cache)
        var = X.var(axis=self.axis, keepdims=True)
        hints.append(
            (
                "the backward pass added eps a second time: 1 / sqrt(std**2 + eps) from a "
                "cached std = sqrt(var + eps) is 1 / sqrt(var + 2*eps); use 1 / std itself "
                "(or cache 1 / sqrt(var + eps) and reuse it)",
                (dX * np.sqrt((var + eps) / (var + 2 * eps)), dgamma, dbeta),
            )
        )
        return hints

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        X, gamma, beta, dout = (case.inputs[k] for k in ("X", "gamma", "beta", "dout"))
        eps = case.inputs.get("eps", DEFAULT_EPS)
        n, m = X.shape
        forward_entry, backward_entry = self.entries
        if "bad_forward" in outputs:
            j.fail(wrong_return(forward_entry, "(out, cache)", outputs["bad_forward"]))
        expected = j.prepared
        out_ref = expected["out"]
        dX_ref, dgamma_ref, dbeta_ref = expected["grads"]
        out = j.array("out", outputs.get("out"), (n, m), axes=X_AXES)
        scale = float(np.abs(out_ref).max()) + 1.0
        j.close(
            "out",
            out,
            out_ref,
            Tolerance(rtol=1e-8, atol=1e-11 * scale),
            hints=[
                *self.forward_hints(X, gamma, beta, eps),
                *self.mean_off_by_one_hints(X, gamma, beta, eps),
                *square_axis_hints(X, gamma, beta, eps, axis=self.axis),
                (
                    FLOAT32_STATISTICS,
                    lambda: (
                        out
                        if float32_statistics(X, gamma, beta, eps, out, out_ref, axis=self.axis)
                        else np.full(out.shape, np.nan)
                    ),
                ),
                (
                    "gamma and beta were swapped: beta * x_hat + gamma; gamma scales the "
                    "normalized x_hat and beta shifts it, gamma * x_hat + beta",
                    lambda: beta * self.x_hat(X, eps) + gamma,
                ),
                (
                    "the variance is the mean of X**2 with the mean's square never taken off "
                    "(E[x**2] where E[x**2] - E[x]**2, or the mean of (X - mean)**2, was "
                    "meant): X was centred, then divided by its root mean square",
                    lambda: (
                        gamma
                        * (X - X.mean(axis=self.axis, keepdims=True))
                        / np.sqrt(np.mean(X * X, axis=self.axis, keepdims=True) + eps)
                        + beta
                    ),
                ),
                (
                    "X was divided by its standard deviation but not centred: x_hat = "
                    "(X - mean) / sqrt(var + eps)",
                    lambda: gamma * X / np.sqrt(X.var(axis=self.axis, keepdims=True) + eps) + beta,
                ),
                (
                    "X was divided by its root mean square, sqrt(mean(X**2) + eps), with no "
                    "mean subtracted (that is RMSNorm); x_hat = (X - mean) / sqrt(var + eps)",
                    lambda: (
                        gamma * X / np.sqrt(np.mean(X * X, axis=self.axis, keepdims=True) + eps)
                        + beta
                    ),
                ),
            ],
        )
        if "bad_backward" in outputs:
            j.fail(wrong_return(backward_entry, "(dX, dgamma, dbeta)", outputs["bad_backward"]))
        features_sums = {
            "dbeta": np.sum(dout, axis=0, keepdims=True),
            "dgamma": np.sum(dout * self.x_hat(X, eps), axis=0, keepdims=True),
        }
        dX, dgamma, dbeta = self.returned_grads(j, outputs, n, m, features_sums)
        size = 1 + float(np.abs(dout).sum())
        averaged = (
            "{0} is the mean over the examples, not the sum: gamma and beta are shared by "
            "all {1} examples, so their gradients add up (np.sum(..., axis=1, keepdims=True))"
        )
        dx_hat = dout * gamma
        j.close(
            "dbeta",
            dbeta,
            dbeta_ref,
            Tolerance(rtol=1e-8, atol=1e-12 * size),
            hints=[
                *([(averaged.format("dbeta", m), dbeta_ref / m)] if m > 1 else []),
                *([(self.features_dbeta_hint(n), self.features_dbeta(dout))] if m >= n else []),
                (
                    "dbeta sums dout * gamma; beta is added after the scaling by gamma, so "
                    "its gradient is dout alone, summed over the examples",
                    lambda: np.sum(dx_hat, axis=1, keepdims=True),
                ),
            ],
        )
        eps_hints = self.eps_hints(X, gamma, beta, dout, eps)
        j.close(
            "dgamma",
            dgamma,
            dgamma_ref,
            Tolerance(rtol=1e-8, atol=1e-11 * size),
            hints=[
                *((msg, grads[1]) for msg, grads in eps_hints),
                *([(averaged.format("dgamma", m), dgamma_ref / m)] if m > 1 else []),
                (
                    "dgamma sums dout * gamma * x_hat; gamma's gradient is dout * x_hat "
                    "summed over the examples (gamma does not scale its own gradient)",
                    lambda: np.sum(dx_hat * self.x_hat(X, eps), axis=1, keepdims=True),
                ),
                (
                    "dgamma sums dout * out, the layer's output gamma * x_hat + beta; it sums "
                    "dout * x_hat. If your cache holds x_hat, check that nothing scaled it in "
                    "place afterwards: out = x_hat; out *= gamma changes the cached x_hat too",
                    lambda: np.sum(dout * out_ref, axis=1, keepdims=True),
                ),
                (
                    "dgamma sums dout * X, the raw input; gamma multiplies the normalized "
                    "x_hat = (X - mean) / sqrt(var + eps), so dgamma sums dout * x_hat",
                    lambda: np.sum(dout * X, axis=1, keepdims=True),
                ),
                (
                    "dgamma used the centred X - mean; gamma multiplies the normalized x_hat "
                    "= (X - mean) / sqrt(var + eps), so dgamma sums dout * x_hat",
                    lambda: np.sum(
                        dout * (X - X.mean(axis=self.axis, keepdims=True)),
                        axis=1,
                        keepdims=True,
                    ),
                ),
            ],
            # one feature's dgamma is one number: no pattern of errors tells float32 by
            near_miss=(
                "dgamma agrees with the expected value to about 7 digits only, the precision "
                "of float32: if x_hat or the statistics were computed in float32 and cast "
                "back, compute them in float64"
            ),
        )
        inv_std = 1.0 / np.sqrt(X.var(axis=self.axis, keepdims=True) + eps)
        direct = dout * gamma * inv_std
        x_hat = self.x_hat(X, eps)
        dX_hints: list[Hint] = [
            *((msg, grads[0]) for msg, grads in eps_hints),
            (
                f"dX ignores how {self.statistics_of} mean and variance depend on X "
                "(it is only dout * gamma / std)",
                direct,
            ),
            (
                "dX keeps the mean term but drops the variance term",
                direct - direct.mean(axis=self.axis, keepdims=True),
            ),
            (
                "dX keeps the variance term but drops the mean term: every x_j moves the "
                f"mean too, which takes the mean of dout * gamma over {self.statistics_of} "
                "values off each entry, (dx_hat - mean(dx_hat) - x_hat * mean(dx_hat * "
                "x_hat)) / std",
                lambda: self.dX_without_mean_term(dout, gamma, X, eps),
            ),
            (
                "dX misses the factor gamma: the gradient reaching x_hat is dout * gamma",
                lambda: self.passes()[1](
                    dout, self.passes()[0](X, np.ones_like(gamma), beta, eps)[1]
                )[0],
            ),
            (
                "dX misses the factor 1/std = 1/sqrt(var + eps): x_hat = (X - mean) / std, "
                "so the gradient that reaches X through x_hat is divided by std too",
                lambda: dX_ref / inv_std,
            ),
        ]
        dX_hints += self.dX_term_hints(dout, gamma, x_hat, inv_std)
        dX_hints += _float32_cache_hints(dout, gamma, x_hat, inv_std, self.axis)
        if self.other_axis_dX_hint is not None:
            forward, _ = self.passes()
            _, cache = forward(X, gamma, beta, eps)
            dX_hints.append(
                (self.other_axis_dX_hint, normalize_backward(dout, cache, axis=1 - self.axis)[0])
            )
        j.close(
            "dX",
            dX,
            dX_ref,
            Tolerance(rtol=1e-7, atol=1e-10 * float(np.abs(direct).max()) + 1e-300),
            hints=dX_hints,
        )
        returned = {"dX": dX, "dgamma": dgamma, "dbeta": dbeta}
        for label, numeric in expected["numeric"].items():
            j.close(f"{label} vs numerical gradient", returned[label], numeric, NUMERIC_TOL)
