# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad : pad + H, pad : pad + W] = x
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.broadcast_to(b.reshape(1, F, 1, 1), (N, F, Ho, Wo)).copy()
    for c in range(C):
        for u in range(KH):
            for v in range(KW):
                patch = xp[:, c, u : u + stride * Ho : stride, v : v + stride * Wo : stride][
                    :, :Ho, :Wo
                ]
                out += w[None, :, c, u, v, None, None] * patch[:, None]
    return out
