# expect: passed | passed
import numpy as np


class Conv2DGrad:
    def __init__(self, w, stride, pad):
        self.w, self.s, self.p = w, stride, pad

    def __call__(self, dout, x):
        N, C, H, W = x.shape
        F, _, KH, KW = self.w.shape
        _, _, Ho, Wo = dout.shape
        s, p = self.s, self.p
        xp = np.pad(x, ((0, 0), (0, 0), (p, p), (p, p)))
        # dx: the dilated dout, padded by K - 1, correlated with the flipped kernel
        Hd, Wd = (Ho - 1) * s + 1, (Wo - 1) * s + 1
        dil = np.zeros((N, F, Hd, Wd))
        dil[:, :, ::s, ::s] = dout
        full = np.pad(dil, ((0, 0), (0, 0), (KH - 1, KH - 1), (KW - 1, KW - 1)))
        flipped = self.w[:, :, ::-1, ::-1]
        dxp = np.zeros_like(xp)
        for a in range(KH):
            for b in range(KW):
                win = full[:, :, a : a + Hd + KH - 1, b : b + Wd + KW - 1]
                dxp[:, :, : Hd + KH - 1, : Wd + KW - 1] += np.einsum(
                    "nfhw,fc->nchw", win, flipped[:, :, a, b]
                )
        dx = dxp[:, :, p : p + H, p : p + W]
        dw = np.empty_like(self.w)
        for a in range(KH):
            for b in range(KW):
                patch = xp[:, :, a : a + s * (Ho - 1) + 1 : s, b : b + s * (Wo - 1) + 1 : s]
                dw[:, :, a, b] = np.einsum("nfhw,nchw->fc", dout, patch)
        return dx, dw


def conv2d_backward(dout, x, w, b, stride=1, pad=0):
    dx, dw = Conv2DGrad(w, stride, pad)(dout, x)
    return dx, dw, dout.sum(axis=(0, 2, 3)).reshape(np.shape(b))
