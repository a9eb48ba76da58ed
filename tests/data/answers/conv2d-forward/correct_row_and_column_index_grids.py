# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # each window's rows and columns as index grids, the stride applied on each axis
    F, _, KH, KW = w.shape
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)])
    Ho = (xp.shape[2] - KH) // stride + 1
    Wo = (xp.shape[3] - KW) // stride + 1
    rows = stride * np.arange(Ho)[:, None] + np.arange(KH)[None, :]  # (Ho, KH)
    cols = stride * np.arange(Wo)[:, None] + np.arange(KW)[None, :]  # (Wo, KW)
    windows = xp[:, :, rows[:, None, :, None], cols[None, :, None, :]]  # (N, C, Ho, Wo, KH, KW)
    out = np.einsum("nchwij,fcij->nfhw", windows, w, optimize=True)
    return out + b[None, :, None, None]
