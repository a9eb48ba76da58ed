# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    for p in range(size):
        for q in range(size):
            # the (p, q) entry of every window at once
            out = np.maximum(out, x[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride])
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    out = maxpool_forward(x, size, stride)
    Ho, Wo = out.shape[2:]
    dx = np.zeros(x.shape)
    taken = np.zeros(out.shape, dtype=bool)  # the window's first maximum already found
    for p in range(size):
        for q in range(size):
            entry = x[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride]
            first = (entry == out) & ~taken
            taken |= first
            dx[:, :, p:p + stride * Ho:stride, q:q + stride * Wo:stride] += np.where(first, dout, 0.0)
    return dx
