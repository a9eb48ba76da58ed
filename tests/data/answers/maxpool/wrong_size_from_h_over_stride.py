# expect: failed | H // stride is only right when the windows tile the input
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    # the 2x2/2 shortcut: one output per stride, as if size == stride always
    Ho, Wo = H // stride, W // stride
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, :, i, j] = window.max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    dx = np.zeros_like(x)
    _, _, Ho, Wo = dout.shape
    for n in range(N):
        for c in range(C):
            for i in range(Ho):
                for j in range(Wo):
                    window = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
                    r, q = np.unravel_index(np.argmax(window), window.shape)
                    dx[n, c, i * stride + r, j * stride + q] += dout[n, c, i, j]
    return dx
