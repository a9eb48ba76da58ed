# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    cols = np.empty((N, Ho, Wo, C * KH * KW))
    for i in range(Ho):
        for j in range(Wo):
            cols[:, i, j, :] = xp[
                :, :, i * stride : i * stride + KH, j * stride : j * stride + KW
            ].reshape(N, -1)
    out = cols @ w.reshape(F, -1).T + b
    return out.transpose(0, 3, 1, 2)
