# expect: failed | was added to the gradient (L2 regularization inside Adam)
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    g = grad + weight_decay * theta
    m_new = beta1 * m + (1.0 - beta1) * g
    v_new = beta2 * v + (1.0 - beta2) * g**2
    m_hat = m_new / (1.0 - beta1**t)
    v_hat = v_new / (1.0 - beta2**t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
