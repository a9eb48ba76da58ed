# expect: passed | passed
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Output size as (H + 2p - k + s) // s, the + 1 folded into the floor division."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH + stride) // stride
    Wo = (W + 2 * pad - KW + stride) // stride
    out = np.empty((N, F, Ho, Wo))
    wf = w.reshape(F, -1)
    for i in range(Ho):
        for j in range(Wo):
            patch = xp[:, :, i * stride : i * stride + KH, j * stride : j * stride + KW]
            out[:, :, i, j] = patch.reshape(N, -1) @ wf.T + b.reshape(-1)
    return out
