# expect: failed | the gates i, f and o use a hard sigmoid, clip(0.2 * z + 0.5, 0, 1)
import numpy as np


def hard_sigmoid(z):
    # older Keras's default recurrent_activation: a piecewise-linear sigmoid
    return np.clip(0.2 * z + 0.5, 0.0, 1.0)


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    n = h_prev.shape[0]
    hx = np.vstack([h_prev, x])
    z = W @ hx + b
    i, f, o = hard_sigmoid(z[:n]), hard_sigmoid(z[n : 2 * n]), hard_sigmoid(z[2 * n : 3 * n])
    g = np.tanh(z[3 * n :])
    c = f * c_prev + i * g
    return o * np.tanh(c), c, (hx, c_prev, c, W, z, i, f, o, g)


def lstm_cell_backward(dh, dc, cache):
    hx, c_prev, c, W, z, i, f, o, g = cache
    n = c.shape[0]
    tc = np.tanh(c)
    dc = dc + dh * o * (1 - tc**2)

    def slope(block):
        return np.where(np.abs(block) < 2.5, 0.2, 0.0)

    dz = np.vstack(
        [
            dc * g * slope(z[:n]),
            dc * c_prev * slope(z[n : 2 * n]),
            dh * tc * slope(z[2 * n : 3 * n]),
            dc * i * (1 - g**2),
        ]
    )
    dhx = W.T @ dz
    return dhx[n:], dhx[:n], dc * f, dz @ hx.T, dz.sum(axis=1, keepdims=True)
