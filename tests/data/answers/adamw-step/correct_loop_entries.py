# expect: passed | passed all
import math

import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    th, mm, vv = (np.array(a, dtype=np.float64) for a in (theta, m, v))
    for i in np.ndindex(th.shape):
        g = float(grad[i])
        mm[i] = beta1 * mm[i] + (1 - beta1) * g
        vv[i] = beta2 * vv[i] + (1 - beta2) * g * g
        step = (mm[i] / (1 - beta1**t)) / (math.sqrt(vv[i] / (1 - beta2**t)) + eps)
        th[i] = th[i] - lr * weight_decay * th[i] - lr * step
    return th, mm, vv
