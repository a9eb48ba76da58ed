# expect: failed | each output adds up the whole batch
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for f in range(F):
        for i in range(Ho):
            for j in range(Wo):
                win = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
                out[:, f, i, j] = np.sum(win * w[f]) + b[f]  # no axis: sums the batch too
    return out
