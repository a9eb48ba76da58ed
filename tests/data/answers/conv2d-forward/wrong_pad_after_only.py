# expect: failed | the padding is added on one side only
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # zeros after the last row and column only: every window sits pad rows too low
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (0, pad), (0, pad)))
    Ho = (xp.shape[2] - KH) // stride + 1
    Wo = (xp.shape[3] - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
