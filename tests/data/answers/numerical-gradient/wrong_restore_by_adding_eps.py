# expect: failed | x was left perturbed after the call
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    g = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        x[i] += eps
        up = f(x)
        x[i] -= 2 * eps
        down = f(x)
        x[i] += 2 * eps  # restores to x + eps, not x
        g[i] = (up - down) / (2 * eps)
    return g
