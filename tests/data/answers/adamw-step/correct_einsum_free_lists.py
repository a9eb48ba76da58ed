# expect: passed | passed all
import math
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    c1 = 1.0 / (1.0 - math.pow(beta1, t))
    c2 = 1.0 / (1.0 - math.pow(beta2, t))
    m_new = np.empty_like(m)
    v_new = np.empty_like(v)
    np.multiply(m, beta1, out=m_new)
    m_new += (1 - beta1) * grad
    np.multiply(v, beta2, out=v_new)
    v_new += (1 - beta2) * grad * grad
    denom = np.sqrt(v_new * c2) + eps
    theta_new = theta - lr * weight_decay * theta - lr * (m_new * c1) / denom
    return [theta_new, m_new, v_new]
