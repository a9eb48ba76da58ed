# expect: failed | the windows are sliced from x, not from the padded x
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    n, c, h, wd = x.shape
    f, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    ho = (xp.shape[2] - kh) // stride + 1
    wo = (xp.shape[3] - kw) // stride + 1
    out = np.zeros((n, f, ho, wo))
    for i in range(ho):
        for j in range(wo):
            window = x[:, :, i * stride : i * stride + kh, j * stride : j * stride + kw]
            for k in range(f):
                out[:, k, i, j] = np.sum(window * w[k], axis=(1, 2, 3)) + b[k]
    return out
