# expect: passed | passed all
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # dw from a strided window view; dx scattered with np.add.at on index grids
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho, Wo = dout.shape[2:]
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(xp, (KH, KW), axis=(2, 3))[:, :, ::stride, ::stride][:, :, :Ho, :Wo]
    dw = np.einsum("nfij,ncijpq->fcpq", dout, windows)
    shares = np.einsum("nfij,fcpq->ncijpq", dout, w)
    i, j, p, q = np.ix_(np.arange(Ho), np.arange(Wo), np.arange(KH), np.arange(KW))
    rows = (i * stride + p)[None, None]
    cols = (j * stride + q)[None, None]
    n = np.arange(N)[:, None, None, None, None, None]
    c = np.arange(C)[None, :, None, None, None, None]
    dxp = np.zeros(xp.shape)
    np.add.at(dxp, (n, c, rows, cols), shares)
    return dxp[:, :, pad:pad + H, pad:pad + W], dw, dout.sum(axis=(0, 2, 3))
