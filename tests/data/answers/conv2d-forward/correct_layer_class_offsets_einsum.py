# expect: passed | passed
import numpy as np


class Conv2D:
    def __init__(self, w, b, stride=1, pad=0):
        self.w, self.b, self.stride, self.pad = w, b, stride, pad

    def __call__(self, x):
        N, C, H, W = x.shape
        F, _, KH, KW = self.w.shape
        s, p = self.stride, self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        Ho = (H + 2 * p - KH) // s + 1
        Wo = (W + 2 * p - KW) // s + 1
        out = np.zeros((N, F, Ho, Wo))
        for a in range(KH):
            for c in range(KW):
                patch = xp[:, :, a : a + s * (Ho - 1) + 1 : s, c : c + s * (Wo - 1) + 1 : s]
                out += np.einsum("nchw,fc->nfhw", patch, self.w[:, :, a, c])
        return out + np.reshape(self.b, (1, F, 1, 1))


def conv2d_forward(x, w, b, stride=1, pad=0):
    return Conv2D(w, b, stride, pad)(x)
