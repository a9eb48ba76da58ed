# expect: failed | the step was scaled to each entry, h = eps * max(1, |x_i|)
import numpy as np


def numerical_gradient(f, x, eps=1e-5):
    # a step relative to the entry's size, h = eps * max(1, |x_i|)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        old = x[idx]
        h = eps * max(1.0, abs(old))
        x[idx] = old + h
        plus = f(x)
        x[idx] = old - h
        minus = f(x)
        x[idx] = old
        grad[idx] = (plus - minus) / (2 * h)
    return grad
