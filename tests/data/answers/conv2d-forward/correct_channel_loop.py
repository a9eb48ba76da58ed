# expect: passed | passed
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    ho = (h + 2 * pad - kh) // stride + 1
    wo = (wd + 2 * pad - kw) // stride + 1
    out = np.broadcast_to(b.reshape(1, f, 1, 1), (n, f, ho, wo)).astype(float)
    for ch in range(c):
        for p in range(kh):
            for q in range(kw):
                patch = xp[:, ch, p : p + stride * ho : stride, q : q + stride * wo : stride]
                out = out + np.einsum("nij,f->nfij", patch, w[:, ch, p, q])
    return out
