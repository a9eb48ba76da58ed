# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode="constant")
    out = np.zeros((N, F, Ho, Wo))
    out += b.reshape(1, F, 1, 1)
    for u in range(KH):  # add one kernel offset's contribution to every window at once
        for v in range(KW):
            view = xp[:, :, u : u + (Ho - 1) * stride + 1 : stride, v : v + (Wo - 1) * stride + 1 : stride]
            out += np.tensordot(view, w[:, :, u, v], axes=([1], [1])).transpose(0, 3, 1, 2)
    return out
