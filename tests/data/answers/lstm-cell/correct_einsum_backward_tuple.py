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
    n = c.shape[0]
    t = np.tanh(c)
    total_dc = dc + dh * o * (1.0 - t * t)
    dz = np.concatenate(
        [total_dc * g * i * (1 - i), total_dc * c_prev * f * (1 - f), dh * t * o * (1 - o), total_dc * i * (1 - g * g)],
        axis=0,
    )
    dW = np.einsum("gm,km->gk", dz, hx)
    db = np.einsum("gm->g", dz)[:, None]
    dhx = np.einsum("gk,gm->km", W, dz)
    return dhx[n:], dhx[:n], total_dc * f, dW, db
