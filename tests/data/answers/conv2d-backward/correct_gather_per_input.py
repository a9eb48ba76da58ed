# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # dx gathered: each padded input position sums the windows that covered it
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    for r in range(xp.shape[2]):
        i_range = range(max(0, -(-(r - KH + 1) // stride)), min(Ho - 1, r // stride) + 1)
        for s in range(xp.shape[3]):
            j_range = range(max(0, -(-(s - KW + 1) // stride)), min(Wo - 1, s // stride) + 1)
            for i in i_range:
                for j in j_range:
                    dxp[:, :, r, s] += dout[:, :, i, j] @ w[:, :, r - i * stride, s - j * stride]
    dw = np.zeros(w.shape)
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW]
            dw += np.tensordot(dout[:, :, i, j], win, axes=(0, 0))
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
