# expect: failed | a dilation
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # the stride spaces the kernel's taps (row i + k * stride) instead of the windows'
    # starts (row i * stride + k): right only for stride 1
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            rows = i + stride * np.arange(KH)
            cols = j + stride * np.arange(KW)
            window = xp[:, :, rows[:, None], cols[None, :]]
            out[:, :, i, j] = np.einsum("nckl,fckl->nf", window, w) + b
    return out
