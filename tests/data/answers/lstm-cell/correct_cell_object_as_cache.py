# expect: passed | passed
import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


class LSTMCell:
    """One step; the object keeps what its backward pass needs, so it is the cache."""

    def __init__(self, W, b):
        self.W, self.b = W, b

    def __call__(self, x, h_prev, c_prev):
        n = h_prev.shape[0]
        self.hx = np.concatenate([h_prev, x], axis=0)
        z = self.W @ self.hx + self.b
        self.i, self.f, self.o = (_sigmoid(z[k * n : (k + 1) * n]) for k in range(3))
        self.g = np.tanh(z[3 * n :])
        self.c_prev = c_prev
        self.c = self.f * c_prev + self.i * self.g
        self.tc = np.tanh(self.c)
        return self.o * self.tc, self.c

    def backward(self, dh, dc):
        n = self.c.shape[0]
        dc_total = dc + dh * self.o * (1.0 - self.tc**2)
        dz = np.concatenate(
            [
                dc_total * self.g * self.i * (1.0 - self.i),
                dc_total * self.c_prev * self.f * (1.0 - self.f),
                dh * self.tc * self.o * (1.0 - self.o),
                dc_total * self.i * (1.0 - self.g**2),
            ],
            axis=0,
        )
        dhx = self.W.T @ dz
        return dhx[n:], dhx[:n], dc_total * self.f, dz @ self.hx.T, dz.sum(axis=1, keepdims=True)


def lstm_cell_forward(x, h_prev, c_prev, W, b):
    cell = LSTMCell(W, b)
    h, c = cell(x, h_prev, c_prev)
    return h, c, cell


def lstm_cell_backward(dh, dc, cache):
    return cache.backward(dh, dc)
