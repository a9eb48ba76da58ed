# expect: passed | passed
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    if size == stride and H % size == 0 and W % size == 0:
        # tiles that cover the image exactly: a reshape gives the windows
        return x.reshape(N, C, Ho, size, Wo, size).max(axis=(3, 5))
    out = np.empty((N, C, Ho, Wo))
    for i in range(Ho):
        for j in range(Wo):
            out[:, :, i, j] = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].max(axis=(2, 3))
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    dx = np.zeros_like(x)
    for i in range(Ho):
        for j in range(Wo):
            window = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size]
            flat = window.reshape(N, C, -1)
            first = flat.argmax(axis=2)
            p, q = np.divmod(first, size)
            n_idx, c_idx = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
            np.add.at(dx, (n_idx, c_idx, i * stride + p, j * stride + q), dout[:, :, i, j])
    return dx
