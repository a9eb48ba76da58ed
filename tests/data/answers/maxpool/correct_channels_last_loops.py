# expect: passed | passed
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    # (N, H, W, C) inside, as TensorFlow lays images out; a max over each window's rows
    xl = np.moveaxis(x, 1, -1)
    N, H, W, C = xl.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.empty((N, Ho, Wo, C))
    for i in range(Ho):
        for j in range(Wo):
            win = xl[:, i * stride : i * stride + size, j * stride : j * stride + size, :]
            out[:, i, j, :] = win.max(axis=(1, 2))
    return np.moveaxis(out, -1, 1)


def maxpool_backward(dout, x, size=2, stride=2):
    xl = np.moveaxis(x, 1, -1)
    dl = np.moveaxis(dout, 1, -1)
    N, Ho, Wo, C = dl.shape
    dx = np.zeros_like(xl)
    for i in range(Ho):
        for j in range(Wo):
            win = xl[:, i * stride : i * stride + size, j * stride : j * stride + size, :]
            flat = win.reshape(N, size * size, C)  # row-major inside the window
            first = flat.argmax(axis=1)  # the first maximum, (N, C)
            r, s = np.divmod(first, size)
            for n in range(N):
                for c in range(C):
                    dx[n, i * stride + r[n, c], j * stride + s[n, c], c] += dl[n, i, j, c]
    return np.moveaxis(dx, -1, 1)
