# expect: failed | the gates were cut from z in blocks of m = 1 rows, the number of examples
"""A correct solution for the lstm-cell drill: stacked input, one matrix product."""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = x.shape[1]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i = sigmoid(z[:n])
    f = sigmoid(z[n : 2 * n])
    o = sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)
    di = dc * g
    df = dc * c_prev
    do = dh * tc
    dg = dc * i
    dz = np.vstack([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)])
    dW = dz @ hx.T
    db = dz.sum(axis=1, keepdims=True)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc * f, dW, db
