# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    sq = np.einsum("...,...->...", grad, grad)
    s_new = rho * s + (1 - rho) * sq
    return [theta - lr * grad / (np.sqrt(s_new) + eps), s_new]
