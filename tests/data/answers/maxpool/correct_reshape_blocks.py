# expect: passed | passed
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    rows = np.arange(Ho)[:, None] * stride + np.arange(size)[None, :]  # (Ho, size)
    cols = np.arange(Wo)[:, None] * stride + np.arange(size)[None, :]  # (Wo, size)
    win = x[:, :, rows[:, None, :, None], cols[None, :, None, :]]  # (N, C, Ho, Wo, size, size)
    return win.max(axis=(4, 5))


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    _, _, Ho, Wo = dout.shape
    dx = np.zeros(x.shape)
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride:i * stride + size, j * stride:j * stride + size].reshape(N, C, -1)
            k = win.argmax(axis=2)  # first maximum in row-major order
            p, q = np.divmod(k, size)
            nn, cc = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
            np.add.at(dx, (nn, cc, i * stride + p, j * stride + q), dout[:, :, i, j])
    return dx
