# expect: passed | passed all
import numpy as np


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self):
        return self.mask.astype(np.float64)


class LeakyReLU:
    def __init__(self, negative_slope=0.01):
        self.negative_slope = negative_slope

    def forward(self, x):
        out = x.copy()
        out[x <= 0] *= self.negative_slope
        return out


class ELU:
    def __init__(self, alpha=1.0):
        self.alpha = alpha

    def forward(self, x):
        out = x.copy()
        neg = x <= 0
        out[neg] = self.alpha * (np.exp(x[neg]) - 1.0)
        return out


def relu(z):
    return ReLU().forward(z)


def relu_grad(z):
    layer = ReLU()
    layer.forward(z)
    return layer.backward()


def leaky_relu(z, alpha=0.01):
    return LeakyReLU(alpha).forward(z)


def elu(z, alpha=1.0):
    return ELU(alpha).forward(z)
