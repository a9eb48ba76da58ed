# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    new = theta * (1.0 - lr * weight_decay)  # PyTorch decays the parameter first
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    step_size = lr / (1 - beta1**t)
    denom = np.sqrt(v_new) / np.sqrt(1 - beta2**t) + eps
    new -= step_size * m_new / denom
    return new, m_new, v_new
