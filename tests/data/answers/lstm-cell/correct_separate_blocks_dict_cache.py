# expect: passed | passed all
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # W cut into its h_prev and x columns; the cache is a dict
    n = h_prev.shape[0]
    z = W[:, :n] @ h_prev + W[:, n:] @ x + b
    sig = lambda a: np.exp(-np.logaddexp(0.0, -a))
    gates = {"i": sig(z[:n]), "f": sig(z[n:2 * n]), "o": sig(z[2 * n:3 * n]),
             "g": np.tanh(z[3 * n:])}
    c = gates["f"] * c_prev + gates["i"] * gates["g"]
    h = gates["o"] * np.tanh(c)
    return h, c, {"x": x, "h_prev": h_prev, "c_prev": c_prev, "c": c, "W": W, **gates}


def lstm_cell_backward(dh, dc, cache):
    i, f, o, g, c = (cache[k] for k in ("i", "f", "o", "g", "c"))
    n = c.shape[0]
    tanh_c = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)
    dz = np.concatenate([
        dc_total * g * i * (1.0 - i),
        dc_total * cache["c_prev"] * f * (1.0 - f),
        dh * tanh_c * o * (1.0 - o),
        dc_total * i * (1.0 - g * g),
    ])
    W = cache["W"]
    dW = np.hstack([dz @ cache["h_prev"].T, dz @ cache["x"].T])
    db = np.sum(dz, axis=1, keepdims=True)
    return W[:, n:].T @ dz, W[:, :n].T @ dz, dc_total * f, dW, db
