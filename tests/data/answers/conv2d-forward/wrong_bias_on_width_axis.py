# expect: failed | b, of shape (F,), was added to the (N, F, Ho, Wo) output as it is
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # the bias broadcast along the last axis (the width), not along the filters
    KH, KW = w.shape[2:]
    N, C, H, W = x.shape
    F = w.shape[0]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    cols = np.stack([xp[:, :, i * stride:i * stride + KH, j * stride:j * stride + KW].reshape(N, -1)
                     for i in range(Ho) for j in range(Wo)], axis=2)
    out = np.einsum("fk,nkp->nfp", w.reshape(F, -1), cols).reshape(N, F, Ho, Wo)
    return out + b
