# expect: passed | passed
import numpy as np


def _window_indices(C, KH, KW, Ho, Wo, stride):
    # row, column and channel index of every (window entry, output position) pair
    rows = np.repeat(np.arange(KH), KW)
    rows = np.tile(rows, C)[:, None] + stride * np.repeat(np.arange(Ho), Wo)[None, :]
    cols = np.tile(np.arange(KW), KH * C)[:, None] + stride * np.tile(np.arange(Wo), Ho)[None, :]
    chans = np.repeat(np.arange(C), KH * KW)[:, None]
    return chans, rows, cols


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    chans, rows, cols = _window_indices(C, KH, KW, Ho, Wo, stride)
    columns = xp[:, chans, rows, cols]  # (N, C*KH*KW, Ho*Wo)
    out = np.einsum("fk,nkp->nfp", w.reshape(F, -1), columns) + np.reshape(b, (1, F, 1))
    return out.reshape(N, F, Ho, Wo)
