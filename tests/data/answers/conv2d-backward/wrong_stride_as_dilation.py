# expect: failed | a dilation
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # the stride spaced out the kernel's taps (row i + k * stride) instead of the windows'
    # starts (row i * stride + k): a dilation, the same as a stride only when stride = 1
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    for i in range(Ho):
        for j in range(Wo):
            rows = i + stride * np.arange(KH)
            cols = j + stride * np.arange(KW)
            window = xp[:, :, rows[:, None], cols[None, :]]
            dw += np.einsum("nf,nckl->fckl", dout[:, :, i, j], window)
            dxp[:, :, rows[:, None], cols[None, :]] += np.einsum(
                "nf,fckl->nckl", dout[:, :, i, j], w
            )
    dx = dxp[:, :, pad : pad + H, pad : pad + W]
    return dx, dw, dout.sum(axis=(0, 2, 3))
