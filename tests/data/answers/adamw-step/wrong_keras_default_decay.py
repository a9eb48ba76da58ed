# expect: failed | weight_decay defaults to 4e-3 in your signature
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=4e-3):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad**2
    m_hat = m / (1 - beta1**t)
    v_hat = v / (1 - beta2**t)
    return theta * (1 - lr * weight_decay) - lr * m_hat / (np.sqrt(v_hat) + eps), m, v
