# expect: passed | passed all
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    hx = np.concatenate([h_prev, x], axis=0)
    zi, zf, zo, zg = np.split(W @ hx + b, 4, axis=0)
    i, f, o, g = _sigmoid(zi), _sigmoid(zf), _sigmoid(zo), np.tanh(zg)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    cache = {"hx": hx, "c_prev": c_prev, "c": c, "W": W, "gates": (i, f, o, g)}
    return [h, c, cache]


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g = cache["gates"]
    n = i.shape[0]
    tc = np.tanh(cache["c"])
    dc_total = dc + dh * o * (1.0 - tc * tc)
    dz = np.concatenate(
        [
            dc_total * g * i * (1.0 - i),
            dc_total * cache["c_prev"] * f * (1.0 - f),
            dh * tc * o * (1.0 - o),
            dc_total * i * (1.0 - g * g),
        ],
        axis=0,
    )
    dhx = np.einsum("kj,km->jm", cache["W"], dz)
    dW = np.einsum("km,jm->kj", dz, cache["hx"])
    return [dhx[n:], dhx[:n], dc_total * f, dW, dz.sum(axis=1)[:, None]]
