# expect: failed | joined side by side
import numpy as np


def _sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    z = W @ np.concatenate([h_prev, x], axis=1) + b
    i, f, o = _sig(z[:n]), _sig(z[n : 2 * n]), _sig(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    return h, c, (x, h_prev, c_prev, W, i, f, o, g, c, tc)


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, W, i, f, o, g, c, tc = cache
    n = h_prev.shape[0]
    dct = dc + dh * o * (1 - tc**2)
    do = dh * tc
    di = dct * g
    df = dct * c_prev
    dg = dct * i
    dz = np.vstack([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)])
    hx = np.concatenate([h_prev, x], axis=1)
    dW = dz @ hx.T
    db = dz.sum(axis=1, keepdims=True)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dW, db
