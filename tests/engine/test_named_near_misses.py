"""A named cause is claimed only for its own formula: a near-miss wrong answer (a different
mistake close to a named one) fails without that cause's message where the learner sees it
(the summary and the first failure, as in test_answers)."""

from __future__ import annotations

import numpy as np
import pytest

from engine.checkers import get_checker
from engine.checkers.base import Case
from engine.checkers.nn._common import NNChecker, call_inputs
from engine.grade_inprocess import grade_inprocess, load_submission
from tests.engine.answer_files import ANSWERS

SEEDS = (0, 1, 7)

ADAM_M_ONLY = """
import numpy as np

def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1 * t)  # the slip in m_hat only; v_hat is right
    v_hat = v / (1 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
"""

# NaN from another slip (v_hat - m_hat**2 goes negative): not the 1 - beta*t message
ADAM_CENTRED_V_NAN = """
import numpy as np

def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1**t), v / (1 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat - m_hat**2) + eps), m, v
"""

RMSPROP_GRAD_ADDED_TWICE = """
import numpy as np

def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad**2
    return theta - lr * grad / (np.sqrt(s_new + grad**2) + eps), s_new
"""

CONV_STRIDE_ON_ROWS_ONLY = """
import numpy as np

def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + KH, j : j + KW]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
"""

_CONV_BACKWARD = """
import numpy as np

def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(Ho):
        for j in range(Wo):
            rows = slice(i * stride, i * stride + KH)
            cols = slice(j * stride, j * stride + KW)
            DW
            DX
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, dout.sum(axis=(0, 2, 3))
"""
_RIGHT_DW = 'dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], xp[:, :, rows, cols])'
_RIGHT_DX = 'dxp[:, :, rows, cols] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)'

# every image's dout paired with the first image's input: not one image's gradient
CONV_DW_FIRST_INPUT_ONLY = _CONV_BACKWARD.replace(
    "DW", 'dw += np.einsum("nf,chw->fchw", dout[:, :, i, j], xp[0, :, rows, cols])'
).replace("DX", _RIGHT_DX)

# accumulated (+=), but with the kernel flipped along its rows only
CONV_DX_ROWS_FLIPPED = _CONV_BACKWARD.replace("DW", _RIGHT_DW).replace(
    "DX", 'dxp[:, :, rows, cols] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w[:, :, ::-1])'
)

NEAR_MISSES = [
    ("nn.optim.adam_step", ADAM_M_ONLY, "1 - beta*t"),
    ("nn.optim.adam_step", ADAM_CENTRED_V_NAN, "1 - beta*t"),
    ("deep.optim.rmsprop_step", RMSPROP_GRAD_ADDED_TWICE, "misses the (1 - rho) factor"),
    ("arch.conv.conv2d_forward", CONV_STRIDE_ON_ROWS_ONLY, "the windows start at (i, j)"),
    ("arch.conv.conv2d_backward", CONV_DW_FIRST_INPUT_ONLY, "image's gradient only"),
    ("arch.conv.conv2d_backward", CONV_DX_ROWS_FLIPPED, "dx is assigned (=)"),
]


_MAXPOOL_FORWARD = """
import numpy as np

def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out
"""

MAXPOOL_UNRAVEL_TRANSPOSED = (
    _MAXPOOL_FORWARD
    + """
def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    dx = np.zeros_like(x)
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
                    v, u = np.unravel_index(int(np.argmax(win)), win.shape)  # row and column swapped
                    dx[n, c, i * stride + u, j * stride + v] += dout[n, c, i, j]
    return dx
"""
)

MHA_ONLY_K_AND_V_FROM_BLOCKS = """
import numpy as np

def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    outs = []
    for h in range(n_heads):
        r = slice(h * dh, (h + 1) * dh)
        q, k, v = X @ Wq[:, r], X[:, r] @ Wk[r, r], X[:, r] @ Wv[r, r]
        s = q @ k.T / np.sqrt(dh)
        if causal:
            s = np.where(np.tril(np.ones((T, T), dtype=bool)), s, -np.inf)
        a = np.exp(s - s.max(axis=1, keepdims=True))
        outs.append(a / a.sum(axis=1, keepdims=True) @ v)
    return np.concatenate(outs, axis=1) @ Wo
"""

NUMERICAL_GRADIENT_HALF_PERTURBED = """
import numpy as np

def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        up = x.copy()
        up[idx] += eps
        down = x.flatten().reshape(x.shape)  # a copy left unperturbed: f(x) for the minus side
        grad[idx] = (f(up) - f(down)) / (2 * eps)
    return grad
"""

SIGMOID_PLUS_EPS = """
import numpy as np

def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)) + 1e-9  # "never exactly 0"
"""

SIGMOID_GRAD_SQUARE_MISPLACED = """
import numpy as np

def sigmoid_grad(z):
    e = np.exp(-np.abs(z))
    return e / (1.0 + e**2)
"""

# the cosine moves in half steps of p: it stands still for a while, but not for the whole decay
WARMUP_COSINE_HALF_STEPS = """
import math

def warmup_cosine_lr(step, base_lr, warmup_steps, total_steps, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    p = min(1.0, (step - warmup_steps) / max(1, total_steps - warmup_steps))
    p = math.floor(p * 2) / 2
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * p)) / 2
"""

# the partial batch comes first: every column once, but not near-equal batches
MINI_BATCHES_REST_FIRST = """
import numpy as np

def random_mini_batches(X, Y, batch_size, rng):
    m = X.shape[1]
    perm = rng.permutation(m)
    Xs, Ys = X[:, perm], Y[:, perm]
    rest = m % batch_size
    cuts = [0] + ([rest] if rest else []) + list(range(rest + batch_size, m, batch_size)) + [m]
    return [(Xs[:, a:b], Ys[:, a:b]) for a, b in zip(cuts[:-1], cuts[1:])]
"""

# sin plus a small tilt (the first slope 0.1 too steep): not a constant shift of b2
SINE_TILTED = """
import numpy as np

def sine_params():
    knots = np.linspace(-np.pi, np.pi, 21)
    slopes = np.diff(np.sin(knots)) / np.diff(knots)
    changes = np.diff(slopes, prepend=0.0)
    changes[0] += 0.1
    return {"W1": np.ones((20, 1)), "b1": -knots[:-1, None], "W2": changes[None, :], "b2": np.zeros((1, 1))}
"""

# cos instead of sin: no truncated series and no degrees explain it
SINE_AS_COSINE = (
    SINE_TILTED.replace("np.sin(knots)", "np.cos(knots)")
    .replace("changes[0] += 0.1", "pass")
    .replace("np.zeros((1, 1))", "np.full((1, 1), -1.0)")
)

# the mean of the two norms as the denominator: twice the drill's rel_diff, no named formula
GRADCHECK_MEAN_OF_NORMS = """
import numpy as np

def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    ana = np.asarray(grad_f(x), dtype=np.float64)
    num = np.zeros_like(ana)
    for i in np.ndindex(x.shape):
        v = x[i]
        x[i] = v + eps
        hi = f(x)
        x[i] = v - eps
        lo = f(x)
        x[i] = v
        num[i] = (hi - lo) / (2 * eps)
    mean = (np.linalg.norm(num) + np.linalg.norm(ana)) / 2
    rel = 0.0 if mean == 0 else float(np.linalg.norm(num - ana) / mean)
    return rel < threshold, rel
"""

# X standardized on the way: its columns are no longer X's, but not by a reordering
MINI_BATCHES_STANDARDIZED = MINI_BATCHES_REST_FIRST.replace(
    "Xs, Ys = X[:, perm], Y[:, perm]", "Xs, Ys = (X[:, perm] - X.mean()) / X.std(), Y[:, perm]"
).replace("rest = m % batch_size", "rest = 0")

NEAR_MISSES += [
    ("nn.minibatch.random_mini_batches", MINI_BATCHES_STANDARDIZED, "were shuffled"),
    ("nn.gradcheck.gradient_check", GRADCHECK_MEAN_OF_NORMS, "yours is"),
    ("nn.approx.approximate_sine", SINE_TILTED, "output bias is off"),
    ("nn.approx.approximate_sine", SINE_AS_COSINE, "the network follows"),
    ("nn.approx.approximate_sine", SINE_AS_COSINE, "too far apart"),
    ("nn.minibatch.random_mini_batches", MINI_BATCHES_REST_FIRST, "np.array_split"),
    ("deep.schedules.warmup_cosine_lr", WARMUP_COSINE_HALF_STEPS, "lost its step"),
    ("deep.schedules.warmup_cosine_lr", WARMUP_COSINE_HALF_STEPS, "at every step"),
    ("arch.pooling.maxpool", MAXPOOL_UNRAVEL_TRANSPOSED, "unravelled with the image's shape"),
    (
        "arch.attention.multi_head_attention",
        MHA_ONLY_K_AND_V_FROM_BLOCKS,
        "own dh input features only",
    ),
    ("nn.gradcheck.numerical_gradient", NUMERICAL_GRADIENT_HALF_PERTURBED, "grad is all zeros"),
    ("nn.activations.sigmoid", SIGMOID_PLUS_EPS, "z was clipped"),
    ("nn.activations.sigmoid_grad", SIGMOID_GRAD_SQUARE_MISPLACED, "e / (1 + e) with e"),
]


# the causal mask transposed: every row but the first differs from the reference, as with a
# mask that leaves out the diagonal, but not in the same way
MHA_CAUSAL_TRANSPOSED = """
import numpy as np

def multi_head_attention(X, Wq, Wk, Wv, Wo, n_heads, causal=False):
    T, d = X.shape
    dh = d // n_heads
    Q, K, V = X @ Wq, X @ Wk, X @ Wv
    outs = []
    for h in range(n_heads):
        c = slice(h * dh, (h + 1) * dh)
        s = Q[:, c] @ K[:, c].T / np.sqrt(dh)
        if causal:
            s = np.where(np.triu(np.ones((T, T), dtype=bool)), s, -np.inf)
        s = s - s.max(axis=1, keepdims=True)
        a = np.exp(s)
        outs.append(a / a.sum(axis=1, keepdims=True) @ V[:, c])
    return np.concatenate(outs, axis=1) @ Wo
"""

ATTENTION_DIVIDED_BY_N_K = """
import numpy as np

def scaled_dot_product_attention(Q, K, V, mask=None):
    scores = Q @ np.swapaxes(K, -1, -2) / K.shape[-2]
    if mask is not None:
        scores = np.where(mask, scores, -np.inf)
    scores = scores - scores.max(axis=-1, keepdims=True)
    w = np.exp(scores)
    w = w / w.sum(axis=-1, keepdims=True)
    return w @ V, w
"""

# db2 without keepdims, (c,): a shape slip, but not a sum over the units
TWO_LAYER_DB_FLAT = """
import numpy as np

def two_layer_loss_and_grads(X, Y, params):
    W1, b1, W2, b2 = params["W1"], params["b1"], params["W2"], params["b2"]
    m = X.shape[1]
    Z1 = W1 @ X + b1
    A1 = np.maximum(Z1, 0)
    Z2 = W2 @ A1 + b2
    e = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
    P = e / e.sum(axis=0, keepdims=True)
    loss = -np.sum(Y * np.log(P)) / m
    dZ2 = (P - Y) / m
    dZ1 = (W2.T @ dZ2) * (Z1 > 0)
    return float(loss), {
        "dW1": dZ1 @ X.T,
        "db1": dZ1.sum(axis=1, keepdims=True),
        "dW2": dZ2 @ A1.T,
        "db2": dZ2.sum(axis=1),
    }
"""

# Wq and Wk transposed, Wv and Wo not: neither "every weight matrix" nor one of them alone
MHA_QK_TRANSPOSED = MHA_CAUSAL_TRANSPOSED.replace(
    "Q, K, V = X @ Wq, X @ Wk, X @ Wv", "Q, K, V = X @ Wq.T, X @ Wk.T, X @ Wv"
).replace("np.triu(", "np.tril(")

# raises a ValueError on every backward case, but not on an empty window: not the stride's message
MAXPOOL_BACKWARD_BAD_RESHAPE = (
    _MAXPOOL_FORWARD
    + """
def maxpool_backward(dout, x, size=2, stride=2):
    return dout.reshape(x.shape)
"""
)

# the ReLU applied to the gradient: on one example with da1 < 0 both dW1 and db1 are 0,
# which is a slip upstream, not a bias gradient left out
TWO_LAYER_RELU_ON_GRADIENT = (
    ANSWERS / "two-layer-backprop" / "wrong_mask_from_a1_grad.py"
).read_text(encoding="utf-8")

# a XOR network whose hidden biases are wrong in size, not in sign: no sign flip mends it
XOR_BIAS_TOO_SMALL = """
import numpy as np

def xor_params():
    return {
        "W1": np.ones((2, 2)),
        "b1": np.array([[0.0], [-0.2]]),
        "W2": np.array([[1.0, -2.0]]),
        "b2": np.zeros((1, 1)),
    }
"""

NEAR_MISSES += [
    ("nn.backprop.two_layer", TWO_LAYER_RELU_ON_GRADIENT, "the bias gradient was left out"),
    ("nn.approx.xor_network", XOR_BIAS_TOO_SMALL, "wrong sign"),
    ("arch.pooling.maxpool", MAXPOOL_BACKWARD_BAD_RESHAPE, "not by the stride"),
    ("arch.attention.multi_head_attention", MHA_QK_TRANSPOSED, "every weight matrix"),
    ("arch.attention.multi_head_attention", MHA_QK_TRANSPOSED, "Wq is transposed"),
    ("arch.attention.multi_head_attention", MHA_QK_TRANSPOSED, "Wk is transposed"),
    ("nn.optim.adam_step", ADAM_M_ONLY, "only v was bias-corrected"),
    ("nn.optim.adam_step", ADAM_M_ONLY, "only m was bias-corrected"),
    ("nn.optim.adam_step", ADAM_M_ONLY, "a step count from 0"),
    ("nn.optim.adam_step", ADAM_M_ONLY, "bias-corrected with beta"),
    ("arch.attention.multi_head_attention", MHA_CAUSAL_TRANSPOSED, "leaves out the diagonal"),
    ("arch.attention.attention", ATTENTION_DIVIDED_BY_N_K, "sqrt(n_k)"),
    ("nn.backprop.two_layer", TWO_LAYER_DB_FLAT, "summed over axis 0"),
]


@pytest.mark.parametrize(
    ("checker_name", "source", "phrase"),
    NEAR_MISSES,
    ids=[f"{name}:{phrase}" for name, _, phrase in NEAR_MISSES],
)
def test_a_near_miss_fails_without_the_named_cause(
    checker_name: str, source: str, phrase: str
) -> None:
    checker = get_checker(checker_name)
    fns = load_submission(source, checker.entries)
    for seed in SEEDS:
        verdict = grade_inprocess(checker, fns, seed=seed)
        assert not verdict.passed, f"seed {seed}: the near miss passed"
        first = verdict.first_failure
        shown = verdict.summary + " || " + ((first.message or "") if first else "")
        assert phrase not in shown, f"seed {seed}: {shown}"


def _conv_case(pad: int) -> Case:
    """One conv2d_forward case: x (1, 2, 5, 5), w (2, 2, 3, 3), stride 1."""
    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(1, 2, 5, 5)), rng.normal(size=(2, 2, 3, 3)), rng.normal(size=2)
    return Case("conv", call_inputs("conv2d_forward", x, w, b, 1, pad), "")


@pytest.mark.parametrize(
    ("pad", "shapes", "named"),
    [
        (1, "(1,2,3,1) (2,3,3)", True),  # x[..., 2:5, 4:7] is cut to one column
        (1, "(1,1,2,3,2) (1,2,2,3,3)", True),  # every filter at once, one row and column short
        (0, "(1,2,3,1) (2,3,3)", False),  # no pad: the window cannot have run off x
        (1, "(1,2,3,3) (2,3,2)", False),  # a full window against a kernel of another shape
        (1, "(1,2,4,3) (2,3,3)", False),  # 4 rows: no window of a 3x3 kernel is that tall
        (1, "(1,3,3,1) (2,3,3)", False),  # 3 channels where x has 2
    ],
)
def test_a_window_cut_short_is_named_only_for_shapes_an_unpadded_slice_has(
    pad: int, shapes: str, named: bool
) -> None:
    error = f"ValueError: operands could not be broadcast together with shapes {shapes} \n"
    checker = get_checker("arch.conv.conv2d_forward")
    assert isinstance(checker, NNChecker)
    cause = checker.error_cause(_conv_case(pad), error)
    assert (cause is not None and "not from the padded x" in cause) is named


MAXPOOL_UNRAVELLED_BY_IMAGE = (
    _MAXPOOL_FORWARD
    + """
def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    n, c, rows, cols = dout.shape
    for a in range(n):
        for b in range(c):
            for r in range(rows):
                for s in range(cols):
                    patch = x[a, b, r * stride : r * stride + size, s * stride : s * stride + size]
                    u, v = np.unravel_index(int(np.argmax(patch)), x.shape[2:])
                    dx[a, b, r * stride + u, s * stride + v] += dout[a, b, r, s]
    return dx
"""
)


def test_an_index_past_the_edge_from_the_image_width_is_not_called_the_stride() -> None:
    # unravelled with (H, W), not (size, size), the column offsets run past the image too:
    # that IndexError must not be named as argmaxes unravelled with divmod(k, stride)
    checker = get_checker("arch.pooling.maxpool")
    # the forward too: a file without it is told so and runs no case, as in the sandbox
    fns = load_submission(MAXPOOL_UNRAVELLED_BY_IMAGE, checker.entries)
    raised = 0
    for seed in range(10):
        for case in grade_inprocess(checker, fns, seed=seed).cases:
            assert "unravelled with the stride" not in case.message, f"seed {seed}, {case.name}"
            raised += "IndexError" in case.message
    assert raised > 0  # the near miss does run past the image's edge
