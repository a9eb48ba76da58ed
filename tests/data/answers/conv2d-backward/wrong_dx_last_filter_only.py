# expect: failed | dx holds the last filter's share only
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    _, _, Ho, Wo = dout.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros_like(xp)
    dw = np.zeros_like(w)
    for n in range(N):
        for i in range(Ho):
            for j in range(Wo):
                rows = slice(i * stride, i * stride + KH)
                cols = slice(j * stride, j * stride + KW)
                window_grad = np.zeros((C, KH, KW))
                for f in range(F):
                    dw[f] += dout[n, f, i, j] * xp[n, :, rows, cols]
                    window_grad = dout[n, f, i, j] * w[f]  # = over the filters: the last one wins
                dxp[n, :, rows, cols] += window_grad
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
