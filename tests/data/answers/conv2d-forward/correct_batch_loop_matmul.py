# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    wf = w.reshape(F, -1)
    out = np.empty((N, F, Ho, Wo))
    for n in range(N):  # one image at a time
        xp = np.pad(x[n], ((0, 0), (pad, pad), (pad, pad)))
        cols = np.empty((C * KH * KW, Ho * Wo))
        for i in range(Ho):
            for j in range(Wo):
                patch = xp[:, i * stride : i * stride + KH, j * stride : j * stride + KW]
                cols[:, i * Wo + j] = patch.reshape(-1)
        out[n] = (wf @ cols + b.reshape(-1, 1)).reshape(F, Ho, Wo)
    return out
