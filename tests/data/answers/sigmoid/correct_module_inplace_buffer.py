# expect: passed | passed all
import numpy as np


class Sigmoid:
    def __call__(self, x):
        out = np.negative(np.abs(x))
        np.exp(out, out=out)  # e = exp(-|x|) in (0, 1]
        pos = x >= 0
        out[pos] = 1.0 / (1.0 + out[pos])
        neg = ~pos
        out[neg] = out[neg] / (1.0 + out[neg])
        return out


def sigmoid(z):
    return Sigmoid()(z)
