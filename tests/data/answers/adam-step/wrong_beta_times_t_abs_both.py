# expect: failed | the bias correction used 1 - beta*t
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    m_t = beta1 * m + (1 - beta1) * grad
    v_t = beta2 * v + (1 - beta2) * np.square(grad)
    # abs() "fixes" the NaN that 1 - beta*t gave, but the power is still missing
    m_hat = m_t / np.abs(1 - beta1 * t)
    v_hat = v_t / np.abs(1 - beta2 * t)
    return theta - lr * m_hat / (np.sqrt(v_hat) + eps), m_t, v_t
