# expect: passed | passed all
import math

import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    th, mn, vn = (np.empty_like(a, dtype=np.float64) for a in (theta, m, v))
    for i in np.ndindex(theta.shape):
        mn[i] = beta1 * m[i] + (1 - beta1) * grad[i]
        vn[i] = beta2 * v[i] + (1 - beta2) * grad[i] * grad[i]
        m_hat = mn[i] / (1 - beta1**t)
        v_hat = vn[i] / (1 - beta2**t)
        th[i] = theta[i] - lr * m_hat / (math.sqrt(v_hat) + eps)
    return [th, mn, vn]
