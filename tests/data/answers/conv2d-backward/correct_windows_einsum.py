# expect: passed | passed
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    win = np.lib.stride_tricks.sliding_window_view(xp, (KH, KW), axis=(2, 3))
    win = win[:, :, ::stride, ::stride][:, :, :Ho, :Wo]
    dw = np.einsum("nfij,ncijuv->fcuv", dout, win)
    db = dout.sum(axis=(0, 2, 3))
    dxp = np.zeros_like(xp)
    contrib = np.einsum("nfij,fcuv->ncijuv", dout, w)
    for i in range(Ho):
        for j in range(Wo):
            dxp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW] += contrib[:, :, i, j]
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, db
