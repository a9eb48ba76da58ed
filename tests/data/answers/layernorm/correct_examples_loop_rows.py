# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    out = np.empty_like(X)
    cols = []
    for j in range(X.shape[1]):
        x = X[:, j]
        mu = x.mean()
        var = ((x - mu) ** 2).mean()
        inv = (var + eps) ** -0.5
        xh = (x - mu) * inv
        out[:, j] = gamma[:, 0] * xh + beta[:, 0]
        cols.append((xh, inv))
    return out, (cols, gamma)


def layernorm_backward(dout, cache):
    cols, gamma = cache
    n = gamma.shape[0]
    dX = np.empty_like(dout)
    dgamma = np.zeros_like(gamma)
    dbeta = np.zeros_like(gamma)
    for j, (xh, inv) in enumerate(cols):
        dy = dout[:, j]
        g = dy * gamma[:, 0]
        dX[:, j] = inv * (g - g.mean() - xh * (g * xh).mean())
        dgamma[:, 0] += dy * xh
        dbeta[:, 0] += dy
    return dX, dgamma, dbeta
