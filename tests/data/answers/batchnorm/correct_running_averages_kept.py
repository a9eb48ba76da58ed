# expect: passed | passed all
import numpy as np

_running = {}


def batchnorm_forward(X, gamma, beta, eps=1e-5, momentum=0.9):
    # a training-mode layer that also updates running statistics (unused by this drill)
    mu = X.mean(axis=1, keepdims=True)
    var = X.var(axis=1, keepdims=True)
    key = X.shape[0]
    old_mu, old_var = _running.get(key, (np.zeros_like(mu), np.ones_like(var)))
    _running[key] = (momentum * old_mu + (1 - momentum) * mu, momentum * old_var + (1 - momentum) * var)
    std = np.sqrt(var + eps)
    x_hat = (X - mu) / std
    return gamma * x_hat + beta, {"x_hat": x_hat, "std": std, "gamma": gamma}


def batchnorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    dbeta = dout.sum(axis=1, keepdims=True)
    dgamma = (dout * x_hat).sum(axis=1, keepdims=True)
    g = dout * gamma
    dX = (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True)) / std
    return dX, dgamma, dbeta
