# expect: failed | every tied maximum got the gradient
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    dx = np.zeros(x.shape)
    for i in range(Ho):
        for j in range(Wo):
            w = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            m = w.max(axis=(2, 3), keepdims=True)
            dx[:, :, i * stride : i * stride + size, j * stride : j * stride + size] += (w == m) * dout[:, :, i : i + 1, j : j + 1]
    return dx
