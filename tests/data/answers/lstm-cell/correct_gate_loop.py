# expect: passed | passed
import numpy as np


def _sig(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.concatenate([h_prev, x], axis=0)
    z = W @ hx + b
    i, f, o = (_sig(z[k * n : (k + 1) * n]) for k in range(3))
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    tc = np.tanh(c)
    h = o * tc
    return h, c, {"hx": hx, "W": W, "gates": (i, f, o, g), "c_prev": c_prev, "tc": tc, "n": n}


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g = cache["gates"]
    tc, c_prev, hx, W, n = cache["tc"], cache["c_prev"], cache["hx"], cache["W"], cache["n"]
    dc_total = dc + dh * o * (1.0 - tc**2)
    blocks = [
        dc_total * g * i * (1.0 - i),
        dc_total * c_prev * f * (1.0 - f),
        dh * tc * o * (1.0 - o),
        dc_total * i * (1.0 - g**2),
    ]
    dz = np.concatenate(blocks, axis=0)
    dW = dz @ hx.T
    db = dz.sum(axis=1, keepdims=True)
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc_total * f, dW, db
