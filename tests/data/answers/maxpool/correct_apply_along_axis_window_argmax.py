# expect: passed | passed
import numpy as np


def _windows(x, size, stride):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    win = np.empty((N, C, Ho, Wo, size * size))
    for i in range(Ho):
        for j in range(Wo):
            block = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            win[:, :, i, j] = block.reshape(N, C, size * size)
    return win


def maxpool_forward(x, size=2, stride=2):
    return np.apply_along_axis(np.max, -1, _windows(x, size, stride))


def maxpool_backward(dout, x, size=2, stride=2):
    first = np.apply_along_axis(np.argmax, -1, _windows(x, size, stride))  # first of ties
    dx = np.zeros_like(x)
    N, C, Ho, Wo = dout.shape
    for n, c, i, j in np.ndindex(N, C, Ho, Wo):
        k = first[n, c, i, j]
        dx[n, c, i * stride + k // size, j * stride + k % size] += dout[n, c, i, j]
    return dx
