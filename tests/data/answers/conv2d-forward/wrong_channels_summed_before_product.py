# expect: failed | the channels were summed before the product
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xs = xp.sum(axis=1)  # the channels added up first ...
    ws = w.sum(axis=1)  # ... and the kernel's too: a sum of products is not this
    out = np.empty((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = xs[:, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = np.einsum("nhw,fhw->nf", win, ws) + b
    return out
