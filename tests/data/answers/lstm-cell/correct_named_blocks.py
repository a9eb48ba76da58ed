# expect: passed | passed
import numpy as np


def _sig(z):
    return np.exp(-np.logaddexp(0.0, -z))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    Wh, Wx = W[:, :n], W[:, n:]  # W applied to [h_prev; x] is Wh @ h_prev + Wx @ x
    z = Wh @ h_prev + Wx @ x + b
    zi, zf, zo, zg = np.split(z, 4, axis=0)
    i, f, o, g = _sig(zi), _sig(zf), _sig(zo), np.tanh(zg)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, {"x": x, "h_prev": h_prev, "c_prev": c_prev, "W": W, "gates": (i, f, o, g), "c": c}


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g = cache["gates"]
    c, c_prev, W = cache["c"], cache["c_prev"], cache["W"]
    n = c.shape[0]
    tanh_c = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)
    dz = np.concatenate(
        [
            dc_total * g * i * (1 - i),
            dc_total * c_prev * f * (1 - f),
            dh * tanh_c * o * (1 - o),
            dc_total * i * (1 - g * g),
        ]
    )
    dW = dz @ np.concatenate([cache["h_prev"], cache["x"]]).T
    db = dz.sum(axis=1, keepdims=True)
    dh_prev = W[:, :n].T @ dz
    dx = W[:, n:].T @ dz
    return dx, dh_prev, dc_total * f, dW, db
