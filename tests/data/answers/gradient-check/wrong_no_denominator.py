# expect: failed | yours is the absolute difference ||num - grad||
import numpy as np


def gradient_check(f, grad_f, x, eps=1e-5, threshold=1e-7):
    analytic = grad_f(x)
    numeric = np.zeros(x.shape)
    for idx in np.ndindex(*x.shape):
        old = x[idx]
        x[idx] = old + eps
        f_plus = f(x)
        x[idx] = old - eps
        f_minus = f(x)
        x[idx] = old
        numeric[idx] = (f_plus - f_minus) / (2 * eps)
    diff = np.linalg.norm(numeric - analytic)
    return diff < threshold, diff
