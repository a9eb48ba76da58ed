# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    flat_w = w.reshape(F, -1)
    dw = np.zeros_like(flat_w, dtype=np.float64)
    for n in range(N):
        g = dout[n].reshape(F, -1)  # (F, Ho*Wo)
        cols = np.stack(
            [xp[n, :, i * stride : i * stride + KH, j * stride : j * stride + KW].ravel()
             for i in range(Ho) for j in range(Wo)],
            axis=1,
        )
        dw += g @ cols.T
        dcols = flat_w.T @ g
        k = 0
        for i in range(Ho):
            for j in range(Wo):
                dxp[n, :, i * stride : i * stride + KH, j * stride : j * stride + KW] += dcols[:, k].reshape(C, KH, KW)
                k += 1
    return dxp[:, :, pad : pad + H, pad : pad + W], dw.reshape(w.shape), dout.sum(axis=(0, 2, 3))
