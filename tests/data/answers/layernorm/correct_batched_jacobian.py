# expect: passed | passed all
import numpy as np


def layernorm_forward(X, gamma, beta, eps=1e-5):
    n = X.shape[0]
    centred = X - X.sum(axis=0) / n  # (m,) broadcasts over the rows: no keepdims needed
    std = np.sqrt((centred**2).sum(axis=0) / n + eps)
    x_hat = centred / std
    return gamma * x_hat + beta, {"x_hat": x_hat, "std": std, "gamma": gamma}


def layernorm_backward(dout, cache):
    x_hat, std, gamma = cache["x_hat"], cache["std"], cache["gamma"]
    n, m = dout.shape
    # one n-by-n Jacobian of x_hat per example, stacked (m, n, n), applied with einsum
    eye = np.eye(n)[None, :, :]
    xt = x_hat.T
    jac = (eye - 1.0 / n - xt[:, :, None] * xt[:, None, :] / n) / std[:, None, None]
    dX = np.einsum("jik,ij->kj", jac, dout * gamma)
    return dX, (dout * x_hat).sum(axis=1)[:, None], dout.sum(axis=1)[:, None]
