# expect: failed | the bias correction used t - 1
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # t read as zero-based: the first step's correction 1 - beta**0 is 0
    step = t - 1
    c1 = -np.expm1(step * np.log(beta1))
    c2 = -np.expm1(step * np.log(beta2))
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    return theta - lr * (m_new / c1) / (np.sqrt(v_new / c2) + eps), m_new, v_new
