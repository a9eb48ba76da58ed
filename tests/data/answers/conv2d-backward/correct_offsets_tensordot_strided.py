# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.empty(w.shape)
    for u in range(KH):
        for v in range(KW):
            sl = (
                slice(None),
                slice(None),
                slice(u, u + stride * (Ho - 1) + 1, stride),
                slice(v, v + stride * (Wo - 1) + 1, stride),
            )
            dw[:, :, u, v] = np.tensordot(dout, xp[sl], axes=([0, 2, 3], [0, 2, 3]))
            dxp[sl] += np.tensordot(dout, w[:, :, u, v], axes=([1], [0])).transpose(0, 3, 1, 2)
    return dxp[:, :, pad : pad + H, pad : pad + W].copy(), dw, dout.sum(axis=(0, 2, 3))
