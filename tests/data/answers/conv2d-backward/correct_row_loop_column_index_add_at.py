# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # one output row at a time; the windows' columns are gathered by an index array,
    # and dx's overlapping columns are added back with np.add.at
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2], dout.shape[3]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    dxp = np.zeros(xp.shape)
    dw = np.zeros(w.shape)
    cols = stride * np.arange(Wo)[:, None] + np.arange(KW)[None, :]
    for i in range(Ho):
        r = i * stride
        windows = xp[:, :, r : r + KH, :][:, :, :, cols]
        row = dout[:, :, i, :]
        dw += np.einsum("nfw,nckwl->fckl", row, windows)
        back = np.einsum("nfw,fckl->nckwl", row, w)
        np.add.at(dxp[:, :, r : r + KH, :], (slice(None), slice(None), slice(None), cols), back)
    dx = dxp[:, :, pad : pad + H, pad : pad + W]
    db = dout.sum(axis=(0, 2, 3))
    return dx, dw, db
