# expect: failed | W and b serve every example of the batch
import numpy as np


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    concat = np.concatenate((h_prev, x), axis=0)
    z = W @ concat + b
    zi, zf, zo, zg = np.split(z, 4, axis=0)
    i, f, o, g = sigmoid(zi), sigmoid(zf), sigmoid(zo), np.tanh(zg)
    c = f * c_prev + i * g
    tc = np.tanh(c)
    return o * tc, c, (concat, c_prev, i, f, o, g, tc, W)


def lstm_cell_backward(dh, dc, cache):
    concat, c_prev, i, f, o, g, tc, W = cache
    n, m = dh.shape
    do = dh * tc
    dct = dc + dh * o * (1 - tc**2)
    dz = np.vstack((dct * g * i * (1 - i), dct * c_prev * f * (1 - f), do * o * (1 - o), dct * i * (1 - g**2)))
    dW = dz @ concat.T / m
    db = dz.mean(axis=1, keepdims=True)
    dconcat = W.T @ dz
    return dconcat[n:], dconcat[:n], dct * f, dW, db
