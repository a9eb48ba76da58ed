# expect: passed | passed
import math

import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    theta_new, m_new, v_new = (np.empty(np.shape(a)) for a in (theta, m, v))
    c1, c2 = 1.0 - beta1**t, 1.0 - beta2**t
    for idx in np.ndindex(np.shape(theta)):
        m_new[idx] = beta1 * m[idx] + (1 - beta1) * grad[idx]
        v_new[idx] = beta2 * v[idx] + (1 - beta2) * grad[idx] * grad[idx]
        theta_new[idx] = theta[idx] - lr * (m_new[idx] / c1) / (math.sqrt(v_new[idx] / c2) + eps)
    return theta_new, m_new, v_new
