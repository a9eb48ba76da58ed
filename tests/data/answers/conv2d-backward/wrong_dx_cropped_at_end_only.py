# expect: failed | dx is cropped from the top-left corner of the padded gradient
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
            r, c = i * stride, j * stride
            win = xp[:, :, r : r + KH, c : c + KW]
            dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], win)
            dxp[:, :, r : r + KH, c : c + KW] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    # crops the padding from the end only: keeps pad rows of top padding, loses real rows
    dx = dxp[:, :, : H, : W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
