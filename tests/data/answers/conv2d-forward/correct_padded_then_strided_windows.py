# expect: passed | passed
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(x, w, b, stride=1, pad=0):
    # every window of the zero-padded x, then every stride-th of them along each axis
    width = ((0, 0), (0, 0), (pad, pad), (pad, pad))
    win = sliding_window_view(np.pad(x, width), w.shape[2:], axis=(2, 3))
    win = win[:, :, ::stride, ::stride]
    return np.einsum("nchwij,fcij->nfhw", win, w) + b[None, :, None, None]
