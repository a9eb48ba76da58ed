# expect: failed | the bias correction raised the whole (1 - beta) to the power t
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_new = beta1 * m + (1 - beta1) * grad
    v_new = beta2 * v + (1 - beta2) * grad**2
    m_hat = m_new / (1 - beta1) ** t  # the power on the wrong term
    v_hat = v_new / (1 - beta2) ** t
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new
