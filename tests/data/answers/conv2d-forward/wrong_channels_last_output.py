# expect: failed | (the same sizes with the axes in another order: build it in the expected order
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # the output built channels-last, (N, Ho, Wo, F), as an image library lays it out
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, Ho, Wo, F))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, i, j, :] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
