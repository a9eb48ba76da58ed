# expect: failed | (extra size-1 axes: a reduction with keepdims=True
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    F, C, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    Ho, Wo = dout.shape[2:]
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride, j * stride
            g = dout[:, :, i, j]
            dw += np.einsum("nf,nchw->fchw", g, xp[:, :, r : r + KH, c : c + KW])
            dxp[:, :, r : r + KH, c : c + KW] += np.einsum("nf,fchw->nchw", g, w)
    dx = dxp[:, :, pad : pad + x.shape[2], pad : pad + x.shape[3]]
    return dx, dw, dout.sum(axis=(0, 2, 3), keepdims=True)
