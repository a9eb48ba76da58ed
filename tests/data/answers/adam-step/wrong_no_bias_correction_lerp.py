# expect: failed | no bias correction
import numpy as np


def adam_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    # moments as exponential moving averages written as lerps, stepped with directly:
    # t is taken but the (1 - beta**t) corrections are never applied
    m_new = m + (1.0 - beta1) * (grad - m)
    v_new = v + (1.0 - beta2) * (np.square(grad) - v)
    return theta - lr * m_new / (np.sqrt(v_new) + eps), m_new, v_new
