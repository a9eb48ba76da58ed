"""Checker for one LSTM cell step, forward and backward run together with the user's cache."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from engine import cases as gen
from engine.arch import recurrent as ref
from engine.checkers.arch._common import NUMERIC_TOL, check_shape
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker
from engine.checkers.returned import wrong_return
from engine.checks import Axes, Judgement, Tolerance
from engine.nn.gradcheck import numerical_gradient

__all__ = ["lstm_cell"]

TOL = Tolerance(rtol=1e-8, atol=1e-12)
"""Values of order 1 (gates, tanh): differences in summation order stay near 1e-15."""


def _permuted(W: np.ndarray, b: np.ndarray, order: tuple[int, ...]) -> tuple[np.ndarray, ...]:
    """W and b whose row blocks are read in another gate order by the reference."""
    n = W.shape[0] // 4
    blocks = [slice(k * n, (k + 1) * n) for k in order]
    return np.vstack([W[s] for s in blocks]), np.vstack([b[s] for s in blocks])


def _pick(run: Callable[[], tuple[Any, ...]], k: int) -> Callable[[], Any]:
    """A lazy hint value: item k of what `run` returns, computed only when needed."""
    return lambda: run()[k]


def _given(value: np.ndarray) -> Callable[[], np.ndarray]:
    """A hint's value computed already (cheap beside the case: a few elementwise steps)."""
    return lambda: value


def _forward_hints(
    inputs: dict[str, Any],
) -> list[tuple[str, Callable[[], Any], Callable[[], Any]]]:
    """(message, h a mistake gives, c it gives) for known forward mistakes."""
    x, h_prev, c_prev, W, b = (inputs[k] for k in ("x", "h_prev", "c_prev", "W", "b"))
    n = h_prev.shape[0]
    hints: list[tuple[str, Callable[[], Any], Callable[[], Any]]] = []
    for order in itertools.permutations(range(4)):
        if order == (0, 1, 2, 3):
            continue
        # the user reads block k of W as gate GATES[k]; that is the reference on W permuted
        inverse = tuple(order.index(k) for k in range(4))
        names = ", ".join(ref.GATES[k] for k in inverse)
        Wp, bp = _permuted(W, b, order)

        def run(Wp: np.ndarray = Wp, bp: np.ndarray = bp) -> tuple[Any, ...]:
            return ref.lstm_cell_forward(x, h_prev, c_prev, Wp, bp)

        hints.append(
            (
                f"the gate rows are read in the order {names}; this drill stacks them as "
                "i, f, o, g (input, forget, output, candidate)",
                _pick(run, 0),
                _pick(run, 1),
            )
        )
    if n > 1:
        # z.reshape(n, 4, m) reads row 4j + k as gate k of unit j: W's rows interleaved
        Wi = W.reshape(n, 4, -1).transpose(1, 0, 2).reshape(W.shape)
        bi = b.reshape(n, 4, -1).transpose(1, 0, 2).reshape(b.shape)

        def interleaved() -> tuple[Any, ...]:
            return ref.lstm_cell_forward(x, h_prev, c_prev, Wi, bi)

        hints.append(
            (
                "the gates were cut with z.reshape(n, 4, m), which reads row r as gate r % 4 "
                "of unit r // 4, the gates interleaved; this drill stacks them in blocks of n "
                "rows, i = z[:n], f = z[n:2n], o = z[2n:3n], g = z[3n:], which "
                "z.reshape(4, n, m) gives",
                _pick(interleaved, 0),
                _pick(interleaved, 1),
            )
        )
    z = W @ np.vstack([h_prev, x]) + b
    i, f, o = (ref.sigmoid(z[k * n : (k + 1) * n]) for k in range(3))
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    hints.append(("h is o * c; it is o * tanh(c)", lambda: o * c, lambda: c))
    hints.append(
        (
            "h uses the old cell state, o * tanh(c_prev); it uses the new one, c = f * c_prev "
            "+ i * g, computed first: h = o * tanh(c)",
            lambda: o * np.tanh(c_prev),
            lambda: c,
        )
    )
    c_ungated = f * c_prev + g
    hints.append(
        (
            "the input gate is not applied: c = f * c_prev + g adds the whole candidate; the "
            "input gate scales it, c = f * c_prev + i * g",
            lambda: o * np.tanh(c_ungated),
            lambda: c_ungated,
        )
    )
    c_coupled = f * c_prev + (1.0 - f) * g
    hints.append(
        (
            "the input gate is 1 - f (the gates coupled, as in a GRU's update); the LSTM has "
            "its own input gate i from the first block of W: c = f * c_prev + i * g",
            lambda: o * np.tanh(c_coupled),
            lambda: c_coupled,
        )
    )
    c_bias = ref.sigmoid(z[n : 2 * n] + 1.0) * c_prev + i * g
    hints.append(
        (
            "the forget gate adds 1 to its pre-activation, sigmoid(z_f + 1) (TensorFlow's "
            "forget_bias=1.0); that 1 belongs in b's initial values, not in the cell: f = "
            "sigmoid(z[n:2n]) with the b given",
            lambda: o * np.tanh(c_bias),
            lambda: c_bias,
        )
    )
    sig_g = ref.sigmoid(z[3 * n :])
    c_sig = f * c_prev + i * sig_g
    hints.append(
        ("the candidate g uses a sigmoid; it is tanh", lambda: o * np.tanh(c_sig), lambda: c_sig)
    )
    for slope, whose in HARD_SIGMOIDS:
        hi, hf, ho = (np.clip(slope * z[k * n : (k + 1) * n] + 0.5, 0.0, 1.0) for k in range(3))
        c_hard = hf * c_prev + hi * g
        hints.append(
            (
                f"the gates i, f and o use a hard sigmoid, clip({slope:.3g} * z + 0.5, 0, 1) "
                f"({whose}); this drill's gates use the logistic sigmoid 1 / (1 + exp(-z))",
                _given(ho * np.tanh(c_hard)),
                _given(c_hard),
            )
        )
    h_stack = np.vstack([x, h_prev])
    if W.shape[1] == h_stack.shape[0]:
        z2 = W @ h_stack + b
        i2, f2, o2 = (ref.sigmoid(z2[k * n : (k + 1) * n]) for k in range(3))
        c2 = f2 * c_prev + i2 * np.tanh(z2[3 * n :])
        hints.append(
            (
                "W is applied to [x; h_prev]; the stacked input is [h_prev; x] (h_prev on top)",
                lambda: o2 * np.tanh(c2),
                lambda: c2,
            )
        )
    return hints


HARD_SIGMOIDS = (
    (0.2, "older Keras's default recurrent_activation"),
    (1 / 6, "Keras 3's hard_sigmoid, PyTorch's Hardsigmoid"),
)
"""The slopes of the piecewise-linear sigmoids an LSTM's gates get from a library's habit."""


NUMERIC_INPUTS = (
    ("dx", "x"),
    ("dh_prev", "h_prev"),
    ("dc_prev", "c_prev"),
    ("dW", "W"),
    ("db", "b"),
)
"""Each gradient and the input it is taken with respect to (the numerical-gradient case)."""


_SHAPE = re.compile(r"\(([\d,\s]*)\)")
"""One shape tuple, such as (17,1), in numpy's broadcast error."""


def _named_shapes(first_line: str) -> set[tuple[int, ...]]:
    """The operand shapes numpy's broadcast error (its first line) names (none for any
    other error)."""
    if not first_line.startswith("ValueError: operands could not be broadcast together"):
        return set()
    listed = first_line.split("shapes", 1)[-1]
    return {
        tuple(int(v) for v in match.group(1).split(",") if v.strip())
        for match in _SHAPE.finditer(listed)
    }


def _blocks_of(size: int, total: int) -> tuple[int, int, int, int]:
    """The rows z[:s], z[s:2s], z[2s:3s] and z[3s:] keep of a z of `total` rows."""
    edges = [min(k * size, total) for k in range(4)] + [total]
    return (edges[1] - edges[0], edges[2] - edges[1], edges[3] - edges[2], edges[4] - edges[3])


STATE_AXES: Axes = (("n", "hidden units"), ("m", "examples"))
"""h's and c's (n, m) layout, which dh_prev and dc_prev keep: one column per example."""
GRAD_AXES: dict[str, Axes] = {
    "dx": (("d", "input features"), ("m", "examples")),
    "dh_prev": STATE_AXES,
    "dc_prev": STATE_AXES,
    "db": (("4n", "gate rows"), ("1", "")),
}
"""What each gradient's rows and columns hold (dW has its own message)."""


class LstmCellChecker(NNChecker):
    """lstm_cell_forward then lstm_cell_backward(dh, dc, cache), checked against a numerical gradient."""

    name = "arch.recurrent.lstm_cell"
    entries = ("lstm_cell_forward", "lstm_cell_backward")
    harness = "lstm"

    def error_cause(self, case: Case, error: str) -> str | None:
        """[h_prev; x] joined side by side (axis=1, np.hstack): numpy refuses the rows, n
        against d, in these very words; with n = d the join works and W @ it refuses the
        n rows against W's n + d columns."""
        n, d = case.inputs["h_prev"].shape[0], case.inputs["x"].shape[0]
        sizes = {
            f"the array at index 0 has size {n} and the array at index 1 has size {d}",
            f"the array at index 0 has size {d} and the array at index 1 has size {n}",
        }
        first = error.split("\n", 1)[0]
        joined = n != d and "along dimension 0" in first and any(m in first for m in sizes)
        rows_against_columns = (
            n == d
            and first.startswith("ValueError: matmul: Input operand 1 has a mismatch")
            and first.endswith(f"(size {n} is different from {n + d})")
        )
        m = case.inputs["h_prev"].shape[1]
        blocks = _blocks_of(m, 4 * n)
        named = _named_shapes(first)
        slipped = {(rows, m) for rows in blocks} - {(n, m)}
        if m != n and named & slipped and named <= slipped | {(n, m)}:
            # z cut into blocks of m rows: the gates get rows no block of n rows has, and
            # numpy's broadcast error names only those shapes and c_prev's (n, m)
            return (
                f"the gates were cut from z in blocks of m = {m} rows, the number of examples "
                f"(h_prev.shape[1]), so i, f, o and g got {', '.join(map(str, blocks))} of "
                f"z's 4n = {4 * n} rows; the hidden size is n = h_prev.shape[0] = {n}: "
                "i = z[:n], f = z[n:2n], o = z[2n:3n], g = z[3n:]"
            )
        if rows_against_columns:  # h_prev alone, or joined side by side: both have n rows
            return (
                f"W, of n + d = {n + d} columns, met an array of n = {n} rows: h_prev alone, "
                "or h_prev and x joined side by side (axis 1, np.hstack); the stacked column "
                "[h_prev; x] puts h_prev on top of x: np.vstack([h_prev, x]), or axis=0, of "
                "n + d rows"
            )
        if not joined:
            return None
        return (
            f"h_prev (n = {n} rows) and x (d = {d}) were joined side by side, along axis 1 "
            "(np.hstack, or np.concatenate(..., axis=1)); the stacked column [h_prev; x] "
            "puts h_prev on top of x: np.vstack([h_prev, x]), or axis=0, of n + d rows"
        )

    def reference(self) -> Mapping[str, Callable[..., Any]]:
        return {
            "lstm_cell_forward": ref.lstm_cell_forward,
            "lstm_cell_backward": ref.lstm_cell_backward,
        }

    def make_cases(self, rng: np.random.Generator, params: Mapping[str, Any]) -> list[Case]:
        def make(n: int, d: int, m: int, w_scale: float = 0.5, numeric: bool = False) -> Any:
            return (
                {
                    "x": gen.normal(rng, (d, m)),
                    "h_prev": np.tanh(gen.normal(rng, (n, m))),
                    "c_prev": gen.normal(rng, (n, m), 1.5),
                    "W": gen.normal(rng, (4 * n, n + d), w_scale),
                    "b": gen.normal(rng, (4 * n, 1), 0.5),
                    "dh": gen.normal(rng, (n, m)),
                    "dc": gen.normal(rng, (n, m)),
                },
                numeric,
            )

        plans = [
            ("one example (m = 1)", make(gen.size(rng, 3, 5), gen.size(rng, 2, 4), 1)),
            ("one hidden unit (n = 1)", make(1, 3, gen.size(rng, 3, 6))),
            ("one input feature (d = 1)", make(gen.size(rng, 2, 4), 1, 5)),
            ("n != d != m", make(4, 3, 6)),
            ("saturated gates (large weights)", make(3, 4, 5, w_scale=4.0)),
            ("a larger layer", make(32, 16, 24, w_scale=0.3)),
            ("against a numerical gradient", make(3, 2, 4, numeric=True)),
        ]
        out = []
        for k, (what, (inputs, numeric)) in enumerate(plans, 1):
            n, m = inputs["h_prev"].shape
            out.append(
                Case(
                    f"case {k}: {what}",
                    inputs,
                    gen.describe(x=inputs["x"], h_prev=inputs["h_prev"], W=inputs["W"])
                    + f"; n={n}, m={m}",
                    private={"numeric": numeric},
                )
            )
        return out

    def prepare(self, case: Case) -> dict[str, Any]:
        """Everything `check` compares with, none of it depending on the submission.

        The reference's forward and backward passes, the gradients of the two slips
        the hints name and, on the numerical-gradient case, the central differences
        of the reference's loss (computed while the submission runs).
        """
        x, h_prev, c_prev, W, b, dh, dc = (
            case.inputs[k] for k in ("x", "h_prev", "c_prev", "W", "b", "dh", "dc")
        )
        h_ref, c_ref, cache = ref.lstm_cell_forward(x, h_prev, c_prev, W, b)
        numeric: dict[str, np.ndarray] = {}
        if case.private.get("numeric"):
            values = {"x": x, "h_prev": h_prev, "c_prev": c_prev, "W": W, "b": b}
            for label, which in NUMERIC_INPUTS:

                def loss(theta: np.ndarray, which: str = which) -> float:
                    v = {**values, which: theta}
                    hh, cc, _ = ref.lstm_cell_forward(
                        v["x"], v["h_prev"], v["c_prev"], v["W"], v["b"]
                    )
                    return float(np.sum(dh * hh) + np.sum(dc * cc))

                at = np.array(values[which], dtype=np.float64, copy=True)
                numeric[label] = numerical_gradient(loss, at)
        return {
            "h": h_ref,
            "c": c_ref,
            "grads": ref.lstm_cell_backward(dh, dc, cache),
            "no_dc": ref.lstm_cell_backward(dh, np.zeros_like(dc), cache),
            "only_dc": _backward_with(cache, dh, dc, slip="no_h_path"),
            "first_db": _first_example_db(case.inputs),
            **{slip: _backward_with(cache, dh, dc, slip=slip) for slip in _BACKWARD_SLIPS},
            "numeric": numeric,
        }

    def check(self, case: Case, outputs: dict[str, Any], j: Judgement) -> None:
        x, h_prev, W = (case.inputs[k] for k in ("x", "h_prev", "W"))
        n, m = h_prev.shape
        d = x.shape[0]
        if "bad_forward" in outputs:
            j.fail(wrong_return("lstm_cell_forward", "(h, c, cache)", outputs["bad_forward"]))
        expected = j.prepared
        h_ref, c_ref = expected["h"], expected["c"]
        h = j.array("h", outputs.get("h"), (n, m), axes=STATE_AXES)
        c = j.array("c", outputs.get("c"), (n, m), axes=STATE_AXES)
        hints = _forward_hints(case.inputs)
        j.close("c", c, c_ref, TOL, hints=[(msg, c_fn) for msg, _, c_fn in hints])
        j.close("h", h, h_ref, TOL, hints=[(msg, h_fn) for msg, h_fn, _ in hints])
        if "bad_backward" in outputs:
            j.fail(
                wrong_return(
                    "lstm_cell_backward", "(dx, dh_prev, dc_prev, dW, db)", outputs["bad_backward"]
                )
            )
        grads_ref, no_dc, only_dc = expected["grads"], expected["no_dc"], expected["only_dc"]
        shapes = {
            "dx": (d, m),
            "dh_prev": (n, m),
            "dc_prev": (n, m),
            "dW": W.shape,
            "db": (4 * n, 1),
        }
        got: dict[str, np.ndarray] = {}
        for label, shape in shapes.items():
            got[label] = check_shape(
                j,
                label,
                outputs.get(label),
                shape,
                [("dW is transposed: it has the shape of W, (4n, n + d)", shape[::-1])]
                if label == "dW"
                else [],
                GRAD_AXES.get(label),
            )
        z = W @ np.vstack([h_prev, x]) + case.inputs["b"]
        forget = 1.0 / (1.0 + np.exp(-z[n : 2 * n]))
        stacked_grad = np.vstack([grads_ref[1], grads_ref[0]])  # d[h_prev; x], h_prev on top
        split_swapped = {"dx": stacked_grad[:d], "dh_prev": stacked_grad[d:]}
        for k, label in enumerate(shapes):
            extra: list[tuple[str, Any]] = []
            if label in split_swapped:
                extra.append(
                    (
                        "W.T @ dz was split the wrong way round: the stack is [h_prev; x], "
                        "h_prev on top, so its first n rows are dh_prev and the d rows below "
                        "them are dx",
                        split_swapped[label],
                    )
                )
            if label == "db" and m > 1:
                extra.append(
                    (
                        f"db is the first example's dz only (dz[:, :1]); b serves all {m} "
                        "examples of the batch, so db sums dz over it: "
                        "np.sum(dz, axis=1, keepdims=True)",
                        expected["first_db"],
                    )
                )
            if label == "db":
                extra.extend(_zero_gate_bias_hints(grads_ref[4], n))
            if label == "dc_prev":
                extra.append(
                    (
                        "dc_prev misses the forget gate: c = f * c_prev + i * g, so dc_prev = "
                        "f * (the cell state's whole gradient)",
                        lambda: grads_ref[2] / forget,
                    )
                )
            j.close(
                label,
                got[label],
                grads_ref[k],
                TOL,
                hints=[
                    *extra,
                    (
                        "the gradient dc arriving from the next step is ignored; the cell "
                        "state's gradient is dc + dh * o * (1 - tanh(c)**2)",
                        no_dc[k],
                    ),
                    (
                        "the cell state's gradient misses the path through h: add "
                        "dh * o * (1 - tanh(c)**2) to dc",
                        only_dc[k],
                    ),
                    *((message, expected[slip][k]) for slip, message in _BACKWARD_SLIPS.items()),
                ],
                factors=[
                    (
                        1.0 / m,
                        f"{label} is divided by m = {m}: W and b serve every example of the "
                        "batch, so their gradients sum over it",
                    )
                ]
                if label in ("dW", "db") and m > 1
                else [],
            )
        for label, numeric in expected["numeric"].items():
            j.close(f"{label} vs numerical gradient", got[label], numeric, NUMERIC_TOL)


_BACKWARD_SLIPS = {
    "no_local": (
        "the gates' own derivatives are missing: dz stacks di, df, do and dg as they are; "
        "each goes back through its nonlinearity, di * i * (1 - i) for the sigmoid gates "
        "i, f and o, dg * (1 - g**2) for the tanh candidate g"
    ),
    "tanh_unsquared": (
        "the candidate's derivative was written 1 - g; g = tanh(z), whose derivative is "
        "1 - tanh(z)**2, so dz for g is dg * (1 - g**2)"
    ),
    "tanh_as_sigmoid": (
        "the candidate's derivative was written g * (1 - g), the sigmoid's; g = tanh(z), "
        "whose derivative is 1 - tanh(z)**2, so dz for g is dg * (1 - g**2)"
    ),
    "tanh_twice": (
        "the candidate's gradient went through tanh's derivative twice, dg = dc * i * (1 - g) "
        "and then dg * (1 - g**2); g = tanh(z) takes it once: dg = dc * i, and dz for g is "
        "dg * (1 - g**2)"
    ),
    "o_from_c": "the output gate's gradient uses c; h = o * tanh(c), so do = dh * tanh(c)",
    "f_from_c": (
        "the forget gate's gradient uses the new cell state c; c = f * c_prev + i * g, so "
        "df = (the cell state's gradient) * c_prev, the state the gate multiplied"
    ),
    "h_path_no_tanh": (
        "the path from dh to the cell state misses tanh's derivative: h = o * tanh(c), so "
        "the cell state's gradient is dc + dh * o * (1 - tanh(c)**2), not dc + dh * o"
    ),
    "h_path_tanh_unsquared": (
        "the path from dh to the cell state uses 1 - tanh(c) for tanh's derivative; it is "
        "1 - tanh(c)**2, so the cell state's gradient is dc + dh * o * (1 - tanh(c)**2)"
    ),
    "h_path_old_cell": (
        "the path from dh to the cell state takes tanh's derivative at the old cell state, "
        "1 - tanh(c_prev)**2; h = o * tanh(c) uses the new one, so the cell state's "
        "gradient is dc + dh * o * (1 - tanh(c)**2)"
    ),
    "h_path_no_o": (
        "the path from dh to the cell state misses the output gate: h = o * tanh(c), so the "
        "cell state's gradient is dc + dh * o * (1 - tanh(c)**2), not dc + dh * (1 - "
        "tanh(c)**2)"
    ),
    "i_f_partners_swapped": (
        "the input and forget gates took each other's partner: c = f * c_prev + i * g, so "
        "di = (the cell state's gradient) * g and df = (the cell state's gradient) * c_prev, "
        "each gate times the value it multiplied"
    ),
    "dc_prev_plus_dc": (
        "dc_prev adds dc once more: dc is already inside the cell state's whole gradient, "
        "dc + dh * o * (1 - tanh(c)**2), and dc_prev is f times that, nothing added"
    ),
}
"""Backward-pass slips _backward_with can make, and what the grader says about each."""


_GATES = ("input gate i", "forget gate f", "output gate o", "candidate g")


def _zero_gate_bias_hints(db: np.ndarray, n: int) -> list[tuple[str, np.ndarray]]:
    """db with one gate's rows left at 0: a bias taken for a constant (the forget gate's,
    whose usual start at 1 is only its initial value) gets no gradient."""
    hints = []
    for k, gate in enumerate(_GATES):
        zeroed = db.copy()
        zeroed[k * n : (k + 1) * n] = 0.0
        hints.append(
            (
                f"db's rows {k * n} to {(k + 1) * n - 1}, the {gate}'s bias, are 0: every "
                "row of b is trained, whatever value it starts from, so db sums all 4n rows "
                "of dz over the batch: np.sum(dz, axis=1, keepdims=True)",
                zeroed,
            )
        )
    return hints


def _first_example_db(inputs: dict[str, Any]) -> np.ndarray:
    """db of the batch's first example alone: what keeping dz's first column gives."""
    first = {k: inputs[k][:, :1] for k in ("x", "h_prev", "c_prev", "dh", "dc")}
    _, _, cache = ref.lstm_cell_forward(
        first["x"], first["h_prev"], first["c_prev"], inputs["W"], inputs["b"]
    )
    return np.asarray(ref.lstm_cell_backward(first["dh"], first["dc"], cache)[4])


def _backward_with(
    cache: tuple[Any, ...], dh: np.ndarray, dc: np.ndarray, *, slip: str
) -> tuple[np.ndarray, ...]:
    """The backward pass with one known slip: 'no_h_path' (the tanh(c) path from dh to the
    cell state cut) or one of _BACKWARD_SLIPS."""
    stacked, c_prev, W, i, f, o, g, tanh_c = cache
    n = c_prev.shape[0]
    through_tanh = {
        "h_path_no_tanh": 1.0,
        "h_path_tanh_unsquared": 1.0 - tanh_c,
        "h_path_old_cell": 1.0 - np.tanh(c_prev) ** 2,
    }.get(slip, 1.0 - tanh_c**2)
    gate = 1.0 if slip == "h_path_no_o" else o
    dc_total = dc + (0.0 if slip == "no_h_path" else dh * gate * through_tanh)
    c = f * c_prev + i * g
    di, df, dg = dc_total * g, dc_total * (c if slip == "f_from_c" else c_prev), dc_total * i
    if slip == "i_f_partners_swapped":
        di, df = dc_total * c_prev, dc_total * g
    do = dh * (c if slip == "o_from_c" else tanh_c)  # the cache holds tanh(c)
    if slip == "no_local":
        dz = np.vstack([di, df, do, dg])
    else:
        g_prime = {
            "tanh_unsquared": 1.0 - g,
            "tanh_as_sigmoid": g * (1.0 - g),
            "tanh_twice": (1.0 - g) * (1.0 - g**2),
        }.get(slip, 1.0 - g**2)
        dz = np.vstack([di * i * (1.0 - i), df * f * (1.0 - f), do * o * (1.0 - o), dg * g_prime])
    dstacked = W.T @ dz
    dc_prev = dc_total * f + (dc if slip == "dc_prev_plus_dc" else 0.0)
    return dstacked[n:], dstacked[:n], dc_prev, dz @ stacked.T, dz.sum(axis=1, keepdims=True)


lstm_cell = LstmCellChecker
