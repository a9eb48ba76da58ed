# expect: failed | was reshaped straight to (F, Ho, Wo)
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    cols = np.empty((N, Ho, Wo, C * KH * KW))
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            cols[:, i, j, :] = patch.reshape(N, -1)
    out = cols.reshape(-1, C * KH * KW) @ w.reshape(F, -1).T + b.reshape(1, F)
    # (N*Ho*Wo, F) read straight into (N, F, Ho, Wo): the axes are not moved, only relabelled
    return out.reshape(N, F, Ho, Wo)
