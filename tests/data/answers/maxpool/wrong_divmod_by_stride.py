# expect: failed | the window's argmax was unravelled with the stride, divmod(k, stride)
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
    N, C, H, W = x.shape
    dx = np.zeros(x.shape)
    for n in range(N):
        for c in range(C):
            for i in range(dout.shape[2]):
                for j in range(dout.shape[3]):
                    win = x[n, c, i * stride : i * stride + size, j * stride : j * stride + size]
                    k = int(np.argmax(win))
                    p, q = divmod(k, stride)
                    if i * stride + p < H and j * stride + q < W:
                        dx[n, c, i * stride + p, j * stride + q] += dout[n, c, i, j]
    return dx
