# expect: passed | passed all
import math

import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    th, mm, vv = (np.array(a, dtype=np.float64) for a in (theta, m, v))
    c1 = 1.0 - beta1**t
    c2 = 1.0 - beta2**t
    for i in np.ndindex(th.shape):
        g = float(grad[i])
        mm[i] = beta1 * mm[i] + (1.0 - beta1) * g
        vv[i] = beta2 * vv[i] + (1.0 - beta2) * g * g
        th[i] -= lr * (mm[i] / c1) / (math.sqrt(vv[i] / c2) + eps)
    return th, mm, vv
