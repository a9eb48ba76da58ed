"""A named cause is claimed only for its own formula: a near-miss wrong answer (a different
mistake close to a named one) fails without that cause's message."""

from __future__ import annotations

import pytest

from engine.checkers import get_checker
from engine.grade_inprocess import grade_inprocess, load_submission

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
    ("deep.optim.rmsprop_step", RMSPROP_GRAD_ADDED_TWICE, "misses the (1 - rho) factor"),
    ("arch.conv.conv2d_forward", CONV_STRIDE_ON_ROWS_ONLY, "the windows start at (i, j)"),
    ("arch.conv.conv2d_backward", CONV_DW_FIRST_INPUT_ONLY, "image's gradient only"),
    ("arch.conv.conv2d_backward", CONV_DX_ROWS_FLIPPED, "dx is assigned (=)"),
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
        messages = [case.message or "" for case in verdict.cases]
        assert all(phrase not in message for message in messages), f"seed {seed}: {messages}"
