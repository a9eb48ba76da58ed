# expect: passed | passed all
import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    z = W @ np.concatenate([h_prev, x], axis=0) + b
    i, f, o = _sigmoid(z[:n]), _sigmoid(z[n : 2 * n]), _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (np.concatenate([h_prev, x], axis=0), c_prev, c, W, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, i, f, o, g = cache
    n, m = c.shape
    dW = np.zeros(W.shape)
    db = np.zeros((W.shape[0], 1))
    dhx = np.zeros(hx.shape)
    dc_prev = np.zeros(c.shape)
    for j in range(m):
        s = slice(j, j + 1)
        t = np.tanh(c[:, s])
        d_c = dc[:, s] + dh[:, s] * o[:, s] * (1 - t**2)
        dz = np.vstack([
            d_c * g[:, s] * i[:, s] * (1 - i[:, s]),
            d_c * c_prev[:, s] * f[:, s] * (1 - f[:, s]),
            dh[:, s] * t * o[:, s] * (1 - o[:, s]),
            d_c * i[:, s] * (1 - g[:, s] ** 2),
        ])
        dW += dz @ hx[:, s].T
        db += dz
        dhx[:, s] = W.T @ dz
        dc_prev[:, s] = d_c * f[:, s]
    return dhx[n:], dhx[:n], dc_prev, dW, db
