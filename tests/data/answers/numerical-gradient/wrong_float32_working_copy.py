# expect: failed | x was perturbed in a float32 copy
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    """Perturbs a float32 working copy ('enough precision for a gradient')."""
    work = x.astype(np.float32)
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        old = work[idx]
        work[idx] = old + eps
        up = f(work)
        work[idx] = old - eps
        down = f(work)
        work[idx] = old
        grad[idx] = (up - down) / (2 * eps)
    return grad
