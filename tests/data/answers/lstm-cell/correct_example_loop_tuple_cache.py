# expect: passed | passed all
import numpy as np


def _sig(z):
    return np.exp(-np.logaddexp(0.0, -z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n, m = h_prev.shape
    h = np.empty((n, m))
    c = np.empty((n, m))
    gates = np.empty((4 * n, m))
    for j in range(m):  # one example (column) at a time
        hx = np.concatenate([h_prev[:, j], x[:, j]])
        z = W @ hx + b[:, 0]
        i, f, o, g = _sig(z[:n]), _sig(z[n : 2 * n]), _sig(z[2 * n : 3 * n]), np.tanh(z[3 * n :])
        c[:, j] = f * c_prev[:, j] + i * g
        h[:, j] = o * np.tanh(c[:, j])
        gates[:, j] = np.concatenate([i, f, o, g])
    return h, c, (x, h_prev, c_prev, W, gates, c)


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, W, gates, c = cache
    n = h_prev.shape[0]
    i, f, o, g = gates[:n], gates[n : 2 * n], gates[2 * n : 3 * n], gates[3 * n :]
    tc = np.tanh(c)
    dct = dc + dh * o * (1 - tc**2)
    dz = np.vstack([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * tc * o * (1 - o), dct * i * (1 - g**2)])
    hx = np.vstack([h_prev, x])
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
