# expect: passed | passed
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    # PyTorch order: shrink theta first, then the Adam step (same result: both use old theta)
    theta_new = theta * (1.0 - lr * weight_decay)
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad * grad
    bc1 = 1.0 - beta1**t
    bc2 = 1.0 - beta2**t
    theta_new -= lr / bc1 * m_new / (np.sqrt(v_new) / np.sqrt(bc2) + eps)
    return theta_new, m_new, v_new
