# expect: failed | uses a sigmoid; it is tanh
import numpy as np


def _sig(a):
    return np.exp(-np.logaddexp(0.0, -a))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    gates = _sig(z)  # all four blocks through the sigmoid, g included
    i, f, o, g = gates[:n], gates[n : 2 * n], gates[2 * n : 3 * n], gates[3 * n :]
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, W, i, f, o, g, c, c_prev, n)


def lstm_cell_backward(dh, dc, cache):
    hx, W, i, f, o, g, c, c_prev, n = cache
    t = np.tanh(c)
    dct = dc + dh * o * (1 - t**2)
    dz = np.vstack([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * t * o * (1 - o), dct * i * g * (1 - g)])
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
