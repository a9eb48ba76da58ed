# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    # (F, N*Ho*Wo): every output position of a filter in one row
    g = dout.transpose(1, 0, 2, 3).reshape(F, -1)
    for u in range(KH):
        for v in range(KW):
            rows = slice(u, u + stride * (Ho - 1) + 1, stride)
            cols = slice(v, v + stride * (Wo - 1) + 1, stride)
            patch = xp[:, :, rows, cols].transpose(1, 0, 2, 3).reshape(C, -1)
            dw[:, :, u, v] = g @ patch.T
            back = (w[:, :, u, v].T @ g).reshape(C, N, Ho, Wo).transpose(1, 0, 2, 3)
            dxp[:, :, rows, cols] += back
    dx = dxp[:, :, pad : pad + H, pad : pad + W].copy()
    return dx, dw, dout.sum(axis=(0, 2, 3))
