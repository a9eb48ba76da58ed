# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # each column's standard deviation as the norm of its centred values over sqrt(n)
    n = X.shape[0]
    centred = X - X.mean(axis=0, keepdims=True)
    var = (np.linalg.norm(centred, axis=0, keepdims=True) ** 2) / n
    inv = 1.0 / np.sqrt(var + eps)
    x_hat = centred * inv
    return gamma * x_hat + beta, (x_hat, inv, gamma)


def layernorm_backward(dout, cache):
    x_hat, inv, gamma = cache
    n = x_hat.shape[0]
    dxh = dout * gamma
    dX = inv / n * (n * dxh - dxh.sum(axis=0, keepdims=True)
                    - x_hat * np.sum(dxh * x_hat, axis=0, keepdims=True))
    dgamma = np.sum(dout * x_hat, axis=1, keepdims=True)
    dbeta = np.sum(dout, axis=1, keepdims=True)
    return dX, dgamma, dbeta
