# expect: passed | all
# the output sizes counted as the window starts a range() with the stride yields, the
# windows taken at those starts
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    row_starts = list(range(0, xp.shape[2] - KH + 1, stride))
    col_starts = list(range(0, xp.shape[3] - KW + 1, stride))
    out = np.empty((N, F, len(row_starts), len(col_starts)))
    for i, r in enumerate(row_starts):
        for j, s in enumerate(col_starts):
            patch = xp[:, :, r : r + KH, s : s + KW]
            out[:, :, i, j] = np.einsum("nchw,fchw->nf", patch, w) + b
    return out
