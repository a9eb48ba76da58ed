# expect: passed | passed all
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    # the cache keeps the pre-activations; the backward recomputes the gates from them
    n = h_prev.shape[0]
    stacked = np.concatenate([h_prev, x], axis=0)
    z = W @ stacked + b
    i, f, o = (_sigmoid(z[k * n : (k + 1) * n]) for k in range(3))
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    h = o * np.tanh(c)
    return h, c, {"z": z, "stacked": stacked, "c_prev": c_prev, "W": W}


def lstm_cell_backward(dh, dc, cache):
    z, stacked, c_prev, W = cache["z"], cache["stacked"], cache["c_prev"], cache["W"]
    n = c_prev.shape[0]
    i, f, o = (_sigmoid(z[k * n : (k + 1) * n]) for k in range(3))
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    tanh_c = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tanh_c**2)
    # sigmoid'(z) = s(z) * s(-z), tanh'(z) = 1 - tanh(z)**2, each from z itself
    dz = np.concatenate(
        [
            dc_total * g * i * _sigmoid(-z[:n]),
            dc_total * c_prev * f * _sigmoid(-z[n : 2 * n]),
            dh * tanh_c * o * _sigmoid(-z[2 * n : 3 * n]),
            dc_total * i * (1.0 - g**2),
        ],
        axis=0,
    )
    dstacked = W.T @ dz
    return dstacked[n:], dstacked[:n], dc_total * f, dz @ stacked.T, dz.sum(axis=1, keepdims=True)
