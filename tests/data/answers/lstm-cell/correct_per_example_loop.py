# expect: passed | passed all
import numpy as np


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # one example (one column) at a time
    n, m = h_prev.shape
    h, c = np.empty((n, m)), np.empty((n, m))
    gates = np.empty((4 * n, m))
    for k in range(m):
        z = W @ np.concatenate([h_prev[:, k], x[:, k]]) + b[:, 0]
        i, f, o, g = _sigmoid(z[:n]), _sigmoid(z[n:2 * n]), _sigmoid(z[2 * n:3 * n]), np.tanh(z[3 * n:])
        c[:, k] = f * c_prev[:, k] + i * g
        h[:, k] = o * np.tanh(c[:, k])
        gates[:, k] = np.concatenate([i, f, o, g])
    return h, c, (x, h_prev, c_prev, c, W, gates)


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, c, W, gates = cache
    n, m = c.shape
    dx, dh_prev, dc_prev = np.empty(x.shape), np.empty((n, m)), np.empty((n, m))
    dW, db = np.zeros(W.shape), np.zeros((4 * n, 1))
    for k in range(m):
        i, f, o, g = np.split(gates[:, k], 4)
        t = np.tanh(c[:, k])
        dck = dc[:, k] + dh[:, k] * o * (1 - t**2)
        dz = np.concatenate([dck * g * i * (1 - i), dck * c_prev[:, k] * f * (1 - f),
                             dh[:, k] * t * o * (1 - o), dck * i * (1 - g**2)])
        stacked = np.concatenate([h_prev[:, k], x[:, k]])
        dW += np.outer(dz, stacked)
        db[:, 0] += dz
        d_stacked = W.T @ dz
        dh_prev[:, k], dx[:, k], dc_prev[:, k] = d_stacked[:n], d_stacked[n:], dck * f
    return dx, dh_prev, dc_prev, dW, db
