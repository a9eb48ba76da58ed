# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    # running maximum over the size*size offsets, one strided view each
    for u in range(size):
        for v in range(size):
            view = x[:, :, u : u + stride * (Ho - 1) + 1 : stride, v : v + stride * (Wo - 1) + 1 : stride]
            np.maximum(out, view, out=out)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    N, C, Ho, Wo = dout.shape
    best = np.full(dout.shape, -np.inf)
    where_u = np.zeros(dout.shape, dtype=int)
    where_v = np.zeros(dout.shape, dtype=int)
    # row-major scan; only a strictly larger value moves the choice, so ties keep the first
    for u in range(size):
        for v in range(size):
            view = x[:, :, u : u + stride * (Ho - 1) + 1 : stride, v : v + stride * (Wo - 1) + 1 : stride]
            bigger = view > best
            best = np.where(bigger, view, best)
            where_u = np.where(bigger, u, where_u)
            where_v = np.where(bigger, v, where_v)
    dx = np.zeros(x.shape)
    n, c, i, j = np.indices(dout.shape)
    np.add.at(dx, (n, c, i * stride + where_u, j * stride + where_v), dout)
    return dx
