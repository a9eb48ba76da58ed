# expect: passed | passed
import numpy as np


def _sig(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x], axis=0)
    i, f, o, a = np.split(W @ hx + b, 4, axis=0)
    i, f, o, g = _sig(i), _sig(f), _sig(o), np.tanh(a)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return [h, c, [hx, c_prev, c, i, f, o, g, W]]


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, i, f, o, g, W = cache
    n = dh.shape[0]
    t = np.tanh(c)
    dcell = dc + dh * o * (1.0 - t**2)
    dz = np.concatenate(
        [dcell * g * i * (1 - i), dcell * c_prev * f * (1 - f), dh * t * o * (1 - o), dcell * i * (1 - g**2)],
        axis=0,
    )
    dhx = W.T @ dz
    return [dhx[n:], dhx[:n], dcell * f, dz @ hx.T, np.sum(dz, axis=1, keepdims=True)]
