# expect: failed | the kernel is flipped (a true convolution)
import numpy as np


class Conv2D:
    """A 'real' convolution: flip the kernel, as the textbook definition says."""

    def __init__(self, w, b, stride=1, pad=0):
        self.w = np.flip(w, axis=(2, 3))
        self.b, self.stride, self.pad = b, stride, pad

    def __call__(self, x):
        N, C, H, W = x.shape
        F, _, KH, KW = self.w.shape
        s, p = self.stride, self.pad
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        Ho = (H + 2 * p - KH) // s + 1
        Wo = (W + 2 * p - KW) // s + 1
        out = np.empty((N, F, Ho, Wo))
        for i in range(Ho):
            for j in range(Wo):
                win = xp[:, :, i * s : i * s + KH, j * s : j * s + KW]
                out[:, :, i, j] = np.tensordot(win, self.w, axes=([1, 2, 3], [1, 2, 3]))
        return out + np.reshape(self.b, (1, F, 1, 1))


def conv2d_forward(x, w, b, stride=1, pad=0):
    return Conv2D(w, b, stride, pad)(x)
