# expect: passed | passed all
import math

import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    theta_new = np.empty_like(theta, dtype=np.float64)
    s_new = np.empty_like(s, dtype=np.float64)
    for i, (t, g, old) in enumerate(zip(theta.flat, grad.flat, s.flat)):
        avg = rho * old + (1.0 - rho) * g * g
        s_new.flat[i] = avg
        theta_new.flat[i] = t - lr * g / (math.sqrt(avg) + eps)
    return theta_new, s_new
