# expect: failed | v's bias correction used t - 1 while m's used t
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """Second moment corrected with the previous step's power (t - 1, floored at 1)."""
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2 ** max(t - 1, 1))
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
