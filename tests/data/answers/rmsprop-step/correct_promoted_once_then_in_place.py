# expect: passed | passed
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    theta, grad, s = (np.asarray(a, dtype=np.float64) for a in (theta, grad, s))
    s_new = s * rho  # a new array: the caller's s is left alone
    s_new += (1.0 - rho) * np.square(grad)
    denom = np.sqrt(s_new)
    denom += eps
    return theta - lr * grad / denom, s_new
