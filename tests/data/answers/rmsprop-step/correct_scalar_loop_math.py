# expect: passed | passed all
import math

import numpy as np


def rmsprop_step(theta, grad, s, lr=1e-3, rho=0.9, eps=1e-8):
    th = np.array(theta, dtype=np.float64)
    ss = np.array(s, dtype=np.float64)
    for i in np.ndindex(th.shape):
        ss[i] = rho * ss[i] + (1 - rho) * float(grad[i]) ** 2
        th[i] -= lr * float(grad[i]) / (math.sqrt(ss[i]) + eps)
    return th, ss
