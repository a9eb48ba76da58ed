# expect: passed | passed
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w, dtype=np.float64)
    for u in range(KH):
        for v in range(KW):
            r = slice(u, u + stride * (Ho - 1) + 1, stride)
            c = slice(v, v + stride * (Wo - 1) + 1, stride)
            # every window's (u, v) entry at once: (N, C, Ho, Wo) against dout (N, F, Ho, Wo)
            dw[:, :, u, v] = np.tensordot(dout, xp[:, :, r, c], axes=([0, 2, 3], [0, 2, 3]))
            dxp[:, :, r, c] += np.tensordot(dout, w[:, :, u, v], axes=([1], [0])).transpose(0, 3, 1, 2)
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
