# expect: failed | your output has H + 2*pad - KH + 1 = 7 rows but the windows step by stride 2
# Ho left without the stride, the windows sliced at i*stride: numpy cannot broadcast the
# first empty window against the filter
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = H + 2 * pad - KH + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.empty((N, F, Ho, Wo))
    for f in range(F):
        for i in range(Ho):
            for j in range(Wo):
                win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
                out[:, f, i, j] = (win * w[f]).sum(axis=(1, 2, 3)) + b[f]
    return out
