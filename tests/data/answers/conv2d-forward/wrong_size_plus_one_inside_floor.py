# expect: failed | the + 1 went inside the floor division
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Output size (H + 2p - k + 1) // s: right at stride 1, one short (or long) past it."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH + 1) // stride
    Wo = (W + 2 * pad - KW + 1) // stride
    out = np.zeros((N, F, Ho, Wo))
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    win = xp[n, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
                    out[n, f, i, j] = np.sum(win * w[f]) + b[f]
    return out
