# expect: passed | passed
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n, m = h_prev.shape
    hx = np.concatenate([h_prev, x], axis=0)
    blocks = (W @ hx + b).reshape(4, n, m)  # rows i, f, o, g, each n long
    i, f, o = 1.0 / (1.0 + np.exp(-blocks[:3]))
    g = np.tanh(blocks[3])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, np.stack([i, f, o, g]))


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, gates = cache
    i, f, o, g = gates
    n = c.shape[0]
    tc = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tc * tc)
    d_act = np.stack([dc_total * g, dc_total * c_prev, dh * tc, dc_total * i])
    slope = np.stack([i * (1 - i), f * (1 - f), o * (1 - o), 1 - g * g])
    dz = (d_act * slope).reshape(4 * n, -1)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc_total * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
