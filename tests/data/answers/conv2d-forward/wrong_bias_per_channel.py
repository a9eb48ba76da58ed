# expect: failed | the bias was added once per input channel
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    ho = (h + 2 * pad - kh) // stride + 1
    wo = (wd + 2 * pad - kw) // stride + 1
    out = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            r, s = i * stride, j * stride
            for k in range(f):
                for ch in range(c):
                    window = xp[:, ch, r : r + kh, s : s + kw]
                    out[:, k, i, j] += np.sum(window * w[k, ch], axis=(1, 2)) + b[k]
    return out
