# expect: passed | passed
import numpy as np


def _windows(x, size, stride):
    v = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(2, 3))
    return v[:, :, ::stride, ::stride]


def maxpool_forward(x, size=2, stride=2):
    return _windows(x, size, stride).max(axis=(4, 5))


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    win = _windows(x, size, stride).reshape(N, C, Ho, Wo, size * size)
    arg = win.argmax(axis=-1)
    du, dv = np.divmod(arg, size)
    rows = np.arange(Ho)[None, None, :, None] * stride + du
    cols = np.arange(Wo)[None, None, None, :] * stride + dv
    n = np.arange(N)[:, None, None, None]
    c = np.arange(C)[None, :, None, None]
    dx = np.zeros_like(x)
    np.add.at(dx, (n, c, rows, cols), dout)
    return dx
