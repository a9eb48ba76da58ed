# expect: failed | (h_prev on top)
import numpy as np


def _sig(a):
    return np.exp(-np.logaddexp(0.0, -a))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([x, h_prev])  # stacked in the wrong order
    z = W @ hx + b
    i, f, o, g = _sig(z[:n]), _sig(z[n : 2 * n]), _sig(z[2 * n : 3 * n]), np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, W, i, f, o, g, c, c_prev, x.shape[0])


def lstm_cell_backward(dh, dc, cache):
    hx, W, i, f, o, g, c, c_prev, d = cache
    t = np.tanh(c)
    dct = dc + dh * o * (1 - t**2)
    dz = np.vstack([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * t * o * (1 - o), dct * i * (1 - g**2)])
    dhx = W.T @ dz
    return dhx[:d], dhx[d:], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
