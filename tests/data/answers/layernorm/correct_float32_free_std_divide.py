# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    mu = np.mean(X, axis=0, keepdims=True)
    std = np.sqrt(np.var(X, axis=0, keepdims=True) + eps)
    xh = (X - mu) / std
    return xh * gamma + beta, {"X": X, "mu": mu, "std": std, "gamma": gamma}


def layernorm_backward(dout, cache):
    X, mu, std, gamma = cache["X"], cache["mu"], cache["std"], cache["gamma"]
    n = X.shape[0]
    xh = (X - mu) / std
    dxh = dout * gamma
    dvar = np.sum(dxh * (X - mu), axis=0) * -0.5 * std**-3
    dmu = np.sum(-dxh / std, axis=0) + dvar * np.mean(-2.0 * (X - mu), axis=0)
    dX = dxh / std + dvar * 2.0 * (X - mu) / n + dmu / n
    return dX, np.sum(dout * xh, axis=1)[:, None], np.sum(dout, axis=1)[:, None]
