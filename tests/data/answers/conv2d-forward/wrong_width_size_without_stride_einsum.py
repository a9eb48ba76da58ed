# expect: failed | your output has W + 2*pad - KW + 1 = 5 columns but the windows step by stride 2
# the width counted at stride 1, the windows at j*stride: einsum refuses the short window
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    out_h = (H + 2 * pad - KH) // stride + 1
    out_w = W + 2 * pad - KW + 1
    out = np.zeros((N, F, out_h, out_w))
    for i in range(out_h):
        for j in range(out_w):
            patch = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", patch, w) + b
    return out
