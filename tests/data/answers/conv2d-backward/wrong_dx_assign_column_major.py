# expect: failed | dx is assigned (=) window by window
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for j in range(Wo):  # columns outside, rows inside...
        for i in range(Ho):
            win = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            dw += np.tensordot(dout[:, :, i, j], win, axes=(0, 0))
            # ...and = instead of +=: where windows overlap, the last one written wins
            dxp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW] = np.tensordot(dout[:, :, i, j], w, axes=(1, 0))
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
