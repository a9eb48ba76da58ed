# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # loop over kernel offsets, accumulating shifted, strided slices of the padded input
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad:pad + H, pad:pad + W] = x
    out = np.zeros((N, F, Ho, Wo))
    for f in range(F):
        acc = np.full((N, Ho, Wo), float(b[f]))
        for c in range(C):
            for di in range(KH):
                for dj in range(KW):
                    patch = xp[:, c, di:di + stride * (Ho - 1) + 1:stride, dj:dj + stride * (Wo - 1) + 1:stride]
                    acc += w[f, c, di, dj] * patch
        out[:, f] = acc
    return out
