# expect: failed | the forget gate f's bias, are 0
import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i, f, o = sigmoid(z[:n]), sigmoid(z[n : 2 * n]), sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    return o * np.tanh(c), c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)
    di = dc * g * i * (1 - i)
    df = dc * c_prev * f * (1 - f)
    do = dh * tc * o * (1 - o)
    dg = dc * i * (1 - g**2)
    dz = np.vstack([di, df, do, dg])
    dW = dz @ hx.T
    # the forget gate's bias is a constant (often initialised to 1), so it gets no gradient
    db = np.vstack([di, np.zeros_like(df), do, dg]).sum(axis=1, keepdims=True)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc * f, dW, db
