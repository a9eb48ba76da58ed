# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    for p in range(size):
        for q in range(size):
            np.maximum(out, x[:, :, p : p + stride * (Ho - 1) + 1 : stride, q : q + stride * (Wo - 1) + 1 : stride], out=out)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = dout.shape[2:]
    dx = np.zeros(x.shape)
    for i in range(Ho):
        for j in range(Wo):
            win = x[:, :, i * stride : i * stride + size, j * stride : j * stride + size].reshape(N, C, -1)
            k = win.argmax(axis=2)
            p, q = np.divmod(k, size)
            n_idx, c_idx = np.meshgrid(np.arange(N), np.arange(C), indexing="ij")
            np.add.at(dx, (n_idx, c_idx, i * stride + p, j * stride + q), dout[:, :, i, j])
    return dx
