# expect: failed | the candidate's derivative was written g * (1 - g), the sigmoid's
import numpy as np


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    stacked = np.concatenate([h_prev, x], axis=0)
    z = W @ stacked + b
    i, f, o = _sigmoid(z[:n]), _sigmoid(z[n : 2 * n]), _sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, {"s": stacked, "c_prev": c_prev, "c": c, "W": W, "gates": (i, f, o, g)}


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g = cache["gates"]
    n = i.shape[0]
    tanh_c = np.tanh(cache["c"])
    dc_total = dc + dh * o * (1 - tanh_c**2)
    dz = np.concatenate(
        [
            dc_total * g * i * (1 - i),
            dc_total * cache["c_prev"] * f * (1 - f),
            dh * tanh_c * o * (1 - o),
            dc_total * i * g * (1 - g),  # every gate's derivative written as sigmoid's
        ],
        axis=0,
    )
    ds = cache["W"].T @ dz
    return ds[n:], ds[:n], dc_total * f, dz @ cache["s"].T, dz.sum(axis=1, keepdims=True)
