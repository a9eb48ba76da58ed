# expect: passed | passed
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    Wh, Wx = W[:, :n], W[:, n:]
    z = np.einsum("kn,nm->km", Wh, h_prev) + np.einsum("kd,dm->km", Wx, x) + b
    zi, zf, zo, zg = np.split(z, 4, axis=0)
    i, f, o = (np.exp(-np.logaddexp(0.0, -a)) for a in (zi, zf, zo))
    g = np.tanh(zg)
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, (x, h_prev, c_prev, Wh, Wx, i, f, o, g, c)


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, Wh, Wx, i, f, o, g, c = cache
    t = np.tanh(c)
    do = dh * t
    dct = dc + dh * o * (1 - t * t)
    di, df, dg = dct * g, dct * c_prev, dct * i
    dz = np.vstack([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - g * g)])
    dW = np.hstack([np.einsum("km,nm->kn", dz, h_prev), np.einsum("km,dm->kd", dz, x)])
    return Wx.T @ dz, Wh.T @ dz, dct * f, dW, np.sum(dz, axis=1, keepdims=True)
