# expect: failed | W.T @ dz was split the wrong way round
import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i, f, o = _sigmoid(z[:n]), _sigmoid(z[n : 2 * n]), _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    return o * np.tanh(c), c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    # the gradient of the stack [h_prev; x] split as if x came first: dx from its first d
    # rows, dh_prev from the rest
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    d = hx.shape[0] - n
    tc = np.tanh(c)
    dct = dc + dh * o * (1 - tc**2)
    dz = np.vstack(
        [dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * tc * o * (1 - o), dct * i * (1 - g**2)]
    )
    dhx = W.T @ dz
    return dhx[:d], dhx[d:], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
