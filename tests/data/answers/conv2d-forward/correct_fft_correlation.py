# expect: passed | passed all
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    Hp, Wp = xp.shape[2:]
    Ho = (Hp - KH) // stride + 1
    Wo = (Wp - KW) // stride + 1
    X = np.fft.rfft2(xp, s=(Hp, Wp))
    K = np.fft.rfft2(w[:, :, ::-1, ::-1], s=(Hp, Wp))
    full = np.fft.irfft2(np.einsum("nchw,fchw->nfhw", X, K), s=(Hp, Wp))
    valid = full[:, :, KH - 1 :, KW - 1 :]
    return (
        valid[:, :, : stride * (Ho - 1) + 1 : stride, : stride * (Wo - 1) + 1 : stride]
        + b[None, :, None, None]
    )
