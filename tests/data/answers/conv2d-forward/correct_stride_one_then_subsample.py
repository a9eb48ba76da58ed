# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    F, C, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    H1 = xp.shape[2] - KH + 1
    W1 = xp.shape[3] - KW + 1
    full = np.zeros((x.shape[0], F, H1, W1))
    # every stride-1 position, one kernel offset at a time...
    for u in range(KH):
        for v in range(KW):
            full += np.einsum("nchw,fc->nfhw", xp[:, :, u : u + H1, v : v + W1], w[:, :, u, v])
    # ...then keep every stride-th row and column: a strided correlation is a subsampled one
    return full[:, :, ::stride, ::stride] + b[:, None, None]
