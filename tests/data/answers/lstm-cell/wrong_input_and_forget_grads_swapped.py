# expect: failed | the input and forget gates took each other's partner
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i = _sigmoid(z[:n])
    f = _sigmoid(z[n : 2 * n])
    o = _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, i, f, o, g, c, W, n)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, i, f, o, g, c, W, n = cache
    tc = np.tanh(c)
    dct = dc + dh * o * (1 - tc**2)
    do = dh * tc
    # the two products of c = f*c_prev + i*g paired with the wrong partner
    di = dct * c_prev
    df = dct * g
    dg = dct * i
    dz = np.vstack([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)])
    dW = dz @ hx.T
    db = dz.sum(axis=1, keepdims=True)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dW, db
