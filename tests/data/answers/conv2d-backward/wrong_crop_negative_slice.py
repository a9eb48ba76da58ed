# expect: failed | with pad = 0 the crop [pad:-pad] is [0:0]
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
            hs, ws = i * stride, j * stride
            win = xp[:, :, hs : hs + KH, ws : ws + KW]
            dw += np.einsum("nf,nchw->fchw", dout[:, :, i, j], win)
            dxp[:, :, hs : hs + KH, ws : ws + KW] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    db = dout.sum(axis=(0, 2, 3))
    dx = dxp[:, :, pad:-pad, pad:-pad]
    return dx, dw, db
