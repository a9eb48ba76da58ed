# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = rho * s + (1 - rho) * grad * grad
    denom = np.sqrt(s_new)
    denom += eps
    return theta - lr * grad * np.reciprocal(denom), s_new
