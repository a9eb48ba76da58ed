# expect: failed | every value of out is 0, as if it were still a placeholder
import numpy as np


def conv2d_forward(x, w, b, stride=1, pad=0):
    # a stub: the output's shape is right, the loop that fills it is still a TODO
    N, C, H, W = x.shape
    F, _, KH, KW = w.shape
    Ho = (H + 2 * pad - KH) // stride + 1
    Wo = (W + 2 * pad - KW) // stride + 1
    out = np.zeros((N, F, Ho, Wo))
    # TODO: fill out window by window
    return out
