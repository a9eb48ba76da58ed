# expect: failed | the output size was computed with true division
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Output size with int() of a true division (a floor for these non-negative sizes)."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, [(0, 0), (0, 0), (pad, pad), (pad, pad)], mode="constant")
    Ho = (H + 2 * pad - KH) / stride + 1
    Wo = (W + 2 * pad - KW) / stride + 1
    w_rows = w.reshape(F, -1)
    out = np.empty((N, F, Ho, Wo))
    for n in range(N):
        for i in range(Ho):
            for j in range(Wo):
                r, c = i * stride, j * stride
                out[n, :, i, j] = w_rows @ xp[n, :, r : r + KH, c : c + KW].ravel() + b
    return out
