# expect: failed | was reshaped straight to (F, Ho, Wo)
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.empty((N, F, Ho, Wo))
    for n in range(N):
        rows = []
        for i in range(Ho):
            for j in range(Wo):
                rows.append(xp[n, :, i * stride : i * stride + KH, j * stride : j * stride + KW].ravel())
        cols = np.array(rows)  # (Ho*Wo, C*KH*KW)
        res = cols @ w.reshape(F, -1).T + b  # (Ho*Wo, F)
        out[n] = res.reshape(F, Ho, Wo)  # should transpose first
    return out
