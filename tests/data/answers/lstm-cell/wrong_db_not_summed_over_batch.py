# expect: failed | db is the first example's dz only (dz[:, :1])
import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    z = W @ np.concatenate([h_prev, x], axis=0) + b
    i, f, o = _sigmoid(z[:n]), _sigmoid(z[n : 2 * n]), _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (np.concatenate([h_prev, x], axis=0), c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    t = np.tanh(c)
    d_c = dc + dh * o * (1 - t**2)
    dz = np.vstack([d_c * g * i * (1 - i), d_c * c_prev * f * (1 - f), dh * t * o * (1 - o), d_c * i * (1 - g**2)])
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], d_c * f, dz @ hx.T, dz[:, :1]
