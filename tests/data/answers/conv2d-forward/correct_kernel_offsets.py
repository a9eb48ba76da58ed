# expect: passed | passed
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad : pad + H, pad : pad + W] = x
    out = np.zeros((N, F, Ho, Wo)) + b.reshape(1, F, 1, 1)
    for u in range(KH):
        for v in range(KW):
            patch = xp[:, :, u : u + stride * (Ho - 1) + 1 : stride, v : v + stride * (Wo - 1) + 1 : stride]
            out += np.tensordot(patch, w[:, :, u, v], axes=([1], [1])).transpose(0, 3, 1, 2)
    return out
