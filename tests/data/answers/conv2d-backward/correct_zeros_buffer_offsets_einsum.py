# expect: passed | passed
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # one pass per kernel offset (p, q): the strided slice of the padded input that
    # offset touches, for every output position at once
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.zeros((N, C, H + 2 * pad, W + 2 * pad))
    xp[:, :, pad : pad + H, pad : pad + W] = x
    dxp = np.zeros_like(xp)
    dw = np.zeros(w.shape)
    for p in range(KH):
        for q in range(KW):
            rows = slice(p, p + stride * Ho, stride)
            cols = slice(q, q + stride * Wo, stride)
            dw[:, :, p, q] = np.einsum("nfij,ncij->fc", dout, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nfij,fc->ncij", dout, w[:, :, p, q])
    db = dout.sum(axis=(0, 2, 3))
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, db
