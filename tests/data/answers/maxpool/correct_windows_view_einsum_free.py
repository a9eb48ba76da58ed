# expect: passed | passed all
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def maxpool_forward(x, size=2, stride=2):
    win = sliding_window_view(x, (size, size), axis=(2, 3))[:, :, ::stride, ::stride]
    return win.max(axis=(-2, -1))


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    dx = np.zeros_like(x, dtype=np.float64)
    for i in range(Ho):
        for j in range(Wo):
            r, c = i * stride, j * stride
            win = x[:, :, r : r + size, c : c + size].reshape(N, C, -1)
            k = win.argmax(axis=2)
            n_idx, c_idx = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
            np.add.at(dx, (n_idx, c_idx, r + k // size, c + k % size), dout[:, :, i, j])
    return dx
