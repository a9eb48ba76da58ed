# expect: passed | passed
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    """Seven nested Python loops over nested lists, one multiply-add at a time: slow, right."""
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))).tolist()
    wl = w.tolist()
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = [[[[0.0] * Wo for _ in range(Ho)] for _ in range(F)] for _ in range(N)]
    for n in range(N):
        for f in range(F):
            for i in range(Ho):
                for j in range(Wo):
                    acc = 0.0
                    for c in range(C):
                        for p in range(KH):
                            for q in range(KW):
                                acc += xp[n][c][i * stride + p][j * stride + q] * wl[f][c][p][q]
                    out[n][f][i][j] = acc + float(b[f])
    return np.array(out)
