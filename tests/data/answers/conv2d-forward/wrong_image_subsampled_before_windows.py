# expect: failed | subsampled by the stride
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(x, w, b, stride=1, pad=0):
    # the padded image subsampled first, then every window of the subsampled image
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))[:, :, ::stride, ::stride]
    win = sliding_window_view(xp, w.shape[2:], axis=(2, 3))
    return np.einsum("nchwuv,fcuv->nfhw", win, w) + b[None, :, None, None]
