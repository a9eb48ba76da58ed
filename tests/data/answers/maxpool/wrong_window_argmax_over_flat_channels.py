# expect: failed | each window's argmax was taken over its channels too
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            out[:, :, i, j] = win.reshape(N, C, -1).max(axis=-1)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    dx = np.zeros_like(x)
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            # argmax over the flattened channels and window together: one winner per image
            k = win.reshape(N, -1).argmax(axis=1)
            c, rest = np.divmod(k, size * size)
            p, q = np.divmod(rest, size)
            for n in range(N):
                dx[n, c[n], i * stride + p[n], j * stride + q[n]] += dout[n, c[n], i, j]
    return dx
