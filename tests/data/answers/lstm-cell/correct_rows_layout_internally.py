# expect: passed | passed
import numpy as np


def sigmoid(z):
    return np.where(z >= 0, 1.0 / (1.0 + np.exp(-np.abs(z))), np.exp(-np.abs(z)) / (1.0 + np.exp(-np.abs(z))))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # computed as a course's row-major layer would (examples as rows), transposed back
    n = h_prev.shape[0]
    xh = np.hstack([h_prev.T, x.T])  # (m, n + d)
    a = xh @ W.T + b.T  # (m, 4n)
    i = sigmoid(a[:, :n])
    f = sigmoid(a[:, n : 2 * n])
    o = sigmoid(a[:, 2 * n : 3 * n])
    g = np.tanh(a[:, 3 * n :])
    c = f * c_prev.T + i * g
    h = o * np.tanh(c)
    return h.T, c.T, {"xh": xh, "c_prev": c_prev.T, "c": c, "W": W, "gates": (i, f, o, g)}


def lstm_cell_backward(dh, dc, cache):
    xh, c_prev, c, W = cache["xh"], cache["c_prev"], cache["c"], cache["W"]
    i, f, o, g = cache["gates"]
    n = c.shape[1]
    dh, dc = dh.T, dc.T
    tanh_c = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)
    da = np.hstack(
        [
            dc_total * g * i * (1.0 - i),
            dc_total * c_prev * f * (1.0 - f),
            dh * tanh_c * o * (1.0 - o),
            dc_total * i * (1.0 - g * g),
        ]
    )
    dxh = da @ W
    dW = da.T @ xh
    db = da.sum(axis=0)[:, None]
    return dxh[:, n:].T, dxh[:, :n].T, (dc_total * f).T, dW, db
