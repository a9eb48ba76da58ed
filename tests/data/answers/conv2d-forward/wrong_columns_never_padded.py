# expect: failed | only one axis was padded: the width's windows come from the unpadded columns
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_forward(x, w, b, stride=1, pad=0):
    # pad_width given for the rows alone: np.pad leaves the columns as they were
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (0, 0)])
    win = sliding_window_view(xp, w.shape[2:], axis=(2, 3))[:, :, ::stride, ::stride]
    return np.einsum("nchwij,fcij->nfhw", win, w) + b.reshape(1, -1, 1, 1)
