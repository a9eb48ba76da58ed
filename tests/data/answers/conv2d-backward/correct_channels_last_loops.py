# expect: passed | passed all
import numpy as np


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    # in (N, H, W, C) with a (KH, KW, C, F) kernel, as TensorFlow lays them out
    xl = np.pad(x.transpose(0, 2, 3, 1), ((0, 0), (pad, pad), (pad, pad), (0, 0)))
    k = w.transpose(2, 3, 1, 0)
    dl = dout.transpose(0, 2, 3, 1)  # (N, Ho, Wo, F)
    KH, KW = k.shape[:2]
    dxl = np.zeros_like(xl)
    dk = np.zeros_like(k)
    for i in range(dl.shape[1]):
        for j in range(dl.shape[2]):
            rows = slice(i * stride, i * stride + KH)
            cols = slice(j * stride, j * stride + KW)
            g = dl[:, i, j, :]  # (N, F)
            dk += np.einsum("nhwc,nf->hwcf", xl[:, rows, cols, :], g)
            dxl[:, rows, cols, :] += np.einsum("hwcf,nf->nhwc", k, g)
    H, W = x.shape[2], x.shape[3]
    dx = dxl[:, pad : pad + H, pad : pad + W, :].transpose(0, 3, 1, 2)
    return dx, dk.transpose(3, 2, 0, 1), dl.sum(axis=(0, 1, 2))
