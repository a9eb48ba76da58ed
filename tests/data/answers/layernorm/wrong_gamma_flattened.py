# expect: failed | fails when X's rows and columns differ
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    # gamma and beta flattened to (d,): against (d, m) they broadcast along the examples,
    # which works only when d == m, and then scales each example, not each feature
    g, b = gamma.ravel(), beta.ravel()
    mu = X.mean(axis=0, keepdims=True)
    inv_std = 1.0 / np.sqrt(X.var(axis=0, keepdims=True) + eps)
    x_hat = (X - mu) * inv_std
    return g * x_hat + b, (x_hat, inv_std, g)


def layernorm_backward(dout, cache):
    x_hat, inv_std, g = cache
    d = dout.shape[0]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    dxh = dout * g
    dX = inv_std / d * (d * dxh - dxh.sum(axis=0, keepdims=True) - x_hat * (dxh * x_hat).sum(axis=0, keepdims=True))
    return dX, dgamma, dbeta
