# expect: failed | the gate rows are read in the order i, g, f, o
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # TensorFlow's BasicLSTMCell splits its gates as i, j (the candidate), f, o
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x], axis=0)
    i, j, f, o = np.split(W @ hx + b, 4, axis=0)
    i, g, f, o = sigmoid(i), np.tanh(j), sigmoid(f), sigmoid(o)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)
    dz = np.concatenate(
        [dc * g * i * (1 - i), dc * i * (1 - g**2), dc * c_prev * f * (1 - f), dh * tc * o * (1 - o)]
    )
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
