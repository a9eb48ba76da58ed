# expect: failed | the input gate is not applied
import numpy as np


def _sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i, f, o = _sigmoid(z[:n]), _sigmoid(z[n : 2 * n]), _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + g  # the input gate i is computed but never applied to the candidate
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, i, f, o, g, W)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, i, f, o, g, W = cache
    n = dh.shape[0]
    tc = np.tanh(c)
    dct = dc + dh * o * (1 - tc**2)
    dz = np.vstack(
        [
            np.zeros_like(i),
            dct * c_prev * f * (1 - f),
            dh * tc * o * (1 - o),
            dct * (1 - g**2),
        ]
    )
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
