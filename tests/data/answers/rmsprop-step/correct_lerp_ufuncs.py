# expect: passed | passed all
import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    s_new = s + (1.0 - rho) * (grad * grad - s)
    return theta - lr * grad / np.add(np.sqrt(s_new), eps), s_new
