# expect: failed | divided sqrt(v) by (1 - beta2**t), after the root
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    # the root taken before the correction: sqrt(v) / (1 - beta2**t) where
    # sqrt(v / (1 - beta2**t)) is meant
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    m_hat = m_new / (1 - beta1**t)
    root = np.sqrt(v_new) / (1 - beta2**t)
    theta_new = theta * (1 - lr * weight_decay) - lr * m_hat / (root + eps)
    return theta_new, m_new, v_new
