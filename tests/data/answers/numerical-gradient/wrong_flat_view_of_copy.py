# expect: failed | grad is all zeros, as if f never saw the perturbation
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # perturbs a flattened copy, but calls f on the unperturbed x
    grad = np.zeros(x.shape)
    flat = x.flatten()
    g = grad.reshape(-1)
    for i in range(flat.size):
        old = flat[i]
        flat[i] = old + eps
        up = f(x)
        flat[i] = old - eps
        down = f(x)
        flat[i] = old
        g[i] = (up - down) / (2 * eps)
    return grad
