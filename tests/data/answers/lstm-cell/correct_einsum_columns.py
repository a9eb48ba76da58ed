# expect: passed | passed
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x], axis=0)
    z = np.einsum("kj,jm->km", W, hx) + b
    gates = 1.0 / (1.0 + np.exp(-np.clip(z[: 3 * n], -500, 500)))
    i, f, o = gates[:n], gates[n : 2 * n], gates[2 * n :]
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    t = np.tanh(c)
    dct = dc + dh * o * (1 - t * t)
    dz = np.concatenate([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * t * o * (1 - o), dct * i * (1 - g * g)])
    dhx = np.einsum("kj,km->jm", W, dz)
    return dhx[n:], dhx[:n], dct * f, np.einsum("km,jm->kj", dz, hx), dz.sum(axis=1, keepdims=True)
