# expect: passed | passed all
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def maxpool_forward(x, size=2, stride=2):
    win = sliding_window_view(x, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]
    return win.max(axis=(-2, -1))


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    win = sliding_window_view(x, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]
    flat = win.reshape(N, C, Ho, Wo, size * size)
    arg = flat.argmax(axis=-1)
    du, dv = np.divmod(arg, size)
    dx = np.zeros_like(x)
    n, c, i, j = np.indices((N, C, Ho, Wo))
    np.add.at(dx, (n, c, i * stride + du, j * stride + dv), dout)
    return dx
