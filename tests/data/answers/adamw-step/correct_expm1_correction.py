# expect: passed | passed all
import numpy as np


def adamw_step(theta, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=1e-2):
    m_new = m + (1 - beta1) * (grad - m)
    v_new = v + (1 - beta2) * (grad * grad - v)
    bc1 = -np.expm1(t * np.log(beta1))
    bc2 = -np.expm1(t * np.log(beta2))
    step = lr * (m_new / bc1) / (np.sqrt(v_new / bc2) + eps)
    return theta * (1.0 - lr * weight_decay) - step, m_new, v_new
