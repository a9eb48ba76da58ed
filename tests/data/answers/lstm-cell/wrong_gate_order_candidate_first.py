# expect: failed | the gate rows are read in the order g, i, f, o
import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # the candidate's rows taken first, as some write the cell update's input first
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x])
    g_rows, i_rows, f_rows, o_rows = np.split(W @ hx + b, 4)
    i, f, o, g = sigmoid(i_rows), sigmoid(f_rows), sigmoid(o_rows), np.tanh(g_rows)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, i, f, o, g, n)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g, n = cache
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)
    dz = np.vstack([dc * i * (1 - g**2), dc * g * i * (1 - i), dc * c_prev * f * (1 - f), dh * tc * o * (1 - o)])
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
