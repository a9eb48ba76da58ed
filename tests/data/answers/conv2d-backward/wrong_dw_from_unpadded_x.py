# expect: failed | dw reads its windows from the unpadded x
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    for j in range(Wo):  # columns outside, rows inside: with += the order does not matter
        for i in range(Ho):
            rows = slice(i * stride, i * stride + KH)
            cols = slice(j * stride, j * stride + KW)
            g = dout[:, :, i, j]
            dw += np.einsum("nf,nchw->fchw", g, x[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nf,fchw->nchw", g, w)
    db = np.einsum("nfhw->f", dout)
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, db
