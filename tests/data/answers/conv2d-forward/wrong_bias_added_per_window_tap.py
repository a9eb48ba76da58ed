# expect: failed | the bias was added once per input channel
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # the bias added inside the sum over the window, so it counts once per tap and channel
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            window = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("nckl,fckl->nf", window, w) + b * C * KH * KW
    return out
