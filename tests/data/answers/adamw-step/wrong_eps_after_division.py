# expect: failed | eps was added to theta: lr * m_hat / np.sqrt(v_hat) + eps
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad**2
    m_hat = m_new / (1.0 - beta1**t)
    v_hat = v_new / (1.0 - beta2**t)
    theta_new = theta * (1.0 - lr * weight_decay) - lr * m_hat / np.sqrt(v_hat) + eps
    return theta_new, m_new, v_new
