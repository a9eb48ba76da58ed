# expect: failed | the gates were cut with z.reshape(n, 4, m)
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n, m = h_prev.shape
    hx = np.vstack([h_prev, x])
    # (n, 4, m): row r of z goes to unit r // 4, gate r % 4, not gate r // n
    z = (W @ hx + b).reshape(n, 4, m)
    sig = 1.0 / (1.0 + np.exp(-z[:, :3]))
    i, f, o = sig[:, 0], sig[:, 1], sig[:, 2]
    g = np.tanh(z[:, 3])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (hx, c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n = c.shape[0]
    tc = np.tanh(c)
    dct = dc + dh * o * (1 - tc**2)
    dz = np.stack(
        [dct * g * i * (1 - i), dct * c_prev * f * (1 - f), dh * tc * o * (1 - o),
         dct * i * (1 - g**2)],
        axis=1,
    ).reshape(4 * n, -1)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dct * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
