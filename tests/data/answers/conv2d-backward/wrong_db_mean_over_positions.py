# expect: failed | db was divided by Ho * Wo
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
            g = dout[:, :, i, j]
            dw += np.einsum(
                "nf,nchw->fchw",
                g,
                xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW],
            )
            dxp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW] += np.einsum(
                "nf,fchw->nchw", g, w
            )
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, dout.sum(axis=(0, 2, 3)) / (Ho * Wo)
