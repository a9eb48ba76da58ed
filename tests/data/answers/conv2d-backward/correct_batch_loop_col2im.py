# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    dw = np.zeros_like(w, dtype=np.float64)
    dx = np.zeros_like(x, dtype=np.float64)
    wf = w.reshape(F, -1)
    for n in range(N):  # one image at a time, as im2col columns
        xp = np.pad(x[n], ((0, 0), (pad, pad), (pad, pad)))
        cols = np.empty((C * KH * KW, Ho * Wo))
        for i in range(Ho):
            for j in range(Wo):
                r, c = i * stride, j * stride
                cols[:, i * Wo + j] = xp[:, r : r + KH, c : c + KW].reshape(-1)
        d = dout[n].reshape(F, -1)
        dw += (d @ cols.T).reshape(w.shape)
        dcols = wf.T @ d
        dxp = np.zeros_like(xp, dtype=np.float64)
        for i in range(Ho):
            for j in range(Wo):
                r, c = i * stride, j * stride
                dxp[:, r : r + KH, c : c + KW] += dcols[:, i * Wo + j].reshape(C, KH, KW)
        dx[n] = dxp[:, pad : pad + H, pad : pad + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
