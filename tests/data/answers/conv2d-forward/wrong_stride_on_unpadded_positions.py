# expect: failed | the windows are sliced from x, not from the padded x
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride + pad - pad * (stride > 1), j * stride + pad - pad * (stride > 1)
            r, c = min(r, xp.shape[2] - KH), min(c, xp.shape[3] - KW)
            win = xp[:, :, r : r + KH, c : c + KW]
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
