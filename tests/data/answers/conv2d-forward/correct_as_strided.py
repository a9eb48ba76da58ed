# expect: passed | passed
import numpy as np
from numpy.lib.stride_tricks import as_strided


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    sN, sC, sH, sW = xp.strides
    windows = as_strided(
        xp, (N, C, Ho, Wo, KH, KW), (sN, sC, sH * stride, sW * stride, sH, sW), writeable=False
    )
    return np.einsum("nchwpq,fcpq->nfhw", windows, w) + b[None, :, None, None]
