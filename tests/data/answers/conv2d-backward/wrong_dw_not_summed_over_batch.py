# expect: failed | dw holds the first image's gradient only
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            # only the first image's contribution to dw
            dw += dout[0, :, i, j][:, None, None, None] * win[0][None]
            dxp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW] += np.tensordot(dout[:, :, i, j], w, axes=(1, 0))
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, dout.sum(axis=(0, 2, 3))
