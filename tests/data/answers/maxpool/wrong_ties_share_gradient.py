# expect: failed | split among tied maxima
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[
                :, :, i * stride : i * stride + size, j * stride : j * stride + size
            ].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    out = maxpool_forward(x, size, stride)
    dx = np.zeros_like(x)
    Ho, Wo = out.shape[2:]
    for i in range(Ho):
        for j in range(Wo):
            w = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            hit = w == out[:, :, i, j][:, :, None, None]
            share = hit / hit.sum(axis=(2, 3), keepdims=True)
            dx[:, :, i * stride : i * stride + size, j * stride : j * stride + size] += (
                share * dout[:, :, i, j][:, :, None, None]
            )
    return dx
