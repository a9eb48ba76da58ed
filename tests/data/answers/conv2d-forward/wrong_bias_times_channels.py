# expect: failed | the bias was added once per input channel
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for c in range(C):
        for i in range(Ho):
            for j in range(Wo):
                win = xp[:, c, i * stride : i * stride + KH, j * stride : j * stride + KW]
                out[:, :, i, j] += np.einsum("nuv,fuv->nf", win, w[:, c]) + b
    return out
