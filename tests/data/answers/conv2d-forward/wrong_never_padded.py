# expect: failed | x was never padded
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # pad is read, but the windows and their count come from x as it was given
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H - KH) // stride + 1
    Wo = (W - KW) // stride + 1
    out = np.empty((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            patch = x[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", patch, w) + b
    return out
