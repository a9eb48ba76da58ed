# expect: passed | passed all
import numpy as np


def _one(x, h, c, W, b):
    n = h.shape[0]
    z = W @ np.concatenate([h, x]) + b
    s = 1 / (1 + np.exp(-z[: 3 * n]))
    i, f, o = s[:n], s[n : 2 * n], s[2 * n :]
    g = np.tanh(z[3 * n :])
    c_new = f * c + i * g
    return o * np.tanh(c_new), c_new, (i, f, o, g)


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    hs, cs, parts = [], [], []
    for j in range(x.shape[1]):
        h, c, p = _one(x[:, j], h_prev[:, j], c_prev[:, j], W, b[:, 0])
        hs.append(h)
        cs.append(c)
        parts.append(p)
    return np.array(hs).T, np.array(cs).T, [x, h_prev, c_prev, W, parts, np.array(cs).T]


def lstm_cell_backward(dh, dc, cache):
    x, h_prev, c_prev, W, parts, c = cache
    n = h_prev.shape[0]
    dx, dhp, dcp = np.zeros_like(x), np.zeros_like(h_prev), np.zeros_like(c_prev)
    dW = np.zeros_like(W)
    db = np.zeros((W.shape[0], 1))
    for j, (i, f, o, g) in enumerate(parts):
        tc = np.tanh(c[:, j])
        dcj = dc[:, j] + dh[:, j] * o * (1 - tc**2)
        dz = np.concatenate(
            [
                dcj * g * i * (1 - i),
                dcj * c_prev[:, j] * f * (1 - f),
                dh[:, j] * tc * o * (1 - o),
                dcj * i * (1 - g**2),
            ]
        )
        hx = np.concatenate([h_prev[:, j], x[:, j]])
        dW += np.outer(dz, hx)
        db[:, 0] += dz
        dhx = W.T @ dz
        dhp[:, j], dx[:, j] = dhx[:n], dhx[n:]
        dcp[:, j] = dcj * f
    return dx, dhp, dcp, dW, db
