# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # every window flattened to a row of C*KH*KW values, times the filters flattened the
    # same way: one matrix product per output row
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    kernels = w.reshape(F, -1).T
    out = np.empty((N, F, Ho, Wo))
    for i in range(Ho):
        r = i * stride
        rows = np.stack(
            [xp[:, :, r : r + KH, j * stride : j * stride + KW].reshape(N, -1) for j in range(Wo)],
            axis=1,
        )
        out[:, :, i, :] = (rows @ kernels).transpose(0, 2, 1) + b[None, :, None]
    return out
