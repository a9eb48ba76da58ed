# expect: failed | ("same" padding, as a padding="same" layer does)
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # "same" padding worked out from the kernel, as a padding="same" layer does; the pad
    # argument given is ignored
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    pad = (KH - 1) // 2
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    H_out = (H + 2 * pad - KH) // stride + 1
    W_out = (W + 2 * pad - KW) // stride + 1
    out = np.empty((N, F, H_out, W_out))
    for i in range(H_out):
        for j in range(W_out):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", win, w) + b
    return out
