# expect: failed | (rows are the n hidden units here, columns the m examples: got (m, n))
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # examples as rows inside; c is turned back to (n, m), h is not
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x], axis=0)
    z = hx.T @ W.T + b.T
    s = 1.0 / (1.0 + np.exp(-np.clip(z[:, : 3 * n], -500, 500)))
    i, f, o = s[:, :n], s[:, n : 2 * n], s[:, 2 * n :]
    g = np.tanh(z[:, 3 * n :])
    c = f * c_prev.T + i * g
    h = o * np.tanh(c)
    return h, c.T, (hx, c_prev, c.T, W, i.T, f.T, o.T, g.T)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    t = np.tanh(c)
    dct = dc + dh * o * (1 - t * t)
    dz = np.concatenate([dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * t * o * (1 - o), dct * i * (1 - g * g)])
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
