# expect: failed | dw holds the first image's gradient only
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # written and tested on one image: dw reads x[0] and dout[0] only, right for N = 1
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride, j * stride
            dw += np.einsum("f,ckl->fckl", dout[0, :, i, j], xp[0, :, r : r + KH, c : c + KW])
            dxp[:, :, r : r + KH, c : c + KW] += np.einsum("nf,fckl->nckl", dout[:, :, i, j], w)
    dx = dxp[:, :, pad : pad + H, pad : pad + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
