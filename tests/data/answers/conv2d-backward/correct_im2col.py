# expect: passed | passed
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((N, Ho, Wo, C * KH * KW))
    for i in range(Ho):
        for j in range(Wo):
            cols[:, i, j] = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW].reshape(N, -1)
    d = dout.transpose(0, 2, 3, 1).reshape(-1, F)  # (N*Ho*Wo, F)
    dw = (d.T @ cols.reshape(-1, C * KH * KW)).reshape(w.shape)
    dcols = (d @ w.reshape(F, -1)).reshape(N, Ho, Wo, C, KH, KW)
    dxp = np.zeros_like(xp)
    for i in range(Ho):
        for j in range(Wo):
            dxp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW] += dcols[:, i, j]
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
