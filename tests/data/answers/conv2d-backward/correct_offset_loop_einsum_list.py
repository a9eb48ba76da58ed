# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.empty(w.shape)
    rows_end, cols_end = (Ho - 1) * stride + 1, (Wo - 1) * stride + 1
    for u in range(KH):  # one kernel offset at a time: a strided view of every window
        for v in range(KW):
            view = xp[:, :, u : u + rows_end : stride, v : v + cols_end : stride]
            dw[:, :, u, v] = np.einsum("nfij,ncij->fc", dout, view)
            dxp[:, :, u : u + rows_end : stride, v : v + cols_end : stride] += np.einsum(
                "nfij,fc->ncij", dout, w[:, :, u, v]
            )
    return [dxp[:, :, pad : pad + H, pad : pad + W], dw, np.einsum("nfij->f", dout)]
