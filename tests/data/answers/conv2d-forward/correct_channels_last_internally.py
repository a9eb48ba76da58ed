# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # work in (N, H, W, C) as TensorFlow does, and hand back (N, F, H_out, W_out)
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xh = np.pad(x.transpose(0, 2, 3, 1), ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    kernel = w.transpose(2, 3, 1, 0)  # (KH, KW, C, F)
    H_out = (H + 2 * pad - KH) // stride + 1
    W_out = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, H_out, W_out, F))
    for i in range(H_out):
        for j in range(W_out):
            patch = xh[:, i * stride : i * stride + KH, j * stride : j * stride + KW, :]
            out[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    out += b
    return out.transpose(0, 3, 1, 2)
