# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    # dilate dout by the stride: the gradient is then a stride-1 correlation
    dil = np.zeros((N, F, stride * (Ho - 1) + 1, stride * (Wo - 1) + 1))
    dil[:, :, ::stride, ::stride] = dout
    DH, DW = dil.shape[2:]
    dw = np.zeros(w.shape)
    for u in range(KH):
        for v in range(KW):
            dw[:, :, u, v] = np.einsum("nfij,ncij->fc", dil, xp[:, :, u : u + DH, v : v + DW])
    dxp = np.zeros(xp.shape)
    for u in range(KH):
        for v in range(KW):
            dxp[:, :, u : u + DH, v : v + DW] += np.einsum("nfij,fc->ncij", dil, w[:, :, u, v])
    db = np.einsum("nfij->f", dout)
    return dxp[:, :, pad : xp.shape[2] - pad, pad : xp.shape[3] - pad], dw, db
