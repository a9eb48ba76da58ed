# expect: failed | your code changed its input X in place
import numpy as np


class LayerNorm:
    def __init__(self, gamma, beta, eps):
        self.gamma, self.beta, self.eps = gamma, beta, eps

    def __call__(self, X):
        X -= X.mean(axis=0, keepdims=True)  # centre without a second (n, m) buffer
        inv_std = 1.0 / np.sqrt((X**2).mean(axis=0, keepdims=True) + self.eps)
        x_hat = X * inv_std
        return self.gamma * x_hat + self.beta, (x_hat, inv_std, self.gamma)


def layernorm_forward(X, gamma, beta, eps=1e-5):
    return LayerNorm(gamma, beta, eps)(X)


def layernorm_backward(dout, cache):
    x_hat, inv_std, gamma = cache
    g = dout * gamma
    dX = inv_std * (
        g - g.mean(axis=0, keepdims=True) - x_hat * (g * x_hat).mean(axis=0, keepdims=True)
    )
    return dX, (dout * x_hat).sum(axis=1, keepdims=True), dout.sum(axis=1, keepdims=True)
