# expect: passed | passed
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # dx as a full correlation of the stride-dilated dout with the flipped kernel
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    Hp, Wp = H + 2 * pad, W + 2 * pad
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dw = np.zeros_like(w)
    for u in range(KH):
        for v in range(KW):
            patch = xp[:, :, u : u + stride * (Ho - 1) + 1 : stride, v : v + stride * (Wo - 1) + 1 : stride]
            dw[:, :, u, v] = np.einsum("nfij,ncij->fc", dout, patch)
    dil = np.zeros((N, F, Hp, Wp))
    dil[:, :, : stride * (Ho - 1) + 1 : stride, : stride * (Wo - 1) + 1 : stride] = dout
    big = np.pad(dil, ((0, 0), (0, 0), (KH - 1, KH - 1), (KW - 1, KW - 1)))
    wf = w[:, :, ::-1, ::-1]
    dxp = np.zeros((N, C, Hp, Wp))
    for u in range(KH):
        for v in range(KW):
            dxp += np.einsum("nfij,fc->ncij", big[:, :, u : u + Hp, v : v + Wp], wf[:, :, u, v])
    return dxp[:, :, pad : pad + H, pad : pad + W], dw, dout.sum(axis=(0, 2, 3))
