# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    """One strided slice per kernel offset (p, q)."""
    _, _, H, W = x.shape
    _, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.empty(w.shape)
    for p in range(KH):
        for q in range(KW):
            view = (slice(None), slice(None),
                    slice(p, p + stride * (Ho - 1) + 1, stride),
                    slice(q, q + stride * (Wo - 1) + 1, stride))
            dw[:, :, p, q] = np.tensordot(dout, xp[view], axes=([0, 2, 3], [0, 2, 3]))
            dxp[view] += np.einsum("nfij,fc->ncij", dout, w[:, :, p, q])
    db = dout.sum(axis=(0, 2, 3))
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, db
