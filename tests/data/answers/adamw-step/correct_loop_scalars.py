# expect: passed | passed
import math

import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    out = [np.empty(np.shape(theta)) for _ in range(3)]
    for idx in np.ndindex(np.shape(theta)):
        mi = beta1 * m[idx] + (1 - beta1) * grad[idx]
        vi = beta2 * v[idx] + (1 - beta2) * grad[idx] ** 2
        step = lr * (mi / (1 - beta1**t)) / (math.sqrt(vi / (1 - beta2**t)) + eps)
        out[0][idx] = theta[idx] - lr * weight_decay * theta[idx] - step
        out[1][idx], out[2][idx] = mi, vi
    return tuple(out)
