# expect: passed | passed all
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.empty((N, F, Ho, Wo))
    for i in range(Ho):
        # one strip of KH rows, cut into KW-wide windows along the columns
        strip = xp[:, :, i * stride : i * stride + KH, :]
        windows = sliding_window_view(strip, KW, axis=3)[:, :, :, ::stride][:, :, :, :Wo]
        out[:, :, i, :] = np.einsum("nchjv,fchv->nfj", windows, w)
    return out + b[None, :, None, None]
