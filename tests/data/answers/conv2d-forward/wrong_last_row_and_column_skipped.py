# expect: failed | the last row and the last column of outputs were left at 0
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Right size, but the loops run to Ho - 1 and Wo - 1 ('the last window would overflow')."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho - 1):
        for j in range(Wo - 1):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b.reshape(-1)
    return out
