# expect: passed | passed all
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # m + (1 - beta1) (g - m) is the same moving average written as a lerp
    m_new = m + (1.0 - beta1) * (grad - m)
    v_new = v + (1.0 - beta2) * (np.square(grad) - v)
    denom = np.sqrt(v_new / (1.0 - np.power(beta2, t))) + eps
    return theta - lr * (m_new / (1.0 - np.power(beta1, t))) / denom, m_new, v_new
