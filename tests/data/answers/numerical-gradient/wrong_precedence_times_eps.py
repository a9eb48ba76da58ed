# expect: failed | Python reads (f(x + eps) - f(x - eps)) / 2 * eps as ((...) / 2) * eps
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for i in np.ndindex(x.shape):
        old = x[i]
        x[i] = old + eps
        fp = f(x)
        x[i] = old - eps
        fm = f(x)
        x[i] = old
        grad[i] = (fp - fm) / 2 * eps  # Python reads this as ((fp - fm) / 2) * eps
    return grad
