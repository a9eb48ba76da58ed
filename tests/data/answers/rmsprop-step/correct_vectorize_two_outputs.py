# expect: passed | passed
import math

import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    def one(th, g, sq):
        sq = rho * sq + (1.0 - rho) * g * g
        return th - lr * g / (math.sqrt(sq) + eps), sq

    theta_new, s_new = np.vectorize(one, otypes=[np.float64, np.float64])(theta, grad, s)
    return theta_new, s_new
