# expect: failed | every tied maximum got the gradient
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    dx = np.zeros_like(x)
    Ho, Wo = dout.shape[2], dout.shape[3]
    for i in range(Ho):
        for j in range(Wo):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            mask = window == window.max(axis=(2, 3), keepdims=True)
            dx[:, :, i * stride : i * stride + size, j * stride : j * stride + size] += (
                mask * dout[:, :, i, j][:, :, None, None]
            )
    return dx
