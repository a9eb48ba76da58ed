# expect: passed | all
# every window at stride 1 first, then every stride-th one along each axis: the one-axis
# stride readings must not fire on a subsample taken both ways
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    dense = np.full((N, C, H - size + 1, W - size + 1), -np.inf)
    for p in range(size):
        for q in range(size):
            np.maximum(dense, x[:, :, p : p + H - size + 1, q : q + W - size + 1], out=dense)
    return dense[:, :, ::stride, ::stride].copy()


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
        k = int(np.argmax(win))
        dx[n, c, i * stride + k // size, j * stride + k % size] += dout[n, c, i, j]
    return dx
