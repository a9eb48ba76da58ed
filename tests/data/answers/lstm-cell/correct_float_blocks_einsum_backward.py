# expect: passed | passed all
import numpy as np


def _sig(z):
    out = np.empty_like(z)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    e = np.exp(z[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    Wh, Wx = W[:, :n], W[:, n:]
    z = np.einsum("ij,jm->im", Wh, h_prev) + np.einsum("ij,jm->im", Wx, x) + b
    i, f, o = (_sig(z[k * n : (k + 1) * n]) for k in range(3))
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, {"x": x, "h": h_prev, "c_prev": c_prev, "c": c, "W": W, "gates": (i, f, o, g)}


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g = cache["gates"]
    W, c = cache["W"], cache["c"]
    n = c.shape[0]
    t = np.tanh(c)
    dct = dc + dh * o * (1.0 - t * t)
    dz = np.concatenate(
        [
            dct * g * i * (1 - i),
            dct * cache["c_prev"] * f * (1 - f),
            dh * t * o * (1 - o),
            dct * i * (1 - g * g),
        ],
        axis=0,
    )
    dW = np.concatenate(
        [np.einsum("im,jm->ij", dz, cache["h"]), np.einsum("im,jm->ij", dz, cache["x"])], axis=1
    )
    db = np.einsum("im->i", dz)[:, None]
    dh_prev = np.einsum("ij,im->jm", W[:, :n], dz)
    dx = np.einsum("ij,im->jm", W[:, n:], dz)
    return dx, dh_prev, dct * f, dW, db
