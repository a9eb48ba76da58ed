# expect: failed | dw pairs the batch's summed dout with the batch's summed input
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    # "vectorise the batch away early": sums over n before multiplying
    dout_sum = dout.sum(axis=0)
    xp_sum = xp.sum(axis=0)
    for i in range(Ho):
        for j in range(Wo):
            rs, cs = i * stride, j * stride
            dw += dout_sum[:, i, j][:, None, None, None] * xp_sum[None, :, rs : rs + KH, cs : cs + KW]
            dxp[:, :, rs : rs + KH, cs : cs + KW] += np.einsum("nf,fchw->nchw", dout[:, :, i, j], w)
    dx = dxp[:, :, pad : pad + H, pad : pad + W]
    db = dout.sum(axis=(0, 2, 3))
    return dx, dw, db
