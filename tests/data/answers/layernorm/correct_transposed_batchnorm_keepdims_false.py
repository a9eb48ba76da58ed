# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    Xt = X.T  # examples as rows: normalise each row
    mu = Xt.mean(axis=1)
    var = Xt.var(axis=1)
    std = np.sqrt(var + eps)
    x_hat = ((Xt - mu.reshape(-1, 1)) / std.reshape(-1, 1)).T
    return gamma * x_hat + beta, {"x_hat": x_hat, "std": std, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    n = x_hat.shape[0]
    g = dout * gamma
    dX = (g - g.mean(axis=0) - x_hat * (g * x_hat).mean(axis=0)) / std
    return dX, np.sum(dout * x_hat, axis=1, keepdims=True), np.sum(dout, axis=1, keepdims=True)
