# expect: failed | dw's first two axes are swapped, dw[c, f] for dw[f, c]
# an einsum that writes dw as (C, F, KH, KW): the output letters in the wrong order
import numpy as np
def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros((C, F, KH, KW))
    for i in range(Ho):
        for j in range(Wo):
            r = slice(i*stride, i*stride+KH); c = slice(j*stride, j*stride+KW)
            g = dout[:, :, i, j]
            dw += np.einsum("nf,nckl->cfkl", g, xp[:, :, r, c])
            dxp[:, :, r, c] += np.einsum("nf,fckl->nckl", g, w)
    return dxp[:, :, pad:pad+H, pad:pad+W], dw, dout.sum(axis=(0, 2, 3))
