# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    flat_w = w.reshape(F, -1)
    out = np.empty((N, F, Ho, Wo))
    for n in range(N):
        cols = np.empty((C * KH * KW, Ho * Wo))
        k = 0
        for i in range(Ho):
            for j in range(Wo):
                cols[:, k] = xp[n, :, i * stride : i * stride + KH, j * stride : j * stride + KW].ravel()
                k += 1
        out[n] = (flat_w @ cols + b.reshape(F, 1)).reshape(F, Ho, Wo)
    return out
