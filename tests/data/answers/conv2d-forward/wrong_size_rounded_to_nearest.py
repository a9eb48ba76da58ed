# expect: failed | the size was rounded to the nearest whole number
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = round((H + 2 * pad - KH) / stride) + 1
    Wo = round((W + 2 * pad - KW) / stride) + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            if win.shape[2:] != (KH, KW):
                continue
            out[:, :, i, j] = np.tensordot(win, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
