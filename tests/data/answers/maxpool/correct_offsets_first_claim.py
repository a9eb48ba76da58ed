# expect: passed | passed all
import numpy as np


def maxpool_forward(x, size=2, stride=2):
    N, C, H, W = x.shape
    Ho, Wo = (H - size) // stride + 1, (W - size) // stride + 1
    out = np.full((N, C, Ho, Wo), -np.inf)
    for u in range(size):
        for v in range(size):
            np.maximum(
                out,
                x[
                    :,
                    :,
                    u : u + stride * (Ho - 1) + 1 : stride,
                    v : v + stride * (Wo - 1) + 1 : stride,
                ],
                out=out,
            )
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    out = maxpool_forward(x, size, stride)
    Ho, Wo = out.shape[2:]
    dx = np.zeros_like(x)
    taken = np.zeros(out.shape, dtype=bool)
    for u in range(size):
        for v in range(size):
            sl = (
                slice(None),
                slice(None),
                slice(u, u + stride * (Ho - 1) + 1, stride),
                slice(v, v + stride * (Wo - 1) + 1, stride),
            )
            hit = (x[sl] == out) & ~taken
            taken |= hit
            dx[sl] += np.where(hit, dout, 0.0)
    return dx
