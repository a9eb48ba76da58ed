# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    win = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(2, 3))[
        :, :, ::stride, ::stride
    ]
    return win[:, :, :Ho, :Wo].reshape(N, C, Ho, Wo, -1).max(axis=-1)


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    win = np.lib.stride_tricks.sliding_window_view(x, (size, size), axis=(2, 3))[
        :, :, ::stride, ::stride
    ][:, :, :Ho, :Wo]
    k = win.reshape(N, C, Ho, Wo, -1).argmax(axis=-1)
    rows = np.arange(Ho)[:, None] * stride + k // size
    cols = np.arange(Wo)[None, :] * stride + k % size
    flat = (np.arange(N * C).reshape(N, C, 1, 1) * H + rows) * W + cols
    dx = np.zeros(x.size)
    np.add.at(dx, flat.ravel(), dout.ravel())
    return dx.reshape(x.shape)
