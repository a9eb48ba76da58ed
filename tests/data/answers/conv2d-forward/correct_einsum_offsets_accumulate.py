# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo)) + np.reshape(b, (1, F, 1, 1))
    for p in range(KH):
        for q in range(KW):
            patch = xp[:, :, p : p + stride * (Ho - 1) + 1 : stride, q : q + stride * (Wo - 1) + 1 : stride]
            out += np.einsum("nchw,fc->nfhw", patch, w[:, :, p, q])
    return out
