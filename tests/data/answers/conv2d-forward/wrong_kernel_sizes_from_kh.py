# expect: failed | the width's size used the kernel's height KH (one K for both sizes)
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, K, _ = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - K) // stride + 1
    Wo = (W + 2 * pad - K) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = xp[:, :, i * stride : i * stride + K, j * stride : j * stride + K]
            out[:, :, i, j] = np.tensordot(win, w[:, :, :, :K], axes=([1, 2, 3], [1, 2, 3])) + b
    return out
