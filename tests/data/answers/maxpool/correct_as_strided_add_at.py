# expect: passed | passed all
import numpy as np


def _windows(x, size, stride):
    # (N, C, Ho, Wo, size, size) windows through stride tricks, read-only
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    s = x.strides
    return np.lib.stride_tricks.as_strided(
        x, (N, C, Ho, Wo, size, size), (s[0], s[1], s[2] * stride, s[3] * stride, s[2], s[3]),
        writeable=False)


def maxpool_forward(x, size=2, stride=2):
    return _windows(x, size, stride).max(axis=(4, 5))


def maxpool_backward(dout, x, size=2, stride=2):
    win = _windows(x, size, stride)
    N, C, Ho, Wo = win.shape[:4]
    first = win.reshape(N, C, Ho, Wo, size * size).argmax(axis=-1)
    p, q = np.divmod(first, size)
    n, c, i, j = np.indices((N, C, Ho, Wo))
    dx = np.zeros(x.shape)
    np.add.at(dx, (n, c, i * stride + p, j * stride + q), dout)
    return dx
