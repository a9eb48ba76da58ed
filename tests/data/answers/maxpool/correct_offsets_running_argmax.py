# expect: passed | passed all
import numpy as np


def _views(x, size, stride):
    N, C, H, W = x.shape
    Ho = (H - size) // stride + 1
    Wo = (W - size) // stride + 1
    return Ho, Wo, [
        (p, q, x[:, :, p : p + stride * (Ho - 1) + 1 : stride, q : q + stride * (Wo - 1) + 1 : stride])
        for p in range(size)
        for q in range(size)
    ]


def maxpool_forward(x, size=2, stride=2):
    # the maximum over the window's offsets, each offset a strided view of x
    _, _, views = _views(x, size, stride)
    out = views[0][2].copy()
    for _, _, v in views[1:]:
        np.maximum(out, v, out=out)
    return out


def maxpool_backward(dout, x, size=2, stride=2):
    # a running best over the offsets in row-major order; strict > keeps the first maximum
    Ho, Wo, views = _views(x, size, stride)
    best = views[0][2].copy()
    arg = np.zeros(best.shape, dtype=int)
    for k, (_, _, v) in enumerate(views[1:], 1):
        better = v > best
        best = np.where(better, v, best)
        arg = np.where(better, k, arg)
    dx = np.zeros(x.shape)
    for k, (p, q, _) in enumerate(views):
        dx[:, :, p : p + stride * (Ho - 1) + 1 : stride, q : q + stride * (Wo - 1) + 1 : stride] += np.where(arg == k, dout, 0.0)
    return dx
