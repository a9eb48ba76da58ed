# expect: failed | the windows step by their size
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    # non-overlapping size x size blocks by a reshape: right only when stride == size
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // size + 1, (W - size) // size + 1
    blocks = x[:, :, : Ho * size, : Wo * size].reshape(N, C, Ho, size, Wo, size)
    return blocks.max(axis=(3, 5))


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    v = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(2, 3))
    win = v[:, :, ::stride, ::stride].reshape(N, C, Ho, Wo, size * size)
    du, dv = np.divmod(win.argmax(axis=-1), size)
    rows = np.arange(Ho)[None, None, :, None] * stride + du
    cols = np.arange(Wo)[None, None, None, :] * stride + dv
    dx = np.zeros_like(x)
    np.add.at(dx, (np.arange(N)[:, None, None, None], np.arange(C)[None, :, None, None], rows, cols), dout)
    return dx
