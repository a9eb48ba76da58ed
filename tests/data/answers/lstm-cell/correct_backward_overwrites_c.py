# expect: passed | passed all
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = np.einsum("ij,jm->im", W, hx) + b
    gates = 0.5 * (1 + np.tanh(0.5 * z[: 3 * n]))
    i, f, o = gates[:n], gates[n : 2 * n], gates[2 * n :]
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    cache = {"hx": hx, "c_prev": c_prev, "c": c, "i": i, "f": f, "o": o, "g": g, "W": W}
    return h, c, cache


def lstm_cell_backward(dh, dc, cache):
    n = dh.shape[0]
    i, f, o, g, c = cache["i"], cache["f"], cache["o"], cache["g"], cache["c"]
    tanh_c = np.tanh(c, out=c)  # c is not needed after this: tanh(c) written over it
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)
    dz = np.empty((4 * n, dh.shape[1]))
    dz[:n] = dc_total * g * i * (1 - i)
    dz[n : 2 * n] = dc_total * cache["c_prev"] * f * (1 - f)
    dz[2 * n : 3 * n] = dh * tanh_c * o * (1 - o)
    dz[3 * n :] = dc_total * i * (1 - g * g)
    dW = np.einsum("im,jm->ij", dz, cache["hx"])
    db = np.einsum("im->i", dz)[:, None]
    dhx = np.einsum("ij,im->jm", cache["W"], dz)
    return dhx[n:], dhx[:n], dc_total * f, dW, db
