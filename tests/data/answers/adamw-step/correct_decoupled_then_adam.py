# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    decayed = theta * (1.0 - lr * weight_decay)
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad**2
    bc1 = 1.0 - beta1**t
    bc2 = 1.0 - beta2**t
    step_size = lr / bc1
    denom = np.sqrt(v_new) / np.sqrt(bc2) + eps
    return decayed - step_size * m_new / denom, m_new, v_new
