# expect: passed | passed all
import numpy as np


def _sig(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    Wh, Wx = W[:, :n], W[:, n:]
    pre = Wh @ h_prev + Wx @ x + b
    gates = {}
    for k, name in enumerate("ifo"):
        gates[name] = _sig(pre[k * n : (k + 1) * n])
    gates["g"] = np.tanh(pre[3 * n :])
    c = gates["f"] * c_prev + gates["i"] * gates["g"]
    h = gates["o"] * np.tanh(c)
    cache = {"x": x, "h_prev": h_prev, "c_prev": c_prev, "Wh": Wh, "Wx": Wx, "c": c, **gates}
    return h, c, cache


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g, c = cache["i"], cache["f"], cache["o"], cache["g"], cache["c"]
    dtanh = 1.0 - np.tanh(c) ** 2
    dcell = dc + dh * o * dtanh
    d_pre = np.concatenate(
        [
            dcell * g * i * (1.0 - i),
            dcell * cache["c_prev"] * f * (1.0 - f),
            dh * np.tanh(c) * o * (1.0 - o),
            dcell * i * (1.0 - g * g),
        ],
        axis=0,
    )
    dWh = d_pre @ cache["h_prev"].T
    dWx = d_pre @ cache["x"].T
    dx = cache["Wx"].T @ d_pre
    dh_prev = cache["Wh"].T @ d_pre
    db = np.sum(d_pre, axis=1, keepdims=True)
    return dx, dh_prev, dcell * f, np.hstack([dWh, dWx]), db
