# expect: passed | passed
import math

import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    theta_new = np.array(theta, dtype=np.float64)
    s_new = np.array(s, dtype=np.float64)
    for idx in np.ndindex(theta_new.shape):
        s_new[idx] = rho * s_new[idx] + (1 - rho) * grad[idx] ** 2
        theta_new[idx] -= lr * grad[idx] / (math.sqrt(s_new[idx]) + eps)
    return theta_new, s_new
