# expect: failed | every entry of x was shifted at once
# x + eps moves every entry, not just x[idx]
import numpy as np
def numerical_gradient(f, x, eps=1e-5):
    grad = np.zeros(x.shape)
    for idx in np.ndindex(x.shape):
        grad[idx] = (f(x + eps) - f(x - eps)) / (2 * eps)
    return grad
