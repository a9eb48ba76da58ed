# expect: failed | x was padded on every axis, np.pad(x, pad)
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    """Windows scattered into a zeros_like padded buffer; the crop pad:-pad or None works for
    pad = 0 too (-0 would be an empty slice)."""
    F, C, KH, KW = w.shape
    xp = np.pad(x, pad)
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    Ho, Wo = dout.shape[2:]
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride, j * stride
            g = dout[:, :, i, j]  # (N, F)
            dw += np.einsum("nf,nchw->fchw", g, xp[:, :, r : r + KH, c : c + KW])
            dxp[:, :, r : r + KH, c : c + KW] += np.einsum("nf,fchw->nchw", g, w)
    dx = dxp[:, :, pad : -pad or None, pad : -pad or None]
    return dx, dw, dout.sum(axis=(0, 2, 3))
