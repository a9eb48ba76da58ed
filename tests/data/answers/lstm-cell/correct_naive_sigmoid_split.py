# expect: passed | passed all
import numpy as np


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    concat = np.concatenate((h_prev, x), axis=0)
    z = np.dot(W, concat) + b
    zi, zf, zo, zg = np.split(z, 4, axis=0)
    i, f, o, g = sigmoid(zi), sigmoid(zf), sigmoid(zo), np.tanh(zg)
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    return h, c, (concat, c_prev, i, f, o, g, tc, W)


def lstm_cell_backward(dh, dc, cache):
    concat, c_prev, i, f, o, g, tc, W = cache
    n = dh.shape[0]
    do = dh * tc
    dct = dc + dh * o * (1 - tc**2)
    df = dct * c_prev
    di = dct * g
    dg = dct * i
    dc_prev = dct * f
    dz = np.vstack((di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g**2)))
    dW = dz @ concat.T
    db = dz.sum(axis=1, keepdims=True)
    dconcat = W.T @ dz
    return dconcat[n:], dconcat[:n], dc_prev, dW, db
