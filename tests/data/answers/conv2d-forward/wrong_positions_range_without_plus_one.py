# expect: failed | the size misses the + 1
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Hp, Wp = xp.shape[2:]
    # window starts: range stops one short, so a window ending on the last row is dropped
    rows = range(0, Hp - KH, stride)
    cols = range(0, Wp - KW, stride)
    out = np.zeros((x.shape[0], F, len(rows), len(cols)))
    for i, r in enumerate(rows):
        for j, c in enumerate(cols):
            window = xp[:, :, r : r + KH, c : c + KW]
            out[:, :, i, j] = np.tensordot(window, w, axes=([1, 2, 3], [1, 2, 3])) + b
    return out
